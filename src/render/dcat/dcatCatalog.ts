import { DataFactory, type Quad } from 'n3';
import type { PackageHit } from '../../model/dataset';
import { datasetIri, datasetQuads, type DcatDatasetContext } from './dcatDataset';
import { dcat, dct, foaf, rdf, text } from './dcatTerms';

const { namedNode, blankNode, quad } = DataFactory;

/** Where the catalog lives: its own IRI and title, and its datasets' context. */
export interface DcatContext extends DcatDatasetContext { catalogTitle: string; self: string }

/**
 * The datasets the caller may see as a DCAT-AP 3 catalog: one dcat:Catalog (title, description,
 * publisher, home page, its datasets), and each entry as a dcat:Dataset with its distributions.
 */
export function dcatQuads(hits: readonly PackageHit[], ctx: DcatContext): Quad[] {
  return [...catalogHeadQuads(ctx), ...hits.flatMap((hit) => catalogEntryQuads(hit, ctx))];
}

/** The catalog itself: its type, title, description, publisher (the portal) and home page. */
export function catalogHeadQuads(ctx: DcatContext): Quad[] {
  const catalog = namedNode(ctx.self);
  const portal = blankNode('portal');
  return [
    quad(catalog, rdf('type'), dcat('Catalog')),
    quad(catalog, dct('title'), text(ctx.catalogTitle)),
    quad(catalog, dct('description'), text(`${ctx.catalogTitle}: the datasets this portal serves through its search APIs.`)),
    quad(catalog, dct('publisher'), portal),
    quad(catalog, foaf('homepage'), namedNode(ctx.site)),
    quad(portal, rdf('type'), foaf('Agent')),
    quad(portal, foaf('name'), text(ctx.catalogTitle)),
  ];
}

/** One entry: the catalog's link to it (first), then the dcat:Dataset with its distributions. */
export function catalogEntryQuads(hit: PackageHit, ctx: DcatContext): Quad[] {
  return [quad(namedNode(ctx.self), dcat('dataset'), datasetIri(hit.datasetid, ctx)), ...datasetQuads(hit, ctx)];
}
