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
    let text = '{';
    for (const k of sortedKeys(o)) text += `${text.length > 1 ? ',' : ''}${JSON.stringify(k)}:${canonical(o[k], written)}`;
    return `${text}}`;
  }
  return JSON.stringify(v);
}

/** The keys of `o` whose values are defined, sorted by UTF-16 code unit; most objects (a shape's `coordinates` and `type`) come sorted, and are not sorted again. */
function sortedKeys(o: Record<string, unknown>): string[] {
  const keys = Object.keys(o).filter((k) => o[k] !== undefined);
  for (let i = 1; i < keys.length; i++) if (keys[i - 1] > keys[i]) return keys.sort();
  return keys;
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
  /**
   * Every name a record has had so far, sorted, each with its quoted key: the records of a file
   * mostly have the same names, or fewer of them (empty cells), and a name without a value is left
   * out of the content as it is for a record that lacks it.
   */
  private readonly known = new Set<string>();
  private keys: ReadonlyArray<{ name: string; quoted: string }> = [];

  constructor(private readonly idFields: readonly string[] | undefined) {
    if (idFields && idFields.length > 0) this.learn(idFields);
  }

  /** The id of the record with these fields; `written` holds the text of arrays among them already written (JSON.stringify's). */
  next(fields: Record<string, FieldValue>, written?: WrittenArrays): string {
    if (!this.idFields || this.idFields.length === 0) this.learn(Object.keys(fields));
    // The content is the object of these names' values, keys sorted (as canonical writes it).
    let content = '{';
    for (const { name, quoted } of this.keys) {
      const value = fields[name];
      // Own values only: a name such as `constructor` that this record lacks is not Object's.
      if (value === undefined || !Object.hasOwn(fields, name)) continue;
      content += `${content.length > 1 ? ',' : ''}${quoted}${canonical(value, written)}`;
    }
    content += '}';
    const id = sha1(content);
    const occurrence = this.seen.add(id);
    return occurrence === 1 ? id : sha1(`${content}#${occurrence}`);
  }

  /** Adds the names not known yet, and sorts the keys again when there were some. */
  private learn(names: readonly string[]): void {
    let added = false;
    for (const name of names) {
      if (this.known.has(name)) continue;
      this.known.add(name);
      added = true;
    }
    if (added) this.keys = [...this.known].sort().map((name) => ({ name, quoted: `${JSON.stringify(name)}:` }));
  }
}

function sha1(s: string): string {
  return hash('sha1', s);
}
