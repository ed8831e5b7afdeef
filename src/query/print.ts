import type { Argument, Call, Literal, QueryNode } from './ast';

const PRECEDENCE: Record<QueryNode['kind'], number> = { or: 1, and: 2, not: 3, text: 4, field: 4, range: 4, call: 4 };

const literal = (l: Literal): string => (l.kind === 'phrase' ? `"${l.text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : l.text);

function argument(a: Argument): string {
  switch (a.kind) {
    case 'star': return '*';
    case 'named': return `${a.name}=${a.value}`;
    case 'word': case 'phrase': return literal(a);
  }
}

const call = (c: Call): string => `#${c.name}(${c.args.map(argument).join(', ')})`;
const value = (v: Literal | Call): string => (v.kind === 'call' ? call(v) : literal(v));

/** The canonical text of a query: explicit AND/OR, parentheses only where precedence needs them. */
export function printQuery(node: QueryNode): string {
  const child = (n: QueryNode, min: number): string => (PRECEDENCE[n.kind] < min ? `(${printQuery(n)})` : printQuery(n));
  switch (node.kind) {
    case 'or': return `${child(node.left, 1)} OR ${child(node.right, 2)}`;
    case 'and': return `${child(node.left, 2)} AND ${child(node.right, 3)}`;
    case 'not': return `NOT ${child(node.operand, 3)}`;
    case 'text': return literal(node.literal);
    // `f< =x` compares with the word "=x": the space keeps `<` and `=` apart.
    case 'field': return `${node.field}${node.op}${/^[:=<>]/.test(value(node.value)) ? ' ' : ''}${value(node.value)}`;
    case 'range': return `${node.field}:[${value(node.from)} TO ${value(node.to)}]`;
    case 'call': return call(node);
  }
}
