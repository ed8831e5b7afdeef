import type { FieldDef } from '../model/descriptor';
import type { Rule, RuleReport } from '../model/rule';
import { planRules } from './planRules';

/**
 * The dry run of `validate`: for each rule, in order, whether it is valid against the dataset's
 * schema and why not (unknown capability, config errors with their path, a missing or mistyped
 * source field, a new field that clashes, an unknown CRS). No rule is run.
 */
export function validateRules(rules: readonly Rule[], schema: readonly FieldDef[]): RuleReport[] {
  return planRules(rules, schema).reports;
}
