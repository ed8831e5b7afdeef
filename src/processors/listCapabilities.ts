import { z } from 'zod';
import { CAPABILITIES } from './capabilities';

/** A capability as `GET capabilities` lists it: its config as a JSON Schema, made from its zod schema. */
export interface CapabilityInfo {
  name: string;
  description: string;
  config: Record<string, unknown>;
}

/**
 * Every processor with the JSON Schema (draft 2020-12) of its config: the schema of what a client
 * sends (`io: 'input'`), with each option's description. Checks that JSON Schema cannot say (a
 * known CRS, "at least one of") are in the descriptions and in `validate`'s messages.
 */
export function listCapabilities(): CapabilityInfo[] {
  return [...CAPABILITIES.values()].map((p) => ({
    name: p.name,
    description: p.description,
    config: z.toJSONSchema(p.configSchema, { io: 'input' }) as Record<string, unknown>,
  }));
}
