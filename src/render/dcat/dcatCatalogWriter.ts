import { Writer, type Quad } from 'n3';
import type { PackageHit } from '../../model/dataset';
import type { ExportWriter } from '../formats/streamWriter';
import { RdfXmlWriter } from '../rdfXml';
import { catalogEntryQuads, catalogHeadQuads, type DcatContext } from './dcatCatalog';
import { DCAT_PREFIXES } from './dcatTerms';
import { DCAT_TYPES, jsonld, type DcatSerialization } from './dcatSerializations';

/** How a serialization writes quads in parts: what opens the document, a part's quads, what closes it. */
interface QuadParts { head: string; part(quads: readonly Quad[]): string; tail(): string }

/** Turtle from one writer across the parts: a subject continued from one part to the next stays one statement list. */
function turtleParts(): QuadParts {
  let written = '';
  const writer = new Writer({ write: (chunk: string) => { written += chunk; return true; }, end: () => undefined } as unknown as NodeJS.WritableStream, { prefixes: { ...DCAT_PREFIXES }, end: false });
  const take = (): string => { const text = written; written = ''; return text; };
  return {
    head: take(),
    part: (quads) => { writer.addQuads([...quads]); return take(); },
    tail: () => { writer.end(); return take(); },
  };
}

/**
 * JSON-LD as one array of node objects (the expanded form of dcatSerializations' `jsonld`): each
 * part's subjects as nodes of their own, the catalog's node (with its link to every dataset) last.
 * A subject met in two parts is two node objects with one `@id`, which JSON-LD readers merge.
 */
function jsonldParts(catalog: string): QuadParts {
  const catalogQuads: Quad[] = [];
  let written = 0;
  const nodes = (quads: readonly Quad[]): string => jsonld(quads).map((node) => `${written++ > 0 ? ',' : ''}${JSON.stringify(node)}`).join('');
  const isCatalog = (q: Quad): boolean => q.subject.termType === 'NamedNode' && q.subject.value === catalog;
  return {
    head: '[',
    part: (quads) => { catalogQuads.push(...quads.filter(isCatalog)); return nodes(quads.filter((q) => !isCatalog(q))); },
    tail: () => `${nodes(catalogQuads)}]`,
  };
}

function rdfXmlParts(): QuadParts {
  const writer = new RdfXmlWriter(DCAT_PREFIXES);
  return { head: writer.head(), part: (quads) => writer.descriptions(quads), tail: () => writer.tail() };
}

/**
 * The DCAT-AP catalog (dcatQuads) written as its entries come, page by page, in the serialization
 * asked for: the same graph as the whole document, without holding every entry's quads at once.
 */
export function dcatCatalogWriter(as: DcatSerialization, ctx: DcatContext): ExportWriter<PackageHit> {
  const parts = as === 'turtle' ? turtleParts() : as === 'jsonld' ? jsonldParts(ctx.self) : rdfXmlParts();
  const opening = `${parts.head}${parts.part(catalogHeadQuads(ctx))}`;
  return {
    contentType: `${DCAT_TYPES[as]}; charset=utf-8`,
    headers: { Vary: 'Accept' },
    head: opening,
    page: (hits) => parts.part(hits.flatMap((hit) => catalogEntryQuads(hit, ctx))),
    get tail() { return parts.tail(); },
  };
}
