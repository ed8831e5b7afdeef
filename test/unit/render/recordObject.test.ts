import type { FieldDef, FieldType } from '../../../src/model/descriptor';
import type { RecordHit } from '../../../src/model/searchResult';
import { fieldsByName, recordObject, renderValue } from '../../../src/render/recordObject';
import { instantRenderer, valueRenderer } from '../../../src/render/valueRenderer';

const field = (name: string, type: FieldType, annotations: FieldDef['annotations'] = []): FieldDef => ({ name, label: name, type, annotations, source: { column: name } });
const precision = (p: string): FieldDef['annotations'] => [{ name: 'timeserie_precision', args: [p] }];

describe('renderValue', () => {
  test('a datetime is shown in the zone asked', () => {
    expect(renderValue(field('t', 'datetime'), '2019-06-21T08:00:00Z', 'Europe/Paris')).toBe('2019-06-21T10:00:00+02:00');
  });

  test('a date is cut to its timeserie_precision: year, month; day and others keep the whole date', () => {
    expect(renderValue(field('d', 'date', precision('year')), '2019-06-21', 'UTC')).toBe('2019');
    expect(renderValue(field('d', 'date', precision('month')), '2019-06-21', 'UTC')).toBe('2019-06');
    expect(renderValue(field('d', 'date', precision('day')), '2019-06-21', 'UTC')).toBe('2019-06-21');
    expect(renderValue(field('d', 'date'), '2019-06-21', 'UTC')).toBe('2019-06-21');
  });

  test('other values, other types and unknown fields are left as they are', () => {
    expect(renderValue(field('t', 'text'), '2019-06-21T08:00:00Z', 'Europe/Paris')).toBe('2019-06-21T08:00:00Z');
    expect(renderValue(field('d', 'text', precision('year')), '2019-06-21', 'UTC')).toBe('2019-06-21');
    expect(renderValue(undefined, '2019-06-21T08:00:00Z', 'Europe/Paris')).toBe('2019-06-21T08:00:00Z');
    expect(renderValue(field('t', 'datetime'), ['2019-06-21T08:00:00Z'], 'Europe/Paris')).toEqual(['2019-06-21T08:00:00Z']);
    expect(renderValue(field('d', 'date', precision('year')), ['2019-06-21'], 'UTC')).toEqual(['2019-06-21']);
  });
});

describe('recordObject', () => {
  const schema = [field('b', 'text'), field('a', 'int'), field('quand', 'datetime'), field('vide', 'text')];
  const ctx = { schema, timeZone: 'Europe/Paris', datasetId: 'ds' };

  test('the ODS v1 record: fields in schema order, empty values absent, instants in the zone (ods-v1 §2.3)', () => {
    const hit = { datasetid: 'ignored', recordid: 'r1', record_timestamp: '2026-01-15T12:00:00Z', geometry: { type: 'Point', coordinates: [2.3, 48.8] },
      fields: { a: 0, quand: '2019-06-21T08:00:00Z', vide: null, b: '', other: 'x' } } as unknown as RecordHit;
    const o = recordObject(hit, ctx, fieldsByName(schema));
    expect(o).toEqual({ datasetid: 'ds', recordid: 'r1', fields: { b: '', a: 0, quand: '2019-06-21T10:00:00+02:00' }, geometry: { type: 'Point', coordinates: [2.3, 48.8] }, record_timestamp: '2026-01-15T13:00:00+01:00' });
    expect(Object.keys(o.fields)).toEqual(['b', 'a', 'quand']);
    expect(Object.keys(o)).toEqual(['datasetid', 'recordid', 'fields', 'geometry', 'record_timestamp']);
  });

  test('no geometry member without a geometry', () => {
    const o = recordObject({ datasetid: 'ds', recordid: 'r', record_timestamp: '2026-01-15T12:00:00Z', fields: {} }, { ...ctx, timeZone: 'UTC' }, fieldsByName(schema));
    expect(o).toEqual({ datasetid: 'ds', recordid: 'r', fields: {}, record_timestamp: '2026-01-15T12:00:00+00:00' });
    expect('geometry' in o).toBe(false);
  });

  test('fieldsByName: the fields by their name, in schema order', () => {
    expect([...fieldsByName(schema).keys()]).toEqual(['b', 'a', 'quand', 'vide']);
    expect(fieldsByName(schema).get('a')).toBe(schema[1]);
  });
});

describe('valueRenderer', () => {
  test('datetime: instants in the zone, other values untouched', () => {
    const render = valueRenderer(field('t', 'datetime'), 'Europe/Paris');
    expect(render('2019-06-21T08:00:00Z')).toBe('2019-06-21T10:00:00+02:00');
    expect(render(5)).toBe(5);
  });

  test('date: cut to its precision', () => {
    expect(valueRenderer(field('d', 'date', precision('month')), 'UTC')('2019-06-21')).toBe('2019-06');
  });

  test('any other type: the value itself', () => {
    expect(valueRenderer(field('t', 'text'), 'Europe/Paris')('2019-06-21T08:00:00Z')).toBe('2019-06-21T08:00:00Z');
    expect(valueRenderer(field('t', 'text', precision('year')), 'UTC')('2019-06-21')).toBe('2019-06-21');
  });

  test('the remembered instant follows its input from one call to the next', () => {
    const instant = instantRenderer('Europe/Paris');
    expect(['2019-06-21T08:00:00Z', '2019-06-21T08:00:00Z', '2019-12-21T08:00:00Z', '2019-06-21T08:00:00Z', ''].map(instant))
      .toEqual(['2019-06-21T10:00:00+02:00', '2019-06-21T10:00:00+02:00', '2019-12-21T09:00:00+01:00', '2019-06-21T10:00:00+02:00', '']);
  });
});
