import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileRules } from '../../../src/processors/compileRules';
import type { Geometry } from '../../../src/model/values';
import { ogrSql, ogrSqlOver } from '../../support/ogrSql';
import { SHAPE } from '../../support/processorSchemas';
import { FIXTURES } from '../../support/rawFixtures';

const FILE = join(FIXTURES, 'geo', 'departements.geojson');
const departements = (JSON.parse(readFileSync(FILE, 'utf8')) as { features: Array<{ properties: { code: string }; geometry: Geometry }> }).features;

// SpatiaLite's geodesic measures on the WGS84 ellipsoid (use_ellipsoid = 1), through GDAL's SQLite dialect.
const oracle = new Map(
  ogrSql(FILE, 'SELECT code, ST_Area(geometry, 1) AS area, ST_Perimeter(geometry, 1) AS perimeter FROM departements')
    .map((row) => [row.code as string, { area: row.area as number, perimeter: row.perimeter as number }]),
);

function measured(geometry: Geometry): Record<string, unknown> {
  const compiled = compileRules([{ name: 'measures', capability: 'area_length', config: { area_column: 'surface_m2', length_column: 'perimetre_m' } }], [SHAPE]);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.reports));
  const fields: Record<string, Geometry | number> = { geo_shape: geometry };
  expect(compiled.apply(fields)).toEqual([]);
  return fields;
}

describe('area_length against SpatiaLite', () => {
  it('has a figure from GDAL for every département of the fixture', () => {
    expect(departements).toHaveLength(96);
    expect(oracle.size).toBe(96);
  });

  it.each(departements.map((d) => [d.properties.code, d.geometry] as const))('département %s: area and perimeter within 0.5 %% of the ellipsoid', (code, geometry) => {
    const { area, perimeter } = oracle.get(code)!;
    const fields = measured(geometry);
    expect(Math.abs((fields.surface_m2 as number) / area - 1)).toBeLessThan(0.005);
    expect(Math.abs((fields.perimetre_m as number) / perimeter - 1)).toBeLessThan(0.005);
  });

  it('gives lines their length (within 0.5 % of the ellipsoid) and no area', () => {
    const lines: Geometry[] = [
      { type: 'LineString', coordinates: [[3, 45], [3, 46]] },
      { type: 'LineString', coordinates: [[2, 46], [3, 46], [3.5, 46.2]] },
      { type: 'MultiLineString', coordinates: [[[-4.5, 48.4], [7.7, 48.6]], [[2.3, 48.8], [5.4, 43.3]]] },
    ];
    const lengths = ogrSqlOver(lines.map((geometry, i) => ({ geometry, properties: { i } })), 'SELECT i, ST_Length(geometry, 1) AS len FROM features ORDER BY i')
      .map((row) => row.len as number);
    expect(lengths).toHaveLength(3);
    lines.forEach((line, i) => {
      const fields = measured(line);
      expect(fields.surface_m2).toBe(0);
      expect(Math.abs((fields.perimetre_m as number) / lengths[i] - 1)).toBeLessThan(0.005);
    });
  });
});
