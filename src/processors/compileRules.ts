import type { FieldDef } from '../model/descriptor';
import type { Rule, RuleReport, RuleWarning } from '../model/rule';
import type { FieldValue } from '../model/values';
import { planRules } from './planRules';

/**
 * Rules ready for a publish: the schema after them (the dataset's fields, then the ones the rules
 * add, with source `{ derived: rule }`), and `apply`, which runs them in order on one record's
 * typed fields, in place.
 */
export interface CompiledRules {
  ok: true;
  fields: FieldDef[];
  /** Runs every rule on one record; a rule that fails on it leaves its output out and gives a warning. Never throws. */
  apply(fields: Record<string, FieldValue>): RuleWarning[];
}

/**
 * Compiles a dataset's rules against its schema (as resolved from the source file), or gives the
 * reports of `validateRules` when any rule is invalid: a publish never runs half its rules.
 * Ingest reads no column for a derived field (src/ingest/buildRecord.ts skips them); the publish
 * calls `apply` on each built record before it is stored and indexed.
 */
export function compileRules(rules: readonly Rule[], schema: readonly FieldDef[]): CompiledRules | { ok: false; reports: RuleReport[] } {
  const { reports, steps, fields } = planRules(rules, schema);
  if (reports.some((r) => !r.valid)) return { ok: false, reports };
  return {
    ok: true,
    fields,
    apply(record) {
      const warnings: RuleWarning[] = [];
      for (const { rule, step } of steps) {
        let message: string | undefined;
        try {
          message = step.run(record);
        } catch (error) {
          message = `cannot be computed: ${error instanceof Error ? error.message : String(error)}`;
        }
        if (message !== undefined) warnings.push({ rule, field: step.field, message });
      }
      return warnings;
    },
  };
}
