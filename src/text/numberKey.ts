/**
 * A number as 16 hexadecimal digits whose order as text is the numbers' order: its IEEE 754
 * double, big-endian, with the sign bit set for a positive number and every bit flipped for a
 * negative one (−0 is written as 0). A record index keeps it as a keyword beside a facet's
 * number (`k.<f>`), because Elasticsearch counts keyword values faster than numbers: it reads a
 * match-all count off its terms dictionary.
 */
const scratch = new DataView(new ArrayBuffer(8));
const SIGN = 0x80000000;

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

export function numberKey(n: number): string {
  scratch.setFloat64(0, n === 0 ? 0 : n);
  const high = scratch.getUint32(0), low = scratch.getUint32(4);
  return (high & SIGN) !== 0 ? hex8(~high >>> 0) + hex8(~low >>> 0) : hex8((high | SIGN) >>> 0) + hex8(low);
}

const KEY = /^[0-9a-f]{16}$/;

/** The number a key stands for, or undefined when the text is no key. */
export function numberOfKey(key: string): number | undefined {
  if (!KEY.test(key)) return undefined;
  const high = parseInt(key.slice(0, 8), 16), low = parseInt(key.slice(8), 16);
  const positive = (high & SIGN) !== 0;
  scratch.setUint32(0, positive ? (high & ~SIGN) >>> 0 : ~high >>> 0);
  scratch.setUint32(4, positive ? low : ~low >>> 0);
  return scratch.getFloat64(0);
}
