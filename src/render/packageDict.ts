import { effectiveMetadata } from '../catalog/effectiveMetadata';
import type { DatasetRow } from '../execute/datasetStore';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v ? [v] : []);
const slug = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 100);
/** CKAN timestamps: ISO 8601 without offset, in UTC. */
const ckanTime = (d: Date): string => d.toISOString().replace('Z', '');

/**
 * A dataset as a CKAN package dict (reference/ckan-d4c.md A3): tags from keywords, groups from
 * themes, the publisher as organization, and one DataStore resource (its `resource_id` works
 * with datastore_search) when the dataset has records.
 */
export function packageDict(d: DatasetRow): Record<string, unknown> {
  const m = effectiveMetadata(d);
  const publisher = text(m.publisher);
  const tags = list(m.keyword).map((k) => ({ name: k, display_name: k, state: 'active', vocabulary_id: null }));
  const resources = d.hasRecords ? [{
    id: d.resourceId, package_id: d.id, name: text(m.title) || d.id, description: '', format: 'CSV', mimetype: 'text/csv',
    url: `/api/records/1.0/download?dataset=${encodeURIComponent(d.id)}`, url_type: 'datastore', state: 'active', position: 0,
    datastore_active: true, created: ckanTime(d.createdAt), last_modified: d.publishedAt ? ckanTime(d.publishedAt) : null,
  }] : [];
  return {
    id: d.id, name: d.id, title: text(m.title) || d.id, notes: text(m.description), url: text(m.references), version: '',
    author: publisher, author_email: '', maintainer: '', maintainer_email: '',
    license_id: text(m.license), license_title: text(m.license), license_url: '', isopen: true,
    type: 'dataset', state: 'active', private: false, owner_org: publisher ? slug(publisher) : null,
    metadata_created: ckanTime(d.createdAt), metadata_modified: ckanTime(d.updatedAt),
    num_resources: resources.length, num_tags: tags.length,
    organization: publisher ? { id: slug(publisher), name: slug(publisher), title: publisher, type: 'organization', is_organization: true, state: 'active', approval_status: 'approved' } : null,
    groups: list(m.theme).map((t) => ({ id: slug(t), name: slug(t), title: t, display_name: t })),
    tags, extras: [], resources, relationships_as_subject: [], relationships_as_object: [],
  };
}
