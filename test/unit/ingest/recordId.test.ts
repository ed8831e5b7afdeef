import { createHash } from 'node:crypto';
import { RecordIdAllocator } from '../../../src/ingest/recordId';

const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');

describe('RecordIdAllocator', () => {
  test('the SHA-1 of the values with sorted keys, whatever their order', () => {
    const a = new RecordIdAllocator(undefined).next({ b: 2, a: 'x' });
    const b = new RecordIdAllocator(undefined).next({ a: 'x', b: 2 });
    expect(a).toBe(sha1('{"a":"x","b":2}'));
    expect(b).toBe(a);
  });

  test('identical rows get distinct, stable ids', () => {
    const ids = (): string[] => { const alloc = new RecordIdAllocator(undefined); return [alloc.next({ a: 1 }), alloc.next({ a: 1 }), alloc.next({ a: 2 })]; };
    const first = ids();
    expect(new Set(first).size).toBe(3);
    expect(first[1]).toBe(sha1('{"a":1}#2'));
    expect(ids()).toEqual(first);
  });

  test('id-annotated fields alone decide the id', () => {
    const alloc = new RecordIdAllocator(['code']);
    expect(alloc.next({ code: '01', nom: 'A' })).toBe(sha1('{"code":"01"}'));
  });
});
