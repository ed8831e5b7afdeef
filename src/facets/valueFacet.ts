import { AppError } from '../errors/catalogue';
import type { FacetKind } from '../model/facetKind';
import { numberOfKey } from '../text/numberKey';

/** Most values one facet level lists (landscape §4.4 #27). */
export const MAX_FACET_VALUES = 1000;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?$/;

interface TermsResult { buckets?: Array<{ key: string | number; key_as_string?: string; doc_count: number }> }

/**
 * A flat facet on a text (keyword value), int or double field: one level, each value its own path.
 * A number is counted by its sortable key when the index keeps one (`keyPath`): in the key's text
 * order, which is the numbers' order, so Elasticsearch sends the same buckets.
 */
export const valueFacet: FacetKind = {
  maxDepth: 1,
  parsePath(ctx, raw) {
    if (ctx.field.type === 'text') return { path: raw.normalize('NFC'), depth: 1 };
    const n = NUMBER.test(raw.trim()) ? Number(raw) : Number.NaN;
    return Number.isFinite(n) ? { path: String(n), depth: 1 } : undefined;
  },
  select(ctx, p) {
    const value = ctx.field.type === 'text' ? p.path : Number(p.path);
    if (ctx.field.type === 'int' && !Number.isSafeInteger(value)) return { kind: 'none' };
    return { kind: 'term', path: ctx.valuePath, value };
  },
  level(ctx, depth) {
    if (depth !== 1) throw new AppError('internal', 'a value facet has one level');
    return { terms: { field: ctx.keyPath ?? ctx.valuePath, size: ctx.size ?? MAX_FACET_VALUES, min_doc_count: 1, order: ctx.order } };
  },
  read(ctx, result) {
    const buckets = (result as TermsResult).buckets ?? [];
    if (ctx.keyPath === undefined) return buckets.map((b) => ({ path: String(b.key), count: b.doc_count }));
    return buckets.flatMap((b) => {
      const n = numberOfKey(String(b.key));
      return n === undefined ? [] : [{ path: String(n), count: b.doc_count }];
    });
  },
  nameOf: (_ctx, path) => path,
  isUnder: () => false,
  parentOf: () => undefined,
};
