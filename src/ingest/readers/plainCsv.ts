/** One row of cells, and the line (1-based) its last cell ends on. */
export interface CsvRow {
  cells: string[];
  lastLine: number;
}

const QUOTE = 0x22, CR = 0x0d, LF = 0x0a;
/** A record still incomplete at the end of what was pushed is read again from its start with the next text; past this many characters, the reading gives up. */
const MAX_CARRIED = 1 << 20;

/** The outcome of reading one record at a position. */
type Step = { row: CsvRow; next: number; lines: number } | 'more' | 'irregular';

/**
 * A CSV reader for regular text, which is most files, much faster than csv-parse: cells split on
 * one delimiter, quoted cells with doubled quotes and line breaks inside, a quote inside an
 * unquoted cell kept as it is, records ending on the line break the first one ends on (CRLF, LF
 * or CR). Rows and lines are what csv-parse gives with `relax_column_count`, `relax_quotes` and
 * `skip_empty_lines: false` on the same text (a property test holds it to that).
 *
 * It reads no further than the regular part: at a closing quote followed by something else than
 * a delimiter or a line break, a quote left open at the end, a record of more than a million
 * characters or a line break of another kind than the first, `push` and `end` answer `irregular`,
 * and the rest is for csv-parse, which has a rule for each (csvRows reads the text again with it,
 * past the rows already given).
 */
export class PlainCsv {
  private carried = '';
  /** The line the next record starts on. */
  private line = 1;
  /** The record delimiter, once the first record has ended. */
  private newline: '\r\n' | '\n' | '\r' | undefined;
  private readonly delimiter: number;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** The records `text` completes, in order; `irregular` once the text leaves what this reads. */
  push(text: string): CsvRow[] | 'irregular' {
    return this.read(this.carried + text, false);
  }

  /** The last record, when the text does not end with a line break. */
  end(): CsvRow[] | 'irregular' {
    return this.carried === '' ? [] : this.read(this.carried, true);
  }

  private read(text: string, atEnd: boolean): CsvRow[] | 'irregular' {
    const rows: CsvRow[] = [];
    let at = 0;
    while (at < text.length) {
      const step = this.record(text, at, atEnd);
      if (step === 'irregular') return step;
      if (step === 'more') break;
      rows.push(step.row);
      this.line += step.lines;
      at = step.next;
    }
    this.carried = text.slice(at);
    return this.carried.length > MAX_CARRIED ? 'irregular' : rows;
  }

  /** The record starting at `start`: its row, where the next one starts and how many line breaks it holds, its own included. */
  private record(text: string, start: number, atEnd: boolean): Step {
    const cells: string[] = [];
    let at = start;
    let lines = 0;
    for (;;) {
      let cell: string;
      if (text.charCodeAt(at) === QUOTE) {
        const close = closingQuote(text, at + 1, atEnd);
        if (close < 0) return atEnd ? 'irregular' : 'more';
        const inner = text.slice(at + 1, close);
        cell = inner.includes('"') ? inner.replaceAll('""', '"') : inner;
        lines += lineBreaks(inner);
        at = close + 1;
        if (at === text.length && !atEnd) return 'more';
        const c = text.charCodeAt(at);
        if (at < text.length && c !== this.delimiter && c !== CR && c !== LF) return 'irregular';
      } else {
        let end = at;
        for (let c = text.charCodeAt(end); end < text.length && c !== this.delimiter && c !== CR && c !== LF; c = text.charCodeAt(++end));
        if (end === text.length && !atEnd) return 'more';
        cell = text.slice(at, end);
        at = end;
      }
      cells.push(cell);
      if (at === text.length) return { row: { cells, lastLine: this.line + lines }, next: at, lines };
      if (text.charCodeAt(at) === this.delimiter) { at++; continue; }
      const newline = this.lineBreakAt(text, at, atEnd);
      if (newline === 'more' || newline === 'irregular') return newline;
      return { row: { cells, lastLine: this.line + lines }, next: at + newline.length, lines: lines + 1 };
    }
  }

  /** The record delimiter at `at`: the first one met decides it for the rest of the text. */
  private lineBreakAt(text: string, at: number, atEnd: boolean): string | 'more' | 'irregular' {
    if (text.charCodeAt(at) === CR && at + 1 === text.length && !atEnd) return 'more';
    const found = text.startsWith('\r\n', at) ? '\r\n' : text.charCodeAt(at) === CR ? '\r' : '\n';
    this.newline ??= found;
    return found === this.newline ? found : 'irregular';
  }
}

/** The quote that closes a quoted cell whose text starts at `from` (doubled quotes are part of it); -1 when it is not in `text`. */
function closingQuote(text: string, from: number, atEnd: boolean): number {
  for (let at = from; ; at += 2) {
    at = text.indexOf('"', at);
    if (at < 0) return -1;
    if (text.charCodeAt(at + 1) !== QUOTE) {
      // A quote at the very end may be the first of a pair that the next text completes.
      return at + 1 === text.length && !atEnd ? -1 : at;
    }
  }
}

/** The lines a quoted cell's text adds as csv-parse counts them there: one for each CR and each LF, a CRLF two. */
function lineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) n++;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
