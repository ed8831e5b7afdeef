import type { FieldDef } from '../model/descriptor';
import type { Rule, RuleReport } from '../model/rule';
import { CAPABILITIES, capabilityNamed } from './capabilities';
import type { Step } from './capability';

/** The rules checked in order: a report per rule, the steps of the valid ones, and the schema they leave. */
export interface PlannedRules {
  reports: RuleReport[];
  steps: Array<{ rule: string; step: Step }>;
  fields: FieldDef[];
}

/**
 * Checks each rule against the schema left by the valid rules before it, so that a rule may read
 * a field an earlier one added. A rule found invalid adds nothing: the rules after it that read
 * its fields are reported too, each with its own reason. Nothing is run.
 */
export function planRules(rules: readonly Rule[], schema: readonly FieldDef[]): PlannedRules {
  const known = [...CAPABILITIES.keys()].join(', ');
  const fields = [...schema];
  const steps: PlannedRules['steps'] = [];
  const names = new Set<string>();
  const reports = rules.map(({ name, capability, config }): RuleReport => {
    const errors = names.has(name) ? [`name: another rule is named "${name}"`] : [];
    names.add(name);
    const processor = capabilityNamed(capability);
    if (!processor) errors.push(`unknown capability "${capability}" (known: ${known})`);
    const planned = processor?.check(config, { rule: name, schema: fields });
    if (planned && !planned.ok) errors.push(...planned.errors);
    if (planned?.ok && errors.length === 0) {
      fields.push(...planned.step.added);
      steps.push({ rule: name, step: planned.step });
    }
    return { name, capability, valid: errors.length === 0, errors };
  });
  return { reports, steps, fields };
}
