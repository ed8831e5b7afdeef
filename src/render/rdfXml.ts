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
 * Quads of the default graph as RDF/XML (https://www.w3.org/TR/rdf-syntax-grammar/): one
 * `rdf:Description` per subject in the order subjects first appear, `rdf:about` for an IRI and
 * `rdf:nodeID` for a blank node (renamed `b0`, `b1`, … so that any label is a valid XML name),
 * one property element per statement: `rdf:resource`/`rdf:nodeID` for a node, text with
 * `rdf:datatype` or `xml:lang` for a literal. Predicates' namespaces take the given prefixes, or
 * `ns1`, `ns2`, … for others.
 */
export function rdfXml(quads: readonly Quad[], prefixes: Readonly<Record<string, string>>): string {
  const prefixOf = new Map<string, string>(Object.entries({ rdf: RDF, ...prefixes }).map(([p, ns]) => [ns, p]));
  const bySubject = new Map<string, Quad[]>();
  const blankIds = new Map<string, string>();
  const blank = (label: string): string => {
    if (!blankIds.has(label)) blankIds.set(label, `b${blankIds.size}`);
    return blankIds.get(label)!;
  };
  const key = (q: Quad): string => `${q.subject.termType === 'BlankNode' ? '_:' : ''}${q.subject.value}`;
  for (const q of quads) {
    if (q.graph.termType !== 'DefaultGraph') throw new Error('RDF/XML holds one graph: a quad names another');
    const statements = bySubject.get(key(q));
    if (statements) statements.push(q);
    else bySubject.set(key(q), [q]);
  }
  const qname = (iri: string): string => {
    const [ns, local] = splitPredicate(iri);
    if (!prefixOf.has(ns)) prefixOf.set(ns, `ns${prefixOf.size}`);
    return `${prefixOf.get(ns)!}:${local}`;
  };
  const property = (q: Quad): string => {
    const name = qname(q.predicate.value);
    const o = q.object;
    if (o.termType === 'NamedNode') return `    <${name} rdf:resource="${xmlAttr(o.value)}"/>`;
    if (o.termType === 'BlankNode') return `    <${name} rdf:nodeID="${blank(o.value)}"/>`;
    if (o.termType !== 'Literal') throw new Error(`RDF/XML cannot write a ${o.termType} object`);
    const datatype = o.datatype.value;
    const attr = o.language !== '' ? ` xml:lang="${xmlAttr(o.language)}"`
      : datatype !== XSD_STRING && datatype !== LANG_STRING ? ` rdf:datatype="${xmlAttr(datatype)}"` : '';
    return `    <${name}${attr}>${xmlText(o.value)}</${name}>`;
  };
  const descriptions = [...bySubject.values()].map((qs) => {
    const s = qs[0].subject;
    const about = s.termType === 'BlankNode' ? `rdf:nodeID="${blank(s.value)}"` : `rdf:about="${xmlAttr(s.value)}"`;
    return [`  <rdf:Description ${about}>`, ...qs.map(property), '  </rdf:Description>'].join('\n');
  });
  const namespaces = [...prefixOf].map(([ns, p]) => `\n    xmlns:${p}="${xmlAttr(ns)}"`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${namespaces}>\n${descriptions.join('\n')}\n</rdf:RDF>\n`;
}
