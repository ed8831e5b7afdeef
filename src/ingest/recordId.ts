import { hash } from 'node:crypto';
import { DigestCounts } from './digestCounts';
import type { FieldValue } from '../model/values';

/** Whether `v` is an array of numbers and of such arrays (a shape's coordinates), without holes. */
function isNumberTree(v: unknown[]): boolean {
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (typeof x !== 'number' && !(Array.isArray(x) && isNumberTree(x))) return false;
  }
  return true;
}

/**
 * Arrays already written by JSON.stringify, by identity: a publish writes a shape's coordinates
 * once, for what it stores, and the id is made of the same text.
 */
export type WrittenArrays = ReadonlyMap<unknown, string>;

/**
 * Key order must not change the hash: objects are serialised with sorted keys. A tree of numbers
 * has no keys, and JSON.stringify writes it as this does, element by element: the coordinates of
 * a polygon are written at once, or taken from `written`.
 */
function canonical(v: unknown, written: WrittenArrays | undefined): string {
  if (Array.isArray(v)) {
    // JSON.stringify wrote `known`: with no object in it ('{'), and no undefined, hole or non-finite number ('null'), this writes the same.
    const known = written?.get(v);
    if (known !== undefined && !known.includes('{') && !known.includes('null')) return known;
    if (isNumberTree(v)) return JSON.stringify(v);
    return `[${v.map((x) => canonical(x, written)).join(',')}]`;
  }
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k], written)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * The ODS recordid: a 40-hex SHA-1 of the record's values (of its `id`-annotated fields when
 * there are any). It depends only on content, so it is stable across re-ingests. Rows with
 * identical content get the occurrence number mixed in (`<content>#2`, `#3`, …), so that no row
 * is lost. Only the contents' digests and their counts are kept (DigestCounts): a serialised
 * content is a JSON object, which no other content followed by `#n` can spell, so the n-th
 * occurrence's id is new without a record of the ids already given.
 */
export class RecordIdAllocator {
  private readonly seen = new DigestCounts();
  /** The names of the last record and its content's keys in order, quoted: records of a file mostly have the same names. */
  private lastNames: readonly string[] = [];
  private keys: ReadonlyArray<{ name: string; quoted: string }> = [];

  constructor(private readonly idFields: readonly string[] | undefined) {}

  /** The id of the record with these fields; `written` holds the text of arrays among them already written (JSON.stringify's). */
  next(fields: Record<string, FieldValue>, written?: WrittenArrays): string {
    const names = this.idFields && this.idFields.length > 0 ? this.idFields : Object.keys(fields);
    // The content is the object of these names' values, keys sorted (as canonical writes it).
    let content = '{';
    for (const { name, quoted } of this.keysOf(names)) {
      const value = fields[name];
      if (value === undefined) continue;
      content += `${content.length > 1 ? ',' : ''}${quoted}${canonical(value, written)}`;
    }
    content += '}';
    const id = sha1(content);
    const occurrence = this.seen.add(id);
    return occurrence === 1 ? id : sha1(`${content}#${occurrence}`);
  }

  private keysOf(names: readonly string[]): ReadonlyArray<{ name: string; quoted: string }> {
    const last = this.lastNames;
    if (names.length !== last.length || names.some((n, i) => n !== last[i])) {
      this.lastNames = [...names];
      this.keys = [...new Set(names)].sort().map((name) => ({ name, quoted: `${JSON.stringify(name)}:` }));
    }
    return this.keys;
  }
}

function sha1(s: string): string {
  return hash('sha1', s);
}
