/** A query the language cannot accept, with the character position of the problem. */
export class QueryError extends Error {
  constructor(message: string, readonly position: number, readonly query: string) {
    super(message);
    this.name = 'QueryError';
  }

  /** The message, then the query (on one line, at most 100 characters around the problem) with a caret under it. */
  explain(): string {
    const flat = this.query.replace(/[\r\n\t]/g, ' ');
    const from = Math.max(0, this.position - 60);
    const shown = flat.slice(from, from + 100);
    return `${this.message} at position ${this.position}\n${shown}\n${' '.repeat(this.position - from)}^`;
  }
}
