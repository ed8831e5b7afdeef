import { z } from 'zod';

/** A rule's name: it names the fields the rule adds (their source is `{ derived: name }`) and its warnings. */
export const RULE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/**
 * A processing rule of a dataset: one named step run at publish time, once each record is typed.
 * `capability` names a processor (src/processors) and `config` is checked against that
 * processor's own schema, so here it is only "some JSON". A dataset holds an ordered list of
 * them: a rule may read a field that an earlier one added.
 */
export const ruleSchema = z.strictObject({
  name: z.string().regex(RULE_NAME, 'must be lower-case letters, digits, - or _, starting with a letter or digit (at most 64)'),
  capability: z.string().min(1, 'must name a capability'),
  config: z.unknown(),
});
export type Rule = z.infer<typeof ruleSchema>;

/** A dataset's rules, in the order they run. */
export const rulesSchema = z.array(ruleSchema);

/** What checking one rule against a dataset's schema says, without running it. */
export interface RuleReport {
  name: string;
  capability: string;
  valid: boolean;
  /** Public messages; a config error starts with its path (`config.distance: …`). */
  errors: string[];
}

/** A rule that could not do its work on one record (e.g. an invalid geometry): the record is kept. */
export interface RuleWarning {
  rule: string;
  field: string;
  message: string;
}
