/**
 * A comparison that survives a busy machine: our endpoint and the direct request take turns, so
 * that both see the same load. Sequentially, one call each in alternating order; with N
 * connections, alternating blocks of calls. One table line (harness.tableLine) per mode.
 */
import { block, CONNECTIONS, stats, tableLine, type Stats, warmUp } from './harness';
import { addCpu, type CpuMeter, cpuPerCall, type CpuTimes } from './cpuMeter';

/** Calls a side makes in one turn with several connections. */
export const BLOCK = 100;

/**
 * `total` calls a side in blocks of `size` over `connections`, the sides taking turns (every
 * second turn the direct side goes first). With `meter`, each side's CPU per call over its own
 * blocks; the sequential run (blocks of one call) is not metered, as three readings per call
 * would weigh on it.
 */
export async function alternate(sides: [() => Promise<void>, () => Promise<void>], total: number, size: number, connections: number, meter?: CpuMeter): Promise<[Stats, Stats]> {
  const lat: [number[], number[]] = [[], []];
  const seconds = [0, 0];
  const zero = { search: 0, api: 0, bench: 0 };
  const cpu: Array<CpuTimes | undefined> = [zero, zero];
  for (let done = 0, i = 0; done < total; done += size, i++) {
    const calls = Math.min(size, total - done);
    for (const side of i % 2 ? [1, 0] : [0, 1]) {
      const before = await meter?.();
      seconds[side] += await block(sides[side], calls, connections, lat[side]);
      cpu[side] = addCpu(cpu[side], cpuPerCall(before, await meter?.(), total));
    }
  }
  const side = (n: 0 | 1): Stats => ({ ...stats(lat[n], seconds[n]), ...(meter && cpu[n] ? { cpu: cpu[n] } : {}) });
  return [side(0), side(1)];
}

/** Sequential then with CONNECTIONS connections, ours and direct interleaved: one table line per mode (with `meter`, the CPU per call with CONNECTIONS connections). */
export async function compareInterleaved(label: string, ours: () => Promise<void>, direct: () => Promise<void>, sequentialTotal: number, concurrentTotal: number, meter?: CpuMeter): Promise<string[]> {
  await warmUp(ours, CONNECTIONS);
  await warmUp(direct, CONNECTIONS);
  const lines: string[] = [];
  for (const [mode, run] of [['sequential', () => alternate([ours, direct], sequentialTotal, 1, 1)], [`${CONNECTIONS} connections`, () => alternate([ours, direct], concurrentTotal, BLOCK, CONNECTIONS, meter)]] as const) {
    const [o, d] = await run();
    lines.push(tableLine(label, mode, o, d));
  }
  return lines;
}
