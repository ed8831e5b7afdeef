/**
 * bench/floorServer: a bare server in front of Elasticsearch, as a yardstick for the API
 * (bench/floor.ts). Plain node:http, no framework, and the Elasticsearch client as the API
 * configures it. The searches come in advance (`POST /searches`, a JSON array of the requests
 * the API sends and whether each is split as the API splits it); `GET /<n>` sends the n-th as the
 * direct side of the benches sends it (searchIndex, its answer parsed whole) and writes back its
 * total, hits and aggregations with one JSON.stringify. No parameter is read or checked, no query
 * planned, and no quota, log, metric or error body. `GET /empty` answers `{}` at once: one HTTP
 * exchange and nothing else, the least any server in front of Elasticsearch adds.
 * Its port is PORT; Elasticsearch is reached as the API reaches it (ES_URL, …).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { SearchRequest } from '@elastic/elasticsearch/lib/api/types';
import { loadConfig } from '../src/config/config';
import { createEsClient } from '../src/execute/elasticsearch';
import type { Deps } from '../src/execute/deps';
import { searchIndex } from '../src/execute/searchIndex';

/** A search the floor sends: the request, and whether it goes as the API's split `_msearch`. */
export interface FloorSearch { body: SearchRequest; countsApart: boolean }

const config = loadConfig(process.env);
const deps = { es: createEsClient(config) } as Pick<Deps, 'es'> as Deps;
let searches: FloorSearch[] = [];

const reply = (res: ServerResponse, status: number, text: string): void => {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) }).end(text);
};

async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'POST' && req.url === '/searches') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    searches = JSON.parse(Buffer.concat(chunks).toString('utf8')) as FloorSearch[];
    reply(res, 200, '{}');
    return;
  }
  if (req.url === '/health' || req.url === '/empty') {
    reply(res, 200, '{}');
    return;
  }
  const search = searches[Number((req.url ?? '').slice(1))];
  if (search === undefined) {
    reply(res, 404, '{}');
    return;
  }
  const found = await searchIndex(deps, search.body, { countsApart: search.countsApart });
  reply(res, 200, JSON.stringify({ total: found.hits.total, hits: found.hits.hits, aggregations: found.aggregations }));
}

createServer((req, res) => {
  answer(req, res).catch((err: unknown) => reply(res, 500, JSON.stringify({ error: String(err) })));
}).listen(Number(process.env.PORT), '127.0.0.1');
