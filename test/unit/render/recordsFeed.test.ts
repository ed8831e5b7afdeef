import type { FieldDef, FieldType } from '../../../src/model/descriptor';
import type { RecordHit } from '../../../src/model/searchResult';
import { recordsFeedWriter, type RecordsFeedContext } from '../../../src/render/recordsFeed';

const field = (name: string, label: string, type: FieldType): FieldDef => ({ name, label, type, annotations: [], source: { column: name } });
const columns = [field('n', 'Nombre', 'int'), field('nom', 'Nom', 'text'), field('autre', 'Autre', 'text'), field('tags', 'Tags', 'text'), field('forme', 'Forme', 'geo_shape'), field('quand', 'Quand', 'datetime')];
const ctx = { schema: columns, timeZone: 'Europe/Paris', datasetId: 'd' };
const feed: RecordsFeedContext = { self: 'https://h.example/api/records?a=1&b=2', site: 'https://h.example', recordPath: '/api/datasets/1.0/d/records/', title: 'Arbres <remarquables>' };
const hit = (recordid: string, fields: Record<string, unknown>): RecordHit => ({ datasetid: 'd', recordid, record_timestamp: '2026-03-29T01:30:00+01:00', fields } as unknown as RecordHit);

const hits = [
  // The title is the first text field with a value (not the number before it); lists are joined; shapes left out; instants in the zone.
  hit('r 1', { n: 3, nom: 'Chêne & "frêne"', autre: 'x', tags: ['a', 'b'], forme: { type: 'Point', coordinates: [1, 2] }, quand: '2019-06-21T08:00:00Z' }),
  // No text value (empty, null, a list with no text): the record id is the title.
  hit('r2', { nom: '', autre: null, tags: [] }),
];

describe('records feeds', () => {
  test('RSS 2.0: a channel, one item per record', () => {
    const w = recordsFeedWriter('rss', ctx, columns, feed, 'unused');
    expect([w.contentType, w.headers]).toEqual(['application/rss+xml; charset=utf-8', {}]);
    expect(w.head).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
      + '<title>Arbres &lt;remarquables&gt;</title><link>https://h.example</link><description>Arbres &lt;remarquables&gt;</description>'
      + '<atom:link href="https://h.example/api/records?a=1&amp;b=2" rel="self" type="application/rss+xml"/>');
    expect(w.page(hits, true)).toBe(
      '<item><title>Chêne &amp; &quot;frêne&quot;</title><link>https://h.example/api/datasets/1.0/d/records/r%201</link><guid isPermaLink="false">r 1</guid>'
      + '<description>Nombre: 3; Nom: Chêne &amp; &quot;frêne&quot;; Autre: x; Tags: a, b; Quand: 2019-06-21T10:00:00+02:00</description>'
      + '<pubDate>Sun, 29 Mar 2026 00:30:00 GMT</pubDate></item>'
      + '<item><title>r2</title><link>https://h.example/api/datasets/1.0/d/records/r2</link><guid isPermaLink="false">r2</guid>'
      + '<description></description><pubDate>Sun, 29 Mar 2026 00:30:00 GMT</pubDate></item>');
    expect(w.tail).toBe('</channel></rss>\n');
  });

  test('Atom (RFC 4287): the feed updated as given, one entry per record', () => {
    const w = recordsFeedWriter('atom', ctx, columns, feed, '2026-04-01T00:00:00.000Z');
    expect([w.contentType, w.headers]).toEqual(['application/atom+xml; charset=utf-8', {}]);
    expect(w.head).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Arbres &lt;remarquables&gt;</title>'
      + '<id>https://h.example/api/records?a=1&amp;b=2</id><updated>2026-04-01T00:00:00.000Z</updated>'
      + '<link rel="self" href="https://h.example/api/records?a=1&amp;b=2"/><link href="https://h.example"/><author><name>Arbres &lt;remarquables&gt;</name></author>');
    expect(w.page([hits[1]], true)).toBe('<entry><title>r2</title><id>https://h.example/api/datasets/1.0/d/records/r2</id><updated>2026-03-29T00:30:00.000Z</updated>'
      + '<link href="https://h.example/api/datasets/1.0/d/records/r2"/><summary></summary></entry>');
    expect(w.page([], false)).toBe('');
    expect(w.tail).toBe('</feed>\n');
  });

  test('a field without a label is named by its name; a list holding text and others keeps the text', () => {
    const unlabelled = { ...field('nom', 'Nom', 'text'), label: undefined } as unknown as FieldDef;
    const w = recordsFeedWriter('atom', ctx, [unlabelled, columns[3]], feed, '');
    expect(w.page([hit('r', { nom: 'a', tags: ['x', 3, 'y'] })], true)).toContain('<summary>nom: a; Tags: x, y</summary>');
  });

  test('only the columns shown count, for the summary and the title', () => {
    const w = recordsFeedWriter('rss', ctx, [columns[2]], feed, '');
    expect(w.page([hits[0]], true)).toContain('<title>x</title>');
    expect(w.page([hits[0]], true)).toContain('<description>Autre: x</description>');
  });
});
