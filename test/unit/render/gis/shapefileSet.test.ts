import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GisColumn, GisType } from '../../../../src/render/gis/gisLayout';
import { ShapefileSet } from '../../../../src/render/gis/shapefileSet';
import { readDbf } from '../../../support/dbfRead';
import { shapefileFeatures } from '../../../support/shapefileFeatures';
import { readShpHeader, readShpRecords, readShx } from '../../../support/shpRead';

const col = (name: string, type: GisType): GisColumn => ({ name, label: name, type, value: () => undefined });
/** A point record's content (ESRI Shapefile Technical Description: type 1, X, Y). */
const pointShape = (x: number, y: number): Buffer => { const b = Buffer.alloc(20); b.writeInt32LE(1, 0); b.writeDoubleLE(x, 4); b.writeDoubleLE(y, 12); return b; };
/** A null shape's content: type 0. */
const nullShape = (): Buffer => Buffer.alloc(4);
const NOW = new Date('2026-07-14T12:00:00Z');

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'shapefile-set-')); });
afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

const files = (set: ShapefileSet) => ({ shp: readFileSync(`${set.path}.shp`), shx: readFileSync(`${set.path}.shx`), dbf: readFileSync(`${set.path}.dbf`) });

describe('ShapefileSet', () => {
  test('is named after its index in the folder; a set without records: headers only, empty box, no row', async () => {
    const set = await ShapefileSet.open(dir, 3, null, [col('nom', 'text')], ['nom']);
    expect(set.path).toBe(join(dir, 'set3'));
    expect(set.kind).toBeNull();
    await set.finish(NOW);
    const { shp, shx, dbf } = files(set);
    expect([shp.length, shx.length]).toEqual([100, 100]);
    for (const b of [shp, shx]) {
      const h = readShpHeader(b);
      expect([h.fileCode, h.lengthBytes, h.version, h.shapeType, h.box]).toEqual([9994, 100, 1000, 0, [0, 0, 0, 0]]);
      expect([...h.unused].every((x) => x === 0)).toBe(true);
      expect([...b.subarray(68, 100)].every((x) => x === 0)).toBe(true);
    }
    const d = readDbf(dbf);
    expect([d.count, d.records, [...d.rest]]).toEqual([0, [], [0x1a]]);
    expect(await shapefileFeatures(shp, dbf)).toEqual([]);
  });

  test('points: numbered records, .shx offsets and lengths in 16-bit words, file lengths and box in the headers', async () => {
    const set = await ShapefileSet.open(dir, 0, 'point', [col('nom', 'text'), col('n', 'int')], ['nom', 'n']);
    set.add(pointShape(2, 48), [2, 48, 2, 48], ['a', 1]);
    set.add(nullShape(), null, ['b', null]);
    set.add(pointShape(-5.5, 51.25), [-5.5, 51.25, -5.5, 51.25], [null, -30]);
    expect(set.count).toBe(3);
    await set.finish(NOW);
    const { shp, shx, dbf } = files(set);
    const records = readShpRecords(shp);
    expect(records).toEqual([
      { offset: 100, number: 1, length: 20, shapeType: 1 },
      { offset: 128, number: 2, length: 4, shapeType: 0 },
      { offset: 140, number: 3, length: 20, shapeType: 1 },
    ]);
    expect(readShx(shx)).toEqual(records.map((r) => ({ offset: r.offset, length: r.length })));
    const h = readShpHeader(shp);
    expect([h.fileCode, h.lengthBytes, h.version, h.shapeType, h.box]).toEqual([9994, shp.length, 1000, 1, [-5.5, 48, 2, 51.25]]);
    const x = readShpHeader(shx);
    expect([x.fileCode, x.lengthBytes, x.version, x.shapeType, x.box]).toEqual([9994, 100 + 3 * 8, 1000, 1, [-5.5, 48, 2, 51.25]]);
    expect(shx.length).toBe(124);
    const features = await shapefileFeatures(shp, dbf);
    expect(features.map((f) => [f.geometry, f.properties])).toEqual([
      [{ type: 'Point', coordinates: [2, 48] }, { nom: 'a', n: 1 }],
      [null, { nom: 'b', n: null }],
      [{ type: 'Point', coordinates: [-5.5, 51.25] }, { nom: null, n: -30 }],
    ]);
  });

  test('each kind its shape type code in both headers', async () => {
    const codes: Array<['point' | 'line' | 'polygon' | 'multipoint', number]> = [['point', 1], ['line', 3], ['polygon', 5], ['multipoint', 8]];
    for (const [kind, code] of codes) {
      const set = await ShapefileSet.open(dir, code, kind, [], []);
      await set.finish(NOW);
      const { shp, shx } = files(set);
      expect([readShpHeader(shp).shapeType, readShpHeader(shx).shapeType]).toEqual([code, code]);
    }
  });

  test('a kind given after opening (the main set taking the first type) is the one written', async () => {
    const set = await ShapefileSet.open(dir, 0, null, [], []);
    set.kind = 'polygon';
    await set.finish(NOW);
    expect(readShpHeader(files(set).shp).shapeType).toBe(5);
  });

  test('the .dbf: widths learnt over every record, UTF-8 text, the date of the export, one record per shape, 0x1A at the end', async () => {
    const columns = [col('nom', 'text'), col('n', 'int'), col('x', 'double'), col('jour', 'date'), col('at', 'datetime')];
    const set = await ShapefileSet.open(dir, 0, 'point', columns, ['nom', 'n', 'x', 'jour', 'at']);
    set.add(pointShape(0, 0), [0, 0, 0, 0], ['Zoé', 5, 1.5, '2024-03-05', '2024-03-05T10:00:00.000Z']);
    set.add(pointShape(1, 1), [1, 1, 1, 1], ['Ελληνικά 😀', -1234, -0.125, null, null]);
    set.add(pointShape(2, 2), [2, 2, 2, 2], [null, null, null, '1999-12-31', null]);
    await set.finish(NOW);
    const { shp, dbf } = files(set);
    const d = readDbf(dbf);
    expect([d.version, d.updated, d.count, d.terminator, [...d.rest]]).toEqual([3, [2026, 7, 14], 3, 0x0d, [0x1a]]);
    const greek = Buffer.byteLength('Ελληνικά 😀');
    expect(d.fields.map((f) => [f.name, f.type, f.width, f.decimals])).toEqual([['nom', 'C', greek, 0], ['n', 'N', 5, 0], ['x', 'N', 6, 3], ['jour', 'D', 8, 0], ['at', 'C', 24, 0]]);
    expect(d.records.map((r) => [r.flag, ...r.cells.map((c) => c.toString('utf8'))])).toEqual([
      [0x20, 'Zoé'.padEnd(greek - 1), '    5', ' 1.500', '20240305', '2024-03-05T10:00:00.000Z'],
      [0x20, 'Ελληνικά 😀', '-1234', '-0.125', ' '.repeat(8), ' '.repeat(24)],
      [0x20, ' '.repeat(greek), ' '.repeat(5), ' '.repeat(6), '19991231', ' '.repeat(24)],
    ]);
    expect(dbf.length).toBe(d.headerLength + 3 * d.recordLength + 1);
    const props = (await shapefileFeatures(shp, dbf)).map((f) => f.properties);
    expect(props.map((p) => [p?.nom, p?.n, p?.x, p?.at])).toEqual([['Zoé', 5, 1.5, '2024-03-05T10:00:00.000Z'], ['Ελληνικά 😀', -1234, -0.125, null], [null, null, null, null]]);
  });

  test('records added over several flushes stay in order, numbered on', async () => {
    const set = await ShapefileSet.open(dir, 0, 'point', [col('i', 'int')], ['i']);
    set.add(pointShape(0, 0), [0, 0, 0, 0], [1]);
    set.add(pointShape(1, 0), [1, 0, 1, 0], [2]);
    await set.flush();
    await set.flush();
    set.add(pointShape(2, 0), [2, 0, 2, 0], [3]);
    await set.flush();
    set.add(pointShape(3, 0), [3, 0, 3, 0], [4]);
    await set.finish(NOW);
    const { shp, shx, dbf } = files(set);
    expect(readShpRecords(shp).map((r) => [r.number, r.offset])).toEqual([[1, 100], [2, 128], [3, 156], [4, 184]]);
    expect(readShx(shx).map((r) => r.offset)).toEqual([100, 128, 156, 184]);
    expect((await shapefileFeatures(shp, dbf)).map((f) => [f.geometry, f.properties])).toEqual(
      [0, 1, 2, 3].map((i) => [{ type: 'Point', coordinates: [i, 0] }, { i: i + 1 }]));
  });

  test('thousands of records: every one in the .dbf once, in order', async () => {
    const set = await ShapefileSet.open(dir, 0, 'point', [col('i', 'int'), col('t', 'text')], ['i', 't']);
    const n = 2345;
    for (let i = 0; i < n; i++) {
      set.add(pointShape(i, 100 - i), [i, 100 - i, i, 100 - i], [i, `r${i}`]);
      if (i % 700 === 0) await set.flush();
    }
    await set.finish(NOW);
    const { shp, dbf } = files(set);
    const d = readDbf(dbf);
    expect(d.count).toBe(n);
    expect(dbf.length).toBe(d.headerLength + n * d.recordLength + 1);
    expect(d.records.map((r) => Number(r.cells[0].toString('latin1')))).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(d.records.every((r, i) => r.cells[1].toString('latin1').trim() === `r${i}`)).toBe(true);
    expect(readShpHeader(shp).box).toEqual([0, 100 - (n - 1), n - 1, 100]);
    expect(readShpHeader(shp).lengthBytes).toBe(100 + n * 28);
  });

  test('text with line breaks and separators survives the spool', async () => {
    const set = await ShapefileSet.open(dir, 0, 'point', [col('t', 'text')], ['t']);
    const texts = ['a\nb', 'c\r\nd', 'e\rf', 'g\u2028h', '"[1,2]"\\'];
    for (const t of texts) set.add(pointShape(0, 0), [0, 0, 0, 0], [t]);
    await set.finish(NOW);
    const d = readDbf(files(set).dbf);
    expect(d.records.map((r) => r.cells[0].toString('utf8').trimEnd())).toEqual(texts);
  });

  test('open makes the .shp, .shx and the row spool, finish the .dbf; closing twice, or after finishing, is harmless', async () => {
    const set = await ShapefileSet.open(dir, 0, 'point', [], []);
    expect(['shp', 'shx', 'rows', 'dbf'].map((e) => existsSync(`${set.path}.${e}`))).toEqual([true, true, true, false]);
    await set.finish(NOW);
    await set.close();
    await set.close();
    const given = await ShapefileSet.open(dir, 1, 'point', [], []);
    await given.close();
    await given.close();
    expect(existsSync(`${set.path}.dbf`)).toBe(true);
  });
});
