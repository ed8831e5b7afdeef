/**
 * bench/floor: how much of the API's overhead over Elasticsearch any server in front of it pays.
 * bench:search's six records searches on lieux-de-tournage-a-paris and on its 1,000,000-record
 * copy, each three ways, taking turns (bench/interleaved.ts) with a fourth call: through the API;
 * through a bare server (bench/floorServer.ts: node:http, the request the API sends, sent and
 * read as bench:search's direct side does, one JSON.stringify of the answer); sent straight with
 * the client, as bench:search's direct side; and an empty exchange with the bare server (`{}`, no
 * search), the least any server in front of Elasticsearch adds to the request sent straight.
 * Sequential p50, then throughput and each server's CPU a call at 32 connections.
 * Where 3 % of the direct p50 is less than the empty exchange's p50, the 3 % goal (issue 18) is out
 * of reach of any server on this machine. The bare server's overhead is what an HTTP exchange
 * and a plain serialization cost; the API's overhead over it is what its own work costs
 * (parameters, planning, routing, rendering).
 *   npm run bench:floor        (BENCH_SEQUENTIAL, BENCH_CONCURRENT, BENCH_REQUEST_CACHE=off and
 *                               BENCH_RECORDS as for bench:search)
 */
import { request } from 'node:http';
import { join } from 'node:path';
import { countsApartFor } from '../src/execute/splitSearch';
import { cpuMeter, type CpuMeter } from './cpuMeter';
import type { FloorSearch } from './floorServer';
import { CONNECTIONS, directSearch, runBench, SOURCE, startServer, type Api, type Stats, warmUp } from './harness';
import { BLOCK, takeTurns } from './interleaved';
import { SEARCH_SHAPES, shapeSearch } from './searchShapes';

const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 200), CONCURRENT_TOTAL = Number(process.env.BENCH_CONCURRENT ?? 1000);

/** Sends `value` as JSON to the floor's `path`; resolves once it answered 200. */
const post = (port: number, path: string, value: unknown): Promise<void> => new Promise((resolve, reject) => {
  const text = JSON.stringify(value);
  request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) } }, (res) => {
    res.resume();
    res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`floor ${path}: ${res.statusCode}`))));
  }).on('error', reject).end(text);
});

const FLOOR_HEADER = 'dataset\trequest\tmode\tours p50 ms\tfloor p50 ms\tdirect p50 ms\tempty exchange p50 ms\tours - direct ms\tfloor - direct ms\tours - floor ms\tours over direct\tfloor over direct\tours req/s\tfloor req/s\tdirect req/s\tours throughput ratio\tfloor throughput ratio\tAPI CPU ms/call\tfloor CPU ms/call';

/** One line of the table (FLOOR_HEADER), printed on stderr as it comes. */
function floorLine(label: string, mode: string, [o, f, d, e]: Stats[]): string {
  const pct = (x: Stats): string => `${(((x.p50 - d.p50) / d.p50) * 100).toFixed(0)} %`;
  const line = [label, mode, o.p50.toFixed(2), f.p50.toFixed(2), d.p50.toFixed(2), e.p50.toFixed(2), (o.p50 - d.p50).toFixed(2), (f.p50 - d.p50).toFixed(2), (o.p50 - f.p50).toFixed(2),
    pct(o), pct(f), o.perSecond.toFixed(0), f.perSecond.toFixed(0), d.perSecond.toFixed(0), (o.perSecond / d.perSecond).toFixed(2), (f.perSecond / d.perSecond).toFixed(2),
    o.cpu?.api.toFixed(2) ?? '-', f.cpu?.api.toFixed(2) ?? '-'].join('\t');
  console.error(line);
  return line;
}

/** What the goals ask of a side: p50 within +2 ms on the source, within 3 % and ≥ 0.9× throughput on the copy. */
interface Reached { source: number; share: number; throughput: number }

async function main(): Promise<void> {
  const env = { ...process.env, ES_INDEX_PREFIX: process.env.ES_INDEX_PREFIX || 'bench-' };
  const floor = await startServer([join(__dirname, 'floorServer.js')], env, '/health');
  const reached: Record<'ours' | 'floor', Reached> = { ours: { source: 0, share: 0, throughput: 0 }, floor: { source: 0, share: 0, throughput: 0 } };
  // The empty exchange's sequential p50s, and the copy's shapes where 3 % of the direct p50 is less than it.
  const underExchange = { shapes: 0, p50s: [] as number[] };
  const count = (side: 'ours' | 'floor', dataset: string, sequential: Stats, concurrent: Stats, direct: [Stats, Stats]): void => {
    if (dataset === SOURCE) reached[side].source += sequential.p50 - direct[0].p50 <= 2 ? 1 : 0;
    else {
      reached[side].share += sequential.p50 <= 1.03 * direct[0].p50 ? 1 : 0;
      reached[side].throughput += concurrent.perSecond >= 0.9 * direct[1].perSecond ? 1 : 0;
    }
  };
  try {
    await runBench(async (deps, api: Api, dataset) => {
      const shapes = await Promise.all(SEARCH_SHAPES.map(async ([name, params]) => ({ name, ...await shapeSearch(deps, dataset, params) })));
      await post(floor.port, '/searches', shapes.map((s): FloorSearch => ({ body: s.body, countsApart: countsApartFor(s.recordsCount) })));
      // The API's and the floor's CPU are read together: while one side runs, the other server is idle.
      const meter: CpuMeter = await cpuMeter(deps.es, [api.pid, floor.pid]);
      const lines: string[] = [];
      for (const [k, shape] of shapes.entries()) {
        const sides = [() => api.get(`/api/records/1.0/search?${shape.qs}`), () => floor.get(`/${k}`), () => directSearch(deps, shape.body, shape.recordsCount), () => floor.get('/empty')];
        for (const side of sides) await warmUp(side, CONNECTIONS);
        const sequential = await takeTurns(sides, SEQUENTIAL, 1, 1);
        const concurrent = await takeTurns(sides, CONCURRENT_TOTAL, BLOCK, CONNECTIONS, meter);
        lines.push(floorLine(`${dataset}\t${shape.name}`, 'sequential', sequential), floorLine(`${dataset}\t${shape.name}`, `${CONNECTIONS} connections`, concurrent));
        count('ours', dataset, sequential[0], concurrent[0], [sequential[2], concurrent[2]]);
        count('floor', dataset, sequential[1], concurrent[1], [sequential[2], concurrent[2]]);
        underExchange.p50s.push(sequential[3].p50);
        if (dataset !== SOURCE && 0.03 * sequential[2].p50 < sequential[3].p50) underExchange.shapes++;
      }
      return lines;
    }, async () => {
      const n = SEARCH_SHAPES.length;
      const said = (side: 'ours' | 'floor'): string => `${side}: p50 within +2 ms on ${SOURCE} ${reached[side].source} of ${n}; within 3 % on the copy ${reached[side].share} of ${n}; throughput ≥ 0.9× on the copy ${reached[side].throughput} of ${n}`;
      const exchange = `an empty exchange's sequential p50 ${Math.min(...underExchange.p50s).toFixed(2)}–${Math.max(...underExchange.p50s).toFixed(2)} ms: more than 3 % of the direct p50 on ${underExchange.shapes} of ${n} shapes of the copy`;
      return ['the goals of issue 18 on records search, reached by', said('floor'), said('ours'), exchange];
    }, FLOOR_HEADER);
  } finally {
    floor.stop();
  }
}

main().catch((err: unknown) => { console.error(err); process.exitCode = 1; });
