import type { FieldDef } from '../../../src/model/descriptor';
import { valueRenderer } from '../../../src/render/valueRenderer';

const field = (type: FieldDef['type'], annotations: FieldDef['annotations'] = []): FieldDef => ({ name: 'f', label: 'F', type, annotations, source: { column: 'f' } });

describe('valueRenderer', () => {
  test('datetime: each instant in the zone, with its offset (Paris: +02:00 in June, +01:00 in December)', () => {
    const render = valueRenderer(field('datetime'), 'Europe/Paris');
    // Values alternate and repeat, as a column's do from one record to the next.
    const got = ['2019-06-21T08:00:00Z', '2019-06-21T08:00:00Z', '2019-12-21T08:00:00Z', '2019-06-21T08:00:00Z'].map(render);
    expect(got).toEqual(['2019-06-21T10:00:00+02:00', '2019-06-21T10:00:00+02:00', '2019-12-21T09:00:00+01:00', '2019-06-21T10:00:00+02:00']);
  });

  test('datetime: a value that is no text is left as it is', () => {
    expect(valueRenderer(field('datetime'), 'UTC')(1561104000000)).toBe(1561104000000);
  });

  test('date: cut to its timeserie precision; other types unchanged', () => {
    expect(valueRenderer(field('date', [{ name: 'timeserie_precision', args: ['month'] }]), 'UTC')('2019-06-21')).toBe('2019-06');
    expect(valueRenderer(field('date'), 'UTC')('2019-06-21')).toBe('2019-06-21');
    expect(valueRenderer(field('text'), 'Europe/Paris')('2019-06-21T08:00:00Z')).toBe('2019-06-21T08:00:00Z');
  });
});
