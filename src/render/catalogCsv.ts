import type { PackageHit } from '../model/dataset';
import { CATALOG_CSV_COLUMNS } from '../schema/catalogFieldCatalog';
import { csvLine } from './csvText';
import type { Rendered } from './rendered';

const CSV_COLUMNS = CATALOG_CSV_COLUMNS;

/** A page of catalog entries as ODS's catalog CSV (one line per dataset), for ODS catalog search and `package_search` alike. */
export function catalogCsv(hits: readonly PackageHit[]): Rendered {
  const cell = (v: unknown): string | number | undefined => (v === undefined || v === null ? undefined : typeof v === 'number' ? v : Array.isArray(v) ? v.join(',') : String(v));
  const lines = hits.map((h) => csvLine(CSV_COLUMNS.map((c) => cell(c === 'datasetid' ? h.datasetid : h.dataset.metas[c])), ';'));
  return { contentType: 'text/csv; charset=utf-8', body: csvLine([...CSV_COLUMNS], ';') + lines.join('') };
}
