import type { StoredRecord } from '../index/storedRecord';
import { documentPieces } from '../execute/bulkBody';
import { ByteBatch } from '../execute/byteBatch';
import { copyLine } from '../execute/recordStore';
import type { IndexAlongside } from './indexAlongside';
import type { PreparedDocument } from './loadingVersion';

/** A batch as it is written: its COPY lines for PostgreSQL, its documents for the version loaded alongside. */
export interface WrittenBatch {
  lines: Buffer[];
  docs: PreparedDocument[];
}

/**
 * The batch a publish fills, record by record. Each record's COPY line and bulk document are
 * encoded the moment it is made, instead of its texts waiting in the batch for PostgreSQL and in
 * the bulk request for Elasticsearch: they die young, and garbage collection no longer copies them
 * while the batch fills (docs/performance-history.md). Each buffer starts at 1 MiB and keeps the
 * size the largest batch needed.
 */
export class PublishBatch {
  private readonly lines = new ByteBatch(1 << 20);
  private readonly docs = new ByteBatch(1 << 20);
  private prepared: Array<Omit<PreparedDocument, 'doc'>> = [];

  constructor(private readonly datasetId: string, private readonly alongside: IndexAlongside) {}

  /** Records added since the last `take`. */
  get size(): number {
    return this.lines.count;
  }

  add(record: StoredRecord): void {
    this.lines.add([{ text: copyLine(this.datasetId, record), latin1: false }]);
    // None once the loading alongside has failed: the publish then rebuilds the index from PostgreSQL.
    const doc = this.alongside.document(record);
    if (doc === null) return;
    this.docs.add(documentPieces(doc.id, doc.doc));
    this.prepared.push({ id: doc.id, bytes: doc.bytes });
  }

  /** The records added, written; the next ones start a new batch. */
  take(): WrittenBatch {
    const encoded = this.docs.take();
    const docs = this.prepared.map((p, i) => ({ ...p, doc: encoded[i] }));
    this.prepared = [];
    return { lines: this.lines.take(), docs };
  }
}
