import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { RecordIdAllocator } from '../../src/ingest/recordId';

/**
 * A record's id is the SHA-1 of its content: the object of its defined values, every object's keys
 * sorted by UTF-16 code unit at every depth, written as JSON. The allocator learns the names it
 * meets and skips the sorting of objects that come sorted; over a file whose records have
 * different names, in different orders, its ids must stay those of the definition.
 */
const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');

/** The definition, written apart from the code: JSON.stringify with each object rebuilt with sorted keys. */
const sortedDeep = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(sortedDeep);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => [k, sortedDeep(o[k])]));
  }
  return v;
};
const contentOf = (fields: Record<string, unknown>): string => JSON.stringify(sortedDeep(fields));

const names = fc.constantFrom('a', 'b', 'Z', 'é', 'nom', 'geo_shape', 'code', 'constructor', 'toString', 'aa', 'a b');
// Values as JSON gives them (a member of an object may also be undefined, which counts as absent; an array never holds one).
const leaf = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean());
const orAbsent = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.oneof({ weight: 5, arbitrary: a }, { weight: 1, arbitrary: fc.constant(undefined) });
const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(names, orAbsent(tie('value')), { maxKeys: 3 })),
})).value;
const record = fc.dictionary(names, orAbsent(value), { maxKeys: 6 }).map((o) => Object.fromEntries(Object.entries(o)));

describe('record ids', () => {
  test('each id is the SHA-1 of its record\'s sorted content, its n-th repeat that of `<content>#n`', () => {
    fc.assert(fc.property(fc.array(record, { minLength: 1, maxLength: 12 }), (records) => {
      const alloc = new RecordIdAllocator(undefined);
      const seen = new Map<string, number>();
      for (const fields of records) {
        const content = contentOf(fields);
        const n = (seen.get(content) ?? 0) + 1;
        seen.set(content, n);
        expect(alloc.next(fields as never)).toBe(sha1(n === 1 ? content : `${content}#${n}`));
      }
    }), { numRuns: 1500 });
  });

  test('with id fields, only their own values count', () => {
    fc.assert(fc.property(fc.uniqueArray(names, { minLength: 1, maxLength: 4 }), fc.array(record, { minLength: 1, maxLength: 8 }), (idFields, records) => {
      const alloc = new RecordIdAllocator(idFields);
      const seen = new Map<string, number>();
      for (const fields of records) {
        const picked = Object.fromEntries(idFields.filter((k) => Object.hasOwn(fields, k)).map((k) => [k, fields[k]]));
        const content = contentOf(picked);
        const n = (seen.get(content) ?? 0) + 1;
        seen.set(content, n);
        expect(alloc.next(fields as never)).toBe(sha1(n === 1 ? content : `${content}#${n}`));
      }
    }), { numRuns: 1000 });
  });
});
