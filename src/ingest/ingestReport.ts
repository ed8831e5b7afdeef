import type { IngestWarning } from './buildRecord';
import type { PositionUnit } from './rawRow';

export interface IngestReport {
  datasetId: string;
  rowsRead: number;
  published: number;
  /** Rows with at least one warning (they are still published, without the refused values). */
  rowsWarned: number;
  unit: PositionUnit;
  /** The first warnings (all of them up to the cap); `warningCount` has the total. */
  warnings: IngestWarning[];
  warningCount: number;
}

export const WARNING_CAP = 1000;
