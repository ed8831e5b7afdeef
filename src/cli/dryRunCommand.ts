import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseDescriptor } from '../catalog/parseDescriptor';
import { previewSource } from '../usecases/previewSource';
import { schemaLines, summaryLines } from './previewText';

/**
 * `ingest --dry-run`: previews each descriptor as its publish would read it (its own fields, or
 * inferred ones when it has none) and publishes nothing: neither PostgreSQL nor Elasticsearch is
 * opened. Prints the schema, the counts, the first warnings and whether the publish would be
 * refused (`--json`: each preview as one JSON document). Exit code 1 when one would be refused.
 */
export async function dryRunCommand(files: string[], options: { maxWarningShare?: number; json: boolean }): Promise<number> {
  let refused = false;
  for (const file of files) {
    const descriptor = parseDescriptor(JSON.parse(await readFile(file, 'utf8')), file);
    if (!descriptor.source) { console.error(`${file}: the descriptor has no source to read`); return 1; }
    const preview = await previewSource({ ...descriptor, source: descriptor.source }, {
      baseDir: dirname(resolve(file)), maxWarningShare: options.maxWarningShare,
    });
    refused ||= preview.wouldBeRefused !== null;
    if (options.json) { console.log(JSON.stringify(preview)); continue; }
    console.log(`${descriptor.id} (dry run, nothing published):`);
    for (const line of [...schemaLines(preview), ...summaryLines(preview)]) console.log(line);
  }
  return refused ? 1 : 0;
}
