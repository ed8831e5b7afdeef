import { collectOrphanIndices } from '../execute/collectOrphanIndices';
import type { Deps } from '../execute/deps';

export const GC_USAGE = `  gc [--dry-run] [--min-age-minutes <n>]  delete indices no alias or index version points to (kept: those an export reads, those younger than n minutes, 10)`;

/** `gc`: exit code 0, or 2 for a usage error. */
export async function gcCommand(deps: Deps, args: string[]): Promise<number> {
  const i = args.indexOf('--min-age-minutes');
  const minutes = i >= 0 ? Number(args[i + 1] ?? 'none') : 10;
  const known = (a: string, j: number): boolean => a === '--dry-run' || (i >= 0 && (j === i || j === i + 1));
  if (!Number.isFinite(minutes) || minutes < 0 || !args.every(known)) return 2;
  const dryRun = args.includes('--dry-run');
  const report = await collectOrphanIndices(deps, { dryRun, minAgeMs: minutes * 60_000 });
  for (const k of report.kept) console.log(`kept ${k.index}: ${k.reason}`);
  for (const d of report.deleted) console.log(`${dryRun ? 'would delete' : 'deleted'} ${d}`);
  console.log(`${report.deleted.length} ${dryRun ? 'to delete' : 'deleted'}, ${report.kept.length} kept`);
  return 0;
}
