import type { Client } from '@elastic/elasticsearch';
import type { Pool } from 'pg';

/** The I/O handles every operation of execute/ works with. */
export interface Deps {
  es: Client;
  pool: Pool;
  indexPrefix: string;
}
