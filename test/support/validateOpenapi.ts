import { execFileSync } from 'node:child_process';

/** What @scalar/openapi-parser says of a document: valid or not, and its errors. */
export interface OpenapiVerdict { valid: boolean; errors: unknown[] }

// @scalar/openapi-parser is an ES module, which jest's CommonJS runtime cannot load: it runs in a node of its own.
const SCRIPT = `
import { validate } from '@scalar/openapi-parser';
let text = '';
for await (const chunk of process.stdin) text += chunk;
const { valid, errors } = await validate(JSON.parse(text));
process.stdout.write(JSON.stringify({ valid, errors: errors ?? [] }));
`;

/** Validates an OpenAPI document with @scalar/openapi-parser, in a child node process. */
export function validateOpenapi(doc: unknown): OpenapiVerdict {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { input: JSON.stringify(doc), cwd: process.cwd(), maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.toString('utf8')) as OpenapiVerdict;
}
