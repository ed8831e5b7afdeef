import { textLines } from './textLines';

/** One Server-Sent Event: its name (`message` when the server gave none), its data and its id. */
export interface ServerSentEvent { event: string; data: string; id?: string }

/**
 * Server-Sent Events read from a `text/event-stream` body, after the HTML standard's parsing
 * rules: `field: value` lines (one space after the colon dropped), several `data` lines joined
 * by newlines, comments (`:`) ignored, an event dispatched at each blank line, and one without
 * data not dispatched at all. A last event with no blank line after it is dropped, as the
 * standard says, since the stream was cut before it was whole.
 */
export async function* eventStream(chunks: AsyncIterable<string>): AsyncGenerator<ServerSentEvent, void, undefined> {
  let event = '';
  let data: string[] = [];
  let id: string | undefined;
  let first = true;
  for await (const { line: raw, complete } of textLines(chunks)) {
    if (!complete) break;
    const line = first && raw.startsWith('\ufeff') ? raw.slice(1) : raw;
    first = false;
    if (line === '') {
      if (data.length > 0) yield { event: event || 'message', data: data.join('\n'), ...(id !== undefined ? { id } : {}) };
      event = '';
      data = [];
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
    // `retry` and unknown fields: nothing to do for a reader that reconnects on its own terms.
  }
}
