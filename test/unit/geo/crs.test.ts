import { resolveCrs, UnknownCrs } from '../../../src/geo/crs';
import { BUNDLED_CRS } from '../../../src/geo/crsDefinitions';
import { SourceUnreadable } from '../../../src/errors/sourceUnreadable';
import { gdalSrsWkts, gdalTransform, mapLimited, SrsWkts } from '../../support/gdal';
import { rawCsvObjects } from '../../support/rawFixtures';

/** A lon/lat point inside each bundled CRS's area of use (where GDAL and we must agree). */
const AREA: Record<number, [number, number]> = {
  2154: [2.3522, 48.8566], 27561: [2.8, 50.2], 27562: [2.3522, 48.8566], 27563: [3.87, 43.61], 27564: [9.15, 42.15], 27572: [5.37, 43.3],
  4171: [4.83, 45.76], 4326: [-1.55, 47.22], 4258: [7.75, 48.58], 4275: [1.44, 43.6],
  4624: [-52.33, 4.94], 4627: [55.45, -20.88], 5489: [-61.06, 14.6], 4470: [45.22, -12.78],
  3857: [2.3522, 48.8566], 32620: [-61.53, 16.24], 32622: [-52.33, 4.94], 32630: [-1.55, 47.22], 32631: [2.3522, 48.8566], 32632: [7.75, 48.58],
  32738: [45.22, -12.78], 32740: [55.45, -20.88], 2972: [-52.33, 4.94], 2975: [55.45, -20.88], 5490: [-61.06, 14.6], 4471: [45.22, -12.78],
};
for (let zone = 42; zone <= 50; zone++) AREA[3900 + zone] = [3.4, zone + 0.2];

const CODES = [...BUNDLED_CRS.keys()];
const isGeographic = (code: number): boolean => BUNDLED_CRS.get(code)!.proj4.startsWith('+proj=longlat');

/** What GDAL says of each bundled CRS: the test point projected, projected back, and the CRS's WKT forms. */
interface GdalView { projected: number[]; back: number[]; wkts: SrsWkts }
const gdalViews = new Map<number, GdalView>();

beforeAll(async () => {
  await mapLimited(CODES, 4, async (code) => {
    const [projected] = await gdalTransform([AREA[code]], 'EPSG:4326', `EPSG:${code}`);
    const [back] = await gdalTransform([projected], `EPSG:${code}`, 'EPSG:4326');
    gdalViews.set(code, { projected, back, wkts: await gdalSrsWkts(`EPSG:${code}`) });
  });
}, 600_000);

describe('the bundled CRSs', () => {
  test('cover the French CRSs the issue names, and every one has a test point', () => {
    const named = [2154, 3942, 3943, 3944, 3945, 3946, 3947, 3948, 3949, 3950, 27572, 27561, 27562, 27563, 27564, 4171, 4326, 4258, 3857,
      32620, 32622, 32630, 32631, 32632, 32738, 32740, 2972, 2975, 5490, 4471];
    expect(named.filter((c) => !BUNDLED_CRS.has(c))).toEqual([]);
    expect(CODES.filter((c) => !AREA[c])).toEqual([]);
  });

  test('Lambert-93: its projection centre (3°E, 46.5°N) is (700000, 6600000), both ways', () => {
    const l93 = resolveCrs('EPSG:2154');
    const [x, y] = l93.fromWgs84([3, 46.5]);
    expect(Math.abs(x - 700000)).toBeLessThan(1e-6);
    expect(Math.abs(y - 6600000)).toBeLessThan(1e-6);
    const [lon, lat] = l93.toWgs84([700000, 6600000]);
    expect(Math.abs(lon - 3)).toBeLessThan(1e-12);
    expect(Math.abs(lat - 46.5)).toBeLessThan(1e-12);
  });

  test("the CC zones' false origins: (3°E, zone°N) is (1700000, (zone − 41) × 1e6 + 200000)", () => {
    for (let zone = 42; zone <= 50; zone++) {
      const [x, y] = resolveCrs(`EPSG:${3900 + zone}`).fromWgs84([3, zone]);
      expect([Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000]).toEqual([1700000, (zone - 41) * 1e6 + 200000]);
    }
  });

  test.each(CODES)('EPSG:%i agrees with GDAL (gdaltransform) both ways, and round-trips', (code) => {
    const crs = resolveCrs(`EPSG:${code}`);
    const lonLat = AREA[code];
    const { projected: gdalProjected, back: gdalBack } = gdalViews.get(code)!;
    const ours = crs.fromWgs84(lonLat);
    // Projected CRSs in metres: within a millimetre; geographic ones in degrees: within 1e-9. For
    // geographic NTF, GDAL shifts by IGN's ntf_r93 grid where we use the EPSG Helmert (2 m accuracy).
    const tolerance = code === 4275 ? 2e-5 : isGeographic(code) ? 1e-9 : 1e-3;
    expect(Math.abs(ours[0] - gdalProjected[0])).toBeLessThan(tolerance);
    expect(Math.abs(ours[1] - gdalProjected[1])).toBeLessThan(tolerance);
    const back = crs.toWgs84(gdalProjected);
    const backTolerance = code === 4275 ? 2e-5 : 1e-8;
    expect(Math.abs(back[0] - gdalBack[0])).toBeLessThan(backTolerance);
    expect(Math.abs(back[1] - gdalBack[1])).toBeLessThan(backTolerance);
    // Within 1e-8 degrees (a millimetre): proj4's geocentric step of a datum shift iterates to about 5e-9.
    const round = crs.toWgs84(crs.fromWgs84(lonLat));
    expect(Math.abs(round[0] - lonLat[0])).toBeLessThan(1e-8);
    expect(Math.abs(round[1] - lonLat[1])).toBeLessThan(1e-8);
  });

  test.each(CODES)('EPSG:%i is found from the WKT GDAL writes for it (WKT1, WKT2, and the ESRI .prj without a code)', (code) => {
    const wkts = gdalViews.get(code)!.wkts;
    for (const format of ['wkt1', 'wkt2', 'esri'] as const) {
      expect([format, resolveCrs(wkts[format]).label]).toEqual([format, `EPSG:${code}`]);
    }
  });
});

describe('Lambert-93 against published coordinates', () => {
  test('the SNCF stations file: each station’s (x_l93, y_l93) gives its (x_wgs84, y_wgs84) within 1e-6 degrees', () => {
    const l93 = resolveCrs('EPSG:2154');
    const rows = rawCsvObjects('liste-des-gares.csv').filter((r) => r.x_l93 !== '' && r.x_wgs84 !== '');
    expect(rows.length).toBeGreaterThan(2500);
    const worst = Math.max(...rows.map((r) => {
      const [lon, lat] = l93.toWgs84([Number(r.x_l93), Number(r.y_l93)]);
      return Math.max(Math.abs(lon - Number(r.x_wgs84)), Math.abs(lat - Number(r.y_wgs84)));
    }));
    expect(worst).toBeLessThan(1e-6);
  });
});

describe('how a CRS may be named', () => {
  test.each([
    ['EPSG:2154', 'EPSG:2154'], ['epsg:2154', 'EPSG:2154'], ['urn:ogc:def:crs:EPSG::2154', 'EPSG:2154'], ['urn:ogc:def:crs:EPSG:9.9.1:2154', 'EPSG:2154'],
    ['http://www.opengis.net/def/crs/EPSG/0/2154', 'EPSG:2154'], ['https://www.opengis.net/def/crs/EPSG/0/3857', 'EPSG:3857'],
    ['CRS84', 'EPSG:4326'], ['OGC:CRS84', 'EPSG:4326'], ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326'], ['http://www.opengis.net/def/crs/OGC/1.3/CRS84', 'EPSG:4326'],
  ])('%s is %s', (text, label) => {
    expect(resolveCrs(text).label).toBe(label);
  });

  test('EPSG:4326 keeps lon/lat order, even from a WKT2 that declares latitude first', async () => {
    const { wkt2 } = gdalViews.get(4326)!.wkts;
    expect(wkt2).toMatch(/AXIS\["geodetic latitude \(Lat\)",north/);
    expect(resolveCrs(wkt2).toWgs84([2.35, 48.85])).toEqual([2.35, 48.85]);
    expect(resolveCrs('urn:ogc:def:crs:EPSG::4326').fromWgs84([2.35, 48.85])).toEqual([2.35, 48.85]);
  });

  test('a CRS that is not bundled is read from its WKT by proj4 (Swiss LV95, WKT2 with its shift to WGS 84)', async () => {
    const crs = resolveCrs((await gdalSrsWkts('EPSG:2056')).wkt2);
    const [gdal] = await gdalTransform([[2600000, 1200000]], 'EPSG:2056', 'EPSG:4326');
    const ours = crs.toWgs84([2600000, 1200000]);
    expect(crs.label).toBe('EPSG:2056 (CH1903+ / LV95)');
    expect(Math.max(Math.abs(ours[0] - gdal[0]), Math.abs(ours[1] - gdal[1]))).toBeLessThan(1e-6);
  });

  test('a third coordinate is kept as it was', () => {
    expect(resolveCrs('EPSG:2154').toWgs84([700000, 6600000, 123.5])[2]).toBe(123.5);
  });
});

describe('an unknown CRS', () => {
  const refusal = (text: string): Error => {
    try { resolveCrs(text); } catch (err) { return err as Error; }
    throw new Error(`${text} was resolved`);
  };

  test('an EPSG code that is not bundled is named, with what to do', () => {
    const err = refusal('EPSG:9999');
    expect(err).toBeInstanceOf(UnknownCrs);
    expect(err).toBeInstanceOf(SourceUnreadable);
    expect((err as SourceUnreadable).status).toBe(422);
    expect(err.message).toMatch(/^unknown CRS EPSG:9999: this server bundles EPSG:2154, .*; give the CRS as WKT \(the content of a \.prj file\) instead$/);
  });

  test('text that is no CRS form is named, with the forms accepted', () => {
    expect(refusal('Lambert 93').message).toBe('unknown CRS "Lambert 93": give it as EPSG:nnnn, urn:ogc:def:crs:EPSG::nnnn, http://www.opengis.net/def/crs/EPSG/0/nnnn, CRS84 or WKT');
  });

  test('broken WKT says where it stopped', () => {
    expect(refusal('PROJCS["x",GEOGCS["y"').message).toBe('unreadable WKT CRS (expected , or ] at character 22): PROJCS["x",GEOGCS["y"');
  });
});
