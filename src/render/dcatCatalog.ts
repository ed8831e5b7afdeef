import { DataFactory, Writer, type Quad } from 'n3';
import type { CatalogHit } from '../model/dataset';

const { namedNode, literal, blankNode, quad } = DataFactory;

const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#', dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/', xsd: 'http://www.w3.org/2001/XMLSchema#', vcard: 'http://www.w3.org/2006/vcard/ns#',
};
const rdf = (t: string) => namedNode(`${NS.rdf}${t}`);
const dcat = (t: string) => namedNode(`${NS.dcat}${t}`);
const dct = (t: string) => namedNode(`${NS.dct}${t}`);
const foaf = (t: string) => namedNode(`${NS.foaf}${t}`);

/** The formats a dataset with records is distributed in: the download API's, with their IANA media types (FlatGeobuf, which has none registered, is left out). */
const DISTRIBUTIONS = [
  { format: 'csv', mediaType: 'text/csv', title: 'CSV' },
  { format: 'json', mediaType: 'application/json', title: 'JSON' },
  { format: 'geojson', mediaType: 'application/geo+json', title: 'GeoJSON', geoOnly: true },
  { format: 'gpkg', mediaType: 'application/geopackage+sqlite3', title: 'GeoPackage', geoOnly: true },
  { format: 'shp', mediaType: 'application/zip', title: 'Shapefile (zip)', geoOnly: true },
];

/** Where the catalog lives: the site, the domain's name, and the paths of a dataset lookup and of the download API. */
export interface DcatContext { site: string; catalogTitle: string; datasetPath: string; downloadPath: string; self: string }

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);
/** HTML descriptions as plain text. */
const plain = (html: string): string => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
const dateTime = (v: unknown): ReturnType<typeof literal> | undefined => {
  const s = text(v);
  if (!s || Number.isNaN(Date.parse(s))) return undefined;
  return literal(new Date(s).toISOString(), namedNode(`${NS.xsd}dateTime`));
};

/**
 * A catalog page as DCAT-AP triples: one dcat:Catalog (title, description, publisher, its
 * datasets), a dcat:Dataset per entry (title, description, identifier, keywords, themes as
 * literals, publisher, dates, landing page) and, for a dataset with records, one
 * dcat:Distribution per download format (access and download URLs, media type, licence).
 */
export function dcatQuads(hits: readonly CatalogHit[], ctx: DcatContext): Quad[] {
  const out: Quad[] = [];
  const add = (s: Quad['subject'], p: ReturnType<typeof namedNode>, o: Quad['object']): void => { out.push(quad(s, p, o)); };
  const catalog = namedNode(ctx.self);
  const portal = blankNode('portal');
  add(catalog, rdf('type'), dcat('Catalog'));
  add(catalog, dct('title'), literal(ctx.catalogTitle));
  add(catalog, dct('description'), literal(`${ctx.catalogTitle}: the datasets this portal serves through its search APIs.`));
  add(catalog, dct('publisher'), portal);
  add(catalog, foaf('homepage'), namedNode(ctx.site));
  add(portal, rdf('type'), foaf('Agent'));
  add(portal, foaf('name'), literal(ctx.catalogTitle));
  for (const hit of hits) {
    const m = hit.dataset.metas;
    const ds = namedNode(`${ctx.site}${ctx.datasetPath}${encodeURIComponent(hit.datasetid)}`);
    add(catalog, dcat('dataset'), ds);
    add(ds, rdf('type'), dcat('Dataset'));
    add(ds, dct('identifier'), literal(hit.datasetid));
    add(ds, dct('title'), literal(text(m.title) ?? hit.datasetid));
    add(ds, dct('description'), literal(plain(text(m.description) ?? text(m.title) ?? hit.datasetid)));
    add(ds, dcat('landingPage'), ds);
    for (const k of list(m.keyword)) add(ds, dcat('keyword'), literal(k));
    for (const t of list(m.theme)) add(ds, dcat('keyword'), literal(t));
    const modified = dateTime(m.modified);
    if (modified) add(ds, dct('modified'), modified);
    const issued = dateTime(hit.dataset.dcat?.issued) ?? dateTime(hit.dataset.store.published_at);
    if (issued) add(ds, dct('issued'), issued);
    const publisher = text(m.publisher);
    if (publisher) {
      const agent = blankNode(`publisher-${hit.datasetid}`);
      add(ds, dct('publisher'), agent);
      add(agent, rdf('type'), foaf('Agent'));
      add(agent, foaf('name'), literal(publisher));
    }
    if (!hit.has_records) continue;
    const geo = hit.features.includes('geo');
    for (const d of DISTRIBUTIONS.filter((x) => !x.geoOnly || geo)) {
      const dist = namedNode(`${ds.value}#${d.format}`);
      const url = namedNode(`${ctx.site}${ctx.downloadPath}?dataset=${encodeURIComponent(hit.datasetid)}&format=${d.format}`);
      add(ds, dcat('distribution'), dist);
      add(dist, rdf('type'), dcat('Distribution'));
      add(dist, dct('title'), literal(`${text(m.title) ?? hit.datasetid} (${d.title})`));
      add(dist, dcat('accessURL'), url);
      add(dist, dcat('downloadURL'), url);
      add(dist, dcat('mediaType'), namedNode(`http://www.iana.org/assignments/media-types/${d.mediaType}`));
      const license = text(m.license);
      if (license) add(dist, dct('license'), /^https?:\/\//.test(license) ? namedNode(license) : literal(license));
    }
  }
  return out;
}

/** Quads as Turtle, with the usual prefixes. */
export function turtle(quads: readonly Quad[]): Promise<string> {
  const writer = new Writer({ prefixes: { dcat: NS.dcat, dct: NS.dct, foaf: NS.foaf, xsd: NS.xsd } });
  writer.addQuads([...quads]);
  return new Promise((resolve, reject) => writer.end((err: Error | null, result: string) => (err ? reject(err) : resolve(result))));
}

/** Quads as JSON-LD: expanded form (no remote context to fetch), one node object per subject. */
export function jsonld(quads: readonly Quad[]): Array<Record<string, unknown>> {
  const nodes = new Map<string, Record<string, unknown>>();
  const id = (t: Quad['subject'] | Quad['object']): string => (t.termType === 'BlankNode' ? `_:${t.value}` : t.value);
  for (const q of quads) {
    const node = nodes.get(id(q.subject)) ?? { '@id': id(q.subject) };
    nodes.set(id(q.subject), node);
    if (q.predicate.value === `${NS.rdf}type`) {
      node['@type'] = [...((node['@type'] as string[] | undefined) ?? []), q.object.value];
      continue;
    }
    const value = q.object.termType === 'Literal'
      ? { '@value': q.object.value, ...(q.object.datatype.value !== `${NS.xsd}string` ? { '@type': q.object.datatype.value } : {}) }
      : { '@id': id(q.object) };
    node[q.predicate.value] = [...((node[q.predicate.value] as unknown[] | undefined) ?? []), value];
  }
  return [...nodes.values()];
}
