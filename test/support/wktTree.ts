/** A WKT 1 node: its keyword and its arguments (quoted text, numbers, bare words or nested nodes). */
export interface WktNode { keyword: string; args: Array<string | number | WktNode> }

/** Parses OGC WKT 1 (CRS definitions, OGC 01-009 §7): KEYWORD[arg, …] with "quoted" text; throws on anything else. */
export function parseWkt(text: string): WktNode {
  let at = 0;
  const fail = (what: string): never => { throw new Error(`WKT: ${what} at ${at}: ${text.slice(at, at + 20)}`); };
  const node = (): WktNode => {
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at));
    if (!word) fail('keyword expected');
    at += word![0].length;
    if (text[at] !== '[') fail('[ expected');
    at++;
    const args: WktNode['args'] = [];
    for (;;) {
      const rest = text.slice(at);
      const quoted = /^"([^"]*)"/.exec(rest);
      const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?(?=[,\]])/.exec(rest);
      if (quoted) { args.push(quoted[1]); at += quoted[0].length; } else if (number) { args.push(Number(number[0])); at += number[0].length; } else if (/^[A-Za-z_]+(?=[,\]])/.test(rest)) { const bare = /^[A-Za-z_]+/.exec(rest)![0]; args.push(bare); at += bare.length; } else args.push(node());
      if (text[at] === ']') { at++; return { keyword: word![0], args }; }
      if (text[at] !== ',') fail(', or ] expected');
      at++;
    }
  };
  const root = node();
  if (at !== text.length) fail('end expected');
  return root;
}

/** The child nodes of `n` named `keyword`. */
export const children = (n: WktNode, keyword: string): WktNode[] => n.args.filter((a): a is WktNode => typeof a === 'object' && a.keyword === keyword);
