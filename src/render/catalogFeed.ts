import type { PackageHit } from '../model/dataset';
import type { ExportWriter } from './formats/streamWriter';
import type { Rendered } from './rendered';

/** Text as XML character data or an attribute value: `&`, `<`, `>`, `"` and `'` escaped, characters XML 1.0 forbids dropped. */
export function xmlText(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Where a feed is read from, and where its entries point. */
export interface FeedContext {
  /** The feed's own URL (the request's). */
  self: string;
  /** The site (`https://host`), which dataset links start with. */
  site: string;
  /** The path of the dataset lookup beside the search (`/api/datasets/1.0/`). */
  datasetPath: string;
  /** The feed's title. */
  title: string;
}

interface Entry { id: string; title: string; summary: string; updated: string; link: string; categories: string[]; author?: string }

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
/** HTML descriptions as plain text: tags dropped, whitespace folded. */
const plain = (html: string): string => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();

function entryOf(hit: PackageHit, ctx: FeedContext): Entry {
  const metas = hit.dataset.metas;
  const themes = Array.isArray(metas.theme) ? metas.theme.filter((t): t is string => typeof t === 'string') : [];
  const updated = text(metas.modified) ?? text(metas.data_processed) ?? hit.dataset.store.updated_at;
  return {
    id: hit.datasetid, title: text(metas.title) ?? hit.datasetid, summary: plain(text(metas.description) ?? ''),
    updated: new Date(updated).toISOString(), link: `${ctx.site}${ctx.datasetPath}${encodeURIComponent(hit.datasetid)}`,
    categories: [...themes, ...(Array.isArray(metas.keyword) ? metas.keyword.filter((k): k is string => typeof k === 'string') : [])],
    ...(text(metas.publisher) ? { author: text(metas.publisher) } : {}),
  };
}

/** RFC 822 dates, as RSS 2.0 writes them (`Tue, 01 Dec 2026 10:00:00 GMT`). */
const rfc822 = (iso: string): string => new Date(iso).toUTCString();

/** A catalog page as an RSS 2.0 feed written piece by piece: the channel, one item per dataset as the page is sorted, the end. */
export function catalogRssWriter(ctx: FeedContext): ExportWriter<PackageHit> {
  const item = (e: Entry): string => [
    '<item>',
    `<title>${xmlText(e.title)}</title>`,
    `<link>${xmlText(e.link)}</link>`,
    `<guid isPermaLink="false">${xmlText(e.id)}</guid>`,
    `<description>${xmlText(e.summary)}</description>`,
    `<pubDate>${rfc822(e.updated)}</pubDate>`,
    ...e.categories.map((c) => `<category>${xmlText(c)}</category>`),
    ...(e.author ? [`<dc:creator>${xmlText(e.author)}</dc:creator>`] : []),
    '</item>',
  ].join('');
  return {
    contentType: 'application/rss+xml; charset=utf-8',
    headers: {},
    head: `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>`
      + `<title>${xmlText(ctx.title)}</title><link>${xmlText(ctx.site)}</link><description>${xmlText(ctx.title)}</description>`
      + `<atom:link href="${xmlText(ctx.self)}" rel="self" type="application/rss+xml"/>`,
    page: (hits) => hits.map((h) => item(entryOf(h, ctx))).join(''),
    tail: '</channel></rss>\n',
  };
}

/** A catalog page as an RSS 2.0 feed (catalogRssWriter's text, whole). */
export function catalogRss(hits: readonly PackageHit[], ctx: FeedContext): Rendered {
  const writer = catalogRssWriter(ctx);
  return { contentType: writer.contentType, body: writer.head + writer.page(hits, true) + writer.tail };
}

/**
 * A catalog page as an Atom feed (RFC 4287) written piece by piece: the feed's title, id, links
 * and author, one entry per dataset, then the feed's `updated`, the newest entry's (the epoch for
 * none). RFC 4287 gives the order of a feed's children no meaning, so it is written once the
 * entries are known rather than before them.
 */
export function catalogAtomWriter(ctx: FeedContext): ExportWriter<PackageHit> {
  let updated = '1970-01-01T00:00:00.000Z';
  const entry = (e: Entry): string => {
    if (e.updated > updated) updated = e.updated;
    return [
      '<entry>',
      `<title>${xmlText(e.title)}</title>`,
      `<id>${xmlText(e.link)}</id>`,
      `<updated>${e.updated}</updated>`,
      `<link href="${xmlText(e.link)}"/>`,
      `<summary>${xmlText(e.summary)}</summary>`,
      ...e.categories.map((c) => `<category term="${xmlText(c)}"/>`),
      ...(e.author ? [`<author><name>${xmlText(e.author)}</name></author>`] : []),
      '</entry>',
    ].join('');
  };
  return {
    contentType: 'application/atom+xml; charset=utf-8',
    headers: {},
    head: `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${xmlText(ctx.title)}</title>`
      + `<id>${xmlText(ctx.self)}</id><link rel="self" href="${xmlText(ctx.self)}"/><link href="${xmlText(ctx.site)}"/>`
      + `<author><name>${xmlText(ctx.title)}</name></author>`,
    page: (hits) => hits.map((h) => entry(entryOf(h, ctx))).join(''),
    get tail() { return `<updated>${updated}</updated></feed>\n`; },
  };
}

/** A catalog page as an Atom feed (catalogAtomWriter's text, whole). */
export function catalogAtom(hits: readonly PackageHit[], ctx: FeedContext): Rendered {
  const writer = catalogAtomWriter(ctx);
  return { contentType: writer.contentType, body: writer.head + writer.page(hits, true) + writer.tail };
}
