import type { FieldValue } from '../../../src/model/values';
import { compileRules } from '../../../src/processors/compileRules';
import { KNOWN_CRS, projectionTo } from '../../../src/processors/projection';
import { validateRules } from '../../../src/processors/validateRules';
import { ogrSqlOver } from '../../support/ogrSql';
import { columnField, SHAPE } from '../../support/processorSchemas';

const POINT = columnField('position', 'geo_point_2d');

/** Points over metropolitan France and Corsica, [lon, lat]. */
const POINTS: Array<[number, number]> = [[3, 46.5], [2.3522, 48.8566], [-4.486, 48.39], [7.75, 48.58], [5.37, 43.3], [-1.55, 43.48], [9.45, 42.7], [2.35, 51.03]];

function projected(crs: string, fields: Record<string, FieldValue>, field?: string): Record<string, FieldValue> {
  const compiled = compileRules([{ name: 'lambert', capability: 'reproject', config: { crs, x_column: 'x', y_column: 'y', field } }], [POINT, SHAPE]);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.reports));
  expect(compiled.apply(fields)).toEqual([]);
  return fields;
}

describe('reproject', () => {
  it('puts the Lambert-93 origin (3°E, 46.5°N) at (700000, 6600000), to the centimetre', () => {
    const { x, y } = projected('EPSG:2154', { position: [46.5, 3] });
    expect(Math.abs((x as number) - 700000)).toBeLessThan(0.01);
    expect(Math.abs((y as number) - 6600000)).toBeLessThan(0.01);
  });

  // GDAL's SQLite dialect: SpatiaLite's ST_Transform through PROJ, every known CRS in one query.
  const srids = KNOWN_CRS.map((c) => Number(c.slice('EPSG:'.length)));
  const columns = srids.map((s) => `ST_X(ST_Transform(geometry, ${s})) AS x${s}, ST_Y(ST_Transform(geometry, ${s})) AS y${s}`).join(', ');
  const gdal = ogrSqlOver(POINTS.map((coordinates, i) => ({ geometry: { type: 'Point', coordinates }, properties: { i } })), `SELECT i, ${columns} FROM features ORDER BY i`);

  it.each(KNOWN_CRS.map((c) => [c]))('%s: same coordinates as GDAL/PROJ to the centimetre', (crs) => {
    const srid = crs.slice('EPSG:'.length);
    expect(gdal).toHaveLength(POINTS.length);
    POINTS.forEach(([lon, lat], i) => {
      const { x, y } = projected(crs, { position: [lat, lon] });
      expect(Math.abs((x as number) - (gdal[i][`x${srid}`] as number))).toBeLessThan(0.01);
      expect(Math.abs((y as number) - (gdal[i][`y${srid}`] as number))).toBeLessThan(0.01);
    });
  });

  it.each(KNOWN_CRS.map((c) => [c]))('%s: goes there and back within 1e-8 degree (a millimetre)', (crs) => {
    const projection = projectionTo(crs)!;
    for (const [lon, lat] of POINTS) {
      const [backLon, backLat] = projection.inverse(...projection.forward(lon, lat));
      expect(Math.abs(backLon - lon)).toBeLessThan(1e-8);
      expect(Math.abs(backLat - lat)).toBeLessThan(1e-8);
    }
  });

  it("projects a shape's centroid and leaves the shape in WGS84", () => {
    const square = { type: 'Polygon' as const, coordinates: [[[2, 46], [4, 46], [4, 47], [2, 47], [2, 46]]] };
    const fields = projected('epsg:2154', { geo_shape: square }, 'geo_shape');
    expect(fields.geo_shape).toEqual({ type: 'Polygon', coordinates: [[[2, 46], [4, 46], [4, 47], [2, 47], [2, 46]]] });
    const [x, y] = projectionTo('EPSG:2154')!.forward(3, 46.5);
    expect(fields.x).toBeCloseTo(x, 6);
    expect(fields.y).toBeCloseTo(y, 6);
  });

  it('warns on a record whose centroid has no coordinates in the CRS, and keeps the record', () => {
    const compiled = compileRules([{ name: 'mercator', capability: 'reproject', config: { crs: 'EPSG:3857', x_column: 'x', y_column: 'y' } }], [POINT]);
    const fields: Record<string, FieldValue> = { position: [90, 0] };
    expect(compiled.ok && compiled.apply(fields)).toEqual([{ rule: 'mercator', field: 'position', message: 'the centroid (0, 90) has no coordinates in EPSG:3857' }]);
    expect(fields).toEqual({ position: [90, 0] });
  });

  it.each([
    [{ crs: 'EPSG:9999', x_column: 'x', y_column: 'y' }, [`config.crs: unknown CRS "EPSG:9999" (known: ${KNOWN_CRS.join(', ')})`]],
    [{ crs: 'Lambert93', x_column: 'x', y_column: 'x_l93' }, [`config.crs: unknown CRS "Lambert93" (known: ${KNOWN_CRS.join(', ')})`]],
    [{ x_column: 'x', y_column: 'y' }, ['config.crs: required']],
    [{ crs: 'EPSG:2154', x_column: 'position', y_column: 'position' }, ['config.x_column: a field "position" already exists', 'config.y_column: a field "position" already exists']],
    [{ crs: 'EPSG:2154', x_column: 'x', y_column: 'x' }, ['config.y_column: a field "x" already exists']],
    [{ crs: 'EPSG:2154', x_column: 'x' }, ['config.y_column: required']],
  ])('refuses %j', (config, errors) => {
    expect(validateRules([{ name: 'proj', capability: 'reproject', config }], [POINT])).toEqual([{ name: 'proj', capability: 'reproject', valid: false, errors }]);
  });

  it('knows the CRSs uploads are read from: Lambert-93, the CC zones, Lambert II étendu, UTM 31N, Web Mercator, WGS84', () => {
    expect(KNOWN_CRS).toEqual(expect.arrayContaining(['EPSG:2154', 'EPSG:3857', 'EPSG:3942', 'EPSG:3943', 'EPSG:3944', 'EPSG:3945', 'EPSG:3946', 'EPSG:3947', 'EPSG:3948', 'EPSG:3949', 'EPSG:3950', 'EPSG:4326', 'EPSG:27572', 'EPSG:32631']));
    expect(KNOWN_CRS).toEqual([...KNOWN_CRS].sort((a, b) => Number(a.slice(5)) - Number(b.slice(5))));
  });
});
