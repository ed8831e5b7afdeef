/** Slots of 4 words: the first 96 bits of a digest, then how many times it was counted (0: empty slot). */
const WORDS = 4;
const FIRST_CAPACITY = 1 << 10;
const MAX_LOAD = 0.75;

/**
 * How many times each hex digest (SHA-1 or longer) was seen, in typed arrays rather than a Set of
 * strings: 16 bytes a slot, 21 to 32 bytes a distinct digest (24 for 1M SHA-1s), outside the V8
 * heap, where a Set of the 40-character strings takes 77 bytes of heap each, which V8 then grows
 * its next collection's limit after (a 1M-row publish kept 77 MB of them alive). A digest is known by its
 * first 96 bits: two different ones agree there with a chance of about n² / 2⁹⁷ (10⁻¹⁶ for 4M
 * digests), far below a SHA-1 collision being a concern.
 * Open addressing with linear probing; the table grows by half when three quarters full.
 */
export class DigestCounts {
  private slots = new Uint32Array(FIRST_CAPACITY * WORDS);
  private capacity = FIRST_CAPACITY;
  private used = 0;

  /** Counts `hex` once more and returns its count so far (1 the first time). */
  add(hex: string): number {
    const a = parseInt(hex.slice(0, 8), 16) >>> 0;
    const b = parseInt(hex.slice(8, 16), 16) >>> 0;
    const c = parseInt(hex.slice(16, 24), 16) >>> 0;
    const at = this.find(a, b, c);
    const s = this.slots;
    if (s[at + 3] === 0) {
      s[at] = a; s[at + 1] = b; s[at + 2] = c;
      this.used++;
      s[at + 3] = 1;
      if (this.used > this.capacity * MAX_LOAD) this.grow();
      return 1;
    }
    s[at + 3]++;
    return s[at + 3];
  }

  /** The slot (word index) holding this digest, or the empty one where it would go. */
  private find(a: number, b: number, c: number): number {
    const s = this.slots;
    // A digest's bits are already uniform: its first word places it.
    let i = a % this.capacity;
    for (;;) {
      const at = i * WORDS;
      if (s[at + 3] === 0 || (s[at] === a && s[at + 1] === b && s[at + 2] === c)) return at;
      i = i + 1 === this.capacity ? 0 : i + 1;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.capacity = Math.ceil(this.capacity * 1.5);
    this.slots = new Uint32Array(this.capacity * WORDS);
    for (let at = 0; at < old.length; at += WORDS) {
      if (old[at + 3] === 0) continue;
      const to = this.find(old[at], old[at + 1], old[at + 2]);
      this.slots.set(old.subarray(at, at + WORDS), to);
    }
  }
}
