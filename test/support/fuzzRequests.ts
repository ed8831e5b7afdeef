import fc from 'fast-check';

/**
 * Generated HTTP requests over every endpoint family (issue 15's fuzz test): plausible parameters
 * built from the datasets' own fields, mixed with hostile values, sent by GET (in the query string
 * or, d4c-style, after the last slash) or POST (form or JSON body). test/support/fuzzChecker.ts
 * sends them and judges the answers.
 */

export interface FuzzRequest {
  family: Family;
  method: 'GET' | 'POST';
  /** Path and query string, percent-encoded. */
  url: string;
  body?: { contentType: 'application/x-www-form-urlencoded' | 'application/json'; text: string };
  headers: Record<string, string>;
}

/** What the requests aim at: the published datasets with their fields, some record ids, the domains. */
export interface FuzzWorld {
  /**
   * Each dataset's fields and a few of its record ids; `large`: too big for a whole-dataset map in
   * the fuzz's time budget (issue 15: such answers take seconds).
   */
  datasets: ReadonlyArray<{ id: string; large: boolean; fields: ReadonlyArray<{ name: string; type: string }>; recordIds: readonly string[] }>;
  domains: readonly string[];
}

type Value = string | number | boolean | string[] | Record<string, unknown>;
type Space = Array<[string, fc.Arbitrary<Value>]>;

// ---- values ----------------------------------------------------------------------------------

const HOSTILE = ['', ' ', '{bad', '{"a":1,}', '[]', '{}', 'null', '-1', '0', '1.5', '1e400', 'NaN', 'true', '%', '\\', "'", '"', '(', '*',
  '#now(', 'é', '\u2028', '𝒳', '../..', '<script>', 'a,b,,c', ';', ',', 'x'.repeat(3000)];
const hostile: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 12, unit: 'binary' }));
/** Mostly a plausible value, sometimes a hostile one. */
const either = <T>(plausible: fc.Arbitrary<T>): fc.Arbitrary<T | string> => fc.oneof({ arbitrary: plausible, weight: 9 }, { arbitrary: hostile, weight: 1 });
const one = (...xs: string[]) => either(fc.constantFrom(...xs));
const word = fc.constantFrom('paris', 'rue', 'Série TV', 'gare', 'velo', 'Long métrage', '75013', 'chantier', 'mairie', 'film', "l'hôpital", 'C++', '2019');
const small = fc.constantFrom('0', '1', '2', '5', '10', '20');
const coordinate = fc.oneof(fc.double({ min: -95, max: 95, noNaN: true }).map((x) => x.toFixed(3)), fc.constantFrom('48.85', '2.35', '-0', 'abc'));
const metres = fc.oneof(fc.constantFrom('0', '-5', '', '0.0', '1e-9', '0.0000001', 'abc', '1000', '99999999'), fc.nat(100_000).map(String));
/** Now and then a key that is no key: the request is refused, whatever else it says. */
const credentials = fc.oneof({ arbitrary: fc.constant<Record<string, string>>({}), weight: 20 },
  { arbitrary: fc.constantFrom<Record<string, string>>({ 'X-CKAN-API-Key': 'not-a-key' }, { Authorization: 'Apikey not-a-key' }), weight: 1 });
/** Often no Accept-Encoding (as most API clients), else a browser's, a coding alone, or a malformed one. */
const acceptEncoding = fc.oneof({ arbitrary: fc.constant<Record<string, string>>({}), weight: 6 },
  { arbitrary: fc.constantFrom('gzip, deflate, br, zstd', 'gzip', 'br', '*', 'identity', 'br;q=0, gzip;q=0.5', '*;q=0', 'gzip;q=abc', ';;,,', 'x'.repeat(300))
    .map((value): Record<string, string> => ({ 'Accept-Encoding': value })), weight: 1 });
const joined = (sep: string, ...parts: Array<fc.Arbitrary<string>>) => fc.tuple(...parts).map((p) => p.join(sep));

// ---- parameters per family -------------------------------------------------------------------

interface Target { fields: string[]; geo: string[]; numeric: string[] }

/** The filters, output and paging parameters every records endpoint reads. */
function recordsSpace(t: Target): Space {
  const field = either(fc.constantFrom(...t.fields, 'nope', 'fields.x'));
  const query = either(fc.oneof(word, joined('', field, fc.constantFrom(':', '=', '==', '>=', '<'), fc.oneof(word, small, fc.constantFrom('2019/06'))),
    field.map((f) => `#null(${f})`), joined('', fc.constant('#distance('), fc.constantFrom(...t.geo, 'nope'), fc.constant(', "48.85,2.35", '), metres, fc.constant(')'))));
  const facetFields = t.fields.slice(0, 4);
  return [
    ['q', query], ['facet', field], ['sort', either(joined('', fc.constantFrom('', '-'), field))],
    ['fields', fc.array(field, { maxLength: 3 }).map((xs) => xs.join(','))], ['rows', either(small)], ['start', either(small)],
    ['timezone', one('UTC', 'Europe/Paris', 'Mars/Olympus')], ['lang', one('fr', 'en')], ['pretty_print', one('true', 'false')], ['callback', one('cb', 'a.b', '1x')],
    ['geofilter.distance', fc.oneof(joined(',', coordinate, coordinate, metres), joined(',', coordinate, coordinate), hostile)],
    ['geofilter.bbox', either(fc.array(coordinate, { minLength: 4, maxLength: 4 }).map((p) => p.join(',')))],
    ['geofilter.polygon', either(fc.array(joined(',', coordinate, coordinate).map((p) => `(${p})`), { maxLength: 5 }).map((p) => p.join(',')))],
    ...facetFields.flatMap((f): Space => [[`refine.${f}`, either(word)], [`exclude.${f}`, either(word)], [`disjunctive.${f}`, one('true')], [`facetsort.${f}`, one('count', '-alphanum', 'num')]]),
  ];
}

const seriesSpace = (t: Target): Space => [['y.s.func', one('COUNT', 'AVG', 'SUM', 'MIN', 'MAX', 'STDDEV')], ['y.s.expr', one(...t.numeric, 'nope')], ['y.s.cumulative', one('true')]];
const format = (...names: string[]): Space => [['format', one(...names)]];

const catalogSpace: Space = [
  ['q', either(fc.oneof(word, fc.constantFrom('theme:Culture', 'modified>=2020', 'records_count>10')))], ['facet', one('theme', 'keyword', 'publisher', 'modified')],
  ['refine.theme', one('Culture', 'Environnement')], ['sort', one('modified', '-records_count', 'title')], ['rows', either(small)], ['start', either(small)],
  ['extrametas', one('true')], ['interopmetas', one('true')], ['callback', one('cb')], ...format('json', 'jsonp', 'csv'),
];

const packageSearchSpace: Space = [
  ['q', either(fc.oneof(word, fc.constantFrom('title:paris', 'tags:(a OR b)', '*:*', 'records_count:[1 TO *]', '+-"')))], ['fq', one('organization:x', 'license_id:ODbL')],
  ['facet.field', one('["tags","organization"]', '["theme"]', '[1]', '"x"')], ['facet.limit', one('-1', '5', '1001')], ['facet.mincount', either(small)],
  ['rows', one('0', '3', '1001')], ['start', either(small)], ['sort', one('title asc', 'metadata_modified desc', 'score desc, name asc', '-modified', 'nope asc')],
  ['include_private', one('true')], ['include_drafts', one('true')], ['refine.theme', one('Culture')], ['callback', one('cb')], ...format('json', 'jsonp', 'csv'),
];

function datastoreSpace(t: Target): Space {
  const field = fc.constantFrom(...t.fields, 'nope');
  return [
    ...recordsSpace(t), ['limit', either(small)], ['offset', either(small)], ['records_format', one('objects', 'lists', 'csv', 'tsv')],
    ['filters', fc.oneof(fc.dictionary(field, fc.oneof(word, fc.array(word, { maxLength: 2 })), { maxKeys: 2 }), hostile, fc.constant('{"a":'))],
    ['q', fc.oneof(fc.dictionary(field, word, { maxKeys: 2 }), word, fc.constantFrom('a | b', 'rue:*', '(a & !b) | c', "'a b'", 'a <-> b', 'a:A', 'a b', '!', "'"))],
    ['distinct', one('true', 'false')], ['plain', one('true', 'false')],
    ['include_total', one('false')], ['sort', either(joined('', field, fc.constantFrom(' asc', ' desc', '')))], ...format('json', 'jsonp', 'geojson', 'csv'),
  ];
}

// ---- families: their routes and parameters ---------------------------------------------------

interface FamilySpec {
  /** Paths for a dataset id (`D`), a record id (`R`) and a domain (`M`); `{/}` marks routes that take parameters after the last slash. */
  paths: string[];
  /** The dataset parameter's name, if the route takes one. */
  datasetParam?: string;
  /** Parameters always sent (each one's value may still be hostile): what the endpoint requires, and bounds on its cost. */
  always?(t: Target): Space;
  /** Aggregates the whole dataset whatever the paging: aimed at the datasets that are not large. */
  wholeDataset?: boolean;
  space(t: Target): Space;
}

const ods = (name: string) => [`/api/records/1.0/${name}`, `/d4c/api/records/1.0/${name}`, `/M/api2/records/${name}`, `/d4c/M/api2/records/${name}`];
const ckan = (action: string) => [`/api/3/action/${action}{/}`, `/api/action/${action}{/}`, `/M/api/3/action/${action}{/}`];

export const FAMILIES: Record<string, FamilySpec> = {
  'records-search': { paths: ods('search'), datasetParam: 'dataset', space: (t) => [...recordsSpace(t), ...format('json', 'jsonp', 'geojson', 'geojsonp', 'csv'), ['csv_separator', one(',', '|')], ['use_labels_for_header', one('true')]] },
  download: { paths: ods('download'), datasetParam: 'dataset', always: () => [['rows', one('0', '1', '10', '100', '500')]], space: (t) => [...recordsSpace(t), ...format('csv', 'json', 'jsonp', 'geojson', 'geojsonp', 'ndjson'), ['with_bom', one('true')], ['use_labels_for_header', one('true')]] },
  analyze: { paths: ods('analyze'), datasetParam: 'dataset', wholeDataset: true, always: (t) => [['y.s.func', one('COUNT', 'COUNT', 'AVG', 'SUM', 'MIN', 'MAX', 'STDDEV')], ['y.s.expr', one(...t.numeric, 'nope')], ['x', one(...t.fields, 'nope')]], space: (t) => [...recordsSpace(t), ['y.t.func', one('AVG', 'SUM')], ['y.t.expr', one(...t.numeric, 'nope')], ['precision', one('year', 'month', 'day', 'hour')], ['periodic', one('month', 'weekday')], ['maxpoints', one('0', '5', '50')], ...format('json', 'jsonp', 'csv')] },
  geocluster: { paths: ods('geocluster'), datasetParam: 'dataset', wholeDataset: true, always: () => [['clusterprecision', one('0', '5', '12', '25', '26')]], space: (t) => [...recordsSpace(t), ...seriesSpace(t), ['clusterdistance', one('0', '50', '9999')], ['shapeprecision', one('0', '1', '8')], ...format('json', 'jsonp')] },
  boundingbox: { paths: ods('boundingbox'), datasetParam: 'dataset', wholeDataset: true, space: (t) => [...recordsSpace(t), ...format('json', 'jsonp')] },
  geopreview: { paths: ods('geopreview'), datasetParam: 'dataset', wholeDataset: true, always: () => [['rows', one('0', '1', '10', '100')]], space: (t) => [...recordsSpace(t), ['clusterprecision', one('0', '8', '25')], ['shapeprecision', one('0', '1', '8')], ...format('json', 'jsonp')] },
  'record-lookup': { paths: ['/api/datasets/1.0/D/records/R', '/d4c/api/datasets/1.0/D/records/R', '/M/api2/datasets/D/records/R'], space: () => [...format('json', 'jsonp'), ['callback', one('cb')], ['pretty_print', one('true')]] },
  'catalog-search': { paths: ['/api/datasets/1.0/search', '/d4c/api/datasets/1.0/search', '/M/api2/datasets/search'], space: () => catalogSpace },
  'catalog-lookup': { paths: ['/api/datasets/1.0/D', '/M/api2/datasets/D', '/d4c/M/api2/datasets/D', '/M/api2/datasets/DATASETID/id=D'], space: () => [...format('json', 'jsonp'), ['callback', one('cb')], ['extrametas', one('true')], ['interopmetas', one('true')]] },
  'd4c-records-2.0': { paths: ['/api/records/2.0/search{/}', '/d4c/api/records/2.0/search{/}', '/M/api/records/2.0/search{/}'], datasetParam: 'dataset', space: datastoreSpace },
  'd4c-datasets-2.0': { paths: ['/api/datasets/2.0/search{/}', '/api/datasets/2.0/D', '/api/datasets/2.0/DATASETID/id=D', '/M/api/datasets/2.0/search{/}'], space: () => packageSearchSpace },
  datastore_search: { paths: ckan('datastore_search'), datasetParam: 'resource_id', space: datastoreSpace },
  package_search: { paths: ckan('package_search'), space: () => packageSearchSpace },
  package_show: { paths: ckan('package_show'), datasetParam: 'id', space: () => [['name_or_id', hostile], ['use_default_schema', one('true')]] },
  status_show: { paths: ['/api/3/action/status_show', '/api/action/status_show', '/M/api/3/action/status_show'], space: () => [['x', hostile]] },
};
export type Family = keyof typeof FAMILIES;

// ---- one request -----------------------------------------------------------------------------

/** JSON text sent as it is: a value nested deeper than JSON.stringify could write. */
class RawJson { constructor(readonly text: string) {} }
const nested = (depth: number): RawJson => new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
const jsonOf = (v: Value | RawJson): string => (v instanceof RawJson ? v.text : JSON.stringify(v));
const encode = (name: string, v: Value | RawJson): string[] => {
  const values = Array.isArray(v) ? v : [typeof v === 'object' ? jsonOf(v) : String(v)];
  return values.map((x) => `${encodeURIComponent(name)}=${encodeURIComponent(x)}`);
};
/** A JSON object of the parameters; a repeated name becomes a list. */
function jsonBody(params: ReadonlyArray<[string, Value | RawJson]>): string {
  const byName = new Map<string, Array<Value | RawJson>>();
  for (const [n, v] of params) byName.set(n, [...(byName.get(n) ?? []), v]);
  const member = ([n, vs]: [string, Array<Value | RawJson>]) => `${JSON.stringify(n)}:${vs.length === 1 ? jsonOf(vs[0]) : `[${vs.map(jsonOf).join(',')}]`}`;
  return `{${[...byName].map(member).join(',')}}`;
}

/** One request of a family, over one of the world's datasets (or none that exists). */
function requestOf(family: Family, world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const spec = FAMILIES[family];
  const ids = world.datasets.filter((d) => !(spec.wholeDataset && d.large)).map((d) => d.id);
  const special = ['no-such-dataset', 'x@paris', ...(spec.space === datastoreSpace ? ['_table_metadata'] : [])];
  return fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 9 }, fc.constantFrom(...special)).chain((id) => {
    const dataset = world.datasets.find((d) => d.id === id);
    const fields = dataset?.fields ?? [{ name: 'nope', type: 'text' }];
    const t: Target = {
      fields: fields.map((f) => f.name),
      geo: fields.filter((f) => f.type.startsWith('geo')).map((f) => f.name),
      numeric: fields.filter((f) => f.type === 'int' || f.type === 'double').map((f) => f.name),
    };
    const space = spec.space(t);
    return fc.record({
      path: fc.constantFrom(...spec.paths),
      domain: fc.constantFrom(...world.domains),
      recordId: fc.oneof(fc.constantFrom(...(dataset?.recordIds ?? []), '0'.repeat(40)), hostile),
      trailingSlash: fc.boolean(),
      params: fc.subarray(space, { maxLength: Math.min(8, space.length) }).map((chosen) => [...(spec.always?.(t) ?? []), ...chosen]).chain((chosen) => fc.tuple(...chosen.map(([name, arb]) => arb.map((v): [string, Value] => [name, v])))),
      withDataset: fc.nat(9).map((n) => n > 0),
      placement: fc.constantFrom('query', 'query', 'path', 'form', 'json'),
      deep: fc.oneof({ arbitrary: fc.constant(0), weight: 30 }, { arbitrary: fc.integer({ min: 100, max: 6000 }), weight: 1 }),
      credentials,
      encoding: acceptEncoding,
    }).map((r): FuzzRequest => {
      const headers = { ...r.credentials, ...r.encoding };
      const params: Array<[string, Value | RawJson]> = [...(spec.datasetParam && r.withDataset ? [[spec.datasetParam, id] as [string, Value]] : []), ...r.params];
      if (r.deep > 0) params.push([spec.datasetParam === 'resource_id' ? 'filters' : 'q', nested(r.deep)]);
      const fill = (p: string) => p.replace('/M/', `/${encodeURIComponent(r.domain)}/`).replace(/\bD\b/, encodeURIComponent(id)).replace(/\bR$/, encodeURIComponent(r.recordId));
      const takesPath = r.path.endsWith('{/}');
      let path = fill(r.path.replace('{/}', ''));
      const pairs = params.flatMap(([n, v]) => encode(n, v)).join('&');
      const placement = r.placement === 'path' && !takesPath ? 'query' : r.placement;
      if (placement === 'path' && pairs !== '') return { family, method: 'GET', url: `${path}/${pairs}`, headers };
      if (r.trailingSlash) path += '/';
      if (placement === 'query' || placement === 'path') return { family, method: 'GET', url: pairs === '' ? path : `${path}?${pairs}`, headers };
      if (placement === 'form') return { family, method: 'POST', url: path, body: { contentType: 'application/x-www-form-urlencoded', text: pairs }, headers };
      return { family, method: 'POST', url: path, body: { contentType: 'application/json', text: jsonBody(params) }, headers };
    });
  });
}

/** Requests spread evenly over every family. */
export const fuzzRequest = (world: FuzzWorld): fc.Arbitrary<FuzzRequest> =>
  fc.oneof(...Object.keys(FAMILIES).map((f) => requestOf(f, world)));
