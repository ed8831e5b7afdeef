/** A bound of a range: a number, or a date (`YYYY-MM-DD`) or instant (ISO 8601, UTC) as text. */
export type Bound = number | string;

export interface RangeBounds { gte?: Bound; gt?: Bound; lte?: Bound; lt?: Bound }

/** A piece of a LIKE pattern: text matched as it is, any run of characters (`%`), or one character (`_`). */
export type LikePart = { kind: 'text'; text: string } | { kind: 'anyChars' } | { kind: 'oneChar' };

/** How the words of a text are matched: each a word prefix (`film`), whole words in order (`"film"`), or all whole words but the last, a prefix (#search). */
export type WordsMatch = 'prefix' | 'phrase' | 'lastPrefix';

/**
 * What a query means once every field is resolved and every literal typed: the planner's output,
 * the compiler's input. Paths are index paths (`v.f`, `t.f`, `all_text`); texts are already
 * folded where the index holds folded text.
 */
export type Predicate =
  | { kind: 'and' | 'or'; clauses: Predicate[] }
  | { kind: 'not'; clause: Predicate }
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'words'; paths: string[]; text: string; match: WordsMatch }
  | { kind: 'term'; path: string; value: string | number }
  | { kind: 'range'; path: string; bounds: RangeBounds; format?: 'strict_date' | 'strict_date_optional_time' }
  | { kind: 'prefix'; path: string; value: string }
  | { kind: 'like'; path: string; pattern: LikePart[] }
  | { kind: 'missing'; path: string }
  | { kind: 'distance'; path: string; lat: number; lon: number; metres: number }
  | { kind: 'polygon'; path: string; ring: Array<[number, number]> }
  | { kind: 'bbox'; path: string; south: number; west: number; north: number; east: number };
