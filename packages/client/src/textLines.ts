/**
 * Lines of a text stream, without their ending (`\n`, `\r\n` or a lone `\r`). The last line is
 * given even without an ending; `complete` says whether it had one, for formats (NDJSON) where a
 * missing final newline means the stream was cut.
 */
export async function* textLines(chunks: AsyncIterable<string>): AsyncGenerator<{ line: string; complete: boolean }, void, undefined> {
  let pending = '';
  // A `\r` at the end of a chunk may be the first half of a `\r\n` split across chunks.
  let afterCr = false;
  for await (const chunk of chunks) {
    let text = chunk;
    if (afterCr && text.startsWith('\n')) text = text.slice(1);
    afterCr = false;
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c !== '\n' && c !== '\r') continue;
      yield { line: pending + text.slice(from, i), complete: true };
      pending = '';
      if (c === '\r') {
        if (i + 1 === text.length) afterCr = true;
        else if (text[i + 1] === '\n') i++;
      }
      from = i + 1;
    }
    pending += text.slice(from);
  }
  if (pending !== '') yield { line: pending, complete: false };
}
