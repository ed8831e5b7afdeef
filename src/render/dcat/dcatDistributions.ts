import { DataFactory, type NamedNode, type Quad } from 'n3';
import type { PackageHit } from '../../model/dataset';
import { dcat, dct, EU_AUTHORITY, rdf, rdfs, text, textOf } from './dcatTerms';

const { namedNode, blankNode, quad } = DataFactory;

/**
 * The download formats a distribution may be: the IANA media type, the EU file-type concept, and
 * whether it needs geometries. A format appears only when the
 * export registry serves it (`DcatDistributionContext.formats`), so the GIS formats join once
 * they are registered. NDJSON and FlatGeobuf have no registered media type: not listed.
 */
const DISTRIBUTIONS = [
  { format: 'csv', mediaType: 'text/csv', title: 'CSV', fileType: 'CSV', geoOnly: false },
  { format: 'json', mediaType: 'application/json', title: 'JSON', fileType: 'JSON', geoOnly: false },
  { format: 'geojson', mediaType: 'application/geo+json', title: 'GeoJSON', fileType: 'GEOJSON', geoOnly: true },
  { format: 'gpkg', mediaType: 'application/geopackage+sqlite3', title: 'GeoPackage', fileType: 'GPKG', geoOnly: true },
  { format: 'shp', mediaType: 'application/zip', title: 'Shapefile (zip)', fileType: 'SHP', geoOnly: true },
] as const;

/** Where a dataset's records are downloaded from, and which formats the download API serves. */
export interface DcatDistributionContext { site: string; downloadPath: string; formats: ReadonlySet<string> }

/** The licence of a distribution: the licence's URL when the metadata has one, else a licence document named by its label. */
function licenseQuads(m: Record<string, unknown>, ds: string): { node: Quad['object']; quads: Quad[] } | undefined {
  const label = textOf(m.license);
  const url = [textOf(m.license_url), label].find((v) => v !== undefined && /^https?:\/\/\S+$/.test(v));
  if (url) return { node: namedNode(url), quads: [] };
  if (!label) return undefined;
  const doc = blankNode(`license-${ds}`);
  return { node: doc, quads: [quad(doc, rdf('type'), dct('LicenseDocument')), quad(doc, rdfs('label'), text(label))] };
}

/**
 * A dataset with records: one dcat:Distribution per download format it can be had in (title,
 * access and download URLs, media type, EU file type, licence).
 */
export function distributionQuads(hit: PackageHit, ds: NamedNode, ctx: DcatDistributionContext): Quad[] {
  if (!hit.has_records) return [];
  const m = hit.dataset.metas;
  const geo = hit.features.includes('geo');
  const license = licenseQuads(m, hit.datasetid);
  const out: Quad[] = [...(license?.quads ?? [])];
  for (const d of DISTRIBUTIONS.filter((x) => ctx.formats.has(x.format) && (!x.geoOnly || geo))) {
    const dist = namedNode(`${ds.value}#${d.format}`);
    const url = namedNode(`${ctx.site}${ctx.downloadPath}?dataset=${encodeURIComponent(hit.datasetid)}&format=${d.format}`);
    out.push(
      quad(ds, dcat('distribution'), dist),
      quad(dist, rdf('type'), dcat('Distribution')),
      quad(dist, dct('title'), text(`${textOf(m.title) ?? hit.datasetid} (${d.title})`)),
      quad(dist, dcat('accessURL'), url),
      quad(dist, dcat('downloadURL'), url),
      quad(dist, dcat('mediaType'), namedNode(`http://www.iana.org/assignments/media-types/${d.mediaType}`)),
      quad(dist, dct('format'), namedNode(`${EU_AUTHORITY}file-type/${d.fileType}`)),
    );
    if (license) out.push(quad(dist, dct('license'), license.node));
  }
  return out;
}
