import type { FieldDef } from '../model/descriptor';
import type { RecordHit } from '../model/searchResult';
import type { FieldValue } from '../model/values';
import { xmlText } from './catalogFeed';
import type { ExportWriter } from './formats/streamWriter';
import { renderValue, type RecordContext } from './recordObject';

/** Where a records feed is read from, and where its items point. */
export interface RecordsFeedContext {
  /** The feed's own URL (the request's, without its key). */
  self: string;
  /** The site (`https://host`), which record links start with. */
  site: string;
  /** The path of the dataset's record lookups (`/api/datasets/1.0/<dataset>/records/`). */
  recordPath: string;
  /** The feed's title (the dataset's). */
  title: string;
}

/** A value as feed text: lists joined, shapes and files left out (a feed item carries words). */
function valueText(value: FieldValue): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').join(', ') || undefined;
  return undefined;
}

interface Item { id: string; link: string; title: string; summary: string; updated: string }

/**
 * One record as a feed item: its title is the first text field (in the columns shown) that has a
 * value, else its record id; its summary lists `label: value` for each column shown that has one.
 */
function itemOf(hit: RecordHit, ctx: RecordContext, columns: readonly FieldDef[], feed: RecordsFeedContext): Item {
  const shown: Array<[FieldDef, string]> = [];
  for (const field of columns) {
    const raw = hit.fields[field.name];
    const text = raw === undefined || raw === null ? undefined : valueText(renderValue(field, raw, ctx.timeZone));
    if (text !== undefined) shown.push([field, text]);
  }
  const title = shown.find(([f]) => f.type === 'text')?.[1] ?? hit.recordid;
  return {
    id: hit.recordid, link: `${feed.site}${feed.recordPath}${encodeURIComponent(hit.recordid)}`, title,
    summary: shown.map(([f, text]) => `${f.label ?? f.name}: ${text}`).join('; '),
    updated: new Date(hit.record_timestamp).toISOString(),
  };
}

const rssItem = (e: Item): string =>
  `<item><title>${xmlText(e.title)}</title><link>${xmlText(e.link)}</link><guid isPermaLink="false">${xmlText(e.id)}</guid>`
  + `<description>${xmlText(e.summary)}</description><pubDate>${new Date(e.updated).toUTCString()}</pubDate></item>`;

const atomEntry = (e: Item): string =>
  `<entry><title>${xmlText(e.title)}</title><id>${xmlText(e.link)}</id><updated>${e.updated}</updated>`
  + `<link href="${xmlText(e.link)}"/><summary>${xmlText(e.summary)}</summary></entry>`;

/**
 * A page of records as an RSS 2.0 or Atom (RFC 4287) feed, written page by page like any other
 * records body. Atom's feed-level `updated` is given by the caller, as it is written before the
 * first record.
 */
export function recordsFeedWriter(kind: 'rss' | 'atom', ctx: RecordContext, columns: readonly FieldDef[], feed: RecordsFeedContext, updated: string): ExportWriter {
  const page = (records: readonly RecordHit[]): string => {
    let out = '';
    for (const r of records) { const item = itemOf(r, ctx, columns, feed); out += kind === 'rss' ? rssItem(item) : atomEntry(item); }
    return out;
  };
  if (kind === 'rss') {
    return {
      contentType: 'application/rss+xml; charset=utf-8', headers: {}, page,
      head: `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>`
        + `<title>${xmlText(feed.title)}</title><link>${xmlText(feed.site)}</link><description>${xmlText(feed.title)}</description>`
        + `<atom:link href="${xmlText(feed.self)}" rel="self" type="application/rss+xml"/>`,
      tail: '</channel></rss>\n',
    };
  }
  return {
    contentType: 'application/atom+xml; charset=utf-8', headers: {}, page,
    head: `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${xmlText(feed.title)}</title>`
      + `<id>${xmlText(feed.self)}</id><updated>${updated}</updated><link rel="self" href="${xmlText(feed.self)}"/><link href="${xmlText(feed.site)}"/>`
      + `<author><name>${xmlText(feed.title)}</name></author>`,
    tail: '</feed>\n',
  };
}
