import { DataFactory } from 'n3';

const { namedNode, literal } = DataFactory;

/** The namespaces of the DCAT-AP export, by the prefixes its serializations use. */
export const DCAT_PREFIXES = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  gsp: 'http://www.opengis.net/ont/geosparql#',
} as const;

const NS = DCAT_PREFIXES;
export const rdf = (t: string) => namedNode(`${NS.rdf}${t}`);
export const rdfs = (t: string) => namedNode(`${NS.rdfs}${t}`);
export const dcat = (t: string) => namedNode(`${NS.dcat}${t}`);
export const dct = (t: string) => namedNode(`${NS.dct}${t}`);
export const foaf = (t: string) => namedNode(`${NS.foaf}${t}`);
export const vcard = (t: string) => namedNode(`${NS.vcard}${t}`);
export const xsd = (t: string) => namedNode(`${NS.xsd}${t}`);
export const gsp = (t: string) => namedNode(`${NS.gsp}${t}`);

/** The EU Publications Office's authority tables (the controlled vocabularies DCAT-AP names). */
export const EU_AUTHORITY = 'http://publications.europa.eu/resource/authority/';

/** Characters XML 1.0 cannot hold (C0 controls but tab, line feed and carriage return): dropped from every literal, so all serializations agree. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** A plain literal, cleaned of what XML cannot carry. */
export const text = (s: string) => literal(s.replace(NOT_XML, ''));

/** A metadata value as non-blank text, else undefined. */
export const textOf = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** A metadata value as a list of strings (one string is a list of one). */
export const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** Whether `2023-06-15` names a day of the calendar (Date.parse reads 2023-02-30 as 2 March). */
const isDay = (day: string): boolean => {
  const t = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === day;
};

/**
 * An ISO 8601 date (`2023-06-15`) as xsd:date, an ISO 8601 date and time as xsd:dateTime in UTC
 * (one without an offset read as UTC), anything else as undefined: other texts Date.parse would
 * read in the server's own time zone, or loosely (`June 2023-06-15`), and a day that is not in the
 * calendar is no date.
 */
export function dateLiteral(v: unknown): ReturnType<typeof literal> | undefined {
  const s = textOf(v);
  if (s === undefined) return undefined;
  if (DATE.test(s)) return isDay(s) ? literal(s, xsd('date')) : undefined;
  const m = DATE_TIME.exec(s);
  if (!m || !isDay(m[1])) return undefined;
  const t = Date.parse(m[2] ? s : `${s}Z`);
  return Number.isNaN(t) ? undefined : literal(new Date(t).toISOString(), xsd('dateTime'));
}
