import type { Span } from '../../query/ast';
import type { Cql2Scalar } from '../../query/cql2/cql2Ast';
import { QueryError } from '../../query/queryError';
import type { FilterCrs } from '../../model/featuresRequest';
import type { Predicate } from '../../model/predicate';
import type { QueryField, QuerySchema } from '../../model/querySchema';

export interface Cql2Options {
  /** The queryables: every property a filter may name, and where its values live in the index. */
  schema: QuerySchema;
  /** The zone in which a DATE is a day on a datetime property. */
  timeZone: string;
  crs: FilterCrs;
}

/** What every step of planning a filter shares: the options, the filter's text for errors. */
export class Cql2Context {
  constructor(readonly options: Cql2Options, readonly text: string) {}

  fail(message: string, span: Span): never {
    throw new QueryError(message, span.start, this.text);
  }

  /** A queryable by name, or an error naming the unknown property and listing the queryables. */
  resolve(p: Extract<Cql2Scalar, { kind: 'property' }>): QueryField {
    const field = this.options.schema.fields.get(p.name);
    if (field) return field;
    const known = [...this.options.schema.fields.keys()];
    const shown = known.length > 20 ? `${known.slice(0, 20).join(', ')}, …` : known.join(', ');
    return this.fail(`unknown property "${p.name.slice(0, 100)}" (queryables: ${shown})`, p.span);
  }

  /** The path holding a property's whole value, or an error. */
  valuePath(field: QueryField, span: Span): string {
    return field.value ?? this.fail(`property "${field.name}" has no whole value to compare`, span);
  }
}

/**
 * A predicate that is false where the property has no value (CQL2's three-valued logic: a
 * comparison with a null is unknown, and so is its negation): the records with a value for which
 * `p` does not hold.
 */
export const notHolding = (field: QueryField, p: Predicate): Predicate => ({
  kind: 'and', clauses: [{ kind: 'not', clause: { kind: 'missing', path: field.exists } }, { kind: 'not', clause: p }],
});
