import type { Client } from '@elastic/elasticsearch';
import type { Pool } from 'pg';
import type { DatasetDirectory } from './datasetDirectory';
import type { LayoutSettings } from '../index/indexLayout';
import type { BulkReads } from './bulkReads';

/** The I/O handles every operation of execute/ works with. */
export interface Deps {
  es: Client;
  pool: Pool;
  indexPrefix: string;
  /** Dataset lookups of searches, cached while change notifications are heard (none: straight to PostgreSQL). */
  directory?: DatasetDirectory;
  /** Turns of the bulk reads (export pages, later pieces of large pages); none: not limited. */
  bulk?: BulkReads;
  /** Shards and replicas of new indices (none: both `auto`). */
  layout?: LayoutSettings;
}
