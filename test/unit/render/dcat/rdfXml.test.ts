import { DataFactory, type Quad } from 'n3';
import { rdfXml } from '../../../../src/render/rdfXml';
import { fromRdfXml, sameGraph } from '../../../support/rdfGraphs';

const { namedNode, blankNode, literal, quad } = DataFactory;
const ex = (t: string) => namedNode(`http://example.org/ns#${t}`);
const other = (t: string) => namedNode(`http://other.example/v/${t}`);

describe('RDF/XML writer, read back by rdfxml-streaming-parser', () => {
  test('IRIs, blank nodes, typed, language-tagged and awkward literals come back as the same graph', async () => {
    const b = blankNode('has spaces & odd <label>');
    const quads: Quad[] = [
      quad(ex('s'), ex('p'), literal('a < b && c > "d" \'e\'')),
      quad(ex('s'), ex('p'), literal('line one\r\nline two\ttab')),
      quad(ex('s'), ex('lang'), literal('bonjour', 'fr')),
      quad(ex('s'), ex('when'), literal('2024-01-02', namedNode('http://www.w3.org/2001/XMLSchema#date'))),
      quad(ex('s'), ex('link'), namedNode('http://example.org/a?b=1&c=%222%22')),
      quad(ex('s'), other('node'), b),
      quad(b, ex('p'), literal('')),
      quad(b, ex('back'), ex('s')),
    ];
    const xml = rdfXml(quads, { ex: 'http://example.org/ns#' });
    const back = await fromRdfXml(xml);
    expect(back.length).toBe(quads.length);
    expect(sameGraph(back, quads)).toBe(true);
    // A namespace without a prefix gets one of its own.
    expect(xml).toContain('xmlns:ns2="http://other.example/v/"');
  });

  test('a changed literal is a different graph (the comparison can fail)', async () => {
    const quads = [quad(ex('s'), ex('p'), literal('x'))];
    const back = await fromRdfXml(rdfXml(quads, {}));
    expect(sameGraph(back, [quad(ex('s'), ex('p'), literal('y'))])).toBe(false);
  });

  test('a predicate RDF/XML cannot name, or a quad of a named graph, is refused', () => {
    expect(() => rdfXml([quad(ex('s'), namedNode('http://example.org/ns#1bad'), literal('x'))], {})).toThrow('RDF/XML cannot name the predicate http://example.org/ns#1bad');
    expect(() => rdfXml([quad(ex('s'), ex('p'), literal('x'), ex('g'))], {})).toThrow('RDF/XML holds one graph');
  });
});
