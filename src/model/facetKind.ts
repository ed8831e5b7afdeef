import type { AggregationsAggregationContainer } from '@elastic/elasticsearch/lib/api/types';
import type { FieldDef } from './descriptor';
import type { Predicate } from './predicate';

export type Agg = AggregationsAggregationContainer;

/** A facet path as a kind understands it: its canonical text (what `path` shows) and its depth. */
export interface FacetPath { path: string; depth: number }

/** One bucket of one level, as read back: its full path and its count. */
export interface LevelBucket { path: string; count: number }

/**
 * What a facet kind needs to know about the request: the field, where its typed value is indexed
 * (`v.<f>` for records, a top-level key for the catalog), the request zone, the ES ordering
 * of a level and, with a `facetlimit`, how many buckets a level needs.
 */
export interface FacetContext {
  field: FieldDef;
  valuePath: string;
  /** Where a number's sortable key is indexed (`k.<f>`), when the index keeps one: its levels count the key, faster. */
  keyPath?: string;
  timeZone: string;
  order: Record<string, 'asc' | 'desc'>[];
  /** The most buckets a level asks Elasticsearch for, when fewer than the kind's own cap. */
  size?: number;
}

/**
 * One kind of facet (Searchkit's model): how a path selects records, how one level is aggregated
 * and read back, and how paths nest. Dates are year/month/day; hierarchical text splits on its
 * separator; every other facet is one flat level.
 */
export interface FacetKind {
  maxDepth: number;
  /** A refine/exclude value → its canonical path, or undefined when it cannot be a path of this facet. */
  parsePath(ctx: FacetContext, raw: string): FacetPath | undefined;
  /**
   * The records under a path (the value itself, or the whole subtree). A path's records are among
   * its parent's (src/compile/facetAggregations.ts counts on it).
   */
  select(ctx: FacetContext, path: FacetPath): Predicate;
  /** The aggregation of one level (depth ≥ 1). */
  level(ctx: FacetContext, depth: number): Agg;
  /** The buckets of one level's aggregation result. */
  read(ctx: FacetContext, result: unknown): LevelBucket[];
  /** The display name of a path: its last level. */
  nameOf(ctx: FacetContext, path: string): string;
  /** True when `path` is directly or indirectly under `parent`. */
  isUnder(ctx: FacetContext, parent: string, path: string): boolean;
  /** The path one level up, if any. */
  parentOf(ctx: FacetContext, path: string): string | undefined;
}
