import type { PackageHit } from '../model/dataset';
import { CATALOG_CSV_COLUMNS } from '../schema/catalogFieldCatalog';
import { csvLine } from './csvText';
import type { ExportWriter } from './formats/streamWriter';
import type { Rendered } from './rendered';

const CSV_COLUMNS = CATALOG_CSV_COLUMNS;

/** Catalog entries as ODS's catalog CSV written piece by piece: the header line, then one line per dataset. */
export function catalogCsvWriter(): ExportWriter<PackageHit> {
  const cell = (v: unknown): string | number | undefined => (v === undefined || v === null ? undefined : typeof v === 'number' ? v : Array.isArray(v) ? v.join(',') : String(v));
  return {
    contentType: 'text/csv; charset=utf-8',
    headers: {},
    head: csvLine([...CSV_COLUMNS], ';'),
    page: (hits) => hits.map((h) => csvLine(CSV_COLUMNS.map((c) => cell(c === 'datasetid' ? h.datasetid : h.dataset.metas[c])), ';')).join(''),
    tail: '',
  };
}

/** A page of catalog entries as ODS's catalog CSV (one line per dataset), for ODS catalog search and `package_search` alike. */
export function catalogCsv(hits: readonly PackageHit[]): Rendered {
  const writer = catalogCsvWriter();
  return { contentType: writer.contentType, body: writer.head + writer.page(hits, true) + writer.tail };
}
