import type { FieldDef } from '../model/descriptor';
import { recordDocumentText } from '../index/recordDocument';
import { IndexLayout, withLayout } from '../index/indexLayout';
import { recordMapping } from '../index/recordMapping';
import type { StoredRecord } from '../index/storedRecord';
import type { DocumentText } from '../index/documentText';
import { recordsAlias, recordsIndex, recordsIndexBase } from '../schema/indexNames';
import { bulkIndex, BulkReport } from '../execute/bulkIndex';
import { compactWhenPrunable } from '../execute/compactIndex';
import { forgetKeyedNumbers } from '../execute/keyedNumbers';
import type { Deps } from '../execute/deps';
import { indexLayoutFor } from '../execute/indexLayoutFor';
import { aliasTargets, createLoadingIndex, finishLoading, highestIndexVersion, swapAlias } from '../execute/versionedIndex';
import { writtenTexts } from './writtenTexts';

export interface ReindexReport {
  datasetId: string;
  index: string;
  version: number;
  indexed: number;
  rejected: number;
}

/**
 * A bulk request holds about this many bytes of documents at most (polygons make some records
 * large): each record's fields counted twice (kept and indexed), plus its written texts in base64…
 */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;
/** …and is sent once it holds this many records, at the end of the batch that reached it (its last record held back for the next one). */
export const MAX_BATCH_RECORDS = 2000;
/**
 * Bulk requests in flight at once. Elasticsearch indexes one bulk request on a shard with one
 * thread: two let it use a second core while the publish reads, types and writes the next batch.
 */
export const BULKS_IN_FLIGHT = 2;

/**
 * A new version of a dataset's index being loaded, not yet searched: records are added batch by
 * batch, and `goLive` swaps the alias to it once every one is indexed. At most BULKS_IN_FLIGHT
 * bulk requests are in flight while the next one fills (at most MAX_BATCH_BYTES each): `add`
 * waits for the oldest to finish, which is the backpressure on whoever produces the records.
 */
export interface LoadingVersion {
  readonly index: string;
  readonly version: number;
  readonly layout: IndexLayout;
  /** Adds records; throws the failure of an earlier bulk request, or its refused documents. */
  add(records: readonly StoredRecord[]): Promise<void>;
  /** Adds records already made into this version's documents (`documentsOf` for its dataset and fields). */
  addDocuments(docs: readonly PreparedDocument[]): Promise<void>;
  /**
   * Indexes what is left, refreshes, and swaps the alias to this version: searches see it from
   * then on. A version that does not hold `expected` documents (the records PostgreSQL has) is
   * not swapped in: this throws, and the caller abandons it. The version it replaces is left
   * `retired`, for the caller to sweep (sweepRetiredIndices). The version swapped in is merged
   * in the background once Elasticsearch may drop its recovery source (compactWhenPrunable).
   */
  goLive(expected: number): Promise<ReindexReport>;
  /**
   * This version failed: its index is deleted and its row marked `failed`. Once the alias points
   * to it, it serves searches and is kept whatever failed after the swap.
   */
  abandon(): Promise<void>;
  /** This version never counted (the records it was loaded beside were not kept): its index and its row go. */
  discard(): Promise<void>;
}

/** A record made into its bulk document (its text in parts, or its lines encoded), and what it counts for in a request's MAX_BATCH_BYTES. */
export interface PreparedDocument {
  readonly id: string;
  readonly doc: DocumentText | Uint8Array;
  readonly bytes: number;
}

/** How long bytes are once written in base64. */
const base64Length = (bytes: Uint8Array): number => Math.ceil(bytes.length / 3) * 4;

/**
 * Makes records into the documents of `datasetId`'s index, with what each keeps written. None of
 * it needs the index: a publish does it while the index is being created.
 */
export function documentsOf(datasetId: string, fields: FieldDef[]): (records: readonly StoredRecord[]) => PreparedDocument[] {
  const document = documentOf(datasetId, fields);
  return (records) => records.map(document);
}

/** documentsOf for one record at a time. */
export function documentOf(datasetId: string, fields: FieldDef[]): (record: StoredRecord) => PreparedDocument & { doc: DocumentText } {
  const writtenOf = writtenTexts(fields);
  return (record) => {
    const written = writtenOf(record);
    const bytes = (record.texts?.fields ?? JSON.stringify(record.fields)).length * 2 + base64Length(written.record) + base64Length(written.csv);
    return { id: record.recordid, doc: recordDocumentText(datasetId, fields, record, written), bytes };
  };
}

/**
 * Starts a new index version of `datasetId` for about `recordsCount` records (its shard count
 * follows), with a `building` row in index_versions: the garbage collector leaves it alone.
 */
export async function openLoadingVersion(deps: Deps, datasetId: string, fields: FieldDef[], recordsCount: number): Promise<LoadingVersion> {
  const { es, pool, indexPrefix } = deps;
  const { rows } = await pool.query<{ v: number }>(
    'SELECT COALESCE(MAX(version), 0) + 1 AS v FROM index_versions WHERE dataset_id = $1', [datasetId],
  );
  const version = Math.max(rows[0].v, (await highestIndexVersion(es, recordsIndexBase(indexPrefix, datasetId))) + 1);
  const index = recordsIndex(indexPrefix, datasetId, version);
  await pool.query(
    `INSERT INTO index_versions (dataset_id, version, index_name, state) VALUES ($1, $2, $3, 'building')`,
    [datasetId, version, index],
  );
  const loading = new Loading(deps, datasetId, fields, version, index);
  try {
    loading.layout = await indexLayoutFor(deps, recordsCount);
    await createLoadingIndex(es, index, withLayout(recordMapping(fields), loading.layout), true);
  } catch (err) {
    await loading.discard();
    throw err;
  }
  return loading;
}

class Loading implements LoadingVersion {
  layout: IndexLayout = { shards: 1, replicas: 0 };
  private readonly report: ReindexReport;
  private pending: PreparedDocument[] = [];
  private pendingBytes = 0;
  /** The bulk requests sent and not yet settled, oldest first. */
  private readonly inFlight: Promise<BulkReport>[] = [];
  private swapped = false;
  private readonly documents: (records: readonly StoredRecord[]) => PreparedDocument[];

  constructor(private readonly deps: Deps, private readonly datasetId: string, fields: FieldDef[], readonly version: number, readonly index: string) {
    this.report = { datasetId, index, version, indexed: 0, rejected: 0 };
    this.documents = documentsOf(datasetId, fields);
  }

  add(records: readonly StoredRecord[]): Promise<void> {
    return this.addDocuments(this.documents(records));
  }

  async addDocuments(docs: readonly PreparedDocument[]): Promise<void> {
    for (const doc of docs) {
      this.pending.push(doc);
      this.pendingBytes += doc.bytes;
      if (this.pendingBytes >= MAX_BATCH_BYTES) await this.send(true);
    }
    // A request slot left free would leave Elasticsearch a core with nothing to index (at the
    // start above all, while the next records are read): what is pending goes at once.
    if (this.pending.length >= MAX_BATCH_RECORDS || this.inFlight.length < BULKS_IN_FLIGHT) await this.send(true);
  }

  async goLive(expected: number): Promise<ReindexReport> {
    const { es, pool, indexPrefix } = this.deps;
    // Every record but the last (which every batch holds back) is sent, and what is indexed by then
    // is made a segment while the rest is indexed; the last record, sent after, is another one. A
    // version of two records or more then has two segments at least, which its merge after the swap
    // rewrites (compactWhenPrunable). Else a version loaded in one segment would keep its recovery
    // source for good.
    if (this.pending.length > 1) await this.send(true);
    if (this.pending.length > 0 && this.inFlight.length + this.report.indexed > 0) {
      if (this.report.indexed === 0) await this.settleOldest();
      const split = es.indices.refresh({ index: this.index });
      // Marked handled here: a failure of a request in flight is thrown first.
      split.catch(() => undefined);
      while (this.inFlight.length > 0) await this.settleOldest();
      await split;
    }
    await this.send();
    while (this.inFlight.length > 0) await this.settleOldest();
    const count = await finishLoading(es, this.index);
    if (count !== expected) throw new Error(`index ${this.index} holds ${count} documents where ${expected} records were written: it was not swapped in`);
    await swapAlias(es, recordsAlias(indexPrefix, this.datasetId), this.index);
    this.swapped = true;
    forgetKeyedNumbers(es, recordsAlias(indexPrefix, this.datasetId));
    // Not awaited: the version answers from now on, and is merged once Elasticsearch may prune it.
    void compactWhenPrunable(es, this.index);
    await pool.query(
      `UPDATE index_versions SET state = CASE WHEN version = $2 THEN 'live' ELSE 'retired' END,
         doc_count = CASE WHEN version = $2 THEN $3 ELSE doc_count END, live_at = CASE WHEN version = $2 THEN now() ELSE live_at END
       WHERE dataset_id = $1 AND (version = $2 OR state = 'live')`,
      [this.datasetId, this.version, count],
    );
    return this.report;
  }

  async abandon(): Promise<void> {
    await this.quietlyDone();
    if (await this.serves()) return;
    await this.deps.pool.query(`UPDATE index_versions SET state = 'failed' WHERE dataset_id = $1 AND version = $2`, [this.datasetId, this.version]);
    await this.deps.es.indices.delete({ index: this.index, ignore_unavailable: true }).catch(() => undefined);
  }

  /** Whether the alias points to this version: after a swap, even one whose answer was lost. */
  private async serves(): Promise<boolean> {
    if (this.swapped) return true;
    const { es, indexPrefix } = this.deps;
    return aliasTargets(es, recordsAlias(indexPrefix, this.datasetId)).then((targets) => targets.includes(this.index), () => false);
  }

  async discard(): Promise<void> {
    await this.quietlyDone();
    const deleted = await this.deps.es.indices.delete({ index: this.index, ignore_unavailable: true }).then(() => true, () => false);
    // An index that could not be deleted keeps a `failed` row (the garbage collector deletes it later).
    await this.deps.pool.query(
      deleted ? 'DELETE FROM index_versions WHERE dataset_id = $1 AND version = $2'
        : `UPDATE index_versions SET state = 'failed' WHERE dataset_id = $1 AND version = $2`,
      [this.datasetId, this.version],
    );
  }

  /**
   * Takes the pending documents, the last one excepted with `holdLast` (it opens the next batch),
   * waits for the oldest request while BULKS_IN_FLIGHT are in flight, then sends them without
   * waiting for their answer.
   */
  private async send(holdLast = false): Promise<void> {
    const held = holdLast ? this.pending.pop() : undefined;
    const docs = this.pending;
    this.pending = held ? [held] : [];
    this.pendingBytes = held?.bytes ?? 0;
    while (this.inFlight.length >= BULKS_IN_FLIGHT) await this.settleOldest();
    if (docs.length === 0) return;
    const request = bulkIndex(this.deps.es, this.index, docs);
    // Marked handled here: the failure is thrown when this request is settled.
    request.catch(() => undefined);
    this.inFlight.push(request);
  }

  /** Every request sent has ended, whatever its outcome (the version is going away). */
  private async quietlyDone(): Promise<void> {
    await Promise.all(this.inFlight.map((r) => r.catch(() => undefined)));
  }

  /** Waits for the oldest request in flight; throws its failure, or an error naming the documents Elasticsearch refused. */
  private async settleOldest(): Promise<void> {
    const oldest = this.inFlight[0];
    const res = await oldest.finally(() => { this.inFlight.splice(this.inFlight.indexOf(oldest), 1); });
    this.report.indexed += res.indexed;
    this.report.rejected += res.rejected;
    if (res.rejected > 0) throw new Error(`Elasticsearch refused ${res.rejected} documents (${res.firstRejection})`);
  }
}
