import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FieldDef } from '../../../src/model/descriptor';
import type { FieldValue, Geometry } from '../../../src/model/values';
import { compileRules } from '../../../src/processors/compileRules';
import { validateRules } from '../../../src/processors/validateRules';
import { nearestEdgeMetres, ringsOf } from '../../support/nearestEdgeMetres';
import { columnField, SHAPE } from '../../support/processorSchemas';
import { FIXTURES } from '../../support/rawFixtures';

const departements = (JSON.parse(readFileSync(join(FIXTURES, 'geo', 'departements.geojson'), 'utf8')) as {
  features: Array<{ properties: { code: string }; geometry: Geometry & { coordinates: unknown } }>;
}).features;
const shapeOf = (code: string): Geometry & { coordinates: unknown } => departements.find((d) => d.properties.code === code)!.geometry;

function run(schema: FieldDef[], capability: string, config: Record<string, unknown>, fields: Record<string, FieldValue>): Record<string, FieldValue> {
  const compiled = compileRules([{ name: 'step', capability, config }], schema);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.reports));
  expect(compiled.apply(fields)).toEqual([]);
  return fields;
}

const vertices = (g: Geometry & { coordinates: unknown }): number[][] => ringsOf(g).flat();

describe('simplify', () => {
  // Paris (small), Corse-du-Sud (a ragged coast, islands), Ain.
  describe.each(['75', '2A', '01'])('département %s', (code) => {
    const original = shapeOf(code);
    const before = vertices(original);

    it.each([
      [true, 1],
      [false, 2],
    ])('high_quality %s: fewer vertices, all from the original, none dropped farther than %i × the tolerance', (highQuality, factor) => {
      const tolerance = 300;
      const simplified = run([SHAPE], 'simplify', { tolerance, high_quality: highQuality }, { geo_shape: structuredClone(original) }).geo_shape as Geometry & { coordinates: unknown };
      expect(simplified.type).toBe(original.type);
      const after = vertices(simplified);
      expect(after.length).toBeLessThan(before.length * 0.8);
      const originals = new Set(before.map((p) => p.join(',')));
      expect(after.filter((p) => !originals.has(p.join(',')))).toEqual([]);
      const worst = Math.max(...before.map((p) => nearestEdgeMetres(p, simplified)));
      expect(worst).toBeLessThanOrEqual(tolerance * factor);
      expect(worst).toBeGreaterThan(tolerance / 10); // it did drop vertices off the outline
    });
  });

  it('refuses a point field and a tolerance that is not positive', () => {
    const point = columnField('position', 'geo_point_2d');
    expect(validateRules([{ name: 's', capability: 'simplify', config: { tolerance: 10, field: 'position' } }], [point, SHAPE])[0].errors)
      .toEqual(['config.field: "position" is a geo_point_2d field, expected geo_shape']);
    expect(validateRules([{ name: 's', capability: 'simplify', config: { tolerance: 0 } }], [SHAPE])[0].errors).toEqual(['config.tolerance: must be more than 0 metres']);
    expect(validateRules([{ name: 's', capability: 'simplify', config: { tolerance: 5 } }], [point])[0].errors).toEqual(['config.field: the dataset has no geo_shape field to read']);
  });
});

describe('centroid', () => {
  it('is the mean of the vertices, each ring closed once', () => {
    const shape: Geometry = { type: 'Polygon', coordinates: [[[2, 46], [4, 46], [4, 48], [3, 48.5], [2, 48], [2, 46]]] };
    const fields = run([SHAPE], 'centroid', { target: 'centre' }, { geo_shape: shape });
    const [lat, lon] = fields.centre as [number, number];
    expect(lat).toBeCloseTo((46 + 46 + 48 + 48.5 + 48) / 5, 12);
    expect(lon).toBeCloseTo((2 + 4 + 4 + 3 + 2) / 5, 12);
  });

  it('of a département, against the vertex mean computed from the raw file', () => {
    const shape = shapeOf('01');
    expect(shape.type).toBe('Polygon');
    const ring = (shape.coordinates as number[][][])[0].slice(0, -1);
    const fields = run([SHAPE], 'centroid', { target: 'centre' }, { geo_shape: shape });
    const [lat, lon] = fields.centre as [number, number];
    expect(lon).toBeCloseTo(ring.reduce((s, p) => s + p[0], 0) / ring.length, 9);
    expect(lat).toBeCloseTo(ring.reduce((s, p) => s + p[1], 0) / ring.length, 9);
  });

  it('of a geo_point_2d is the point itself, as [lat, lon]', () => {
    const fields = run([columnField('position', 'geo_point_2d')], 'centroid', { target: 'centre' }, { position: [48.85, 2.35] });
    expect(fields).toEqual({ position: [48.85, 2.35], centre: [48.85, 2.35] });
  });

  it('adds a geo_point_2d field; leaves a record without geometry alone', () => {
    const compiled = compileRules([{ name: 'c', capability: 'centroid', config: { target: 'centre' } }], [SHAPE]);
    expect(compiled.ok && compiled.fields.map((f) => [f.name, f.type, f.source])).toEqual([
      ['geo_shape', 'geo_shape', { geometry: true }],
      ['centre', 'geo_point_2d', { derived: 'c' }],
    ]);
    const fields: Record<string, FieldValue> = { other: 'x' };
    expect(compiled.ok && compiled.apply(fields)).toEqual([]);
    expect(fields).toEqual({ other: 'x' });
  });
});
