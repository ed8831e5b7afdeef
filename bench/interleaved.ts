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
 * `total` calls a side in blocks of `size` over `connections`, the sides taking turns (each turn
 * starts one side later: with two, every second turn the direct side goes first). With `meter`,
 * each side's CPU per call over its own blocks; the sequential run (blocks of one call) is not
 * metered, as three readings per call would weigh on it.
 */
export async function takeTurns(sides: ReadonlyArray<() => Promise<void>>, total: number, size: number, connections: number, meter?: CpuMeter): Promise<Stats[]> {
  const lat = sides.map((): number[] => []);
  const seconds = sides.map(() => 0);
  const cpu: Array<CpuTimes | undefined> = sides.map(() => ({ search: 0, api: 0, bench: 0 }));
  for (let done = 0, i = 0; done < total; done += size, i++) {
    const calls = Math.min(size, total - done);
    for (let k = 0; k < sides.length; k++) {
      const side = (i + k) % sides.length;
      const before = await meter?.();
      seconds[side] += await block(sides[side], calls, connections, lat[side]);
      cpu[side] = addCpu(cpu[side], cpuPerCall(before, await meter?.(), total));
    }
  }
  return sides.map((_, n) => ({ ...stats(lat[n], seconds[n]), ...(meter && cpu[n] ? { cpu: cpu[n] } : {}) }));
}

/** takeTurns for two sides: ours, then the side it is compared with. */
export async function alternate(sides: [() => Promise<void>, () => Promise<void>], total: number, size: number, connections: number, meter?: CpuMeter): Promise<[Stats, Stats]> {
  const [a, b] = await takeTurns(sides, total, size, connections, meter);
  return [a, b];
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
