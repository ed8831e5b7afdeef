import type { DatasetMetadata, FieldDef } from '../model/descriptor';
import { bumpCatalogGeneration } from './catalogGeneration';
import type { Queryable } from './queryable';
import type { DatasetRow, DomainRow } from '../model/dataset';

interface Row {
  id: string; resource_id: string; domain_id: string; metadata: DatasetMetadata; fields: FieldDef[]; visibility: 'public' | 'private';
  state: 'draft' | 'published'; has_records: boolean; records_count: number; catalog_extra: Record<string, unknown> | null;
  created_at: Date; updated_at: Date; published_at: Date | null;
}

const toDataset = (r: Row): DatasetRow => ({
  id: r.id, resourceId: r.resource_id, domain: r.domain_id, metadata: r.metadata, fields: r.fields, visibility: r.visibility, state: r.state,
  hasRecords: r.has_records, recordsCount: r.records_count, catalogExtra: r.catalog_extra,
  createdAt: r.created_at, updatedAt: r.updated_at, publishedAt: r.published_at,
});

export async function getDataset(q: Queryable, id: string): Promise<DatasetRow | undefined> {
  const { rows } = await q.query<Row>('SELECT * FROM datasets WHERE id = $1', [id]);
  return rows[0] && toDataset(rows[0]);
}

/** What is known of a dataset that has records without reading its metadata: who may read it, and its table. */
export type RecordsDataset = Pick<DatasetRow, 'id' | 'resourceId' | 'domain' | 'visibility' | 'state' | 'hasRecords' | 'recordsCount'>;

/**
 * The datasets that have records, in id order, without their metadata, schema or catalog texts:
 * a catalog of thousands of metadata-only entries (tens of MB of JSON) is not read to find them.
 */
export async function listRecordsDatasets(q: Queryable): Promise<RecordsDataset[]> {
  const { rows } = await q.query<Pick<Row, 'id' | 'resource_id' | 'domain_id' | 'visibility' | 'state' | 'has_records' | 'records_count'>>(
    'SELECT id, resource_id, domain_id, visibility, state, has_records, records_count FROM datasets WHERE has_records ORDER BY id',
  );
  return rows.map((r) => ({ id: r.id, resourceId: r.resource_id, domain: r.domain_id, visibility: r.visibility, state: r.state, hasRecords: r.has_records, recordsCount: r.records_count }));
}

/** Every dataset, whole, `pageSize` at a time in id order (keyset paging): memory holds one page. */
export async function* datasetPages(q: Queryable, pageSize: number): AsyncGenerator<DatasetRow[]> {
  let after: string | null = null;
  for (;;) {
    const page = after === null
      ? q.query<Row>('SELECT * FROM datasets ORDER BY id LIMIT $1', [pageSize])
      : q.query<Row>('SELECT * FROM datasets WHERE id > $2 ORDER BY id LIMIT $1', [pageSize, after]);
    const rows: Row[] = (await page).rows;
    if (rows.length > 0) yield rows.map(toDataset);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].id;
  }
}

/**
 * Every dataset's row version (PostgreSQL's `xmin`, which any write of the row changes), by id:
 * what a catalog rebuild compares before and after it to find the entries changed meanwhile.
 */
export async function datasetRowVersions(q: Queryable): Promise<Map<string, string>> {
  const { rows } = await q.query<{ id: string; v: string }>('SELECT id, xmin::text AS v FROM datasets');
  return new Map(rows.map((r) => [r.id, r.v]));
}

/** A dataset with its row version (as datasetRowVersions gives it), read together; undefined when there is no such dataset. */
export async function getDatasetVersion(q: Queryable, id: string): Promise<{ dataset: DatasetRow; version: string } | undefined> {
  const { rows } = await q.query<Row & { row_version: string }>('SELECT *, xmin::text AS row_version FROM datasets WHERE id = $1', [id]);
  return rows[0] && { dataset: toDataset(rows[0]), version: rows[0].row_version };
}

/** A dataset's row version now (undefined when it is gone). */
export async function datasetRowVersion(q: Queryable, id: string): Promise<string | undefined> {
  const { rows } = await q.query<{ v: string }>('SELECT xmin::text AS v FROM datasets WHERE id = $1', [id]);
  return rows[0]?.v;
}

/** How many datasets there are (metadata-only entries included). */
export async function countDatasets(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ n: string }>('SELECT count(*) AS n FROM datasets');
  return Number(rows[0].n);
}

export interface DatasetHeader {
  id: string;
  domain: string;
  metadata: DatasetMetadata;
  visibility: 'public' | 'private';
  state: 'draft' | 'published';
}

/** Creates the dataset or replaces its descriptor-owned metadata; records and catalog metadata stay. */
export async function upsertDataset(q: Queryable, d: DatasetHeader): Promise<void> {
  await q.query(
    `INSERT INTO datasets (id, domain_id, metadata, visibility, state) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET domain_id = EXCLUDED.domain_id, metadata = EXCLUDED.metadata,
       visibility = EXCLUDED.visibility, state = EXCLUDED.state, updated_at = now()`,
    [d.id, d.domain, JSON.stringify(d.metadata), d.visibility, d.state],
  );
  bumpCatalogGeneration();
}

/** The schema and record count of a publish, written in the publish transaction. */
export async function setPublished(q: Queryable, id: string, fields: FieldDef[], recordsCount: number): Promise<void> {
  await q.query(
    `UPDATE datasets SET fields = $2, records_count = $3, has_records = $3 > 0, published_at = now(), updated_at = now() WHERE id = $1`,
    [id, JSON.stringify(fields), recordsCount],
  );
  bumpCatalogGeneration();
}

/**
 * A catalog entry: a new dataset gets its title and schema from the catalog (no records); an
 * existing one only gets the catalog's metadata under its own.
 */
export async function upsertCatalogEntry(q: Queryable, entry: { id: string; domain: string; title: string; fields: FieldDef[]; extra: Record<string, unknown> }): Promise<void> {
  await q.query(
    `INSERT INTO datasets (id, domain_id, metadata, fields, catalog_extra) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET catalog_extra = EXCLUDED.catalog_extra, updated_at = now(),
       fields = CASE WHEN datasets.has_records THEN datasets.fields ELSE EXCLUDED.fields END`,
    [entry.id, entry.domain, JSON.stringify({ title: entry.title }), JSON.stringify(entry.fields), JSON.stringify(entry.extra)],
  );
  bumpCatalogGeneration();
}

export async function domainExists(q: Queryable, id: string): Promise<boolean> {
  return ((await q.query('SELECT 1 FROM domains WHERE id = $1', [id])).rowCount ?? 0) > 0;
}

export async function upsertDomain(q: Queryable, d: { id: string; title: string; includePublic: boolean }): Promise<void> {
  await q.query(
    `INSERT INTO domains (id, title, include_public) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, include_public = EXCLUDED.include_public`,
    [d.id, d.title, d.includePublic],
  );
  bumpCatalogGeneration();
}

/**
 * A dataset (by id, or by its resource id when `id` is a UUID) together with the domain it is
 * looked up from, in one round trip (either may be missing).
 */
export async function getDatasetInDomain(q: Queryable, domain: string, id: string): Promise<{ domain?: DomainRow; dataset?: DatasetRow }> {
  const byResource = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  const { rows } = await q.query<Row & { d_id: string; d_title: string; d_include_public: boolean }>(
    `SELECT d.id AS d_id, d.title AS d_title, d.include_public AS d_include_public, s.*
       FROM domains d LEFT JOIN datasets s ON ${byResource ? 's.resource_id = $2::uuid' : 's.id = $2'} WHERE d.id = $1`,
    [domain, id],
  );
  const r = rows[0];
  if (!r) return {};
  return { domain: { id: r.d_id, title: r.d_title, includePublic: r.d_include_public }, dataset: r.id ? toDataset(r) : undefined };
}

/**
 * True when `id` is a metadata-only catalog entry: imported from a catalog (import-catalog) and
 * never published from a descriptor.
 */
export async function isMetadataOnlyEntry(q: Queryable, id: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM datasets WHERE id = $1 AND published_at IS NULL AND catalog_extra IS NOT NULL', [id]);
  return rows.length > 0;
}

/** The facts of a dataset that its records decide, as the catalog's metas name them. */
export interface RecordFacts {
  records_count: number;
  modified: string;
  data_processed: string;
  bbox: unknown;
  geometry_types: string[] | null;
}

/**
 * Replaces, in the metas a catalog import left on a dataset, the facts that its records now
 * decide (the import's were about the records it described); datasets without catalog metas are left as they are.
 */
export async function setCatalogRecordFacts(q: Queryable, id: string, facts: RecordFacts): Promise<void> {
  await q.query(
    `UPDATE datasets SET catalog_extra = jsonb_set(catalog_extra || jsonb_build_object('has_records', $3::boolean),
       '{metas}', COALESCE(catalog_extra->'metas', '{}'::jsonb) || $2::jsonb)
     WHERE id = $1 AND catalog_extra IS NOT NULL`,
    [id, JSON.stringify(facts), facts.records_count > 0],
  );
}
