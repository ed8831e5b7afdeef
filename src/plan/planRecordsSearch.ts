import type { FieldDef } from '../model/descriptor';
import { WRITTEN_RECORD } from '../model/searchResult';
import { AppError } from '../errors/catalogue';
import type { RecordsSearchRequest } from '../model/recordsRequest';
import { planFacets } from './planFacets';
import { planRecordsQuery } from './planRecordsFilter';
import { planSort } from './planSort';
import { isGeo } from '../model/querySchema';
import type { SearchPlan } from '../model/searchPlan';
import type { DatasetTarget } from '../model/dataset';

/** The fields named by `fields=`, in that order; an unknown one is a 400. */
export function selectedFields(schema: readonly FieldDef[], names: readonly string[] | undefined): FieldDef[] | undefined {
  if (names === undefined) return undefined;
  return names.map((name) => {
    const f = schema.find((x) => x.name === name);
    if (!f) throw new AppError('bad_parameter', `Unknown field "${name.slice(0, 100)}" in fields.`, { parameter: 'fields' });
    return f;
  });
}

/** What planning a records search reads: the request without its echo, and of its output only the format. */
export type RecordsSearchInput = Omit<RecordsSearchRequest, 'output' | 'echo'> & { output: Pick<RecordsSearchRequest['output'], 'format'> };

/**
 * The plan reading each record as its index keeps it written (WRITTEN_RECORD), when what the
 * request shows is that text: every field, instants in the zone it was written in. Else the plan as it is.
 */
export const readingWritten = (plan: SearchPlan): SearchPlan =>
  (plan.fields === undefined && plan.timeZone === WRITTEN_RECORD.timeZone && plan.source === undefined ? { ...plan, written: true } : plan);

/** A validated records search over a resolved dataset → its plan. `now` is the injected clock. */
export function planRecordsSearch(req: RecordsSearchInput, target: DatasetTarget, now: number): SearchPlan {
  if (req.output.format.startsWith('geojson') && !target.schema.some((f) => isGeo(f.type))) {
    throw new AppError('bad_parameter', `Dataset ${target.datasetId} has no geographic field: format ${req.output.format} is not available.`, { parameter: 'format' });
  }
  const { filters, facets } = planFacets(target.schema, req);
  return {
    index: target.index,
    datasetId: target.datasetId,
    schema: target.schema,
    query: planRecordsQuery(target.schema, req, now),
    filters,
    facets,
    sort: planSort(target.schema, req.sort),
    rows: req.rows,
    start: req.start,
    fields: selectedFields(target.schema, req.fields),
    timeZone: req.timeZone,
  };
}
