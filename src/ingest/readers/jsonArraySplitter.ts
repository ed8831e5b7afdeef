/**
 * Splits the text of a large JSON document into the texts of the elements of one array without
 * holding the document in memory: the root array (`target: 'root'`) or the array under a key of
 * the root object (`target: 'features'` for a GeoJSON FeatureCollection). Each element's text
 * is then parsed on its own.
 */
export class JsonArraySplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private lastRootKey: string | undefined;
  private stringStart = -1;
  private stringParts: string[] = [];
  private arrayDepth = -1;
  private done = false;
  private element: string[] | undefined;
  private elementStart = -1;
  /** Within an element that is an object: how deep in its braces (0 elsewhere). */
  private objectDepth = 0;

  constructor(private readonly target: 'root' | string) {}

  /** Feeds the next chunk; returns the elements completed within it. */
  push(chunk: string): string[] {
    const out: string[] = [];
    if (this.done) return out;
    if (this.element) this.elementStart = 0;
    if (this.inString && this.depth === 1) this.stringStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      if (this.objectDepth > 0) {
        const end = this.objectEnd(chunk, i);
        if (end < 0) break;
        // The element's closing brace.
        i = end;
        this.depth--;
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92 /* \ */) this.escaped = true;
        else if (c === 34 /* " */) {
          this.inString = false;
          if (this.depth === 1 && this.stringStart >= 0) {
            this.stringParts.push(chunk.slice(this.stringStart, i));
            this.lastRootKey = this.stringParts.join('');
            this.stringParts = [];
            this.stringStart = -1;
          }
        }
        continue;
      }
      const inArray = this.arrayDepth >= 0 && this.depth === this.arrayDepth;
      if (inArray && !this.element && c !== 44 && c !== 93 && c > 32) {
        this.element = [];
        this.elementStart = i;
      }
      switch (c) {
        case 34: // "
          this.inString = true;
          if (this.depth === 1 && this.arrayDepth < 0) { this.stringStart = i + 1; this.stringParts = []; }
          break;
        case 123: case 91: // { [
          if (c === 91 && this.arrayDepth < 0 && this.isTargetArray()) this.arrayDepth = this.depth + 1;
          // An element that is an object: the rest of it is walked by objectEnd.
          if (c === 123 && inArray) this.objectDepth = 1;
          this.depth++;
          break;
        case 125: case 93: // } ]
          if (inArray && c === 93) {
            this.flush(chunk, i, out);
            this.done = true;
            return out;
          }
          this.depth--;
          break;
        case 44: // ,
          if (inArray) this.flush(chunk, i, out);
          if (this.depth === 1) this.lastRootKey = undefined;
          break;
      }
    }
    if (this.element) this.element.push(chunk.slice(this.elementStart));
    if (this.inString && this.depth === 1 && this.stringStart >= 0) this.stringParts.push(chunk.slice(this.stringStart));
    return out;
  }

  /**
   * Walks an object element from `from` to its closing brace, whose index it returns (-1 when the
   * chunk ends first). Only braces and quotes matter inside it, and `indexOf` finds each: the
   * numbers, commas and brackets of a shape's coordinates, most of a GeoJSON feature, are passed
   * over natively instead of one character at a time (the 52 MB of communes-france: about 200 ms
   * → 33–38 ms, docs/performance-history.md). A string ends at the first quote after an even run
   * of backslashes.
   */
  private objectEnd(chunk: string, from: number): number {
    const end = chunk.length;
    const next = (c: string, at: number): number => { const k = chunk.indexOf(c, at); return k < 0 ? end : k; };
    let i = from, open = -1, close = -1, quote = -1;
    while (i < end) {
      if (this.inString) {
        if (this.escaped) { this.escaped = false; i++; continue; }
        const q = next('"', i);
        let run = 0;
        while (q - run - 1 >= i && chunk.charCodeAt(q - run - 1) === 92) run++;
        if (q === end) { this.escaped = run % 2 === 1; return -1; }
        i = q + 1;
        if (run % 2 === 0) this.inString = false;
        continue;
      }
      if (open < i) open = next('{', i);
      if (close < i) close = next('}', i);
      if (quote < i) quote = next('"', i);
      const at = Math.min(open, close, quote);
      if (at === end) return -1;
      i = at + 1;
      if (at === quote) this.inString = true;
      else if (at === open) this.objectDepth++;
      else if (--this.objectDepth === 0) return at;
    }
    return -1;
  }

  /** True once the target array has been seen to its end. */
  get finished(): boolean {
    return this.done;
  }

  private isTargetArray(): boolean {
    return this.target === 'root' ? this.depth === 0 : this.depth === 1 && this.lastRootKey === this.target;
  }

  private flush(chunk: string, end: number, out: string[]): void {
    if (!this.element) return;
    this.element.push(chunk.slice(this.elementStart, end));
    out.push(this.element.join(''));
    this.element = undefined;
  }
}
