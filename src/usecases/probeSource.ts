import { readerFor, SourceSpec } from '../ingest/readers/readerFor';
import { sampleRows } from '../ingest/sampleRows';

/** A header cell that reads as a value: a number, or a date such as 2024-05-01 or 01/05/2024. */
const VALUE_LIKE = /^\s*([+-]?\d+([.,]\d+)?|\d{4}-\d{2}-\d{2}.*|\d{1,2}\/\d{1,2}\/\d{2,4})\s*$/;

/**
 * Reads the start of a source file (the inference sample) as its publish will, and says why it
 * cannot be published, if it cannot: a file its reader refuses (a corrupt zip, no `.prj`, not a
 * GeoPackage, not JSON…), a file with no row, or a CSV whose first line is data rather than a
 * header (every cell a number or a date). Undefined when the file looks publishable.
 */
export async function probeSource(spec: SourceSpec): Promise<string | undefined> {
  const reader = readerFor(spec);
  let sample;
  try {
    sample = await sampleRows(reader.read);
  } catch (err) {
    return (err as Error).message;
  }
  if (sample.length === 0) return 'the file has no rows';
  if (reader.format === 'csv') {
    const header = Object.keys(sample[0].values);
    if (header.length > 0 && header.every((h) => VALUE_LIKE.test(h) || h.trim() === '')) {
      return `the first line (${header.slice(0, 5).map((h) => `"${h}"`).join(', ')}) looks like data, not a header: a CSV's first line names its columns`;
    }
  }
  return undefined;
}
