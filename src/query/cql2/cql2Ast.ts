import type { Span } from '../ast';

/** A value operand: a property, or a literal of one of CQL2's scalar types (DATE and TIMESTAMP keep their text). */
export type Cql2Scalar =
  | { kind: 'property'; name: string; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'boolean'; value: boolean; span: Span }
  | { kind: 'date'; text: string; span: Span }
  | { kind: 'timestamp'; text: string; span: Span };

/** A position as written in WKT: x then y, in the axis order of `filter-crs`. */
export type Cql2Position = [number, number];

/** A geometry literal (WKT, or BBOX's four or six numbers in the axis order of `filter-crs`). */
export type Cql2Geometry =
  | { kind: 'point'; position: Cql2Position; span: Span }
  | { kind: 'polygon'; rings: Cql2Position[][]; span: Span }
  | { kind: 'bbox'; numbers: number[]; span: Span };

export type Cql2Spatial = Extract<Cql2Scalar, { kind: 'property' }> | Cql2Geometry;

export const COMPARISONS = ['=', '<>', '<', '<=', '>', '>='] as const;
export type Cql2Comparison = (typeof COMPARISONS)[number];

/**
 * A CQL2 text filter as written (Basic CQL2, advanced comparison operators, S_INTERSECTS):
 * every node keeps its span. `negated` is the `NOT` inside `NOT LIKE`, `NOT IN`, `NOT BETWEEN`
 * and `IS NOT NULL`; a `NOT` before a predicate is its own node.
 */
export type Cql2Node =
  | { kind: 'and' | 'or'; operands: Cql2Node[]; span: Span }
  | { kind: 'not'; operand: Cql2Node; span: Span }
  | { kind: 'literal'; value: boolean; span: Span }
  | { kind: 'compare'; op: Cql2Comparison; left: Cql2Scalar; right: Cql2Scalar; span: Span }
  | { kind: 'like'; negated: boolean; operand: Cql2Scalar; pattern: Cql2Scalar; span: Span }
  | { kind: 'between'; negated: boolean; operand: Cql2Scalar; low: Cql2Scalar; high: Cql2Scalar; span: Span }
  | { kind: 'in'; negated: boolean; operand: Cql2Scalar; list: Cql2Scalar[]; span: Span }
  | { kind: 'isNull'; negated: boolean; operand: Cql2Scalar; span: Span }
  | { kind: 'intersects'; left: Cql2Spatial; right: Cql2Spatial; span: Span };
