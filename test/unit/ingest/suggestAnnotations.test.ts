import type { FieldDef } from '../../../src/model/descriptor';
import type { RawRow } from '../../../src/ingest/rawRow';
import { resolveSchema } from '../../../src/ingest/resolveSchema';
import { suggestAnnotations } from '../../../src/ingest/suggestAnnotations';

/** Rows from column-major lists: rows({ a: ['x', 'y'] }) is two rows. */
function rows(columns: Record<string, Array<string | number | null>>): RawRow[] {
  const n = Math.max(...Object.values(columns).map((c) => c.length));
  return Array.from({ length: n }, (_, i) => ({ position: i + 2, values: Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, c[i]])) }));
}

/** What the proposal gives each field: its type and annotation names. */
function proposal(sample: RawRow[]): Record<string, string> {
  const schema = suggestAnnotations(resolveSchema({ fields: [] }, sample), sample);
  return Object.fromEntries(schema.map((f) => [f.name, `${f.type} ${f.annotations.map((a) => a.name).join('+')}`.trim()]));
}

const repeat = <T>(values: T[], times: number): T[] => Array.from({ length: times }, () => values).flat();

describe('suggestAnnotations', () => {
  test('text with few distinct values is a facet; text where values repeat less than twice on average is not', () => {
    // 3 values on 6 rows: 2 rows per value, a facet. 4 values on 6 rows: 1.5 per value, none.
    const sample = rows({ kind: repeat(['a', 'b', 'c'], 2), name: ['a', 'b', 'c', 'd', 'a', 'b'] });
    expect(proposal(sample)).toEqual({ kind: 'text facet', name: 'text' });
  });

  test('more than 50 distinct values is no facet however often they repeat', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `v${i}`);
    const fiftyOne = [...fifty, 'v50'];
    expect(proposal(rows({ c: repeat(fifty, 3) }))).toEqual({ c: 'text facet' });
    expect(proposal(rows({ c: repeat(fiftyOne, 3) }))).toEqual({ c: 'text' });
  });

  test('blank values count for nothing, and surrounding spaces make no new value', () => {
    // Non-blank: 'x', ' x ', 'y', 'y' → 2 distinct on 4: a facet although 6 of 10 rows are blank.
    const sample = rows({ c: ['x', '', ' x ', null, 'y', '', '', 'y', ' ', ''] });
    expect(proposal(sample)).toEqual({ c: 'text facet' });
    expect(proposal(rows({ c: ['', '', ''] }))).toEqual({ c: 'text' });
  });

  test('numbers and dates are sortable; ints with few values and every date or datetime are facets too', () => {
    const sample = rows({
      year: repeat(['2019', '2020'], 3),
      id: ['1', '2', '3', '4', '5', '6'],
      ratio: repeat(['0.5', '1.5'], 3),
      day: ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06'],
      at: ['2024-01-01T10:00:00Z', '2024-01-01T11:00:00Z', '2024-01-01T12:00:00Z', '2024-01-01T13:00:00Z', '2024-01-01T14:00:00Z', '2024-01-01T15:00:00Z'],
    });
    expect(proposal(sample)).toEqual({
      year: 'int facet+sortable', id: 'int sortable', ratio: 'double sortable', day: 'date facet+sortable', at: 'datetime facet+sortable',
    });
  });

  test('geo fields get no annotation, and no extra point is made when the file has one', () => {
    const sample = rows({ point: ['48.85, 2.35', '48.86, 2.36'], latitude: ['48.85', '48.86'], longitude: ['2.35', '2.36'] });
    expect(proposal(sample)).toEqual({ point: 'geo_point_2d', latitude: 'double sortable', longitude: 'double sortable' });
  });

  test('a latitude/longitude column pair becomes a geo_point_2d field reading both', () => {
    for (const [lat, lon] of [['latitude', 'longitude'], ['lat', 'lon'], ['Coordonnée Y', 'Coordonnée X'], ['y_wgs84', 'x_wgs84'], ['LAT', 'LNG']]) {
      const sample = rows({ [lon]: ['2.35', '', '-1.5'], nom: ['a', 'b', 'c'], [lat]: ['48.85', '', '47.2'] });
      const schema = suggestAnnotations(resolveSchema({ fields: [] }, sample), sample);
      expect(schema.at(-1)).toEqual<FieldDef>({ name: 'geo_point_2d', label: `${lat}, ${lon}`, type: 'geo_point_2d', annotations: [], source: { latLon: [lat, lon] } });
    }
  });

  test('no point from projected coordinates, from an unpaired column, or from rows with one half only', () => {
    const lambert = rows({ x_l93: ['652000.5', '653000'], y_l93: ['6862000', '6863000'] });
    expect(Object.keys(proposal(lambert))).toEqual(['x_l93', 'y_l93']);
    expect(Object.keys(proposal(rows({ latitude: ['48.85'], altitude: ['35'] })))).toEqual(['latitude', 'altitude']);
    const halves = rows({ lat: ['48.85', '48.86'], lon: ['2.35', ''] });
    expect(Object.keys(proposal(halves))).toEqual(['lat', 'lon']);
  });

  test('the point field takes a free name', () => {
    const sample = rows({ geo_point_2d: ['x', 'y'], lat: ['1', '2'], lon: ['3', '4'] });
    const schema = suggestAnnotations(resolveSchema({ fields: [] }, sample), sample);
    expect(schema.map((f) => f.name)).toEqual(['geo_point_2d', 'lat', 'lon', 'geo_point_2d_2']);
  });

  test('annotations a field has are kept and not doubled; id is never proposed', () => {
    const schema: FieldDef[] = [{ name: 'c', label: 'c', type: 'int', annotations: [{ name: 'sortable' }, { name: 'unit', args: ['m'] }], source: { column: 'c' } }];
    const sample = rows({ c: repeat(['1', '2'], 2) });
    expect(suggestAnnotations(schema, sample)[0].annotations).toEqual([{ name: 'sortable' }, { name: 'unit', args: ['m'] }, { name: 'facet' }]);
  });
});
