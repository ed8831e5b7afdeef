import type { FieldDef } from '../model/descriptor';
import { AUTO_LAYOUT, recordShards } from '../index/indexLayout';
import type { StoredRecord } from '../index/storedRecord';
import type { Deps } from '../execute/deps';
import type { DocumentText } from '../index/documentText';
import { documentOf, LoadingVersion, openLoadingVersion, PreparedDocument, ReindexReport } from './loadingVersion';

/**
 * The new index version a publish loads while it writes its records to PostgreSQL, batch by batch,
 * so that indexing overlaps reading, typing and writing instead of following them.
 *
 * It is a shortcut, never a condition: the first failure (Elasticsearch unreachable, a document
 * refused) stops it quietly, and `goLive` then answers null so that the publish rebuilds the index
 * from PostgreSQL as it would have without it, waiting for Elasticsearch if need be. The alias
 * moves only in `goLive`, called once the records are committed; a publish that does not commit
 * calls `discard` and the version leaves no trace.
 */
export class IndexAlongside {
  private failed = false;
  /** The last `add`, which a discard waits for: it could otherwise send a bulk request after the index is gone. */
  private adding: Promise<void> = Promise.resolve();

  private constructor(
    private readonly deps: Deps,
    private readonly loading: Promise<LoadingVersion | null>,
    private readonly documentOf: (record: StoredRecord) => PreparedDocument & { doc: DocumentText },
  ) {}

  /**
   * Starts opening the version for about `expectedCount` records (the count decides the shards)
   * and answers at once: the publish reads and types its first rows meanwhile, and the first
   * `add` waits for the index. A failure to open leaves the version closed.
   */
  static open(deps: Deps, datasetId: string, fields: FieldDef[], expectedCount: number): IndexAlongside {
    return new IndexAlongside(deps, openLoadingVersion(deps, datasetId, fields, expectedCount).catch(() => null), documentOf(datasetId, fields));
  }

  /**
   * A record made into its document, or null once loading has failed (then no more documents are
   * made). A record that cannot be made into one stops the loading for good.
   */
  document(record: StoredRecord): (PreparedDocument & { doc: DocumentText }) | null {
    if (this.failed) return null;
    try {
      return this.documentOf(record);
    } catch {
      this.failed = true;
      return null;
    }
  }

  /**
   * Indexes a batch of documents (waiting for the one before: bounded memory); a failure stops the
   * loading for good. The records are made into documents as they come (`document`), so that the
   * first batch is ready to go when the index is.
   */
  add(docs: readonly PreparedDocument[]): Promise<void> {
    if (this.failed) return Promise.resolve();
    this.adding = this.loading.then((loading) => {
      // A version that could not open takes nothing: the next records are not made into documents.
      if (!loading) this.failed = true;
      return loading && !this.failed ? loading.addDocuments(docs) : undefined;
    }).catch(() => { this.failed = true; });
    return this.adding;
  }

  /**
   * Once the records are committed: finishes the version and swaps the alias to it, or answers
   * null (nothing swapped, the version dropped) when loading failed, when it does not hold the
   * `recordsCount` records committed, or when they call for another number of shards than the
   * version was opened with.
   */
  async goLive(recordsCount: number): Promise<ReindexReport | null> {
    const loading = await this.loading;
    if (!loading) return null;
    const shards = recordShards((this.deps.layout ?? AUTO_LAYOUT).shards, recordsCount);
    if (this.failed || shards !== loading.layout.shards) {
      await loading.abandon();
      return null;
    }
    try {
      return await loading.goLive(recordsCount);
    } catch {
      await loading.abandon();
      return null;
    }
  }

  /** The records were not committed: the version goes, index and row (once it has opened, if it was opening). */
  async discard(): Promise<void> {
    await this.adding;
    await (await this.loading)?.discard();
  }
}
