import { DataFactory } from 'n3';
import { rdfXml, RdfXmlWriter } from '../../../src/render/rdfXml';
import { fromRdfXml, sameGraph } from '../../support/rdfGraphs';

const { namedNode, blankNode, literal, quad, variable } = DataFactory;
const EX = 'http://example.org/ns#';
const ex = (t: string) => namedNode(`${EX}${t}`);
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

describe('rdfXml, the text itself', () => {
  test('one description per subject in order of first appearance, blank nodes renamed b0, b1… as they are first met', () => {
    const xml = rdfXml([
      quad(ex('s'), ex('p'), literal('x')),
      quad(blankNode('zz'), ex('q'), literal('1', namedNode(`${XSD}integer`))),
      quad(ex('s'), ex('r'), blankNode('zz')),
      quad(ex('s'), ex('r'), blankNode('yy')),
    ], { ex: EX });
    expect(xml).toBe('<?xml version="1.0" encoding="utf-8"?>\n'
      + `<rdf:RDF\n    xmlns:rdf="${RDF}"\n    xmlns:ex="${EX}">\n`
      + `  <rdf:Description rdf:about="${EX}s">\n    <ex:p>x</ex:p>\n    <ex:r rdf:nodeID="b0"/>\n    <ex:r rdf:nodeID="b1"/>\n  </rdf:Description>\n`
      + `  <rdf:Description rdf:nodeID="b0">\n    <ex:q rdf:datatype="${XSD}integer">1</ex:q>\n  </rdf:Description>\n`
      + '</rdf:RDF>\n');
  });

  test('plain and language strings carry no datatype; a language tag is xml:lang; resources are rdf:resource', () => {
    const xml = rdfXml([
      quad(ex('s'), ex('a'), literal('plain', namedNode(`${XSD}string`))),
      quad(ex('s'), ex('b'), literal('mot', 'fr')),
      quad(ex('s'), ex('c'), namedNode('http://example.org/x?a=1&b="2"')),
    ], { ex: EX });
    expect(xml).toContain('    <ex:a>plain</ex:a>\n');
    expect(xml).toContain('    <ex:b xml:lang="fr">mot</ex:b>\n');
    expect(xml).toContain('    <ex:c rdf:resource="http://example.org/x?a=1&amp;b=&quot;2&quot;"/>\n');
  });

  test('text escaped: markup characters, and a carriage return kept as a reference; attributes also keep line feeds and tabs', () => {
    const xml = rdfXml([quad(namedNode('http://example.org/a\tb\nc'), ex('p'), literal('a<b>&c\r\n"q"'))], { ex: EX });
    expect(xml).toContain('<rdf:Description rdf:about="http://example.org/a&#9;b&#10;c">');
    expect(xml).toContain('<ex:p>a&lt;b&gt;&amp;c&#13;\n"q"</ex:p>');
  });

  test('namespaces without a prefix get ns2, ns3… in order; the local name follows the last `#` or `/`', () => {
    const xml = rdfXml([
      quad(ex('s'), namedNode('http://other.example/v/node'), literal('1')),
      quad(ex('s'), namedNode('http://third.example/a#b/c_d.e-1'), literal('2')),
      quad(ex('s'), namedNode('http://other.example/v/again'), literal('3')),
    ], { ex: EX });
    expect(xml).toContain('    xmlns:ns2="http://other.example/v/"\n    xmlns:ns3="http://third.example/a#b/">');
    expect(xml).toContain('<ns3:c_d.e-1>2</ns3:c_d.e-1>');
    expect(xml).toContain('<ns2:again>3</ns2:again>');
  });

  test('a local name that is no XML name is refused, wherever the fault stands in it', () => {
    for (const local of ['1bad', '-x', 'ok bad', 'a:b', '']) {
      expect(() => rdfXml([quad(ex('s'), namedNode(`${EX}${local}`), literal('x'))], {})).toThrow(`RDF/XML cannot name the predicate ${EX}${local}`);
    }
  });

  test('an object that is not a node or a literal is refused', () => {
    expect(() => rdfXml([quad(ex('s'), ex('p'), variable('v'))], {})).toThrow('RDF/XML cannot write a Variable object');
  });

  test('no quads: an empty document', () => {
    expect(rdfXml([], {})).toBe(`<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF\n    xmlns:rdf="${RDF}">\n</rdf:RDF>\n`);
  });
});

describe('rdfXml: subjects', () => {
  test('a blank node labelled like an IRI is another subject than that IRI', () => {
    const xml = rdfXml([quad(blankNode(`${EX}a`), ex('p'), literal('blank')), quad(ex('a'), ex('p'), literal('named'))], { ex: EX });
    expect(xml.match(/<rdf:Description /g)?.length).toBe(2);
    expect(xml).toContain(`<rdf:Description rdf:about="${EX}a">`);
    expect(xml).toMatch(/<rdf:Description rdf:nodeID="[A-Za-z][\w-]*">/);
  });
});

describe('RdfXmlWriter, in parts after the head', () => {
  test('a namespace met after the root is written is declared on the element that uses it; blank nodes keep one name across parts', async () => {
    const b = blankNode('shared');
    const first = [quad(ex('a'), ex('p'), b), quad(b, namedNode('http://other.example/v/q'), literal('1'))];
    const second = [quad(ex('a'), namedNode('http://other.example/v/r'), literal('2', 'fr')), quad(b, ex('p'), literal('3'))];
    const writer = new RdfXmlWriter({ ex: EX });
    const xml = `${writer.head()}${writer.descriptions(first)}${writer.descriptions(second)}${writer.tail()}`;
    expect(xml).toContain('<rdf:RDF\n    xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"\n    xmlns:ex="http://example.org/ns#">\n');
    expect(xml).toContain('<ns2:q xmlns:ns2="http://other.example/v/">1</ns2:q>');
    expect(xml).toContain('<ns2:r xmlns:ns2="http://other.example/v/" xml:lang="fr">2</ns2:r>');
    expect(sameGraph(await fromRdfXml(xml), [...first, ...second])).toBe(true);
  });
});
