import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseDescriptor } from '../catalog/parseDescriptor';
import type { Deps } from '../execute/deps';
import { PublishRefused } from '../errors/publishRefused';
import { progressPrinter } from '../ingest/progress';
import { publishDataset } from '../usecases/publishDataset';
import { dryRunCommand } from './dryRunCommand';

export const INGEST_USAGE = `  ingest <descriptor.json>... [--max-warning-share <share>] [--take-over] [--dry-run [--json]]
                                         publish datasets from their descriptors; refused when more rows
                                         warn than the share (0.05 or 5%: the default, or the descriptor's
                                         maxWarningShare); --take-over replaces metadata-only catalog entries;
                                         --dry-run reads the files and prints what would be published (the
                                         schema, warnings, whether it would be refused: exit 1), publishing nothing`;

/** `--max-warning-share`: a share (0.2) or a percentage (20%), from 0 to 1; undefined when not a valid one. */
export function parseShare(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(text.trim());
  if (!m) return undefined;
  const share = m[2] ? Number(m[1]) / 100 : Number(m[1]);
  return share <= 1 ? share : undefined;
}

export interface IngestArgs { files: string[]; maxWarningShare?: number; takeOver: boolean; dryRun: boolean; json: boolean }

/** The arguments of `ingest`, or what is wrong with them. */
export function parseIngestArgs(args: string[]): IngestArgs | string {
  const parsed: IngestArgs = { files: [], takeOver: false, dryRun: false, json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--take-over') parsed.takeOver = true;
    else if (arg === '--dry-run') parsed.dryRun = true;
    else if (arg === '--json') parsed.json = true;
    else if (arg === '--max-warning-share') {
      const share = parseShare(args[++i] ?? '');
      if (share === undefined) return `--max-warning-share takes a share from 0 to 1 (0.05) or a percentage (5%), not ${args[i] ?? 'nothing'}`;
      parsed.maxWarningShare = share;
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else parsed.files.push(arg);
  }
  if (parsed.json && !parsed.dryRun) return '--json goes with --dry-run';
  return parsed.files.length > 0 ? parsed : 'ingest needs at least one descriptor';
}

/**
 * `ingest`: publishes each descriptor in turn, printing its report; stops at the first that fails
 * (exit code 1, with why on stderr; a refused publish changed nothing), 2 for a usage error.
 */
export async function ingestCommand(deps: Deps, args: string[]): Promise<number> {
  const parsed = parseIngestArgs(args);
  if (typeof parsed === 'string') { console.error(parsed); return 2; }
  // main.ts runs a dry run before opening the stores; here too, it publishes nothing.
  if (parsed.dryRun) return dryRunCommand(parsed.files, { maxWarningShare: parsed.maxWarningShare, json: parsed.json });
  for (const file of parsed.files) {
    const descriptor = parseDescriptor(JSON.parse(await readFile(file, 'utf8')), file);
    const progress = progressPrinter(descriptor.id);
    try {
      const r = await publishDataset(deps, descriptor, {
        baseDir: dirname(resolve(file)), onProgress: progress.update, maxWarningShare: parsed.maxWarningShare, takeOver: parsed.takeOver,
      });
      progress.done();
      console.log(`${r.datasetId}: ${r.rowsRead} rows read, ${r.published} published, ${r.rowsWarned} with warnings (${r.warningCount} warnings) → ${r.index.index}`);
      for (const w of r.warnings.slice(0, 20)) console.log(`  ${r.unit} ${w.position}${w.field ? ` ${w.field}` : ''}: ${w.message}`);
      if (r.warningCount > 20) console.log(`  … ${r.warningCount - 20} more warnings`);
    } catch (err) {
      progress.done();
      if (!(err instanceof PublishRefused)) throw err;
      console.error(`refused: ${err.message}`);
      for (const w of err.warnings.first) console.error(`  ${err.warnings.unit} ${w.position}${w.field ? ` ${w.field}` : ''}: ${w.message}`);
      return 1;
    }
  }
  return 0;
}
