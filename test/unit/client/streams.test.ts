import { eventStream, type ServerSentEvent } from '../../../packages/client/src/eventStream';
import { jsonArrayItems } from '../../../packages/client/src/jsonArrayItems';
import { textChunks } from '../../../packages/client/src/textChunks';
import { textLines } from '../../../packages/client/src/textLines';

/** The text cut into chunks at the given offsets. */
async function* cut(text: string, at: number[]): AsyncGenerator<string> {
  let from = 0;
  for (const i of [...at, text.length]) { yield text.slice(from, i); from = i; }
}
/** Every way of cutting the text in two, and in chunks of one character. */
const cuttings = (text: string): number[][] => [[], ...Array.from({ length: text.length - 1 }, (_, i) => [i + 1]), Array.from({ length: text.length - 1 }, (_, i) => i + 1)];
const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => { const out: T[] = []; for await (const x of items) out.push(x); return out; };

describe('eventStream (the HTML standard\'s event-stream parsing)', () => {
  const text = ': heartbeat\r\nid: 1\nevent: progress\ndata: {"a":1}\n\nevent: end\r\ndata:two\r\ndata:  lines\r\n\r\ndata\n\nevent: empty\n\nretry: 10\nevent: x\ndata: cut off';
  const expected: ServerSentEvent[] = [
    { event: 'progress', data: '{"a":1}', id: '1' },
    // No space after the colon keeps the value whole; the second space is part of it; the id carries over.
    { event: 'end', data: 'two\n lines', id: '1' },
    // `data` alone is a data line with an empty value; an event without data is not dispatched.
    { event: 'message', data: '', id: '1' },
  ];
  test('whatever the chunk boundaries, including inside a CRLF', async () => {
    for (const at of cuttings(text)) expect([at, await collect(eventStream(cut(text, at)))]).toEqual([at, expected]);
  });
  test('a byte-order mark before the first line is dropped', async () => {
    expect(await collect(eventStream(cut('\ufeffevent: end\ndata: 1\n\n', [])))).toEqual([{ event: 'end', data: '1' }]);
  });
});

describe('textLines', () => {
  test('each ending (LF, CRLF, CR) ends a line; the last one says whether it had an ending', async () => {
    const text = 'a\r\nb\rc\n\nd';
    for (const at of cuttings(text)) {
      expect([at, await collect(textLines(cut(text, at)))]).toEqual([at, [
        { line: 'a', complete: true }, { line: 'b', complete: true }, { line: 'c', complete: true }, { line: '', complete: true }, { line: 'd', complete: false },
      ]]);
    }
  });
});

describe('jsonArrayItems', () => {
  const text = ' [ {"s": "a],[\\"}{", "n": [1, [2]], "o": {"p": null}}, "x,y", 3.5e2 ,true,[],{}\n] \n';
  test('gives the array\'s items as JSON.parse reads the whole, wherever the chunks are cut', async () => {
    const whole = JSON.parse(text) as unknown[];
    for (const at of cuttings(text)) expect([at, await collect(jsonArrayItems(cut(text, at)))]).toEqual([at, whole]);
  });
  test('an empty array has no item', async () => {
    expect(await collect(jsonArrayItems(cut('[]', [1])))).toEqual([]);
  });
  test('refuses a cut-off array, text that is not an array, and anything after it', async () => {
    await expect(collect(jsonArrayItems(cut('[{"a":1},{"b"', [3])))).rejects.toThrow(/cut off/);
    await expect(collect(jsonArrayItems(cut('{"a":1}', [])))).rejects.toThrow(/expected a JSON array/);
    await expect(collect(jsonArrayItems(cut('[1] 2', [])))).rejects.toThrow(/after the JSON array/);
    await expect(collect(jsonArrayItems(cut('[1,,2]', [])))).rejects.toThrow(/empty item/);
  });
});

describe('textChunks', () => {
  test('decodes UTF-8 split inside a character, and cancels the body when the reader stops early', async () => {
    const bytes = new TextEncoder().encode('é€😀');
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) { for (const b of bytes) controller.enqueue(Uint8Array.of(b)); controller.close(); },
    });
    expect((await collect(textChunks(body))).join('')).toBe('é€😀');
    const endless = new ReadableStream<Uint8Array>({ pull(controller) { controller.enqueue(new TextEncoder().encode('x')); }, cancel() { cancelled = true; } });
    for await (const chunk of textChunks(endless)) { expect(chunk).toBe('x'); break; }
    expect(cancelled).toBe(true);
  });
});
