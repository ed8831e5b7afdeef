/**
 * The peer of bench/peers: Searchkit (`@searchkit/api`) behind a small HTTP server, as its
 * documentation has it served (POST the InstantSearch requests, answer its results), in its own
 * process. Configured from PEERS_CONFIG (JSON): Elasticsearch's URL, the index, and the clause our
 * API compiles for each free text, so that both sides search the same words the same way.
 * Searchkit is also told what it needs to give the same hits and counts: the total hits tracked,
 * our page order (record id), and a year → month hierarchy of `date_debut` as two custom facets.
 */
import { createServer } from 'node:http';
import Client from '@searchkit/api';
import type { CustomFacetConfig, ElasticsearchQuery, SearchRequest } from '@searchkit/api';

interface PeersConfig { esUrl: string; index: string; textClauses: Record<string, ElasticsearchQuery> }
const config = JSON.parse(process.env.PEERS_CONFIG ?? '{}') as PeersConfig;

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4}) > (\d{2})$/;
const dayAfter = (y: number, m: number): string => (m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`);
const range = (gte: string, lt: string): ElasticsearchQuery => ({ range: { 'v.date_debut': { gte, lt, format: 'strict_date' } } });
type Buckets = { buckets: Array<{ key_as_string: string; doc_count: number }> };
const counts = (agg: Buckets): Record<string, number> => Object.fromEntries(agg.buckets.map((b) => [b.key_as_string, b.doc_count]));

const dateLevel = (attribute: string, interval: 'year' | 'month', format: string): CustomFacetConfig => ({
  attribute, field: 'v.date_debut', type: 'string',
  facetQuery: () => ({ date_histogram: { field: 'v.date_debut', calendar_interval: interval, format, min_doc_count: 1 } }),
  facetResponse: (agg: Buckets) => counts(agg),
  filterQuery: (_field, value) => {
    const y = YEAR.exec(value), m = MONTH.exec(value);
    if (y) return range(`${y[1]}-01-01`, `${Number(y[1]) + 1}-01-01`);
    if (m) return range(`${m[1]}-${m[2]}-01`, dayAfter(Number(m[1]), Number(m[2])));
    return { match_none: {} };
  },
});

const client = Client({
  connection: { host: config.esUrl },
  search_settings: {
    search_attributes: ['all_text'],
    result_attributes: ['fields'],
    facet_attributes: [
      ...['type_tournage', 'nom_realisateur', 'ardt_lieu'].map((a) => ({ attribute: a, field: `v.${a}`, type: 'string' as const })),
      dateLevel('date_year', 'year', 'yyyy'),
      dateLevel('date_month', 'month', "yyyy' > 'MM"),
    ],
  },
});

/** Searches sent to Elasticsearch so far (an `_msearch` of three counts three), and `_msearch` requests. */
let searches = 0, requests = 0;
const hooks = {
  beforeSearch: async (rs: SearchRequest[]): Promise<SearchRequest[]> => {
    searches += rs.length; requests += 1;
    return rs.map((r) => ({ ...r, body: { ...r.body, track_total_hits: true, sort: [{ recordid: { order: 'asc' } }] } }));
  },
};
const getQuery = (query: string): ElasticsearchQuery => config.textClauses[query] ?? { match_all: {} };

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/counts') { res.end(JSON.stringify({ searches, requests })); return; }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    client.handleRequest(JSON.parse(Buffer.concat(chunks).toString('utf8')), { hooks, getQuery })
      .then((out) => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify(out)); })
      .catch((err: unknown) => { res.statusCode = 500; res.end(String(err)); });
  });
});
// Idle keep-alive connections outlast the pauses between measurements (our API keeps them 5 s: bench/peers sends a request again once when a kept-alive socket was closed under it).
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
