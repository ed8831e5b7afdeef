/** One value or several: each one is sent as its own `name=value` pair. */
export type Many<T> = T | readonly T[];

/** What narrows the records of a dataset; shared by the search and the download. */
export interface RecordsFilter {
  /** The dataset id (`id@domain` for another domain's). */
  dataset: string;
  /** Query-language text (`film AND annee_tournage>=2019`); several are ANDed. */
  q?: Many<string>;
  /** `refine.<field>=<value>`: only the records whose field has this value (a date level as `2019/06`). */
  refine?: Readonly<Record<string, Many<string>>>;
  /** `exclude.<field>=<value>`: none of the records whose field has this value. */
  exclude?: Readonly<Record<string, Many<string>>>;
  /** `geofilter.*`, as the API writes them: `distance` `lat,lon,metres`, `polygon` `(lat,lon),(lat,lon),…`, `bbox` `lat,lon,lat,lon`. */
  geofilter?: { distance?: Many<string>; polygon?: Many<string>; bbox?: Many<string> };
  /** An IANA time zone for dates (default: the dataset's, else UTC). */
  timezone?: string;
}

/** `/api/records/1.0/search`. */
export interface RecordsQuery extends RecordsFilter {
  /** Fields to facet on (each must be a facet of the dataset). */
  facet?: Many<string>;
  /** Facets whose refinements OR together rather than narrow each other. */
  disjunctive?: readonly string[];
  /** `facetsort.<field>`: `count`, `-count`, `alphanum`, `-alphanum`… */
  facetsort?: Readonly<Record<string, string>>;
  /** Fields to sort on, `-` first for descending. */
  sort?: Many<string>;
  /** How many records (default 10; `start + rows` at most 10,000: beyond, download). */
  rows?: number;
  start?: number;
  /** Only these fields in each record. */
  fields?: readonly string[];
}

/** `/api/records/1.0/download`, in one of the formats the client reads as a stream. */
export interface DownloadQuery extends RecordsFilter {
  sort?: Many<string>;
  /** At most this many records. */
  rows?: number;
  fields?: readonly string[];
}

/** `/api/datasets/1.0/search`. */
export interface CatalogQuery {
  q?: Many<string>;
  facet?: Many<string>;
  refine?: Readonly<Record<string, Many<string>>>;
  exclude?: Readonly<Record<string, Many<string>>>;
  disjunctive?: readonly string[];
  facetsort?: Readonly<Record<string, string>>;
  sort?: Many<string>;
  rows?: number;
  start?: number;
  timezone?: string;
  /** Drafts too, for a key that may see them. */
  include_drafts?: boolean;
}

const list = <T>(v: Many<T> | undefined): readonly T[] => (v === undefined ? [] : Array.isArray(v) ? (v as readonly T[]) : [v as T]);

/**
 * A query as the API's parameters: repeated names for several values, `refine.<field>` and the
 * other families spelled out. Parameters left out are not sent, so the server's defaults apply.
 */
export function searchParams(query: RecordsQuery | DownloadQuery | CatalogQuery, extra: Readonly<Record<string, string>> = {}): URLSearchParams {
  const out = new URLSearchParams();
  const add = (name: string, value: Many<string | number | boolean> | undefined): void => {
    for (const v of list(value)) out.append(name, String(v));
  };
  const q = query as RecordsQuery & CatalogQuery;
  add('dataset', q.dataset);
  add('q', q.q);
  add('facet', q.facet);
  for (const [field, values] of Object.entries(q.refine ?? {})) add(`refine.${field}`, values);
  for (const [field, values] of Object.entries(q.exclude ?? {})) add(`exclude.${field}`, values);
  for (const field of q.disjunctive ?? []) add(`disjunctive.${field}`, 'true');
  for (const [field, order] of Object.entries(q.facetsort ?? {})) add(`facetsort.${field}`, order);
  for (const [kind, values] of Object.entries(q.geofilter ?? {})) add(`geofilter.${kind}`, values);
  add('sort', q.sort);
  add('rows', q.rows);
  add('start', q.start);
  if (q.fields !== undefined) add('fields', q.fields.join(','));
  add('timezone', q.timezone);
  add('include_drafts', q.include_drafts);
  for (const [name, value] of Object.entries(extra)) add(name, value);
  return out;
}
