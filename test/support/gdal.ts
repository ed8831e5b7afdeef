import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * GDAL as the independent writer and oracle of the GIS tests: fixtures are made by `ogr2ogr`
 * in the test setup (never committed), and GDAL's own reprojection is what our coordinates
 * are compared to. A machine without GDAL fails these tests with a message saying what to
 * install; they are never skipped.
 */
const run = promisify(execFile);

const INSTALL = 'install gdal-bin (apt-get install gdal-bin; `npm test` installs it when it is missing)';

async function gdal(tool: string, args: readonly string[], input?: string): Promise<string> {
  try {
    if (input === undefined) return (await run(tool, args, { maxBuffer: 1 << 28 })).stdout;
    return await new Promise<string>((resolve, reject) => {
      const child = execFile(tool, args, { maxBuffer: 1 << 28 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
      child.stdin!.end(input);
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new Error(`${tool} was not found: ${INSTALL}`);
    throw new Error(`${tool} ${args.join(' ')} failed: ${e.stderr || e.message}`);
  }
}

/** Runs ogr2ogr with these arguments (output first, as ogr2ogr takes them). */
export const ogr2ogr = (...args: string[]): Promise<string> => gdal('ogr2ogr', args);

/** A fresh temporary folder for one test file's fixtures. */
export const gisTempDir = (name: string): string => mkdtempSync(join(tmpdir(), `portal-search-${name}-`));

export interface OracleFeature { properties: Record<string, unknown>; geometry: { type: string; coordinates?: unknown; geometries?: unknown[] } | null }

/** A layer as GDAL reads it, reprojected by GDAL to WGS 84 lon/lat (full precision): the oracle of our coordinates. */
export async function gdalWgs84Features(source: string, layer?: string, extra: string[] = []): Promise<OracleFeature[]> {
  const out = join(gisTempDir('oracle'), 'out.geojson');
  await ogr2ogr('-f', 'GeoJSON', '-t_srs', 'EPSG:4326', '-lco', 'COORDINATE_PRECISION=15', ...extra, out, source, ...(layer ? [layer] : []));
  return (JSON.parse(readFileSync(out, 'utf8')) as { features: OracleFeature[] }).features;
}

/** Positions transformed by GDAL (gdaltransform, x first whatever the CRS's axis order). */
export async function gdalTransform(points: ReadonlyArray<readonly number[]>, from: string, to: string): Promise<number[][]> {
  const out = await gdal('gdaltransform', ['-s_srs', from, '-t_srs', to, '-output_xy'], points.map((p) => `${p[0]} ${p[1]}`).join('\n') + '\n');
  return out.trim().split('\n').map((line) => line.trim().split(/\s+/).map(Number));
}

export interface SrsWkts { wkt1: string; wkt2: string; esri: string }

/** A CRS as GDAL writes it (one gdalsrsinfo call): WKT1, WKT2:2019, and ESRI WKT (what a .prj holds). */
export async function gdalSrsWkts(crs: string): Promise<SrsWkts> {
  const lines = (await gdal('gdalsrsinfo', ['-o', 'all', '--single-line', crs])).split('\n');
  const after = (title: string): string => {
    const i = lines.findIndex((l) => l.trim() === title);
    if (i < 0) throw new Error(`gdalsrsinfo printed no "${title}" for ${crs}`);
    return lines[i + 1].trim();
  };
  return { wkt1: after('OGC WKT1 :'), wkt2: after('OGC WKT2:2019 :'), esri: after('ESRI WKT :') };
}

/** Runs `work` over `items`, at most `limit` at a time (GDAL tools are processes: a few at once). */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Every position of a GeoJSON geometry, in order. */
export function positionsOf(g: unknown): number[][] {
  if (!g || typeof g !== 'object') return [];
  const { coordinates, geometries } = g as { coordinates?: unknown; geometries?: unknown[] };
  if (geometries) return geometries.flatMap(positionsOf);
  const walk = (c: unknown): number[][] => (Array.isArray(c) && typeof c[0] === 'number' ? [c as number[]] : Array.isArray(c) ? c.flatMap(walk) : []);
  return walk(coordinates);
}

/** The largest coordinate difference between two geometries of the same shape; Infinity when their types or position counts differ. */
export function maxCoordinateDifference(a: unknown, b: unknown): number {
  const ta = (a as { type?: string } | null)?.type;
  const tb = (b as { type?: string } | null)?.type;
  const pa = positionsOf(a);
  const pb = positionsOf(b);
  if (ta !== tb || pa.length !== pb.length) return Infinity;
  let max = 0;
  pa.forEach((p, i) => { max = Math.max(max, Math.abs(p[0] - pb[i][0]), Math.abs(p[1] - pb[i][1])); });
  return max;
}
