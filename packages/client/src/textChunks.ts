/**
 * The text of a response body, chunk by chunk as the network delivers it (UTF-8 decoded across
 * chunk boundaries). Nothing is held beyond the current chunk. When the reader stops early (a
 * `break` in its `for await`), the body is cancelled, which closes the connection.
 */
export async function* textChunks(body: ReadableStream<Uint8Array> | null): AsyncGenerator<string, void, undefined> {
  if (body === null) return;
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const text = decoder.decode(value, { stream: true });
      if (text !== '') yield text;
    }
    finished = true;
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
