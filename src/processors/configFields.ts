import { z } from 'zod';
import { TECHNICAL_NAME, TECHNICAL_NAME_RULE } from '../model/descriptor';

/** "required" when the key is missing, zod's own message otherwise. */
const requiredOr = (otherwise: string) => (issue: { input?: unknown }): string => (issue.input === undefined ? 'required' : otherwise);

/** A field's technical name (src/model/descriptor.ts), with what it is for. */
export const fieldName = (description: string) =>
  z.string({ error: requiredOr('must be a string') }).regex(TECHNICAL_NAME, TECHNICAL_NAME_RULE).describe(description);

/** The `field` option of every capability: which geo field the rule reads. */
export const sourceFieldOption = (accepted: string) =>
  fieldName(`The field to read, of type ${accepted} (default: the dataset's first field of that type)`).optional();

/** A positive number of metres, with its upper bound. */
export const metres = (description: string, max: number) =>
  z
    .number({ error: requiredOr('must be a number of metres') })
    .gt(0, 'must be more than 0 metres')
    .max(max, `must be at most ${max} metres`)
    .describe(description);
