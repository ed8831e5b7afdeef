import { createHash } from 'node:crypto';
import { DigestCounts } from '../../../src/ingest/digestCounts';
import { RecordIdAllocator } from '../../../src/ingest/recordId';

const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');

describe('DigestCounts', () => {
  test('counts each digest like a Map of strings does, across the table growing many times', () => {
    const counts = new DigestCounts();
    const expected = new Map<string, number>();
    // 20,000 distinct digests (the table starts at 1,024 slots), each seen one to three times, interleaved.
    for (let round = 1; round <= 3; round++) {
      for (let i = 0; i < 20_000; i++) {
        if (i % 3 < round - 1) continue;
        const hex = sha1(String(i));
        const n = (expected.get(hex) ?? 0) + 1;
        expected.set(hex, n);
        expect(counts.add(hex)).toBe(n);
      }
    }
    expect(expected.size).toBe(20_000);
  });

  test('digests equal in their first 64 bits and different after are told apart', () => {
    const counts = new DigestCounts();
    expect(counts.add('00000000000000000000000000000000000000aa')).toBe(1);
    expect(counts.add('0000000000000000000000010000000000000000')).toBe(1);
    expect(counts.add('00000000000000000000000000000000000000aa')).toBe(2);
  });
});

describe('RecordIdAllocator with duplicates', () => {
  // The rule written out: the first id not given yet among sha1(content), sha1(content#2), sha1(content#3), …
  function referenceIds(contents: string[]): string[] {
    const given = new Set<string>();
    return contents.map((content) => {
      let id = sha1(content);
      for (let n = 2; given.has(id); n++) id = sha1(`${content}#${n}`);
      given.add(id);
      return id;
    });
  }

  test('gives the ids of the first-free rule, on 97 contents repeated about 30 times each, interleaved', () => {
    const values = Array.from({ length: 3_000 }, (_, i) => (i * 7919) % 97);
    const alloc = new RecordIdAllocator(undefined);
    const ours = values.map((v) => alloc.next(v % 2 === 0 ? { a: v, b: 'x' } : { a: v }));
    const expected = referenceIds(values.map((v) => (v % 2 === 0 ? `{"a":${v},"b":"x"}` : `{"a":${v}}`)));
    expect(ours).toEqual(expected);
    expect(new Set(ours).size).toBe(3_000);
  });
});
