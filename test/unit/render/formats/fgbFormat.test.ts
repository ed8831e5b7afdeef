import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GeoJsonGeometry } from '../../../../src/geo/geoJsonGeometry';
import { fgbFormat } from '../../../../src/render/formats/fgbFormat';
import type { SpoolContext } from '../../../../src/render/formats/spooledFormat';
import { FGB_FILE_MAGIC, readFgb } from '../../../support/fgbRead';
import { plainColumn, shapeHit, shapeLayout, spool, TEST_CRS } from '../../../support/gisSpool';
import { streamBytes } from '../../../support/streamBytes';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'fgb-format-')); });
afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

const columns = [plainColumn('nom', 'text', 'Le nom'), plainColumn('n', 'int'), plainColumn('x', 'double'), plainColumn('jour', 'date'), plainColumn('at', 'datetime')];
const context = (): SpoolContext => ({ layout: shapeLayout('arbres', columns), crs: TEST_CRS, filename: 'arbres', dir, now: Date.parse('2026-07-14T12:00:00Z') });
const pt = (x: number, y: number): GeoJsonGeometry => ({ type: 'Point', coordinates: [x, y] });

describe('fgbFormat', () => {
  test('FlatGeobuf, not needing geometries', () => {
    expect([fgbFormat.contentType, fgbFormat.extension, fgbFormat.needsGeometry]).toEqual(['application/flatgeobuf', 'fgb', false]);
  });

  test('no record: the magic bytes and a header of no feature, no envelope, Unknown type; the columns and CRS all the same', async () => {
    const { bytes, length } = await spool(fgbFormat, context(), []);
    const f = readFgb(bytes);
    expect(f.magic).toEqual(FGB_FILE_MAGIC);
    expect([f.header.name, f.header.featuresCount, f.header.envelope, f.header.geometryType, f.header.indexNodeSize, f.features]).toEqual(['arbres', BigInt(0), null, 0, 0, []]);
    expect(f.header.columns.map((c) => [c.name, c.type, c.title])).toEqual([['nom', 11, 'Le nom'], ['n', 7, 'n label'], ['x', 10, 'x label'], ['jour', 13, 'jour label'], ['at', 13, 'at label']]);
    expect(f.header.crs).toEqual({ org: 'EPSG', code: 2154, name: 'RGF93 v1 / Lambert-93' });
    expect(length).toBe(bytes.length);
  });

  test('points over several pages (one empty): in order, counted, their envelope, type Point', async () => {
    const pages = [
      [shapeHit('a', { nom: 'Zoé', n: 3, x: 1.5, jour: '2024-03-05', at: '2024-03-05T10:00:00.000Z' }, pt(2, 48))],
      [],
      [shapeHit('b', { n: -7 }, pt(-5, 43.5)), shapeHit('c', { nom: '😀' }, pt(9.5, 51))],
    ];
    const { bytes, length } = await spool(fgbFormat, context(), pages);
    const f = readFgb(bytes);
    expect([f.header.featuresCount, f.header.envelope, f.header.geometryType]).toEqual([BigInt(3), [-5, 43.5, 9.5, 51], 1]);
    expect(f.features.map((x) => [x.geometry?.type, x.geometry?.xy, x.properties, x.leftover])).toEqual([
      [1, [2, 48], [[0, 'Zoé'], [1, BigInt(3)], [2, 1.5], [3, '2024-03-05'], [4, '2024-03-05T10:00:00.000Z']], 0],
      [1, [-5, 43.5], [[1, BigInt(-7)]], 0],
      [1, [9.5, 51], [[0, '😀']], 0],
    ]);
    expect(length).toBe(bytes.length);
  });

  test('one type, multi-part: the header says it; holes and parts kept', async () => {
    const a: GeoJsonGeometry = { type: 'MultiPolygon', coordinates: [[[[0, 0], [4, 0], [4, 4], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 1]]]] };
    const b: GeoJsonGeometry = { type: 'MultiPolygon', coordinates: [[[[10, -3], [12, -3], [12, -1], [10, -3]]], [[[20, 5], [21, 5], [21, 6], [20, 5]]]] };
    const f = readFgb((await spool(fgbFormat, context(), [[shapeHit('a', {}, a)], [shapeHit('b', {}, b)]])).bytes);
    expect([f.header.geometryType, f.header.envelope]).toEqual([6, [0, -3, 21, 6]]);
    expect(f.features[0].geometry?.parts?.[0]).toMatchObject({ type: 3, ends: [4, 8], xy: [0, 0, 4, 0, 4, 4, 0, 0, 1, 1, 2, 1, 2, 2, 1, 1] });
    expect(f.features[1].geometry?.parts?.map((p) => p.xy)).toEqual([[10, -3, 12, -3, 12, -1, 10, -3], [20, 5, 21, 5, 21, 6, 20, 5]]);
  });

  test('mixed types: Unknown (0) in the header, each feature its own type', async () => {
    const line: GeoJsonGeometry = { type: 'LineString', coordinates: [[0, 0], [3, 4]] };
    const f = readFgb((await spool(fgbFormat, context(), [[shapeHit('a', {}, pt(1, 1)), shapeHit('b', {}, line)]])).bytes);
    expect([f.header.geometryType, f.header.envelope, f.features.map((x) => x.geometry?.type)]).toEqual([0, [0, 0, 3, 4], [1, 2]]);
  });

  test('records without geometry: features without one, left out of the type and the envelope', async () => {
    const f = readFgb((await spool(fgbFormat, context(), [[shapeHit('a', { nom: 'x' }), shapeHit('b', {}, pt(3, 4)), shapeHit('c', { n: 1 })]])).bytes);
    expect([f.header.featuresCount, f.header.geometryType, f.header.envelope]).toEqual([BigInt(3), 1, [3, 4, 3, 4]]);
    expect(f.features.map((x) => [x.geometry === null, x.properties])).toEqual([[true, [[0, 'x']]], [false, []], [true, [[1, BigInt(1)]]]]);
  });

  test('only records without geometry: no envelope, Unknown type', async () => {
    const f = readFgb((await spool(fgbFormat, context(), [[shapeHit('a', { nom: 'x' })]])).bytes);
    expect([f.header.featuresCount, f.header.geometryType, f.header.envelope, f.features.length]).toEqual([BigInt(1), 0, null, 1]);
  });

  test('spooled to features.fgb in the folder given; the body can be opened twice', async () => {
    const writer = await fgbFormat.open(context());
    expect(existsSync(join(dir, 'features.fgb'))).toBe(true);
    await writer.page([shapeHit('a', { nom: 'x' }, pt(1, 2))]);
    const body = await writer.finish();
    const first = await streamBytes(body.open());
    const second = await streamBytes(body.open());
    expect(second.equals(first)).toBe(true);
    expect(readFgb(first).features).toHaveLength(1);
    await writer.close();
    await writer.close();
  });

  test('an export given up before finishing closes its file; closing again is harmless', async () => {
    const writer = await fgbFormat.open(context());
    await writer.page([shapeHit('a', {}, pt(1, 2))]);
    await writer.close();
    await writer.close();
    expect(existsSync(join(dir, 'features.fgb'))).toBe(true);
    await expect(writer.page([shapeHit('b', {}, pt(1, 2))])).rejects.toThrow(/closed|EBADF/);
  });

  test('a spool file gone before the body is read fails the stream', async () => {
    const writer = await fgbFormat.open(context());
    await writer.page([shapeHit('a', {}, pt(1, 2))]);
    const body = await writer.finish();
    rmSync(join(dir, 'features.fgb'));
    await expect(streamBytes(body.open())).rejects.toThrow(/ENOENT/);
    await writer.close();
  });
});
