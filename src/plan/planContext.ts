import type { Literal, Span } from '../query/ast';
import { QueryError } from '../query/queryError';
import { fold } from '../text/fold';
import type { Predicate, WordsMatch } from '../model/predicate';
import { isGeo, QueryField, QuerySchema } from '../model/querySchema';

export const PLAN_LIMITS = { maxPrefixes: 256 } as const;

/** Characters the standard tokenizer makes words of; a text without any is no search at all. */
const INDEXABLE = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;

export interface PlanOptions {
  schema: QuerySchema;
  /** IANA zone in which partial dates, day boundaries and #now are read. */
  timeZone: string;
  /** The current instant, in UTC milliseconds (injected: the planner never reads a clock). */
  now: number;
}

/** What every planning step shares: the schema, the request's zone and clock, and the query text for errors. */
export class PlanContext {
  private prefixes = 0;

  constructor(readonly options: PlanOptions, readonly query: string) {}

  fail(message: string, span: Span): never {
    throw new QueryError(message, span.start, this.query);
  }

  /** A declared field, or an error naming the unknown one. */
  resolve(name: string, span: Span): QueryField {
    const field = this.options.schema.fields.get(name);
    if (field) return field;
    const known = [...this.options.schema.fields.keys()];
    const shown = known.length > 12 ? `${known.slice(0, 12).join(', ')}, …` : known.join(', ');
    return this.fail(`unknown field "${name}" (fields: ${shown})`, span);
  }

  /** The first geo field of the schema (the older `#distance("lat,lon", m)` form). */
  firstGeoField(span: Span): QueryField {
    const field = [...this.options.schema.fields.values()].find((f) => isGeo(f.type));
    return field ?? this.fail('this dataset has no geographic field', span);
  }

  /** Folded words searched in `paths`; null when the text holds nothing the index has words for (`-`, `&`). */
  words(paths: string[], literal: Literal, match?: WordsMatch): Predicate | null {
    const text = fold(literal.text).trim();
    if (!INDEXABLE.test(text)) return null;
    // A word ending in punctuation (`C++`, `AT&T.`) was typed whole: its last word is no prefix.
    const typedWhole = literal.kind === 'phrase' || !INDEXABLE.test(text[text.length - 1]);
    const how = match ?? (typedWhole ? 'phrase' : 'prefix');
    if (how !== 'phrase' && ++this.prefixes > PLAN_LIMITS.maxPrefixes) {
      this.fail(`query has more than ${PLAN_LIMITS.maxPrefixes} prefix searches; quote words to search them whole`, literal.span);
    }
    return { kind: 'words', paths, text, match: how };
  }

  /** Counts a prefix search that is not made of words (#startswith). */
  countPrefix(span: Span): void {
    if (++this.prefixes > PLAN_LIMITS.maxPrefixes) this.fail(`query has more than ${PLAN_LIMITS.maxPrefixes} prefix searches`, span);
  }
}
