import type { z } from 'zod';
import type { FieldDef } from '../model/descriptor';
import type { FieldValue } from '../model/values';
import { configErrors } from './configErrors';

/**
 * One rule made ready to run: the field it reads, the fields it adds to the schema, and what it
 * does to one record's typed fields (in place). `run` gives a message when it could not do its
 * work on that record (the record is kept, without the rule's output); it never throws.
 */
export interface Step {
  field: string;
  added: FieldDef[];
  run(fields: Record<string, FieldValue>): string | undefined;
}

export type Planned = { ok: true; step: Step } | { ok: false; errors: string[] };

/** What a rule knows when it is checked: its name and the schema left by the rules before it. */
export interface RuleContext {
  rule: string;
  schema: readonly FieldDef[];
}

/**
 * A processor as the registry holds it: its public name and description, the zod schema of its
 * config (a strict object, so that an unknown key is refused and its JSON Schema says
 * `additionalProperties: false`), and `check`, which parses a config and checks it against the
 * schema so far (source field, types, new names), giving the step or every error.
 */
export interface Processor {
  name: string;
  description: string;
  configSchema: z.ZodObject;
  check(config: unknown, context: RuleContext): Planned;
}

/** A processor as written: `plan` receives the config already parsed by its own schema. */
export interface Capability<S extends z.ZodObject> {
  name: string;
  description: string;
  configSchema: S;
  plan(config: z.output<S>, context: RuleContext): Planned;
}

/** Wraps a capability for the registry: config errors come first, each with its path. */
export function processor<S extends z.ZodObject>(capability: Capability<S>): Processor {
  return {
    name: capability.name,
    description: capability.description,
    configSchema: capability.configSchema,
    check(config, context) {
      const parsed = capability.configSchema.safeParse(config ?? {});
      return parsed.success ? capability.plan(parsed.data, context) : { ok: false, errors: configErrors(parsed.error, capability.configSchema) };
    },
  };
}
