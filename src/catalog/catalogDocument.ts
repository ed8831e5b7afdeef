import type { DatasetRow, StoreFacts } from '../model/dataset';
import { fold } from '../text/fold';
import { slug } from '../text/slug';
import { effectiveMetadata } from './effectiveMetadata';

export interface CatalogDocument {
  datasetid: string;
  domain: string;
  visibility: string;
  state: string;
  has_records: boolean;
  features: string[];
  title: string;
  publisher?: string;
  license?: string;
  language?: string;
  theme: string[];
  keyword: string[];
  /** CKAN names: the publisher's and the themes' slugs (`organization:ville-de-paris`, `groups:…`). */
  organization?: string;
  groups: string[];
  /** DCAT metadata that ODS also facets (reference/ods-v1.md §1.1). */
  accrualperiodicity?: string;
  granularity?: string;
  dataquality?: string;
  creator?: string;
  contributor?: string;
  modified?: string;
  issued?: string;
  created?: string;
  records_count: number;
  t: Record<string, string | string[]>;
  /** The dataset as stored, for rendering; not indexed. */
  dataset: { metas: Record<string, unknown>; fields: DatasetRow['fields']; dcat: Record<string, unknown>; store: StoreFacts };
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : text(v) ? [v as string] : []);
const stripHtml = (html: string): string => html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
const isoDate = (v: unknown): string | undefined => (text(v) && !Number.isNaN(Date.parse(v as string)) ? (v as string) : undefined);

/** ODS dataset `features` from its schema: geo, timeserie, analyze. */
export function datasetFeatures(d: DatasetRow): string[] {
  const types = new Set(d.fields.map((f) => f.type));
  const features = ['analyze'];
  if (types.has('geo_point_2d') || types.has('geo_shape')) features.push('geo');
  if (types.has('date') || types.has('datetime')) features.push('timeserie');
  return features;
}

/** A dataset's features as the catalog shows them: from its schema, or from the catalog import for a metadata-only entry. */
const catalogFeatures = (d: DatasetRow): string[] =>
  (Array.isArray(d.catalogExtra?.features) && !d.hasRecords ? list(d.catalogExtra?.features) : datasetFeatures(d));

/** The catalog index document of a dataset: metadata for filters and facets, folded text for search. */
export function catalogDocument(d: DatasetRow): CatalogDocument {
  const metas = effectiveMetadata(d);
  const dcat = (d.catalogExtra?.dcat as Record<string, unknown> | undefined) ?? {};
  const title = text(metas.title) ?? d.id;
  const description = text(metas.description);
  const foldAll = (xs: string[]): string[] => xs.map(fold);
  return {
    datasetid: d.id, domain: d.domain, visibility: d.visibility, state: d.state,
    has_records: d.hasRecords,
    features: catalogFeatures(d),
    title, publisher: text(metas.publisher), license: text(metas.license), language: text(metas.language),
    theme: list(metas.theme), keyword: list(metas.keyword),
    organization: text(metas.publisher) ? slug(metas.publisher as string) : undefined, groups: list(metas.theme).map(slug),
    modified: isoDate(metas.modified), issued: isoDate(dcat.issued), created: isoDate(dcat.created),
    accrualperiodicity: text(dcat.accrualperiodicity), granularity: text(dcat.granularity), dataquality: text(dcat.dataquality),
    creator: text(dcat.creator), contributor: text(dcat.contributor),
    records_count: typeof metas.records_count === 'number' ? metas.records_count : 0,
    t: {
      title: fold(title), datasetid: fold(d.id),
      ...(description ? { description: fold(stripHtml(description)) } : {}),
      theme: foldAll(list(metas.theme)), keyword: foldAll(list(metas.keyword)),
      ...(text(metas.publisher) ? { publisher: fold(metas.publisher as string) } : {}),
      ...(text(metas.license) ? { license: fold(metas.license as string) } : {}),
    },
    dataset: {
      metas, fields: d.fields, dcat,
      store: {
        resource_id: d.resourceId, visibility: d.visibility, state: d.state,
        created_at: d.createdAt.toISOString(), updated_at: d.updatedAt.toISOString(), published_at: d.publishedAt?.toISOString() ?? null,
      },
    },
  };
}
