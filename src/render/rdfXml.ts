import type { Quad } from 'n3';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const LANG_STRING = `${RDF}langString`;

/** An XML name without a colon (the local part of an element's name, a prefix, a node id). */
const NC_NAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

/** Text content: `&`, `<`, `>` escaped, and carriage returns kept (an XML reader turns a raw one into a line feed). */
const xmlText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
/** An attribute value in double quotes: also `"`, and the whitespace an XML reader would normalise. */
const xmlAttr = (s: string): string => xmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

/** An IRI split into the namespace and the local name an element may carry, or an error for one that has none. */
function splitPredicate(iri: string): [string, string] {
  const cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1;
  const local = iri.slice(cut);
  if (!NC_NAME.test(local)) throw new Error(`RDF/XML cannot name the predicate ${iri}`);
  return [iri.slice(0, cut), local];
}

/**
 * RDF/XML (https://www.w3.org/TR/rdf-syntax-grammar/) written in parts: `head` opens the document,
 * `descriptions` writes quads of the default graph, `tail` closes it. One `rdf:Description` per
 * subject of each part, in the order subjects first appear, `rdf:about` for an IRI and
 * `rdf:nodeID` for a blank node (renamed `b0`, `b1`, … across the parts, so that any label is a
 * valid XML name), one property element per statement: `rdf:resource`/`rdf:nodeID` for a node,
 * text with `rdf:datatype` or `xml:lang` for a literal. Predicates' namespaces take the given
 * prefixes, or `ns1`, `ns2`, … for others: declared on the root when they are met before `head`
 * is written, else on the property element that uses them.
 */
export class RdfXmlWriter {
  private readonly prefixOf: Map<string, string>;
  private readonly blankIds = new Map<string, string>();
  /** The namespaces the root declares, once it is written. */
  private root: ReadonlySet<string> | undefined;

  constructor(prefixes: Readonly<Record<string, string>>) {
    this.prefixOf = new Map<string, string>(Object.entries({ rdf: RDF, ...prefixes }).map(([p, ns]) => [ns, p]));
  }

  head(): string {
    this.root = new Set(this.prefixOf.keys());
    const namespaces = [...this.prefixOf].map(([ns, p]) => `\n    xmlns:${p}="${xmlAttr(ns)}"`).join('');
    return `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${namespaces}>\n`;
  }

  descriptions(quads: readonly Quad[]): string {
    const bySubject = new Map<string, Quad[]>();
    const key = (q: Quad): string => `${q.subject.termType === 'BlankNode' ? '_:' : ''}${q.subject.value}`;
    for (const q of quads) {
      if (q.graph.termType !== 'DefaultGraph') throw new Error('RDF/XML holds one graph: a quad names another');
      const statements = bySubject.get(key(q));
      if (statements) statements.push(q);
      else bySubject.set(key(q), [q]);
    }
    return [...bySubject.values()].map((qs) => {
      const s = qs[0].subject;
      const about = s.termType === 'BlankNode' ? `rdf:nodeID="${this.blank(s.value)}"` : `rdf:about="${xmlAttr(s.value)}"`;
      return `${[`  <rdf:Description ${about}>`, ...qs.map((q) => this.property(q)), '  </rdf:Description>'].join('\n')}\n`;
    }).join('');
  }

  tail(): string {
    return '</rdf:RDF>\n';
  }

  private blank(label: string): string {
    if (!this.blankIds.has(label)) this.blankIds.set(label, `b${this.blankIds.size}`);
    return this.blankIds.get(label)!;
  }

  /** A predicate's element name, and the declaration of its namespace when the root does not have it. */
  private qname(iri: string): { name: string; declare: string } {
    const [ns, local] = splitPredicate(iri);
    if (!this.prefixOf.has(ns)) this.prefixOf.set(ns, `ns${this.prefixOf.size}`);
    const prefix = this.prefixOf.get(ns)!;
    return { name: `${prefix}:${local}`, declare: this.root && !this.root.has(ns) ? ` xmlns:${prefix}="${xmlAttr(ns)}"` : '' };
  }

  private property(q: Quad): string {
    const { name, declare } = this.qname(q.predicate.value);
    const o = q.object;
    if (o.termType === 'NamedNode') return `    <${name}${declare} rdf:resource="${xmlAttr(o.value)}"/>`;
    if (o.termType === 'BlankNode') return `    <${name}${declare} rdf:nodeID="${this.blank(o.value)}"/>`;
    if (o.termType !== 'Literal') throw new Error(`RDF/XML cannot write a ${o.termType} object`);
    const datatype = o.datatype.value;
    const attr = o.language !== '' ? ` xml:lang="${xmlAttr(o.language)}"`
      : datatype !== XSD_STRING && datatype !== LANG_STRING ? ` rdf:datatype="${xmlAttr(datatype)}"` : '';
    return `    <${name}${declare}${attr}>${xmlText(o.value)}</${name}>`;
  }
}

/** Quads of the default graph as one RDF/XML document (RdfXmlWriter), every namespace declared on the root. */
export function rdfXml(quads: readonly Quad[], prefixes: Readonly<Record<string, string>>): string {
  const writer = new RdfXmlWriter(prefixes);
  // Written before the head, so that the head declares every namespace they use.
  const body = writer.descriptions(quads);
  return `${writer.head()}${body}${writer.tail()}`;
}
