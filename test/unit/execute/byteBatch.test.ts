import { ByteBatch, joined } from '../../../src/execute/byteBatch';

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('ByteBatch', () => {
  test('each item comes back as the bytes of its pieces, UTF-8 or Latin-1 as marked, past the first capacity', () => {
    const batch = new ByteBatch(4);
    const items = [
      [{ text: 'abc\t\\N\n', latin1: false }],
      [{ text: '\u00c9trez \u{1F600} \u2028', latin1: false }, { text: 'QUJD+/=', latin1: true }],
      [],
      [{ text: 'x'.repeat(1000), latin1: false }, { text: '\u00e9', latin1: false }],
      [{ text: '[2.35,48.85],\u00e9\u{1F600}'.repeat(5000), latin1: false }, { text: '\n', latin1: false }],
    ];
    for (const pieces of items) batch.add(pieces);
    expect(batch.count).toBe(5);
    const views = batch.take();
    const expected = items.map((pieces) => Buffer.concat(pieces.map((p) => Buffer.from(p.text, p.latin1 ? 'latin1' : 'utf8'))));
    expect(views.map((v) => v.toString('hex'))).toEqual(expected.map((e) => e.toString('hex')));
    expect(batch.count).toBe(0);
  });

  test('a batch taken keeps its bytes while the next one is written', () => {
    const batch = new ByteBatch(8);
    batch.add([{ text: 'first line\n', latin1: false }]);
    const first = batch.take();
    // Shorter than the first: it would fit where the first was written.
    batch.add([{ text: 'SECOND\n', latin1: false }]);
    const second = batch.take();
    expect(first[0].toString()).toBe('first line\n');
    expect(second[0].toString()).toBe('SECOND\n');
  });
});

describe('joined', () => {
  test('views that follow each other in one buffer are one view of it, with the same bytes as a copy', () => {
    const batch = new ByteBatch(64);
    for (const text of ['one\n', 'd\u00e9ux\n', 'three\n']) batch.add([{ text, latin1: false }]);
    const views = batch.take();
    const body = joined(views);
    expect(body.toString()).toBe('one\nd\u00e9ux\nthree\n');
    expect(body.buffer).toBe(views[0].buffer);
    expect(body.byteOffset).toBe(views[0].byteOffset);
  });

  test('views from different buffers, or out of order, are copied in the order given', () => {
    const a = utf8('alpha'), b = utf8('beta');
    expect(joined([a, b]).toString()).toBe('alphabeta');
    const whole = utf8('0123456789');
    expect(joined([whole.subarray(5, 8), whole.subarray(0, 2)]).toString()).toBe('56701');
    expect(joined([]).length).toBe(0);
  });
});
