import { WGS84_CRS } from '../../../../src/render/gis/wgs84Crs';
import { children, parseWkt, type WktNode } from '../../../support/wktTree';

const only = (n: WktNode, keyword: string): WktNode => {
  const found = children(n, keyword);
  expect(found).toHaveLength(1);
  return found[0];
};

/** π/180 as WKT writes it (EPSG: 1 degree = 0.01745329251994328 rad). */
const DEGREE = Math.PI / 180;

describe('WGS84_CRS', () => {
  test('EPSG 4326, named as the EPSG registry names it', () => {
    expect([WGS84_CRS.epsg, WGS84_CRS.name]).toEqual([4326, 'WGS 84']);
  });

  test('the OGC WKT (GeoPackage srs definition): EPSG 4326, datum 6326, WGS 84 ellipsoid 7030, Greenwich, degrees, latitude then longitude', () => {
    const root = parseWkt(WGS84_CRS.wkt);
    expect(root.keyword).toBe('GEOGCS');
    expect(root.args[0]).toBe('WGS 84');
    expect(only(root, 'AUTHORITY').args).toEqual(['EPSG', '4326']);
    const datum = only(root, 'DATUM');
    expect(datum.args[0]).toBe('WGS_1984');
    expect(only(datum, 'AUTHORITY').args).toEqual(['EPSG', '6326']);
    const spheroid = only(datum, 'SPHEROID');
    expect(spheroid.args.slice(0, 3)).toEqual(['WGS 84', 6378137, 298.257223563]);
    expect(only(spheroid, 'AUTHORITY').args).toEqual(['EPSG', '7030']);
    const primem = only(root, 'PRIMEM');
    expect(primem.args.slice(0, 2)).toEqual(['Greenwich', 0]);
    expect(only(primem, 'AUTHORITY').args).toEqual(['EPSG', '8901']);
    const unit = only(root, 'UNIT');
    expect(unit.args[0]).toBe('degree');
    expect(unit.args[1] as number).toBeCloseTo(DEGREE, 15);
    expect(only(unit, 'AUTHORITY').args).toEqual(['EPSG', '9122']);
    expect(children(root, 'AXIS').map((a) => a.args)).toEqual([['Latitude', 'NORTH'], ['Longitude', 'EAST']]);
  });

  test('the ESRI WKT (a Shapefile .prj): GCS_WGS_1984 on D_WGS_1984, no authority', () => {
    const root = parseWkt(WGS84_CRS.esriWkt);
    expect([root.keyword, root.args[0]]).toEqual(['GEOGCS', 'GCS_WGS_1984']);
    const datum = only(root, 'DATUM');
    expect(datum.args[0]).toBe('D_WGS_1984');
    expect(only(datum, 'SPHEROID').args).toEqual(['WGS_1984', 6378137, 298.257223563]);
    expect(only(root, 'PRIMEM').args).toEqual(['Greenwich', 0]);
    const unit = only(root, 'UNIT');
    expect(unit.args[0]).toBe('Degree');
    expect(unit.args[1] as number).toBeCloseTo(DEGREE, 15);
    expect(WGS84_CRS.esriWkt).not.toContain('AUTHORITY');
    expect(WGS84_CRS.esriWkt).not.toContain('AXIS');
  });
});
