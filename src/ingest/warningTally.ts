/**
 * Counts the rows (lines or items) of a file and those with at least one warning, from the
 * positions of what the reader yields in file order: a row with several warnings, or a reader
 * problem and the row it concerns, count once.
 */
export class WarningTally {
  rows = 0;
  warnedRows = 0;
  private lastRow = Number.NaN;
  private lastWarned = Number.NaN;

  /** A row or a reader problem at `position`. */
  see(position: number): void {
    if (position !== this.lastRow) { this.rows++; this.lastRow = position; }
  }

  /** A warning about the row at `position`. */
  warn(position: number): void {
    this.see(position);
    if (position !== this.lastWarned) { this.warnedRows++; this.lastWarned = position; }
  }

  /** The share of rows with warnings (0 for an empty file). */
  share(): number {
    return this.rows === 0 ? 0 : this.warnedRows / this.rows;
  }
}

/** A share as a percentage for messages: "5 %", "83.3 %". */
export const percent = (share: number): string => `${Number((share * 100).toFixed(1))} %`;

/** Why a file with too many warned rows is not published (the caller says what happened then). */
export function tooManyWarningsMessage(datasetId: string, tally: WarningTally, unit: string, maxShare: number): string {
  return `${datasetId}: ${tally.warnedRows} of ${tally.rows} ${unit}s have warnings (${percent(tally.share())}), more than the ${percent(maxShare)} allowed`;
}

/** How to publish such a file anyway. */
export const RAISE_WARNING_LIMIT = 'raise the limit with maxWarningShare in the descriptor or --max-warning-share';
