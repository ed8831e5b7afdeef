import { Writer, type Quad } from 'n3';
import { rdfXml } from '../rdfXml';
import { DCAT_PREFIXES } from './dcatTerms';

/** The media types the DCAT-AP export is written in. */
export const DCAT_TYPES = { turtle: 'text/turtle', jsonld: 'application/ld+json', rdfxml: 'application/rdf+xml' } as const;
export type DcatSerialization = keyof typeof DCAT_TYPES;

/** Quads as Turtle, with the usual prefixes. */
export function turtle(quads: readonly Quad[]): Promise<string> {
  const writer = new Writer({ prefixes: { ...DCAT_PREFIXES } });
  writer.addQuads([...quads]);
  return new Promise((resolve, reject) => writer.end((err: Error | null, result: string) => (err ? reject(err) : resolve(result))));
}

/** Quads as JSON-LD: expanded form (no remote context to fetch), one node object per subject. */
export function jsonld(quads: readonly Quad[]): Array<Record<string, unknown>> {
  // Each subject's properties, '@type' among them; its '@id' is added last, in front.
  const nodes = new Map<string, Record<string, unknown[]>>();
  const id = (t: Quad['subject'] | Quad['object']): string => (t.termType === 'BlankNode' ? `_:${t.value}` : t.value);
  for (const q of quads) {
    const node = nodes.get(id(q.subject)) ?? {};
    nodes.set(id(q.subject), node);
    if (q.predicate.value === `${DCAT_PREFIXES.rdf}type`) {
      (node['@type'] ??= []).push(q.object.value);
      continue;
    }
    const value = q.object.termType === 'Literal'
      ? { '@value': q.object.value, ...(q.object.datatype.value !== `${DCAT_PREFIXES.xsd}string` ? { '@type': q.object.datatype.value } : {}) }
      : { '@id': id(q.object) };
    (node[q.predicate.value] ??= []).push(value);
  }
  return [...nodes].map(([node, properties]) => ({ '@id': node, ...properties }));
}

/** Quads written in one of the export's serializations, as the body of the answer. */
export async function serializeDcat(quads: readonly Quad[], as: DcatSerialization): Promise<string> {
  switch (as) {
    case 'turtle': return turtle(quads);
    case 'jsonld': return JSON.stringify(jsonld(quads));
    case 'rdfxml': return rdfXml(quads, DCAT_PREFIXES);
  }
}
