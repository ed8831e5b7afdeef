/**
 * The items of a JSON array read from a text stream, each parsed as soon as it is whole: the
 * array is never held as a whole, only the item being read. It follows strings (and their
 * escapes) and nesting to find where each top-level item ends; JSON.parse does the rest.
 * Throws when the stream is not one array, or ends before its `]`.
 */
export async function* jsonArrayItems(chunks: AsyncIterable<string>): AsyncGenerator<unknown, void, undefined> {
  let state = 'before' as 'before' | 'items' | 'after';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let item = '';
  for await (const chunk of chunks) {
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (state === 'before') {
        if (c === '[') { state = 'items'; from = i + 1; } else if (!/\s/.test(c) && c !== '\ufeff') throw new SyntaxError(`expected a JSON array, found ${JSON.stringify(c)}`);
        continue;
      }
      if (state === 'after') {
        if (!/\s/.test(c)) throw new SyntaxError(`unexpected ${JSON.stringify(c)} after the JSON array`);
        continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
        continue;
      }
      if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if ((c === '}' || c === ']') && depth > 0) depth--;
      else if (depth === 0 && (c === ',' || c === ']')) {
        item += chunk.slice(from, i);
        from = i + 1;
        if (item.trim() !== '') yield JSON.parse(item);
        else if (c === ',') throw new SyntaxError('an empty item in the JSON array');
        item = '';
        if (c === ']') state = 'after';
      }
    }
    if (state === 'items') item += chunk.slice(from);
  }
  if (state !== 'after') throw new SyntaxError('the JSON array ended before its closing bracket: the download was cut off');
}
