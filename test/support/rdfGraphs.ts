import { Readable } from 'node:stream';
import { Parser, Store, type Quad } from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { RdfXmlParser } from 'rdfxml-streaming-parser';

/** Turtle (or N-Quads) read by n3's parser. */
export const fromTurtle = (text: string, format?: string): Quad[] => new Parser(format ? { format } : {}).parse(text);

/** RDF/XML read by rdfxml-streaming-parser (a reader of its own, independent of our writer). */
export function fromRdfXml(text: string, baseIRI = 'http://example.org/'): Promise<Quad[]> {
  return new Promise((resolve, reject) => {
    const quads: Quad[] = [];
    Readable.from([text]).pipe(new RdfXmlParser({ baseIRI }))
      .on('data', (q: Quad) => { quads.push(q); })
      .on('error', reject)
      .on('end', () => resolve(quads));
  });
}

/** Whether two graphs are the same up to blank node names (rdf-isomorphic), duplicates counted once. */
export const sameGraph = (a: readonly Quad[], b: readonly Quad[]): boolean =>
  isomorphic(new Store([...a]).getQuads(null, null, null, null), new Store([...b]).getQuads(null, null, null, null));

/** The statements reachable from a node: the node's own, then those of every node they point to. */
export function reachable(quads: readonly Quad[], from: string): Quad[] {
  const seen = new Set<string>([from]);
  const taken = new Set<Quad>();
  for (let grew = true; grew;) {
    grew = false;
    for (const q of quads) {
      if (!seen.has(q.subject.value) || taken.has(q)) continue;
      taken.add(q);
      grew = true;
      if (q.object.termType !== 'Literal') seen.add(q.object.value);
    }
  }
  return [...taken];
}
