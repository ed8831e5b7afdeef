/**
 * A WKT CRS (WKT1, its ESRI flavour, or WKT2) read as a tree of `KEYWORD[arg, …]` nodes: enough
 * to find what names the CRS (its name, its AUTHORITY or ID) without interpreting it. proj4 reads
 * the definition itself when the CRS is not one we bundle.
 */
export interface WktNode {
  keyword: string;
  args: Array<string | number | WktNode>;
}

const OPEN = new Set(['[', '(']);
const CLOSE = new Set([']', ')']);

/** Parses WKT text; throws an Error saying where it stopped when the text is not WKT. */
export function parseWkt(text: string): WktNode {
  let i = 0;
  const skip = (): void => { while (i < text.length && /\s/.test(text[i])) i++; };
  const fail = (what: string): never => { throw new Error(`${what} at character ${i + 1}`); };

  function node(): WktNode {
    skip();
    const start = i;
    while (i < text.length && /[A-Za-z0-9_]/.test(text[i])) i++;
    const keyword = text.slice(start, i).toUpperCase();
    if (!keyword) fail('expected a keyword');
    skip();
    if (!OPEN.has(text[i])) fail(`expected [ after ${keyword}`);
    i++;
    const args: WktNode['args'] = [];
    for (;;) {
      skip();
      if (CLOSE.has(text[i])) { i++; return { keyword, args }; }
      if (args.length > 0) {
        if (text[i] !== ',') fail('expected , or ]');
        i++;
        skip();
      }
      args.push(arg());
    }
  }

  function arg(): string | number | WktNode {
    if (text[i] === '"') {
      let s = '';
      for (i++; i < text.length; i++) {
        if (text[i] === '"' && text[i + 1] === '"') { s += '"'; i++; } else if (text[i] === '"') { i++; return s; } else s += text[i];
      }
      return fail('unterminated string');
    }
    const number = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (number) { i += number[0].length; return Number(number[0]); }
    const save = i;
    while (i < text.length && /[A-Za-z0-9_]/.test(text[i])) i++;
    const word = text.slice(save, i);
    skip();
    if (OPEN.has(text[i])) { i = save; return node(); }
    if (!word) fail('expected a value');
    return word; // an enumeration such as NORTH or EAST
  }

  const root = node();
  skip();
  if (i < text.length) fail('unexpected text after the WKT');
  return root;
}

/** The child nodes of `node` with one of the keywords. */
export function children(node: WktNode, ...keywords: string[]): WktNode[] {
  return node.args.filter((a): a is WktNode => typeof a === 'object' && keywords.includes(a.keyword));
}

/** The CRS's name: its first argument. */
export function wktName(node: WktNode): string | undefined {
  return typeof node.args[0] === 'string' ? node.args[0] : undefined;
}

/** The EPSG code the CRS node itself carries (AUTHORITY["EPSG","2154"] in WKT1, ID["EPSG",2154] in WKT2). */
export function wktEpsgCode(node: WktNode): number | undefined {
  for (const id of children(node, 'AUTHORITY', 'ID')) {
    const [authority, code] = id.args;
    if (typeof authority === 'string' && authority.toUpperCase() === 'EPSG' && (typeof code === 'number' || /^\d+$/.test(String(code)))) return Number(code);
  }
  return undefined;
}

const HORIZONTAL = ['PROJCS', 'GEOGCS', 'PROJCRS', 'PROJECTEDCRS', 'GEOGCRS', 'GEOGRAPHICCRS', 'GEODCRS', 'GEODETICCRS'];

/** The horizontal CRS: the node itself, the first horizontal part of a compound CRS, or the source of a bound CRS. */
export function horizontalCrs(node: WktNode): WktNode {
  if (node.keyword === 'COMPD_CS' || node.keyword === 'COMPOUNDCRS') {
    const part = children(node, ...HORIZONTAL)[0];
    return part ?? node;
  }
  if (node.keyword === 'BOUNDCRS') {
    const source = children(node, 'SOURCECRS')[0];
    const inner = source && children(source, ...HORIZONTAL)[0];
    return inner ?? node;
  }
  return node;
}
