import { AppError } from '../../../src/errors/catalogue';
import type { Annotation, FieldDef, FieldType } from '../../../src/model/descriptor';
import { planSort } from '../../../src/plan/planSort';

const field = (name: string, type: FieldType, annotations: Annotation[] = []): FieldDef => ({ name, label: name, type, annotations, source: { column: name } });

const schema: FieldDef[] = [
  field('n', 'int'),
  field('x', 'double'),
  field('d', 'date'),
  field('t', 'datetime'),
  field('title', 'text', [{ name: 'sortable' }]),
  // `sortable` after another annotation: any of them counts, not only the first.
  field('city', 'text', [{ name: 'facet' }, { name: 'sortable' }]),
  field('note', 'text'),
  field('kind', 'text', [{ name: 'facet' }]),
  field('point', 'geo_point_2d'),
  field('shape', 'geo_shape', [{ name: 'sortable' }]),
  field('doc', 'file', [{ name: 'sortable' }]),
];

function refusal(run: () => unknown): { code: string; details: object; message: string } {
  try { run(); } catch (err) { if (err instanceof AppError) return { code: err.code, details: err.details, message: err.message }; throw err; }
  throw new Error('not refused');
}

/** Every sort ends with the record id ascending, so that pages never overlap. */
const TIE = { path: 'recordid', order: 'asc' };

describe('planSort: accepted keys', () => {
  test('no sort is the record id order alone', () => {
    expect(planSort(schema, [])).toEqual([TIE]);
  });

  test.each(['n', 'x', 'd', 't'])('number or date %s: `f` descending, `-f` ascending (ODS: descending by default)', (name) => {
    expect(planSort(schema, [name])).toEqual([{ path: `v.${name}`, order: 'desc' }, TIE]);
    expect(planSort(schema, [`-${name}`])).toEqual([{ path: `v.${name}`, order: 'asc' }, TIE]);
  });

  test('sortable text: `f` A→Z and `-f` Z→A on its folded sort key (the ods-widgets quirk, ods-v1 §3.6)', () => {
    expect(planSort(schema, ['title'])).toEqual([{ path: 't.title.sort', order: 'asc' }, TIE]);
    expect(planSort(schema, ['-title'])).toEqual([{ path: 't.title.sort', order: 'desc' }, TIE]);
    expect(planSort(schema, ['city'])).toEqual([{ path: 't.city.sort', order: 'asc' }, TIE]);
  });

  test('record_timestamp sorts as a datetime even though no field declares it', () => {
    expect(planSort(schema, ['record_timestamp'])).toEqual([{ path: 'record_timestamp', order: 'desc' }, TIE]);
    expect(planSort(schema, ['-record_timestamp'])).toEqual([{ path: 'record_timestamp', order: 'asc' }, TIE]);
    expect(planSort([], ['record_timestamp'])).toEqual([{ path: 'record_timestamp', order: 'desc' }, TIE]);
  });

  test('several keys keep their order, then the record id', () => {
    expect(planSort(schema, ['-d', 'title', 'x'])).toEqual([
      { path: 'v.d', order: 'asc' },
      { path: 't.title.sort', order: 'asc' },
      { path: 'v.x', order: 'desc' },
      TIE,
    ]);
  });
});

describe('planSort: refusals (400 naming `sort`)', () => {
  test('an unknown field is named without its minus sign', () => {
    expect(refusal(() => planSort(schema, ['nope']))).toEqual({ code: 'bad_parameter', details: { parameter: 'sort' }, message: 'Unknown field "nope" in sort.' });
    expect(refusal(() => planSort(schema, ['-nope']))).toEqual({ code: 'bad_parameter', details: { parameter: 'sort' }, message: 'Unknown field "nope" in sort.' });
    // Only one minus is the direction: `--n` names a field "-n".
    expect(refusal(() => planSort(schema, ['--n']))).toEqual({ code: 'bad_parameter', details: { parameter: 'sort' }, message: 'Unknown field "-n" in sort.' });
  });

  test('an unknown name is cut to its first 100 characters in the message', () => {
    const long = `${'a'.repeat(100)}${'b'.repeat(50)}`;
    expect(refusal(() => planSort(schema, [long])).message).toBe(`Unknown field "${'a'.repeat(100)}" in sort.`);
  });

  test('a refused key refuses the whole sort, wherever it is', () => {
    expect(refusal(() => planSort(schema, ['n', 'nope'])).message).toBe('Unknown field "nope" in sort.');
  });

  test.each([
    ['note', 'note'], ['-note', 'note'], ['kind', 'kind'], ['point', 'point'], ['-point', 'point'], ['shape', 'shape'], ['doc', 'doc'],
  ])('%s is not sortable: text without `sortable`, geo and file fields (%s named)', (spec, name) => {
    expect(refusal(() => planSort(schema, [spec]))).toEqual({
      code: 'bad_parameter',
      details: { parameter: 'sort' },
      message: `Field ${name} is not sortable (numbers, dates and text fields annotated sortable are).`,
    });
  });
});
