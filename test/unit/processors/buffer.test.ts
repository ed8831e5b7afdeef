import type { FieldDef } from '../../../src/model/descriptor';
import type { FieldValue, Geometry } from '../../../src/model/values';
import { compileRules } from '../../../src/processors/compileRules';
import { validateRules } from '../../../src/processors/validateRules';
import { ogrSqlOver } from '../../support/ogrSql';
import { columnField, SHAPE } from '../../support/processorSchemas';

const POINT = columnField('position', 'geo_point_2d');

function run(schema: FieldDef[], config: Record<string, unknown>, fields: Record<string, FieldValue>): Record<string, FieldValue> {
  const compiled = compileRules([{ name: 'zone', capability: 'buffer', config }], schema);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.reports));
  expect(compiled.apply(fields)).toEqual([]);
  return fields;
}

/** SpatiaLite's geodesic areas (WGS84 ellipsoid) and perimeters of some shapes, in order. */
function spatialite(shapes: Geometry[]): Array<{ area: number; perimeter: number }> {
  return ogrSqlOver(shapes.map((geometry, i) => ({ geometry, properties: { i } })), 'SELECT i, ST_Area(geometry, 1) AS area, ST_Perimeter(geometry, 1) AS perimeter FROM features ORDER BY i')
    .map((row) => ({ area: row.area as number, perimeter: row.perimeter as number }));
}

describe('buffer', () => {
  const cases = [0, 46.5, 60].flatMap((lat) => [10, 1000, 50000].map((r) => ({ lat, r })));

  it('draws around a point a disc of area πr² (within 1 %, SpatiaLite measuring)', () => {
    const zones = cases.map(({ lat, r }) => run([POINT], { distance: r, target: 'zone' }, { position: [lat, 2.35] }).zone as Geometry);
    const areas = spatialite(zones).map((m) => m.area);
    expect(areas).toHaveLength(cases.length);
    cases.forEach(({ r }, i) => {
      expect(zones[i].type).toBe('Polygon');
      expect(Math.abs(areas[i] / (Math.PI * r * r) - 1)).toBeLessThan(0.01);
    });
  });

  it('grows a convex shape by its perimeter times r plus πr² (Steiner), in place by default', () => {
    const square: Geometry = { type: 'Polygon', coordinates: [[[2, 46], [2.01, 46], [2.01, 46.01], [2, 46.01], [2, 46]]] };
    const r = 200;
    const fields = run([SHAPE], { distance: r }, { geo_shape: square });
    const [before, after] = spatialite([square, fields.geo_shape as Geometry]);
    const expected = before.area + before.perimeter * r + Math.PI * r * r;
    expect(Math.abs(after.area / expected - 1)).toBeLessThan(0.01);
  });

  it('adds its target as a geo_shape field derived from the rule', () => {
    const compiled = compileRules([{ name: 'zone', capability: 'buffer', config: { distance: 5, target: 'emprise' } }], [POINT]);
    expect(compiled.ok && compiled.fields).toEqual([
      POINT,
      { name: 'emprise', label: 'emprise', type: 'geo_shape', description: 'position buffered by 5 m', annotations: [], source: { derived: 'zone' } },
    ]);
  });

  it.each([
    [{ distance: -5, target: 'zone' }, 'config.distance: must be more than 0 metres'],
    [{ distance: 0, target: 'zone' }, 'config.distance: must be more than 0 metres'],
    [{ distance: '50', target: 'zone' }, 'config.distance: must be a number of metres'],
    [{ target: 'zone' }, 'config.distance: required'],
    [{ distance: 2e6, target: 'zone' }, 'config.distance: must be at most 1000000 metres'],
    [{ distance: 50 }, 'config.target: required to buffer the geo_point_2d field "position" (a buffer is a shape, not a point)'],
    [{ distance: 50, target: 'position' }, 'config.target: a field "position" already exists'],
    [{ distance: 50, target: 'Zone' }, 'config.target: must be lower-case letters, digits or _, starting with a letter or _ (at most 64)'],
    [{ distance: 50, target: 'zone', radius: 3 }, 'config.radius: unknown key (known: distance, field, target)'],
  ])('refuses %j: %s', (config, message) => {
    expect(validateRules([{ name: 'zone', capability: 'buffer', config }], [POINT])).toEqual([{ name: 'zone', capability: 'buffer', valid: false, errors: [message] }]);
  });
});
