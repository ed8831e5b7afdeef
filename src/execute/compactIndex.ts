import type { Client } from '@elastic/elasticsearch';
import { SEGMENTS_PER_TIER } from './versionedIndex';

/** How long compactWhenPrunable waits at most, and between two looks. */
export const COMPACT_WAIT_MS = 120_000, COMPACT_POLL_MS = 2_000;

interface ShardCopy { seq_no?: { max_seq_no?: number }; retention_leases?: { leases?: Array<{ retaining_seq_no: number }> } }

/** Whether every copy's retention leases have passed its last operation: nothing is kept for replaying them any more. */
const prunable = (copies: readonly ShardCopy[]): boolean => copies.length > 0 && copies.every((c) => {
  const max = c.seq_no?.max_seq_no, leases = c.retention_leases?.leases ?? [];
  return max !== undefined && leases.every((l) => l.retaining_seq_no > max);
});

const pause = (ms: number): Promise<void> => new Promise((resolve) => { setTimeout(resolve, ms).unref(); });

/**
 * Merges a record index version into one segment once Elasticsearch may drop what it keeps only
 * to replay operations. A document whose `_source` leaves something out (a record's `v`, `t`,
 * `h` and the written texts always are) is also kept whole as `_recovery_source`, in the same
 * compressed blocks as `_source`, until its retention lease passes it (Elasticsearch renews
 * leases about every 30 s), a commit (flush) has made it safe, and a merge runs. A version loaded
 * once is never merged again by itself, so every read of `_source` would decompress that copy too: a scan of communes-france's index took
 * 1.21–1.33 s with it and 0.81–0.98 s after this merge. Resolves to whether the merge was asked
 * for (it then runs in Elasticsearch); never rejects: an index left unmerged answers the same.
 * Its pauses do not keep the process alive. Either way, the merges held back while the version
 * loaded are given back to Elasticsearch (LOADING_SEGMENTS_PER_TIER).
 */
export async function compactWhenPrunable(es: Client, index: string, waitMs = COMPACT_WAIT_MS, pollMs = COMPACT_POLL_MS): Promise<boolean> {
  try {
    for (const until = Date.now() + waitMs; Date.now() < until; await pause(pollMs)) {
      const stats = await es.indices.stats({ index, level: 'shards', filter_path: ['indices.*.shards.*.seq_no', 'indices.*.shards.*.retention_leases'] });
      const shards = Object.values((stats.indices?.[index]?.shards ?? {}) as Record<string, ShardCopy[]>);
      if (shards.length > 0 && shards.every(prunable)) {
        // A merge keeps the copy of what the last commit has not made safe, whatever the leases: the
        // flush commits every operation first (without it, the merged segment kept the whole copy).
        await es.indices.flush({ index });
        await es.indices.forcemerge({ index, max_num_segments: 1, wait_for_completion: false });
        return true;
      }
    }
  } catch {
    // The index went away, or Elasticsearch did: nothing to merge, nothing lost.
  } finally {
    // Merges held back while the version loaded (LOADING_SEGMENTS_PER_TIER) are Elasticsearch's own again.
    await es.indices.putSettings({ index, settings: { [SEGMENTS_PER_TIER]: null } }).catch(() => undefined);
  }
  return false;
}
