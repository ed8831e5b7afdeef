import { resolve } from 'node:path';
import { DATASET_ID, SOURCE_FORMATS, SourceFormat } from '../model/descriptor';
import type { DescriptorDraft } from '../ingest/proposedDescriptor';
import { previewSource } from '../usecases/previewSource';
import { option } from './adminCommands';
import { summaryLines } from './previewText';

export const INFER_USAGE = `  infer <file> [--id <id>] [--format csv|geojson|json|ndjson] [--delimiter ';'|','|tab] [--encoding utf-8|latin1]
                                         print a proposed descriptor (types, labels, suggested annotations)
                                         for a source file on stdout, and its warnings on stderr; publishes nothing`;

const DELIMITERS: Record<string, ';' | ',' | '\t'> = { ';': ';', ',': ',', tab: '\t', '\t': '\t', '\\t': '\t' };
const ENCODINGS = ['utf-8', 'latin1'] as const;
const VALUED = ['--id', '--format', '--delimiter', '--encoding'];

/** The draft `infer` previews, or what is wrong with the arguments. */
function draftOf(args: string[]): DescriptorDraft | string {
  const files = args.filter((a, i) => !a.startsWith('--') && !VALUED.includes(args[i - 1] ?? ''));
  const unknown = args.find((a) => a.startsWith('--') && !VALUED.includes(a));
  if (unknown) return `unknown option ${unknown}`;
  if (files.length !== 1) return 'infer takes one source file';
  const id = option(args, '--id');
  const format = option(args, '--format');
  const delimiter = option(args, '--delimiter');
  const encoding = option(args, '--encoding');
  if (id !== undefined && !DATASET_ID.test(id)) return `--id: ${id} is not a dataset id (lower-case letters, digits, - or _, at most 100)`;
  if (format !== undefined && !SOURCE_FORMATS.includes(format as SourceFormat)) return `--format takes one of ${SOURCE_FORMATS.join(', ')}, not ${format}`;
  if (delimiter !== undefined && !(delimiter in DELIMITERS)) return `--delimiter takes ';', ',' or tab, not ${delimiter}`;
  if (encoding !== undefined && !ENCODINGS.includes(encoding as 'utf-8')) return `--encoding takes utf-8 or latin1, not ${encoding}`;
  return {
    ...(id !== undefined ? { id } : {}),
    source: {
      // Absolute, so that the descriptor works wherever it is saved.
      path: resolve(files[0]),
      ...(format !== undefined ? { format: format as SourceFormat } : {}),
      ...(delimiter !== undefined ? { delimiter: DELIMITERS[delimiter] } : {}),
      ...(encoding !== undefined ? { encoding: encoding as 'utf-8' | 'latin1' } : {}),
    },
  };
}

/**
 * `infer`: the descriptor a preview proposes, as JSON on stdout (so that `infer f.csv > d.json`
 * then `ingest d.json` publishes the file), and the preview's counts and warnings on stderr.
 * Exit code 0 once a descriptor is printed (even one whose publish would be refused: stderr says
 * so), 2 for a usage error. Needs neither PostgreSQL nor Elasticsearch.
 */
export async function inferCommand(args: string[]): Promise<number> {
  const draft = draftOf(args);
  if (typeof draft === 'string') { console.error(draft); return 2; }
  const preview = await previewSource(draft, { baseDir: process.cwd() });
  console.log(JSON.stringify(preview.descriptor, null, 2));
  for (const line of summaryLines(preview)) console.error(line);
  return 0;
}
