import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RECORD_SPOOLED_FORMATS } from '../../../../src/render/formats/registry';
import type { SpoolContext, SpooledFormat } from '../../../../src/render/formats/spooledFormat';
import { plainColumn, shapeHit, shapeLayout, TEST_CRS } from '../../../support/gisSpool';
import { streamBytes } from '../../../support/streamBytes';

/**
 * What every SpooledFormat promises (spooledFormat.ts): pages written to files in the folder it
 * is given, a body whose length (when told) is its size and whose every open() is a fresh stream
 * of the whole file, close() safe to repeat, and a failing stream, not a hanging one, when its
 * files are gone.
 */
let root: string;
let dir: string;
beforeEach(() => { root = mkdtempSync(join(tmpdir(), 'spooled-format-')); dir = mkdtempSync(join(root, 'spool-')); });
afterEach(() => { rmSync(root, { recursive: true, force: true }); });

const context = (): SpoolContext => ({
  layout: shapeLayout('arbres', [plainColumn('nom', 'text'), plainColumn('n', 'int')]), crs: TEST_CRS, filename: 'arbres', dir, now: Date.parse('2026-07-14T12:00:00Z'),
});
const pages = [
  [shapeHit('a', { nom: 'a', n: 1 }, { type: 'Point', coordinates: [2, 48] }), shapeHit('b', { nom: 'b' })],
  [],
  [shapeHit('c', { n: 3 }, { type: 'LineString', coordinates: [[0, 0], [1, 1]] })],
];
const formats = [...RECORD_SPOOLED_FORMATS];

describe('the spooled formats', () => {
  test('gpkg, shp and fgb, each with its content type and file extension', () => {
    expect(formats.map(([name, f]) => [name, f.contentType, f.extension, f.needsGeometry])).toEqual([
      ['gpkg', 'application/geopackage+sqlite3', 'gpkg', false],
      ['shp', 'application/zip', 'shp.zip', true],
      ['fgb', 'application/flatgeobuf', 'fgb', false],
    ]);
  });

  test.each(formats)('%s: files only in the folder given; a told length is the size; every open() the same whole bytes', async (_name, format: SpooledFormat) => {
    const writer = await format.open(context());
    for (const page of pages) await writer.page(page);
    const body = await writer.finish();
    const first = await streamBytes(body.open());
    const second = await streamBytes(body.open());
    expect(first.length).toBeGreaterThan(0);
    expect(second.equals(first)).toBe(true);
    expect([undefined, first.length]).toContain(body.length);
    await writer.close();
    await writer.close();
    expect(readdirSync(root)).toEqual([dir.slice(root.length + 1)]);
  });

  test.each(formats)('%s: an export given up after some pages closes without error, twice; its files released, the same page cannot be written again', async (_name, format: SpooledFormat) => {
    const writer = await format.open(context());
    await writer.page(pages[0]);
    await expect(writer.close()).resolves.toBeUndefined();
    await expect(writer.close()).resolves.toBeUndefined();
    await expect(writer.page(pages[0])).rejects.toThrow();
  });

  test.each(formats)('%s: the spool folder emptied before the body is read fails the stream', async (_name, format: SpooledFormat) => {
    const writer = await format.open(context());
    for (const page of pages) await writer.page(page);
    const body = await writer.finish();
    for (const f of readdirSync(dir)) rmSync(join(dir, f));
    await expect(streamBytes(body.open())).rejects.toThrow(/ENOENT/);
    await writer.close();
  });
});
