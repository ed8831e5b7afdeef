import { ApiError, apiUrl, getJson, isAbort, type Params } from './api';
import { el, formatCount, replace } from './dom';
import { facetBox } from './facetBox';
import { facetPanel } from './facetPanel';
import { filterParams, filtersFrom, filtersTo, type Filters } from './filters';
import { pager } from './pager';
import { queryBox } from './queryBox';
import { requestBox } from './requestBox';
import type { CatalogPage, DatasetItem, TableMetadata } from './types';
import { intParam, type Navigate, type View } from './view';

const ROWS = 10;
/** Themes: a dataset has several, so choosing two means either (disjunctive). Publishers: one each. */
const DISJUNCTIVE = new Set(['theme']);
const LABELS = new Map([['theme', 'Theme'], ['publisher', 'Publisher']]);

const datasetHref = (id: string): string => `#/dataset/${encodeURIComponent(id)}`;

/**
 * The catalog: `/api/datasets/1.0/search` with a query over the metadata, the theme and
 * publisher facets and a paged list; above it, the datasets that have records here (from CKAN's
 * `_table_metadata` listing, the one public call that tells them apart).
 */
export function catalogView(navigate: Navigate): View {
  let filters: Filters = filtersFrom(new URLSearchParams());
  let start = 0;
  let pending: AbortController | undefined;
  const go = (f: Filters, s: number): void => {
    const p = new URLSearchParams();
    filtersTo(f, p);
    if (s > 0) p.set('start', String(s));
    navigate('/', p);
  };

  const withRecords = el('ul', { class: 'chips' });
  const box = queryBox({ label: 'Search the catalog', value: '', placeholder: 'e.g. vélib, theme:Culture, modified>=2023', onSubmit: (q) => go({ ...filters, q }, 0) });
  const facets = facetBox('Catalog facets');
  const list = el('div', { class: 'results', 'aria-live': 'polite' });
  const request = requestBox('catalog search');
  const root = el('div', { class: 'catalog' },
    el('h2', {}, 'Catalog'),
    el('section', { class: 'with-records', 'aria-labelledby': 'with-records' }, el('h3', { id: 'with-records' }, 'Datasets with records'), withRecords),
    box.root,
    el('div', { class: 'layout' }, facets.root, el('section', { class: 'main-col', 'aria-label': 'Datasets' }, list, request.root)));

  const tables = apiUrl('/api/3/action/datastore_search', [['resource_id', '_table_metadata'], ['limit', '1000']]);
  getJson<TableMetadata>(tables).then((t) => {
    const ids = t.result.records.filter((r) => r.alias_of !== null).map((r) => r.name).sort();
    replace(withRecords, ...ids.map((id) => el('li', {}, el('a', { href: datasetHref(id), class: 'chip' }, id))));
    if (ids.length === 0) replace(withRecords, el('li', {}, 'None yet: publish one with the CLI (portal-search ingest).'));
  }, () => replace(withRecords, el('li', {}, 'The list of tables could not be read.')));

  const item = (d: DatasetItem): HTMLElement => el('li', { class: 'dataset', 'data-datasetid': d.datasetid },
    el('h3', {}, el('a', { href: datasetHref(d.datasetid) }, d.metas.title ?? d.datasetid)),
    el('p', { class: 'meta' },
      el('code', {}, d.datasetid), ' · ', d.metas.publisher ?? 'no publisher',
      ' · ', d.has_records ? `${formatCount(d.metas.records_count ?? 0)} records` : 'metadata only',
      (d.metas.theme ?? []).length > 0 ? ` · ${(d.metas.theme ?? []).join(', ')}` : ''));

  return {
    root,
    update(params) {
      filters = filtersFrom(params);
      start = intParam(params, 'start', 0);
      (box.root.querySelector('input') as HTMLInputElement).value = filters.q;
      const query: Params = [['rows', String(ROWS)], ['start', String(start)], ['facet', 'theme'], ['facet', 'publisher'], ...filterParams(filters, DISJUNCTIVE)];
      const url = apiUrl('/api/datasets/1.0/search', query);
      request.set(url);
      pending?.abort();
      pending = new AbortController();
      list.setAttribute('aria-busy', 'true');
      getJson<CatalogPage>(url, pending.signal).then((page) => {
        box.showError(null, filters.q);
        facets.set(facetPanel({ groups: page.facet_groups ?? [], labels: LABELS, disjunctive: DISJUNCTIVE, filters, onChange: (f) => go(f, 0) }));
        replace(list, el('ul', { class: 'datasets' }, ...page.datasets.map(item)), pager('datasets', start, ROWS, page.nhits, (s) => go(filters, s)));
        list.setAttribute('data-nhits', String(page.nhits));
        list.removeAttribute('aria-busy');
      }, (err: unknown) => {
        if (isAbort(err)) return;
        list.removeAttribute('aria-busy');
        if (err instanceof ApiError && err.parameter === 'q') box.showError(err, filters.q);
        else replace(list, el('p', { class: 'error', role: 'alert' }, err instanceof Error ? err.message : String(err)));
      });
    },
    destroy() { pending?.abort(); },
  };
}
