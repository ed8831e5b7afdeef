import { DataFactory, type NamedNode, type Quad } from 'n3';
import type { PackageHit } from '../../model/dataset';
import { distributionQuads, type DcatDistributionContext } from './dcatDistributions';
import { extentQuads } from './dcatExtent';
import { frequencyIri } from './dcatFrequency';
import { dateLiteral, dcat, dct, EU_AUTHORITY, foaf, listOf, rdf, text, textOf, vcard } from './dcatTerms';

const { namedNode, blankNode, quad } = DataFactory;

/** Where a dataset lives: the site, the path of its lookup, and its distributions' context. */
export interface DcatDatasetContext extends DcatDistributionContext { datasetPath: string }

/** ISO 639-1 codes of `language` → the EU language table's codes (only those this table knows). */
const LANGUAGES: Readonly<Record<string, string>> = { fr: 'FRA', en: 'ENG', de: 'DEU', es: 'SPA', it: 'ITA', nl: 'NLD', pt: 'POR' };
/** ADMS publisher types (the codes ODS's `publisher_type` takes). */
const PUBLISHER_TYPES = new Set(['Academia-ScientificOrganisation', 'Company', 'IndustryConsortium', 'LocalAuthority', 'NationalAuthority',
  'NonGovernmentalOrganisation', 'NonProfitOrganisation', 'PrivateIndividual(s)', 'RegionalAuthority', 'StandardisationBody',
  'SupraNationalAuthority']);

/** HTML descriptions as plain text. */
const plain = (html: string): string => html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();

/** The dataset's IRI: its lookup in the dialect the export was asked from. */
export const datasetIri = (datasetid: string, ctx: Pick<DcatDatasetContext, 'site' | 'datasetPath'>): NamedNode =>
  namedNode(`${ctx.site}${ctx.datasetPath}${encodeURIComponent(datasetid)}`);

/**
 * One catalog entry as a DCAT-AP 3 dcat:Dataset: identifier, title, description, keywords (its
 * themes too, as words: see the README), landing page, dates, language, publisher, creator,
 * contact point, update frequency, spatial box, time span, and its distributions.
 */
export function datasetQuads(hit: PackageHit, ctx: DcatDatasetContext): Quad[] {
  const m = hit.dataset.metas;
  const d = hit.dataset.dcat ?? {};
  const id = hit.datasetid;
  const ds = datasetIri(id, ctx);
  const out: Quad[] = [];
  const add = (s: Quad['subject'], p: NamedNode, o: Quad['object']): void => { out.push(quad(s, p, o)); };
  const agent = (role: 'publisher' | 'creator', name: string, type?: string): void => {
    const node = blankNode(`${role}-${id}`);
    add(ds, dct(role), node);
    add(node, rdf('type'), foaf('Agent'));
    add(node, foaf('name'), text(name));
    if (type && PUBLISHER_TYPES.has(type)) add(node, dct('type'), namedNode(`http://purl.org/adms/publishertype/${type}`));
  };
  add(ds, rdf('type'), dcat('Dataset'));
  add(ds, dct('identifier'), text(id));
  add(ds, dct('title'), text(textOf(m.title) ?? id));
  add(ds, dct('description'), text(plain(textOf(m.description) ?? textOf(m.title) ?? id)));
  add(ds, dcat('landingPage'), ds);
  for (const k of [...listOf(m.keyword), ...listOf(m.theme)]) add(ds, dcat('keyword'), text(k));
  const modified = dateLiteral(m.modified);
  if (modified) add(ds, dct('modified'), modified);
  const issued = dateLiteral(d.issued) ?? dateLiteral(hit.dataset.store.published_at);
  if (issued) add(ds, dct('issued'), issued);
  const language = LANGUAGES[textOf(m.language) ?? ''];
  if (language) add(ds, dct('language'), namedNode(`${EU_AUTHORITY}language/${language}`));
  const publisher = textOf(m.publisher);
  if (publisher) agent('publisher', publisher, textOf(d.publisher_type));
  const creator = textOf(d.creator);
  if (creator) agent('creator', creator);
  const [contactName, contactEmail] = [textOf(d.contact_name), textOf(d.contact_email)];
  if (contactName || contactEmail) {
    const kind = blankNode(`contact-${id}`);
    add(ds, dcat('contactPoint'), kind);
    add(kind, rdf('type'), vcard('Kind'));
    if (contactName) add(kind, vcard('fn'), text(contactName));
    if (contactEmail) add(kind, vcard('hasEmail'), namedNode(`mailto:${encodeURI(contactEmail)}`));
  }
  const frequency = frequencyIri(textOf(d.accrualperiodicity) ?? '');
  if (frequency) add(ds, dct('accrualPeriodicity'), namedNode(frequency));
  return [...out, ...extentQuads(hit, ds), ...distributionQuads(hit, ds, ctx)];
}
