#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { parseCatalogEntry } from '../catalog/catalogEntry';
import { loadConfig } from '../config/config';
import { rebuildCatalogIndex } from '../execute/catalogIndex';
import { listRecordsDatasets } from '../execute/datasetStore';
import { importCatalog } from '../usecases/importCatalog';
import { openDeps } from '../execute/openDeps';
import { reindexAlone } from '../usecases/reindexAlone';
import { PublishRefused } from '../errors/publishRefused';
import { serve } from '../http/server';
import { ADMIN_USAGE, domainCommand, keyCommand, option } from './adminCommands';
import { GC_USAGE, gcCommand } from './gcCommand';
import { dryRunCommand } from './dryRunCommand';
import { INFER_USAGE, inferCommand } from './inferCommand';
import { INGEST_USAGE, ingestCommand, parseIngestArgs } from './ingestCommand';
import { QUOTA_USAGE, quotaCommand } from './quotaCommand';

const USAGE = `usage: portal-search <command>
  serve                                  start the API (configuration: see README)
${INGEST_USAGE}
${INFER_USAGE}
  reindex <datasetid>... | --all         rebuild indices from PostgreSQL
  import-catalog <catalog.json> [--domain <id>]   load an ODS v2.1 catalog export as metadata-only datasets
${ADMIN_USAGE}
${QUOTA_USAGE}
${GC_USAGE}`;

/** `infer` and `ingest --dry-run` read files and nothing else: no store is opened (or created). */
async function withoutStores(command: string | undefined, args: string[]): Promise<number | undefined> {
  const usage = (code: number): number => { if (code === 2) console.error(USAGE); return code; };
  if (command === 'infer') return usage(await inferCommand(args));
  if (command !== 'ingest' || !args.includes('--dry-run')) return undefined;
  const parsed = parseIngestArgs(args);
  if (typeof parsed === 'string') { console.error(parsed); return usage(2); }
  return dryRunCommand(parsed.files, { maxWarningShare: parsed.maxWarningShare, json: parsed.json });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const config = loadConfig(process.env);
  if (command === 'serve') { await serve(config); return -1; }
  const storeFree = await withoutStores(command, args);
  if (storeFree !== undefined) return storeFree;
  if (!['ingest', 'reindex', 'import-catalog', 'domain', 'key', 'quota', 'gc'].includes(command ?? '')) { console.error(USAGE); return 2; }
  const deps = await openDeps(config);
  try {
    switch (command) {
      case 'ingest': {
        const code = await ingestCommand(deps, args);
        if (code === 2) console.error(USAGE);
        return code;
      }
      case 'reindex': {
        const ids = args.includes('--all') ? (await listRecordsDatasets(deps.pool)).map((d) => d.id) : args;
        let refused = 0;
        for (const id of ids) {
          try {
            const r = await reindexAlone(deps, id);
            console.log(`${id}: ${r.indexed} documents → ${r.index}`);
          } catch (err) {
            if (!(err instanceof PublishRefused)) throw err;
            // A dataset being published elsewhere is left to that publish; the others are rebuilt.
            console.error(`refused: ${err.message}`);
            refused++;
          }
        }
        const catalog = await rebuildCatalogIndex(deps);
        console.log(`catalog: ${catalog.count} datasets → ${catalog.index}`);
        return refused > 0 ? 1 : 0;
      }
      case 'import-catalog': {
        const raw = JSON.parse(await readFile(args[0], 'utf8')) as unknown[];
        const r = await importCatalog(deps, raw.map(parseCatalogEntry), option(args, '--domain') ?? 'default');
        console.log(`catalog: ${r.imported} entries imported, ${r.indexed} datasets in the catalog index`);
        return 0;
      }
      case 'domain':
      case 'key':
      case 'quota':
      case 'gc': {
        const code = command === 'quota' ? await quotaCommand(deps, config.quotas, args)
          : await (command === 'domain' ? domainCommand : command === 'key' ? keyCommand : gcCommand)(deps, args);
        if (code === 2) console.error(USAGE);
        return code;
      }
    }
    return 2;
  } finally {
    await deps.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => { if (code >= 0) process.exitCode = code; },
  (err: unknown) => { console.error(err instanceof Error ? err.message : err); process.exitCode = 1; },
);
