import type { Express } from 'express';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { ensureFixture } from '../../support/ingestFixture';
import { rawCsvObjects } from '../../support/rawFixtures';
import { testApp } from '../../support/recordsApp';
import { queryString } from '../../support/searchRequest';
import { pixelDegrees, tileBox, tileKey, tileOfPoint } from '../../support/slippyTile';
import { openTestDeps } from '../../support/testDeps';

const VELIB = 'velib-emplacement-des-stations';
const CHANTIERS = 'chantiers-perturbants';
let deps: Deps & { close(): Promise<void> };
let app: Express;
beforeAll(async () => {
  deps = await openTestDeps();
  await ensureFixture(deps, VELIB);
  await ensureFixture(deps, CHANTIERS);
  app = testApp(deps);
}, 600000);
afterAll(() => deps.close());

const raw = rawCsvObjects('velib-emplacement-des-stations.csv').map((r) => {
  const [lat, lon] = r['Coordonnées géographiques'].split(',').map(Number);
  return { lat, lon, capacity: Number(r['Capacité de la station']) };
});
const get = async (endpoint: string, params: Record<string, string | number>, dataset = VELIB) => {
  const res = await request(app).get(`/api/records/1.0/${endpoint}?${queryString({ dataset, ...params })}`);
  if (res.status !== 200) throw new Error(`${res.status} ${res.text}`);
  return res.body;
};

interface ClusterOut { cluster_center: [number, number]; count: number; cluster: { type: string; coordinates: unknown }; series?: Record<string, number> }

describe('geocluster', () => {
  test.each([0, 5, 10, 14])('zoom %i: one cluster per grid cell of the raw points, with their count, centroid, box and series', async (zoom) => {
    const body = await get('geocluster', { clusterprecision: zoom, clusterdistance: 0, shapeprecision: 0, 'y.cap.func': 'SUM', 'y.cap.expr': 'capacity' });
    const clusters = body.clusters as ClusterOut[];
    // The raw points grouped by the tile that holds them (test/support/slippyTile.ts, not src/geo).
    const cells = new Map<string, typeof raw>();
    for (const r of raw) { const k = tileKey(r.lat, r.lon, zoom); cells.set(k, [...(cells.get(k) ?? []), r]); }
    const expected = [...cells].map(([key, rs]) => {
      const lats = rs.map((r) => r.lat), lons = rs.map((r) => r.lon);
      const [w, s, e, n] = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
      const shape = rs.length === 1 || (w === e && s === n) ? 'Point' : 'Polygon';
      return { key, count: rs.length, cap: rs.reduce((t, r) => t + r.capacity, 0), shape, box: [w, s, e, n], centre: [lats.reduce((t, v) => t + v, 0) / rs.length, lons.reduce((t, v) => t + v, 0) / rs.length] };
    }).sort((a, b) => a.key.localeCompare(b.key));
    // Each cluster is put in the tile its centre falls in; that must be the tile of exactly its records.
    const got = clusters.map((c) => {
      const [lat, lon] = c.cluster_center;
      const { x, y } = tileOfPoint(lat, lon, zoom);
      const box = tileBox(x, y, zoom);
      expect(lon >= box.west && lon <= box.east && lat >= box.south && lat <= box.north).toBe(true);
      return { key: `${zoom}/${x}/${y}`, c };
    }).sort((a, b) => a.key.localeCompare(b.key));
    expect(got.map((g) => [g.key, g.c.count, g.c.series?.cap, g.c.cluster.type])).toEqual(expected.map((e) => [e.key, e.count, e.cap, e.shape]));
    // geo_point values are stored to about 1e-7 degree; a point's shape is its centre, a cell's the box of its points.
    const near = (a: number[], b: number[]) => a.length === b.length && a.every((v, j) => Math.abs(v - b[j]) < 1e-6);
    const shapeOf = (e: typeof expected[number]) => {
      const [w, s, east, n] = e.box;
      return e.shape === 'Point' ? [e.centre[1], e.centre[0]] : [w, s, east, s, east, n, w, n, w, s];
    };
    expect(got.filter(({ c }, i) => !near(c.cluster_center, expected[i].centre) || !near([c.cluster.coordinates].flat(3) as number[], shapeOf(expected[i])))).toEqual([]);
    expect(body.count).toEqual({ min: Math.min(...expected.map((e) => e.count)), max: Math.max(...expected.map((e) => e.count)) });
    expect(body.series).toEqual({ cap: { min: Math.min(...expected.map((e) => e.cap)), max: Math.max(...expected.map((e) => e.cap)) } });
    expect(body.clusterprecision).toBe(zoom);
  });

  test.each([[10, 2], [8, 4], [12, undefined]])('clusterprecision %i, shapeprecision %s: the records are grouped by the tiles of zoom + shapeprecision (1 by default)', async (zoom, shape) => {
    const grid = zoom + (shape ?? 1);
    const body = await get('geocluster', { clusterprecision: zoom, clusterdistance: 0, ...(shape === undefined ? {} : { shapeprecision: shape }) });
    const expected = new Map<string, number>();
    for (const r of raw) { const k = tileKey(r.lat, r.lon, grid); expected.set(k, (expected.get(k) ?? 0) + 1); }
    // A cluster's centre is the mean of its records, so it lies in their (convex) tile.
    const got = (body.clusters as ClusterOut[]).map((c) => [tileKey(c.cluster_center[0], c.cluster_center[1], grid), c.count]);
    expect(got.sort()).toEqual([...expected].sort());
    // The finer grid has more cells than the zoom's own, and the answer keeps the zoom asked for.
    expect(expected.size).toBeGreaterThan(new Set(raw.map((r) => tileKey(r.lat, r.lon, zoom))).size);
    expect(body.clusterprecision).toBe(zoom);
  });

  test('clusterdistance merges neighbouring cells without losing records; a refine filters them', async () => {
    const merged = await get('geocluster', { clusterprecision: 14, clusterdistance: 80 });
    const plain = await get('geocluster', { clusterprecision: 14, clusterdistance: 0 });
    expect(merged.clusters.length).toBeLessThan(plain.clusters.length);
    expect((merged.clusters as ClusterOut[]).reduce((n, c) => n + c.count, 0)).toBe(raw.length);
    const big = await get('geocluster', { clusterprecision: 10, q: 'capacity >= 40' });
    expect((big.clusters as ClusterOut[]).reduce((n, c) => n + c.count, 0)).toBe(raw.filter((r) => r.capacity >= 40).length);
  });

  test.each([
    ['zoom 30', { clusterprecision: 30 }, 'clusterprecision'],
    ['no zoom', {}, 'clusterprecision'],
    ['zoom + shape precision above 29', { clusterprecision: 25, shapeprecision: 5 }, 'shapeprecision'],
    ['an expression series', { clusterprecision: 5, 'y.s.func': 'AVG', 'y.s.expr': 'capacity * 2' }, 'y.s.expr'],
  ])('%s is a 400', async (_n, params, parameter) => {
    const res = await request(app).get(`/api/records/1.0/geocluster?${queryString({ dataset: VELIB, ...params })}`);
    expect([res.status, res.body.parameter]).toEqual([400, parameter]);
  });
});

describe('boundingbox and geopreview', () => {
  test('the box of the raw coordinates; with a refine and a geofilter', async () => {
    const body = await get('boundingbox', {});
    const lats = raw.map((r) => r.lat), lons = raw.map((r) => r.lon);
    expect(body.count).toBe(raw.length);
    expect(body.geometries).toEqual({ Point: raw.length });
    const want = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
    (body.bbox as number[]).forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-6));
    const some = raw.filter((r) => r.capacity === 20 && r.lat >= 48.85 && r.lat <= 48.87 && r.lon >= 2.33 && r.lon <= 2.36);
    const filtered = await get('boundingbox', { 'refine.capacity': 20, 'geofilter.bbox': '48.85,2.33,48.87,2.36' });
    expect(filtered.count).toBe(some.length);
    expect(Math.abs(filtered.bbox[1] - Math.min(...some.map((r) => r.lat)))).toBeLessThan(1e-6);
  });

  test('geopreview: one geometry and digest per record, capped by rows', async () => {
    const items = (await get('geopreview', { rows: 50 })) as Array<{ geometry: { type: string; coordinates: number[] }; geo_digest: string; recordid: string }>;
    expect(items).toHaveLength(50);
    const points = new Set(raw.map((r) => `${r.lon},${r.lat}`));
    expect(items.every((i) => i.geometry.type === 'Point' && points.has(i.geometry.coordinates.join(',')) && /^[0-9a-f]{40}$/.test(i.geo_digest))).toBe(true);
  });

  test('geopreview of shapes: as stored without clusterprecision; with it, each ring simplified to a pixel of that zoom', async () => {
    type Ring = number[][];
    interface Shape { type: string; coordinates: Ring[] | Ring[][] }
    const shapes = rawCsvObjects('chantiers-perturbants.csv').map((r) => JSON.parse(r.geo_shape) as Shape);
    const rings = (g: Shape): Ring[] => (g.type === 'Polygon' ? (g.coordinates as Ring[]) : (g.coordinates as Ring[][]).flat());
    type Item = { recordid: string; geometry: Shape };
    // Without a zoom, every shape comes as the file has it: that pairs each record with its raw shape.
    const plain = (await get('geopreview', { rows: 1000 }, CHANTIERS)) as Item[];
    const rawByCoordinates = new Map(shapes.map((g) => [JSON.stringify(g.coordinates), g]));
    const rawOf = new Map(plain.map((i) => [i.recordid, rawByCoordinates.get(JSON.stringify(i.geometry.coordinates))]));
    expect([plain.length, [...rawOf.values()].filter((g) => g !== undefined).length]).toEqual([shapes.length, shapes.length]);
    // Distance from a point to a segment, in degrees (the plane of longitude and latitude).
    const toSegment = ([px, py]: number[], [ax, ay]: number[], [bx, by]: number[]): number => {
      const [dx, dy] = [bx - ax, by - ay];
      const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
      return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    };
    for (const zoom of [13, 15, 17]) {
      const pixel = pixelDegrees(zoom);
      const items = (await get('geopreview', { rows: 1000, clusterprecision: zoom }, CHANTIERS)) as Item[];
      let rawVertices = 0, keptVertices = 0;
      const faults: string[] = [];
      for (const item of items) {
        const original = rawOf.get(item.recordid)!;
        const [before, after] = [rings(original), rings(item.geometry)];
        if (item.geometry.type !== original.type || before.length !== after.length) { faults.push(`${item.recordid}: type or rings`); continue; }
        before.forEach((ring, k) => {
          const simple = after[k];
          rawVertices += ring.length;
          keptVertices += simple.length;
          // A closed ring of at least 4 positions, each a vertex of the raw ring, in the raw ring's order.
          let at = 0;
          for (const v of simple) { while (at < ring.length && (ring[at][0] !== v[0] || ring[at][1] !== v[1])) at++; at++; }
          if (simple.length < 4 || at > ring.length || JSON.stringify(simple[0]) !== JSON.stringify(simple[simple.length - 1])) faults.push(`${item.recordid} ring ${k}: not a closed sub-ring`);
          // Every raw vertex is within a pixel of the simplified ring.
          for (const v of ring) {
            const d = Math.min(...simple.slice(1).map((b, j) => toSegment(v, simple[j], b)));
            if (d > pixel * (1 + 1e-9)) faults.push(`${item.recordid} ring ${k}: ${JSON.stringify(v)} is ${d} from the ring, more than ${pixel}`);
          }
        });
      }
      expect([zoom, items.length, faults.slice(0, 10)]).toEqual([zoom, shapes.length, []]);
      expect([zoom, keptVertices < rawVertices]).toEqual([zoom, true]);
    }
  });
});
