import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Express } from 'express';
import request from 'supertest';
import { gdalWgs84Features, gisTempDir, type OracleFeature } from './gdal';

const run = promisify(execFile);

/** A download saved to a file as received: status, headers and where its bytes are. */
export interface SavedDownload { status: number; headers: Record<string, string>; path: string; text: string }

/** GETs `url` and keeps the body's bytes in a temporary file named `name`. */
export async function saveDownload(app: Express, url: string, name: string): Promise<SavedDownload> {
  const res = await request(app).get(url).buffer(true).parse((r, done) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => done(null, Buffer.concat(chunks)));
  });
  const path = join(gisTempDir('download'), name);
  const body = res.body as Buffer;
  writeFileSync(path, body);
  return { status: res.status, headers: res.headers as Record<string, string>, path, text: body.toString('utf8') };
}

/** What GDAL opens for a saved file: a zipped Shapefile through /vsizip/. */
export const gdalSource = (path: string): string => (path.endsWith('.zip') ? `/vsizip/${path}` : path);

/** The layers GDAL sees in a file (`ogrinfo -ro -q`), by name. */
export async function gdalLayers(source: string): Promise<string[]> {
  const out = (await run('ogrinfo', ['-ro', '-q', source], { maxBuffer: 1 << 24 })).stdout;
  return [...out.matchAll(/^\d+: (\S+)/gm)].map((m) => m[1]);
}

/** A layer's feature count and CRS as GDAL reports them (`ogrinfo -so`). */
export async function gdalSummary(source: string, layer: string): Promise<{ count: number; info: string }> {
  const info = (await run('ogrinfo', ['-ro', '-so', source, layer], { maxBuffer: 1 << 24 })).stdout;
  const count = /^Feature Count: (\d+)/m.exec(info);
  if (!count) throw new Error(`ogrinfo printed no feature count:\n${info}`);
  return { count: Number(count[1]), info };
}

/** Every feature of every layer of a file, as GDAL converts it to GeoJSON. */
export async function gdalAllFeatures(path: string): Promise<OracleFeature[]> {
  const source = gdalSource(path);
  const out: OracleFeature[] = [];
  for (const layer of await gdalLayers(source)) out.push(...await gdalWgs84Features(source, layer));
  return out;
}

/** One entry of a zip, as text (`unzip -p`). */
export async function zipEntry(path: string, entry: string): Promise<string> {
  return (await run('unzip', ['-p', path, entry], { maxBuffer: 1 << 24 })).stdout;
}

/** The names in a zip (`zipinfo -1`). */
export async function zipNames(path: string): Promise<string[]> {
  return (await run('zipinfo', ['-1', path])).stdout.trim().split('\n');
}
