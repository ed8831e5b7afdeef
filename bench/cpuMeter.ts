/**
 * The CPU a measurement costs the whole machine: Elasticsearch's (its nodes' processes), the
 * API's process (Linux's /proc/<pid>/stat) and the bench's own. With both sides of
 * a comparison measured so, the CPU per call says what the cores can give: when a run saturates
 * them, calls per second cannot exceed cores ÷ CPU per call, whatever the code does with its waits.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { Client } from '@elastic/elasticsearch';

/** CPU milliseconds of Elasticsearch, the API and this process (the bench). */
export interface CpuTimes { search: number; api: number; bench: number }

/** The CPU used so far; undefined where one of the three cannot be read. */
export type CpuMeter = () => Promise<CpuTimes | undefined>;

export const cpuTotal = (c: CpuTimes): number => c.search + c.api + c.bench;

/** Clock ticks a second of /proc's CPU times (100 on the usual Linux builds). */
function clockTicks(): number {
  try { return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100; } catch { return 100; }
}

/** A process's user and system CPU in ms from /proc/<pid>/stat (fields 14 and 15, after the command's closing parenthesis). */
function processCpuMs(pid: number, ticks: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
  } catch { return undefined; }
}

/**
 * Elasticsearch's CPU ms so far. From /proc when its nodes run here: `_nodes/stats` refreshes a
 * node's process CPU once a second (`monitor.process.refresh_interval`), too seldom for a block of
 * calls that lasts a fraction of that. Else from `_nodes/stats`, which is then only a coarse reading.
 */
async function elasticsearchCpu(es: Client, ticks: number): Promise<() => Promise<number | undefined>> {
  const info = await es.nodes.info({ metric: 'process' }).catch(() => undefined);
  const pids = Object.values(info?.nodes ?? {}).map((node) => node.process?.id);
  if (pids.length > 0 && pids.every((pid) => pid !== undefined && processCpuMs(pid, ticks) !== undefined)) {
    return async () => pids.reduce<number>((sum, pid) => sum + (processCpuMs(pid!, ticks) ?? Number.NaN), 0);
  }
  return async () => {
    try {
      const stats = await es.nodes.stats({ metric: 'process' });
      return Object.values(stats.nodes).reduce((sum, node) => sum + (node.process?.cpu?.total_in_millis ?? Number.NaN), 0);
    } catch { return undefined; }
  };
}

/** A meter of the machine's CPU; its `api` is the sum of the processes `apiPids` names (the API, or the servers compared). */
export async function cpuMeter(es: Client, apiPids: number | readonly number[]): Promise<CpuMeter> {
  const ticks = clockTicks();
  const search = await elasticsearchCpu(es, ticks);
  const servers = typeof apiPids === 'number' ? [apiPids] : apiPids;
  return async () => {
    const [searchMs, api] = [await search(), servers.reduce<number | undefined>((sum, pid) => { const ms = processCpuMs(pid, ticks); return sum === undefined || ms === undefined ? undefined : sum + ms; }, 0)];
    const own = process.cpuUsage();
    const times = { search: searchMs ?? Number.NaN, api: api ?? Number.NaN, bench: (own.user + own.system) / 1000 };
    return Number.isFinite(cpuTotal(times)) ? times : undefined;
  };
}

/** CPU used between two readings, divided by `calls`; undefined without both. */
export function cpuPerCall(before: CpuTimes | undefined, after: CpuTimes | undefined, calls: number): CpuTimes | undefined {
  if (!before || !after) return undefined;
  return { search: (after.search - before.search) / calls, api: (after.api - before.api) / calls, bench: (after.bench - before.bench) / calls };
}

/** The sum of two CPU times; undefined if either is. */
export const addCpu = (a: CpuTimes | undefined, b: CpuTimes | undefined): CpuTimes | undefined =>
  (a && b ? { search: a.search + b.search, api: a.api + b.api, bench: a.bench + b.bench } : undefined);

/** CPU milliseconds of Elasticsearch, this process (the bench, or a publish run in it) and PostgreSQL's processes. */
export interface PublishCpuTimes { search: number; node: number; postgres: number }

/** A reading of the CPU of the machine's processes, taken around each side's timed work; undefined where it failed. */
export type PublishCpuReading = () => Promise<PublishCpuTimes | undefined>;

/** PostgreSQL's CPU ms so far: every process of this machine named `postgres` (its server and each backend). */
function postgresCpu(ticks: number): number {
  let sum = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let name: string;
    try { name = readFileSync(`/proc/${entry}/comm`, 'utf8').trim(); } catch { continue; }
    if (name === 'postgres') sum += processCpuMs(Number(entry), ticks) ?? 0;
  }
  return sum;
}

/**
 * The CPU a publish costs the machine, by process: Elasticsearch, this process and PostgreSQL.
 * A backend that ends between two readings takes its CPU with it, so a reading spans work done on
 * connections that stay open (the publish's pool). Undefined where Elasticsearch's cannot be read.
 */
export async function publishCpuMeter(es: Client): Promise<PublishCpuReading> {
  const ticks = clockTicks();
  const search = await elasticsearchCpu(es, ticks);
  return async () => {
    const searchMs = await search();
    const own = process.cpuUsage();
    return searchMs === undefined || !Number.isFinite(searchMs) ? undefined : { search: searchMs, node: (own.user + own.system) / 1000, postgres: postgresCpu(ticks) };
  };
}

/** CPU used between two publish readings; undefined without both. */
export const publishCpuBetween = (before: PublishCpuTimes | undefined, after: PublishCpuTimes | undefined): PublishCpuTimes | undefined =>
  (before && after ? { search: after.search - before.search, node: after.node - before.node, postgres: after.postgres - before.postgres } : undefined);
