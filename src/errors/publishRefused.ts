/**
 * Why a publish was refused before it changed anything (the previous version keeps serving):
 * - `busy`: another publish of the same dataset is running (HTTP 409 semantics);
 * - `too_many_warnings`: more rows warned than the publish allows (422);
 * - `missing_columns`: the descriptor names columns the file does not have (422);
 * - `take_over_needed`: the id is a metadata-only catalog entry, and taking it over was not asked for (409);
 * - `invalid_rules`: a processing rule does not fit the file's schema (422).
 */
export type PublishRefusal = 'busy' | 'too_many_warnings' | 'missing_columns' | 'take_over_needed' | 'invalid_rules';

const STATUS: Record<PublishRefusal, number> = { busy: 409, too_many_warnings: 422, missing_columns: 422, take_over_needed: 409, invalid_rules: 422 };

/** A warning of the refused publish, where it was found (a line or item number) and about which field. */
export interface RefusalWarning { position: number; field?: string; message: string }

/** A publish refused for a reason its caller can act on; the message says why and what to do. */
export class PublishRefused extends Error {
  constructor(
    readonly reason: PublishRefusal,
    message: string,
    /** For `too_many_warnings`: the first warnings, and whether positions are lines or items. */
    readonly warnings: { unit: string; first: readonly RefusalWarning[] } = { unit: 'line', first: [] },
  ) {
    super(message);
    this.name = 'PublishRefused';
  }

  /** The HTTP status that an API answering for this publish would use. */
  get status(): number {
    return STATUS[this.reason];
  }
}
