import { AppError } from '../../errors/catalogue';
import type { DatastoreRequest } from '../../model/datastoreRequest';
import { jsonAnswer } from '../../render/jsonAnswer';
import { jsonText } from '../../text/jsonText';
import type { Rendered } from '../../render/rendered';
import type { TableRow } from '../../usecases/runTableMetadata';
import { datastoreLinks } from './datastoreLinks';
import { inputEcho, rowsInFormat } from './datastoreResult';
import type { ActionApiContext } from './renderDatastore';

const TYPES: Record<string, string> = { _id: 'int', name: 'text', oid: 'int', alias_of: 'text' };

/** `format` values a listing of tables has (no geometry, no CSV page of records). */
export function checkTableMetadataFormat(req: DatastoreRequest): void {
  if (req.output.format !== 'json' && req.output.format !== 'jsonp') {
    throw new AppError('bad_parameter', `invalid value "${req.output.format}": _table_metadata is answered as json or jsonp`, { parameter: 'format' });
  }
}

/** `_table_metadata` as a `datastore_search` answer: the input echo, the column descriptors, the rows, `total`, and `_links` on the action API. */
export function renderTableMetadata(page: { rows: TableRow[]; total: number; columns: string[] }, req: DatastoreRequest, action?: ActionApiContext): Rendered {
  const names = ['_id', ...page.columns];
  const result = {
    ...inputEcho(req, req.rows, req.start),
    fields: names.map((id) => ({ id, type: TYPES[id] })),
    records: rowsInFormat(page.rows.map((r) => names.map((n) => r[n as keyof TableRow])), names, req.recordsFormat),
    ...(action ? { _links: datastoreLinks(action.links, req.start, req.rows) } : {}),
    ...(req.includeTotal ? { total: page.total, total_was_estimated: false } : {}),
  };
  const body = { ...(action ? { help: `${action.site}/api/3/action/help_show?name=datastore_search` } : {}), success: true, result };
  return jsonAnswer(jsonText(body, req.output.prettyPrint), req.output);
}
