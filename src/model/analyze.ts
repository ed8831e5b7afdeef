import type { FieldDef } from './descriptor';
import type { Predicate } from './predicate';
import type { Expr } from '../query/expression';

export const FUNCS = ['COUNT', 'AVG', 'SUM', 'MIN', 'MAX', 'STDDEV', 'SUMSQUARES'] as const;
export type Func = (typeof FUNCS)[number];

export const DATE_PARTS = ['year', 'month', 'week', 'weekday', 'day', 'hour', 'minute'] as const;
export type DatePart = (typeof DATE_PARTS)[number];

/** One grouping of analyze: the values of a field, or a date field cut into parts (`{year, month}`, `{weekday}`). */
export type XSource =
  | {
    kind: 'terms';
    field: FieldDef;
    /** Where a number's sortable key is indexed (`k.<f>`), when the index keeps one: grouped by the key. */
    keyPath?: string;
  }
  | { kind: 'date'; field: FieldDef; parts: DatePart[]; interval: 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute'; timeZone: string };

/** One series (`y.<name>`): a function of a field or of an expression over fields. */
export interface Series { name: string; func: Func; expr?: Expr; field?: string; cumulative: boolean }

export interface AnalyzePlan {
  index: string;
  query: Predicate;
  xs: XSource[];
  series: Series[];
  /** Fields read record by record, for series whose expression is more than a field (empty: every series is a field). */
  valueFields: string[];
  sort?: { by: 'x' | string; descending: boolean };
  /** The most points to answer (always > 0); absent: every point, the bucket limit being the only cap. */
  maxpoints?: number;
}

/** A point of the answer: its x (a value, or an object of parts/fields) and each series' value. */
export interface AnalyzePoint { x?: unknown; order: Array<string | number>; values: Record<string, number | null> }

/** What every function needs, and what can be added up across buckets folded together. */
export interface Acc { docs: number; n: number; sum: number; sumsq: number; min: number; max: number }
