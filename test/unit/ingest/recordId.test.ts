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

  test('arrays are written element by element: coordinates, lists of texts, numbers in any notation', () => {
    const zone = { type: 'Polygon', coordinates: [[[2.5, 48.125], [-0, 1e21], [0.1, -3]]] };
    expect(new RecordIdAllocator(undefined).next({ zone, tags: ['a', 'b'], mixed: [1, ['x', 2]], empty: [] } as never))
      .toBe(sha1('{"empty":[],"mixed":[1,["x",2]],"tags":["a","b"],"zone":{"coordinates":[[[2.5,48.125],[0,1e+21],[0.1,-3]]],"type":"Polygon"}}'));
  });

  test('arrays already written are taken as written: the id is the same', () => {
    const coordinates = [[[2.5, 48.1], [2.6, 48.1], [2.5, 48.1]]];
    const fields = { zone: { type: 'Polygon', coordinates }, nom: 'A' } as never;
    const canonical = sha1('{"nom":"A","zone":{"coordinates":[[[2.5,48.1],[2.6,48.1],[2.5,48.1]]],"type":"Polygon"}}');
    const written = new Map<unknown, string>([[coordinates, JSON.stringify(coordinates)]]);
    expect(new RecordIdAllocator(undefined).next(fields, written)).toBe(canonical);
    // A text JSON.stringify wrote of an array holding objects or holes is not the canonical one.
    const objects = [{ b: 1, a: 2 }];
    const holes = [1, , 2]; // eslint-disable-line no-sparse-arrays
    const odd = { objects, holes } as never;
    const stringified = new Map<unknown, string>([[objects, JSON.stringify(objects)], [holes, JSON.stringify(holes)]]);
    expect(new RecordIdAllocator(undefined).next(odd, stringified)).toBe(sha1('{"holes":[1,,2],"objects":[{"a":2,"b":1}]}'));
    // What is looked up is the array itself: a text for another array is not used.
    const other = new Map<unknown, string>([[[[1, 2]], '[[9,9]]']]);
    expect(new RecordIdAllocator(undefined).next(fields, other)).toBe(canonical);
  });

  test('identical rows get distinct, stable ids', () => {
    const ids = (): string[] => { const alloc = new RecordIdAllocator(undefined); return [alloc.next({ a: 1 }), alloc.next({ a: 1 }), alloc.next({ a: 2 })]; };
    const first = ids();
    expect(new Set(first).size).toBe(3);
    expect(first[1]).toBe(sha1('{"a":1}#2'));
    expect(ids()).toEqual(first);
  });

  test('records whose names change from one to the next: each id is made of its own names, absent values left out', () => {
    const alloc = new RecordIdAllocator(undefined);
    expect(alloc.next({ b: 1, a: 2 })).toBe(sha1('{"a":2,"b":1}'));
    expect(alloc.next({ b: 1, a: 2, c: undefined } as never)).toBe(sha1('{"a":2,"b":1}#2'));
    expect(alloc.next({ c: 'z', a: 2 })).toBe(sha1('{"a":2,"c":"z"}'));
    expect(alloc.next({ b: 1, a: 3 })).toBe(sha1('{"a":3,"b":1}'));
    // Keys sort by UTF-16 code unit: "Z" before "code" before "é"; an id field named twice counts once.
    const byId = new RecordIdAllocator(['code', 'missing', 'code', 'é', 'Z']);
    expect(byId.next({ code: '01', nom: 'A', é: 1, Z: true } as never)).toBe(sha1('{"Z":true,"code":"01","é":1}'));
  });

  test('a name seen in an earlier record and absent from this one counts for nothing, even one Object has', () => {
    const alloc = new RecordIdAllocator(undefined);
    alloc.next({ constructor: 'x', toString: 'y', b: 1 } as never);
    expect(alloc.next({ a: 1 })).toBe(sha1('{"a":1}'));
    expect(alloc.next({ z: 2, a: 1 })).toBe(sha1('{"a":1,"z":2}'));
    expect(new RecordIdAllocator(['constructor', 'code']).next({ code: '01' })).toBe(sha1('{"code":"01"}'));
  });

  test('objects are written with sorted keys whether they come sorted or not, at every depth', () => {
    const expected = sha1('{"s":{"coordinates":[1,2],"type":"Point"},"t":{"a":{"x":1,"y":[{"m":1,"n":2}]},"b":2}}');
    expect(new RecordIdAllocator(undefined).next({ t: { b: 2, a: { y: [{ n: 2, m: 1 }], x: 1 } }, s: { type: 'Point', coordinates: [1, 2] } } as never)).toBe(expected);
    expect(new RecordIdAllocator(undefined).next({ s: { coordinates: [1, 2], type: 'Point' }, t: { a: { x: 1, y: [{ m: 1, n: 2 }] }, b: 2 } } as never)).toBe(expected);
  });

  test('id-annotated fields alone decide the id', () => {
    const alloc = new RecordIdAllocator(['code']);
    expect(alloc.next({ code: '01', nom: 'A' })).toBe(sha1('{"code":"01"}'));
  });
});
