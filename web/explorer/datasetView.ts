import { ApiError, apiUrl, getJson, isAbort, type Params } from './api';
import { barChart } from './barChart';
import { ClusterMap, type Bbox } from './clusterMap';
import { el, formatCount, replace } from './dom';
import { facetBox } from './facetBox';
import { facetPanel } from './facetPanel';
import { filterParams, filtersFrom, filtersTo, type Filters } from './filters';
import { pager } from './pager';
import { queryBox } from './queryBox';
import { recordTable } from './recordTable';
import { requestBox } from './requestBox';
import { hasAnnotation, isDateType, isGeoType, type AnalyzePoint, type DatasetItem, type Field, type GeoclusterAnswer, type RecordsPage } from './types';
import { intParam, type Navigate, type View } from './view';

const ROWS = 10;

/** What a dataset's view shows, all of it in the page's hash. */
interface State { filters: Filters; start: number; sort: string; bbox: Bbox | null; chart: string }

function readState(params: URLSearchParams): State {
  const box = (params.get('bbox') ?? '').split(',').map(Number);
  return {
    filters: filtersFrom(params),
    start: intParam(params, 'start', 0),
    sort: params.get('sort') ?? '',
    bbox: box.length === 4 && box.every(Number.isFinite) ? (box as Bbox) : null,
    chart: params.get('chart') ?? '',
  };
}

function writeState(s: State): URLSearchParams {
  const p = new URLSearchParams();
  filtersTo(s.filters, p);
  if (s.start > 0) p.set('start', String(s.start));
  if (s.sort !== '') p.set('sort', s.sort);
  if (s.bbox) p.set('bbox', s.bbox.join(','));
  if (s.chart !== '') p.set('chart', s.chart);
  return p;
}

/** The sort options: numbers and dates by size, texts annotated `sortable` alphabetically (README "sort"). */
function sortOptions(fields: readonly Field[]): Array<[string, string]> {
  const out: Array<[string, string]> = [['', 'Default order']];
  for (const f of fields) {
    if (['int', 'double', 'date', 'datetime'].includes(f.type)) out.push([f.name, `${f.label}, largest or latest first`], [`-${f.name}`, `${f.label}, smallest or earliest first`]);
    else if (f.type === 'text' && hasAnnotation(f, 'sortable')) out.push([f.name, `${f.label}, A → Z`], [`-${f.name}`, `${f.label}, Z → A`]);
  }
  return out;
}

/** A section of the page, with its heading, that tells tests and screen readers when it is loading. */
function section(cls: string, title: string): { root: HTMLElement; body: HTMLElement } {
  const id = `h-${cls}`;
  const body = el('div', { class: 'section-body' });
  return { root: el('section', { class: `panel ${cls}`, 'aria-labelledby': id, 'data-state': 'loading' }, el('h3', { id }, title), body), body };
}

/** Marks a section loading (with the URL it waits for), ready or failed. */
function mark(s: HTMLElement, state: 'loading' | 'ready' | 'error', url: string): void {
  s.setAttribute('data-state', state);
  s.setAttribute('data-url', url);
  if (state === 'loading') s.setAttribute('aria-busy', 'true');
  else s.removeAttribute('aria-busy');
}

/**
 * One dataset: a query box, its facets (dates drill down year → month → day), a page of
 * records, the map of `geocluster`, a chart of `analyze` and the download links, each with the API
 * request behind it.
 */
export function datasetView(id: string, navigate: Navigate): View {
  let dataset: DatasetItem | undefined;
  let state: State = readState(new URLSearchParams());
  let queued: URLSearchParams | undefined;
  const inflight = new Map<string, AbortController>();
  const go = (s: State): void => navigate(`/dataset/${encodeURIComponent(id)}`, writeState(s));
  const refilter = (filters: Filters): void => go({ ...state, filters, start: 0 });

  const title = el('h2', {}, id);
  const meta = el('p', { class: 'meta' });
  const box = queryBox({ label: 'Query the records', value: '', placeholder: 'e.g. annee_tournage>=2019 AND type_tournage:"Série TV"', onSubmit: (q) => refilter({ ...state.filters, q }) });
  const facets = facetBox('Facets');
  const records = section('records-section', 'Records');
  const map = section('map-section', 'Map');
  const chart = section('chart-section', 'Chart');
  const downloads = section('downloads-section', 'Download');
  const recordsRequest = requestBox('records search');
  const mapRequest = requestBox('geocluster');
  const chartRequest = requestBox('analyze');
  const downloadRequest = requestBox('download');
  const sortSelect = el('select', { id: 'sort', onchange: () => go({ ...state, sort: sortSelect.value, start: 0 }) });
  const chartSelect = el('select', { id: 'chart-field', onchange: () => go({ ...state, chart: chartSelect.value }) });
  const recordsBody = el('div', {});
  const chartBody = el('div', { class: 'chart-body' });
  const links = el('ul', { class: 'downloads' });
  const geofilterNote = el('p', { class: 'geofilter-note', 'aria-live': 'polite' });
  const mapBox = el('div', { class: 'map' });
  let clusterMap: ClusterMap | undefined;

  records.body.append(el('div', { class: 'controls' }, el('label', { for: 'sort' }, 'Sort'), sortSelect), recordsBody, recordsRequest.root);
  map.body.append(el('div', { class: 'controls' },
    el('button', { type: 'button', class: 'filter-view', onclick: () => clusterMap && go({ ...state, bbox: clusterMap.viewBbox(), start: 0 }) }, 'Filter to this view'),
    el('button', { type: 'button', class: 'clear-geofilter', onclick: () => go({ ...state, bbox: null, start: 0 }) }, 'Clear map filter')),
  geofilterNote, mapBox, mapRequest.root);
  chart.body.append(el('div', { class: 'controls' }, el('label', { for: 'chart-field' }, 'Count records by'), chartSelect), chartBody, chartRequest.root);
  downloads.body.append(links, downloadRequest.root);
  const root = el('div', { class: 'dataset-view', 'data-datasetid': id },
    el('p', { class: 'back' }, el('a', { href: '#/' }, '← Catalog')),
    title, meta, box.root,
    el('div', { class: 'layout' }, facets.root, el('div', { class: 'main-col' }, records.root, map.root, chart.root, downloads.root)));

  /** A request of one kind replaces the one still running. */
  function fetchLatest<T>(kind: string, url: string): Promise<T> {
    inflight.get(kind)?.abort();
    const c = new AbortController();
    inflight.set(kind, c);
    return getJson<T>(url, c.signal);
  }

  const fields = (): Field[] => dataset?.fields ?? [];
  const facetFields = (): Field[] => fields().filter((f) => hasAnnotation(f, 'facet'));
  const disjunctive = (): Set<string> => new Set(facetFields().filter((f) => hasAnnotation(f, 'disjunctive')).map((f) => f.name));
  /** Filters of every request: the query, refines, excludes and the map's box. */
  const filters = (): Params => [['dataset', id], ...filterParams(state.filters, disjunctive()), ...(state.bbox ? [['geofilter.bbox', state.bbox.join(',')] as [string, string]] : [])];

  function searchRecords(): void {
    const params: Params = [...filters(), ['rows', String(ROWS)], ['start', String(state.start)], ...facetFields().map((f) => ['facet', f.name] as [string, string])];
    if (state.sort !== '') params.push(['sort', state.sort]);
    const url = apiUrl('/api/records/1.0/search', params);
    recordsRequest.set(url);
    mark(records.root, 'loading', url);
    fetchLatest<RecordsPage>('records', url).then((page) => {
      box.showError(null, state.filters.q);
      const labels = new Map(fields().map((f) => [f.name, f.label]));
      facets.set(facetPanel({ groups: page.facet_groups ?? [], labels, disjunctive: disjunctive(), filters: state.filters, onChange: refilter }));
      replace(recordsBody,
        el('p', { class: 'nhits' }, el('strong', { 'data-nhits': page.nhits }, formatCount(page.nhits)), page.nhits === 1 ? ' record' : ' records'),
        recordTable(fields(), page.records, `Records ${state.start + 1} to ${state.start + page.records.length}`),
        pager('records', state.start, ROWS, page.nhits, (start) => go({ ...state, start })));
      records.root.setAttribute('data-nhits', String(page.nhits));
      mark(records.root, 'ready', url);
    }, (err: unknown) => {
      if (isAbort(err)) return;
      if (err instanceof ApiError && err.parameter === 'q') box.showError(err, state.filters.q);
      else replace(recordsBody, el('p', { class: 'error', role: 'alert' }, err instanceof Error ? err.message : String(err)));
      mark(records.root, 'error', url);
    });
  }

  function cluster(): void {
    if (!clusterMap) return;
    const url = apiUrl('/api/records/1.0/geocluster', [...filters(), ['clusterprecision', String(Math.min(25, Math.max(0, clusterMap.zoom())))], ['clusterdistance', '50']]);
    mapRequest.set(url);
    mark(map.root, 'loading', url);
    fetchLatest<GeoclusterAnswer>('map', url).then((a) => {
      clusterMap?.setClusters(a.clusters);
      const total = a.clusters.reduce((n, c) => n + c.count, 0);
      map.root.setAttribute('data-clusters', String(a.clusters.length));
      map.root.setAttribute('data-cluster-total', String(total));
      mark(map.root, 'ready', url);
    }, (err: unknown) => {
      if (isAbort(err)) return;
      clusterMap?.setClusters([]);
      mark(map.root, 'error', url);
    });
  }

  function analyze(): void {
    const field = fields().find((f) => f.name === state.chart) ?? facetFields()[0];
    if (!field) { replace(chartBody, el('p', {}, 'No field to chart.')); mark(chart.root, 'ready', ''); return; }
    chartSelect.value = field.name;
    const date = isDateType(field.type);
    const params: Params = [...filters(), ['x', date ? `${field.name}.year` : field.name], ['y.n.func', 'COUNT']];
    // Dates in their order, by year; other values: the 20 largest groups.
    if (!date) params.push(['sort', 'n'], ['maxpoints', '20']);
    const url = apiUrl('/api/records/1.0/analyze', params);
    chartRequest.set(url);
    mark(chart.root, 'loading', url);
    fetchLatest<AnalyzePoint[]>('chart', url).then((points) => {
      const label = (x: unknown): string => (x !== null && typeof x === 'object' ? Object.values(x as Record<string, unknown>).join('-') : String(x));
      const what = `Records by ${field.label}${date ? ' (year)' : ' (20 largest)'}`;
      replace(chartBody, points.length === 0 ? el('p', {}, 'No records to chart.') : barChart(what, points.map((p) => ({ label: label(p.x), value: p.n }))));
      mark(chart.root, 'ready', url);
    }, (err: unknown) => {
      if (isAbort(err)) return;
      replace(chartBody, el('p', { class: 'error', role: 'alert' }, err instanceof Error ? err.message : String(err)));
      mark(chart.root, 'error', url);
    });
  }

  function downloadLinks(): void {
    const url = (format: string): string => apiUrl('/api/records/1.0/download/', [...filters(), ['format', format]]);
    replace(links, ...(['csv', 'json', 'geojson'] as const).map((f) => el('li', {}, el('a', { href: url(f), download: `${id}.${f}`, class: `download-${f}` }, f.toUpperCase()))));
    downloadRequest.set(url('csv'));
    mark(downloads.root, 'ready', url('csv'));
  }

  function refresh(): void {
    if (!dataset) return;
    (box.root.querySelector('input') as HTMLInputElement).value = state.filters.q;
    sortSelect.value = state.sort;
    clusterMap?.setGeofilter(state.bbox);
    geofilterNote.textContent = state.bbox ? `Records are filtered to the dashed box (geofilter.bbox=${state.bbox.join(',')}).` : 'Not filtered by place: "Filter to this view" keeps the records inside the map.';
    searchRecords();
    cluster();
    analyze();
    downloadLinks();
  }

  const lookup = apiUrl(`/api/datasets/1.0/${encodeURIComponent(id)}`, []);
  getJson<DatasetItem>(lookup).then((d) => {
    dataset = d;
    replace(title, d.metas.title ?? d.datasetid);
    replace(meta, el('code', {}, d.datasetid), ' · ', d.metas.publisher ?? 'no publisher', ' · ', d.has_records ? 'records published here' : 'metadata only: no records here');
    if (!d.has_records) {
      for (const s of [records, map, chart, downloads]) { s.root.hidden = true; }
      box.root.hidden = true;
      return;
    }
    replace(sortSelect, ...sortOptions(d.fields).map(([value, text]) => el('option', { value }, text)));
    const chartable = d.fields.filter((f) => hasAnnotation(f, 'facet') || isDateType(f.type));
    replace(chartSelect, ...chartable.map((f) => el('option', { value: f.name }, f.label)));
    if (d.fields.some((f) => isGeoType(f.type))) {
      clusterMap = new ClusterMap(mapBox, `Map of ${d.metas.title ?? id}`);
      clusterMap.onMove(() => cluster());
    } else map.root.hidden = true;
    if (queued) { state = readState(queued); queued = undefined; }
    refresh();
  }, (err: unknown) => {
    replace(meta, el('span', { class: 'error', role: 'alert' }, err instanceof Error ? err.message : String(err)));
  });

  return {
    root,
    update(params) {
      if (!dataset) { queued = params; return; }
      state = readState(params);
      refresh();
    },
    destroy() {
      for (const c of inflight.values()) c.abort();
      clusterMap?.remove();
    },
  };
}
