/** The lines of a bulk request's body as the client is given it: lines (objects or texts), or ndjson bytes. */
export function bulkLines(operations: unknown): string[] {
  if (Buffer.isBuffer(operations)) return operations.toString('utf8').split('\n').slice(0, -1);
  return (operations as Array<object | string>).map((line) => (typeof line === 'string' ? line : JSON.stringify(line)));
}

/** The same body without its last document (its action and source lines), in the form it was given (typed as the client's lines, as bulkIndex gives its bytes). */
export function withoutLastDocument(operations: unknown): unknown[] {
  if (!Buffer.isBuffer(operations)) return (operations as unknown[]).slice(0, -2);
  const lines = bulkLines(operations);
  return Buffer.from(lines.slice(0, -2).map((line) => `${line}\n`).join('')) as unknown as unknown[];
}
