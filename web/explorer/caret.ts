/**
 * Where a query-language error is: its line and column in the query (the API gives the 0-based
 * offset in the whole `q`, which may hold line breaks).
 */
export function caretLines(q: string, position: number): { line: string; caret: string } {
  const before = q.slice(0, position);
  const start = before.lastIndexOf('\n') + 1;
  const end = q.indexOf('\n', position);
  const line = q.slice(start, end === -1 ? q.length : end);
  return { line, caret: `${' '.repeat(position - start)}^` };
}
