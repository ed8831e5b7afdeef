import { slug } from '../text/slug';
import type { PackageHit } from '../model/dataset';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v ? [v] : []);
/** CKAN timestamps: ISO 8601 without offset, in UTC, with microseconds (`2017-06-13T14:00:48.824000`). */
const ckanTime = (iso: string): string => new Date(iso).toISOString().replace('Z', '000');
/** A metadata date when it is one, else the store's own timestamp. */
const ckanTimeOf = (v: unknown, fallback: string): string => ckanTime(typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? v : fallback);

/** A publisher as a CKAN organization dict (named by its slug). */
export const organizationDict = (title: string): Record<string, unknown> =>
  ({ id: slug(title), name: slug(title), title, type: 'organization', description: '', is_organization: true, state: 'active', approval_status: 'approved' });

/**
 * A dataset (its catalog document: as the catalog index returns it, or as built from the store)
 * as a CKAN package dict (reference/ckan-d4c.md A3): tags from keywords, groups from themes, the
 * publisher as organization, and one DataStore resource (its `resource_id` works with
 * datastore_search) when the dataset has records.
 */
export function packageDict(h: PackageHit): Record<string, unknown> {
  const { metas: m, store } = h.dataset;
  const id = h.datasetid;
  const publisher = text(m.publisher);
  const tags = list(m.keyword).map((k) => ({ name: k, display_name: k, state: 'active', vocabulary_id: null }));
  const resources = h.has_records ? [{
    id: store.resource_id, package_id: id, name: text(m.title) || id, description: '', format: 'CSV', mimetype: 'text/csv',
    url: `/api/records/1.0/download?dataset=${encodeURIComponent(id)}`, url_type: 'datastore', state: 'active', position: 0,
    datastore_active: true, created: ckanTime(store.created_at), last_modified: store.published_at ? ckanTime(store.published_at) : null,
  }] : [];
  return {
    id, name: id, title: text(m.title) || id, notes: text(m.description), url: text(m.references), version: '',
    author: publisher, author_email: '', maintainer: '', maintainer_email: '',
    license_id: text(m.license), license_title: text(m.license), license_url: '', isopen: true,
    type: 'dataset', state: store.state === 'draft' ? 'draft' : 'active', private: store.visibility === 'private', owner_org: publisher ? slug(publisher) : null,
    // The dataset's own dates (as the catalog sorts and facets them), else when it was stored.
    metadata_created: ckanTimeOf(h.dataset.dcat?.created, store.created_at),
    metadata_modified: ckanTimeOf(m.modified, store.updated_at),
    num_resources: resources.length, num_tags: tags.length,
    organization: publisher ? organizationDict(publisher) : null,
    groups: list(m.theme).map((t) => ({ id: slug(t), name: slug(t), title: t, display_name: t })),
    tags, extras: [], resources, relationships_as_subject: [], relationships_as_object: [],
  };
}
