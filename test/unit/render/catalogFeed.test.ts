import type { CatalogHit } from '../../../src/model/dataset';
import { catalogAtom, catalogRss, xmlText, type FeedContext } from '../../../src/render/catalogFeed';

const store = { resource_id: 'r', visibility: 'public' as const, state: 'published' as const, created_at: '2020-01-01T00:00:00.000Z', updated_at: '2020-05-06T07:08:09.000Z', published_at: null };
const hit = (datasetid: string, metas: Record<string, unknown>): CatalogHit => ({ datasetid, has_records: true, features: [], dataset: { metas, fields: [], store } });
const ctx: FeedContext = { self: 'https://h.example/api/feed?q=a&rows=2', site: 'https://h.example', datasetPath: '/api/datasets/1.0/', title: 'Données <ouvertes>' };

const full = hit('arbres é', {
  title: 'Arbres & "haies"', description: '<p>Les  arbres</p>\n<b>de</b> la ville ', theme: ['Env', 3], keyword: ['arbre', null, 'parc'],
  publisher: 'Ville', modified: '2026-03-29T01:30:00+01:00', data_processed: '2025-01-01T00:00:00Z',
});
const bare = hit('nu', { title: '', description: '', modified: '', data_processed: '2024-02-03T04:05:06Z', publisher: '' });
const oldest = hit('vieux', {});

describe('xmlText', () => {
  test('escapes the five XML specials', () => {
    expect(xmlText(`a & b < c > d "e" 'f'`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;');
    // `&` first: an escaped `<` is not escaped twice.
    expect(xmlText('<&>')).toBe('&lt;&amp;&gt;');
  });

  test('drops the characters XML 1.0 forbids, keeps tab, line feed and carriage return', () => {
    expect(xmlText('a\u0000\u0001\u0008b')).toBe('ab');
    expect(xmlText('a\u0009\u000a\u000db')).toBe('a\t\n\rb');
    expect(xmlText('a\u000b\u000c\u000e\u001fb')).toBe('ab');
    expect(xmlText('a\u0020\ufffdb')).toBe('a \ufffdb');
    expect(xmlText('a\ufffe\uffffb')).toBe('ab');
  });
});

describe('catalogRss', () => {
  test('an RSS 2.0 channel with one item per dataset', () => {
    const { contentType, body } = catalogRss([full, bare, oldest], ctx);
    expect(contentType).toBe('application/rss+xml; charset=utf-8');
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
      + '<title>Données &lt;ouvertes&gt;</title><link>https://h.example</link><description>Données &lt;ouvertes&gt;</description>'
      + '<atom:link href="https://h.example/api/feed?q=a&amp;rows=2" rel="self" type="application/rss+xml"/>';
    // The modified date is read as an instant: 01:30 at +01:00 is 00:30 UTC.
    const item1 = '<item><title>Arbres &amp; &quot;haies&quot;</title><link>https://h.example/api/datasets/1.0/arbres%20%C3%A9</link>'
      + '<guid isPermaLink="false">arbres é</guid><description>Les arbres de la ville</description><pubDate>Sun, 29 Mar 2026 00:30:00 GMT</pubDate>'
      + '<category>Env</category><category>arbre</category><category>parc</category><dc:creator>Ville</dc:creator></item>';
    // Empty title, description, modified and publisher count as absent: the id, nothing, data_processed, no creator.
    const item2 = '<item><title>nu</title><link>https://h.example/api/datasets/1.0/nu</link><guid isPermaLink="false">nu</guid>'
      + '<description></description><pubDate>Sat, 03 Feb 2024 04:05:06 GMT</pubDate></item>';
    // No date in the metas: the store's last update.
    const item3 = '<item><title>vieux</title><link>https://h.example/api/datasets/1.0/vieux</link><guid isPermaLink="false">vieux</guid>'
      + '<description></description><pubDate>Wed, 06 May 2020 07:08:09 GMT</pubDate></item>';
    expect(body).toBe(`${head}${item1}${item2}${item3}</channel></rss>\n`);
  });

  test('a title or publisher that is not text counts as absent', () => {
    const { body } = catalogRss([hit('t', { title: 42, publisher: 7 })], ctx);
    expect(body).toContain('<item><title>t</title>');
    expect(body).not.toContain('dc:creator>');
  });

  test('a tag between two words of the description parts them with a space', () => {
    // `<p>un</p><p>deux</p>` shows two paragraphs: as plain text, two words.
    const { body } = catalogRss([hit('p', { description: '<p>un</p><p>deux</p>a<br/>b' })], ctx);
    expect(body).toContain('<description>un deux a b</description>');
  });

  test('themes and keywords that are not lists give no category', () => {
    const { body } = catalogRss([hit('s', { theme: 'Env', keyword: 'k' })], ctx);
    expect(body).not.toContain('<category>');
  });
});

describe('catalogAtom', () => {
  test('an Atom feed (RFC 4287): its updated, the newest entry\'s, follows the entries', () => {
    const { contentType, body } = catalogAtom([bare, full, oldest], ctx);
    expect(contentType).toBe('application/atom+xml; charset=utf-8');
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Données &lt;ouvertes&gt;</title>'
      + '<id>https://h.example/api/feed?q=a&amp;rows=2</id>'
      + '<link rel="self" href="https://h.example/api/feed?q=a&amp;rows=2"/><link href="https://h.example"/>'
      + '<author><name>Données &lt;ouvertes&gt;</name></author>';
    const e1 = '<entry><title>nu</title><id>https://h.example/api/datasets/1.0/nu</id><updated>2024-02-03T04:05:06.000Z</updated>'
      + '<link href="https://h.example/api/datasets/1.0/nu"/><summary></summary></entry>';
    const e2 = '<entry><title>Arbres &amp; &quot;haies&quot;</title><id>https://h.example/api/datasets/1.0/arbres%20%C3%A9</id>'
      + '<updated>2026-03-29T00:30:00.000Z</updated><link href="https://h.example/api/datasets/1.0/arbres%20%C3%A9"/>'
      + '<summary>Les arbres de la ville</summary><category term="Env"/><category term="arbre"/><category term="parc"/>'
      + '<author><name>Ville</name></author></entry>';
    const e3 = '<entry><title>vieux</title><id>https://h.example/api/datasets/1.0/vieux</id><updated>2020-05-06T07:08:09.000Z</updated>'
      + '<link href="https://h.example/api/datasets/1.0/vieux"/><summary></summary></entry>';
    expect(body).toBe(`${head}${e1}${e2}${e3}<updated>2026-03-29T00:30:00.000Z</updated></feed>\n`);
  });

  test('the newest entry wins wherever it stands in the page', () => {
    const updatedOf = (hits: CatalogHit[]): string | undefined => /<updated>([^<]*)<\/updated><\/feed>/.exec(catalogAtom(hits, ctx).body)?.[1];
    expect(updatedOf([full, bare, oldest])).toBe('2026-03-29T00:30:00.000Z');
    expect(updatedOf([oldest, bare])).toBe('2024-02-03T04:05:06.000Z');
  });

  test('an empty page is updated at the epoch', () => {
    expect(catalogAtom([], ctx).body).toContain('<updated>1970-01-01T00:00:00.000Z</updated></feed>');
  });
});
