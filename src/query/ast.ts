/** Where a node came from in the query text: [start, end) character offsets. */
export interface Span { start: number; end: number }

export type FieldOperator = ':' | '=' | '==' | '>' | '<' | '>=' | '<=';

/** A literal as typed: a bare word or a quoted phrase (meaning is decided by the planner). */
export interface Literal { kind: 'word' | 'phrase'; text: string; span: Span }

/** A function argument: a literal, `*`, or `name=value` (#now). */
export type Argument =
  | Literal
  | { kind: 'star'; span: Span }
  | { kind: 'named'; name: string; value: string; span: Span };

export interface Call { kind: 'call'; name: string; args: Argument[]; span: Span }

export type QueryNode =
  | { kind: 'and' | 'or'; left: QueryNode; right: QueryNode; span: Span }
  | { kind: 'not'; operand: QueryNode; span: Span }
  | { kind: 'text'; literal: Literal; span: Span }
  | { kind: 'field'; field: string; fieldSpan: Span; op: FieldOperator; value: Literal | Call; span: Span }
  | { kind: 'range'; field: string; fieldSpan: Span; from: Literal | Call; to: Literal | Call; span: Span }
  | Call;

export const FUNCTIONS = ['now', 'null', 'exact', 'startswith', 'search', 'distance', 'polygon'] as const;
