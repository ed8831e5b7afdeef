/** A text to encode: UTF-8, or Latin-1 where it is known to hold one byte a character (base64). */
export interface TextPiece {
  readonly text: string;
  readonly latin1: boolean;
}

/** From this many UTF-16 units, a piece is measured before it is written rather than given three bytes a unit. */
const MEASURED_FROM = 64 * 1024;

/**
 * The most bytes a piece can take once encoded: UTF-8 writes at most three bytes per UTF-16 unit.
 * A long text is measured instead, so that a large shape does not make the buffer three times its size.
 */
const mostBytes = (p: TextPiece): number => {
  if (p.latin1) return p.text.length;
  return p.text.length < MEASURED_FROM ? p.text.length * 3 : Buffer.byteLength(p.text);
};

/**
 * Items (a batch's lines, a batch's documents) encoded into one buffer as they are made, instead of
 * being kept as texts until the batch is sent. A text that is encoded at once dies young: garbage
 * collection then no longer copies it and every text made after it from one young generation to the
 * next while the batch fills (docs/performance-history.md). `take` hands the items over as views
 * of that buffer; the next batch's buffer is taken at its first item, as large as the last batch
 * came to, so a publish grows its buffer once.
 */
export class ByteBatch {
  /** Empty until the first item of a batch: a batch that never comes (after a publish's last) takes no buffer. */
  private buffer = Buffer.alloc(0);
  private at = 0;
  private readonly ends: number[] = [];

  constructor(private capacity: number) {}

  /** Items added since the last `take`. */
  get count(): number {
    return this.ends.length;
  }

  /** Adds one item: its pieces encoded one after the other. */
  add(pieces: readonly TextPiece[]): void {
    let most = 0;
    for (const p of pieces) most += mostBytes(p);
    if (this.at + most > this.buffer.length) this.grow(this.at + most);
    for (const p of pieces) this.at += this.buffer.write(p.text, this.at, p.latin1 ? 'latin1' : 'utf8');
    this.ends.push(this.at);
  }

  /** The items added, in order, each a view of this batch's buffer; the next items go into a new one. */
  take(): Buffer[] {
    const views: Buffer[] = [];
    let start = 0;
    for (const end of this.ends) {
      views.push(this.buffer.subarray(start, end));
      start = end;
    }
    this.capacity = Math.max(this.capacity, this.at);
    this.buffer = Buffer.alloc(0);
    this.at = 0;
    this.ends.length = 0;
    return views;
  }

  private grow(needed: number): void {
    const larger = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2, this.capacity));
    this.buffer.copy(larger, 0, 0, this.at);
    this.buffer = larger;
  }
}

/**
 * The bytes of `views` one after the other: a view of their buffer when they follow each other in
 * it (a batch taken from a ByteBatch), else a copy.
 */
export function joined(views: readonly Uint8Array[]): Buffer {
  if (views.length === 0) return Buffer.alloc(0);
  const first = views[0];
  let end = first.byteOffset + first.byteLength;
  for (let i = 1; i < views.length; i++) {
    const v = views[i];
    if (v.buffer !== first.buffer || v.byteOffset !== end) return Buffer.concat(views);
    end += v.byteLength;
  }
  return Buffer.from(first.buffer, first.byteOffset, end - first.byteOffset);
}
