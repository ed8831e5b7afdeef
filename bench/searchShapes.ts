/**
 * The six records searches of bench/search.ts and bench/floor.ts (q, three facets of which one
 * disjunctive, geofilters, rows=10 and rows=100), and the Elasticsearch request the API sends for
 * each on a dataset.
 */
import type { SearchRequest } from '@elastic/elasticsearch/lib/api/types';
import { anonymous } from '../src/auth/access';
import { compileSearch } from '../src/compile/compileSearch';
import type { Deps } from '../src/execute/deps';
import { ParamReader } from '../src/dialects/shared/paramReader';
import { readQueryString } from '../src/dialects/shared/rawParams';
import { recordsSearchParams } from '../src/dialects/ods-v1/recordsSearchParams';
import { recordsReading } from '../src/dialects/ods-v1/recordsSearchPieces';
import { planRecordsSearch } from '../src/plan/planRecordsSearch';
import { resolveDataset } from '../src/usecases/resolveDataset';
import { planReading } from '../src/usecases/runRecordsSearch';
import { withIndexKeys } from '../src/usecases/withIndexKeys';

export const SEARCH_SHAPES: Array<[string, Record<string, string>]> = [
  ['q + 3 facets (1 disjunctive) + distance, rows=10', { q: 'rue', facet: 'type_tournage,annee_tournage,ardt_lieu', 'refine.type_tournage': 'Série TV', 'disjunctive.type_tournage': 'true', 'geofilter.distance': '48.8566,2.3522,3000', rows: '10' }],
  ['same, rows=100', { q: 'rue', facet: 'type_tournage,annee_tournage,ardt_lieu', 'refine.type_tournage': 'Série TV', 'disjunctive.type_tournage': 'true', 'geofilter.distance': '48.8566,2.3522,3000', rows: '100' }],
  ['date hierarchy refined to a year + 2 facets, rows=10', { facet: 'date_debut,type_tournage,ardt_lieu', 'refine.date_debut': '2019', rows: '10' }],
  ['field query + sort + polygon, rows=10', { q: 'annee_tournage>=2019 AND adresse_lieu:rue', sort: '-date_debut', 'geofilter.polygon': '(48.88,2.30),(48.88,2.40),(48.84,2.40),(48.84,2.30)', rows: '10' }],
  ['phrase + exclude + bbox + 3 facets, rows=100', { q: '"rue de"', 'exclude.type_tournage': 'Long métrage', 'geofilter.bbox': '48.83,2.28,48.89,2.41', facet: 'type_tournage,annee_tournage,nom_realisateur', rows: '100' }],
  ['match all, 3 facets, rows=10', { facet: 'type_tournage,annee_tournage,ardt_lieu', rows: '10' }],
];

/** A shape on a dataset: its ODS query string, the request the API sends for it, and the dataset's record count (which says whether that request is split). */
export interface ShapeSearch { qs: string; body: SearchRequest; recordsCount: number }

/** The ODS query string of `params` on `dataset`, and the Elasticsearch request the API sends for it: a page of compact JSON reads its records as their index keeps them written. */
export async function shapeSearch(deps: Deps, dataset: string, params: Record<string, string>): Promise<ShapeSearch> {
  const qs = new URLSearchParams({ dataset, ...params }).toString();
  const request = recordsSearchParams(new ParamReader(readQueryString(qs)));
  const target = await resolveDataset(deps, anonymous('default'), request.dataset);
  const body = compileSearch(planReading(await withIndexKeys(deps, planRecordsSearch(request, target, Date.now())), recordsReading(request.output)));
  return { qs, body, recordsCount: target.row.recordsCount };
}
