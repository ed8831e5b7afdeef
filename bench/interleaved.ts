/**
 * A comparison that survives a busy machine: our endpoint and the direct request take turns, so
 * that both see the same load. Sequentially, one call each in alternating order; with N
 * connections, alternating blocks of calls. Same table line as harness.compare.
 */
import { block, CONNECTIONS, stats, type Stats } from './harness';

const WARMUP = 20, BLOCK = 100;

/**
 * A call that is made again once when the server had closed its idle keep-alive connection as the
 * call reused it: while the other side runs its block, a side's connections can sit idle past the
 * server's keep-alive timeout.
 */
export const againOnReset = (run: () => Promise<void>) => (): Promise<void> =>
  run().catch((err: unknown) => ((err as { code?: string }).code === 'ECONNRESET' ? run() : Promise.reject(err)));

async function sequential(ours: () => Promise<void>, direct: () => Promise<void>, total: number): Promise<[Stats, Stats]> {
  const lat: [number[], number[]] = [[], []];
  const seconds = [0, 0];
  const sides = [ours, direct];
  for (let i = 0; i < total; i++) {
    for (const side of i % 2 ? [1, 0] : [0, 1]) seconds[side] += await block(sides[side], 1, 1, lat[side]);
  }
  return [stats(lat[0], seconds[0]), stats(lat[1], seconds[1])];
}

async function concurrent(ours: () => Promise<void>, direct: () => Promise<void>, total: number): Promise<[Stats, Stats]> {
  const lat: [number[], number[]] = [[], []];
  const seconds = [0, 0];
  const sides = [ours, direct];
  for (let done = 0, i = 0; done < total; done += BLOCK, i++) {
    for (const side of i % 2 ? [1, 0] : [0, 1]) seconds[side] += await block(sides[side], Math.min(BLOCK, total - done), CONNECTIONS, lat[side]);
  }
  return [stats(lat[0], seconds[0]), stats(lat[1], seconds[1])];
}

/** Sequential then with CONNECTIONS connections, ours and direct interleaved: one table line per mode. */
export async function compareInterleaved(label: string, ours: () => Promise<void>, direct: () => Promise<void>, sequentialTotal: number, concurrentTotal: number): Promise<string[]> {
  for (let i = 0; i < WARMUP; i++) { await ours(); await direct(); }
  const lines: string[] = [];
  for (const [mode, run] of [['sequential', () => sequential(ours, direct, sequentialTotal)], [`${CONNECTIONS} connections`, () => concurrent(ours, direct, concurrentTotal)]] as const) {
    const [o, d] = await run();
    lines.push([label, mode, o.p50.toFixed(2), d.p50.toFixed(2), (o.p50 / d.p50).toFixed(2), (o.p50 - d.p50).toFixed(2),
      o.p95.toFixed(2), d.p95.toFixed(2), o.perSecond.toFixed(0), d.perSecond.toFixed(0), (o.perSecond / d.perSecond).toFixed(2)].join('\t'));
    console.error(lines[lines.length - 1]);
  }
  return lines;
}
