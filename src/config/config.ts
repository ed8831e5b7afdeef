import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from './projectRoot';

const httpUrl = (s: string): boolean => { try { return /^https?:$/.test(new URL(s).protocol); } catch { return false; } };
/** `auto`, or a whole number from `min`. */
const autoOrCount = (min: number) => z.union([z.literal('auto'), z.coerce.number().int().min(min)]).default('auto');

/**
 * Configuration, read once from the environment at start-up (README "Configuration").
 * Nothing below http/ and cli/ reads process.env: they receive this object.
 */
const schema = z.object({
  /** HTTP port of the API. */
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Address the API listens on. */
  HOST: z.string().default('0.0.0.0'),
  /** Elasticsearch node URLs, comma-separated (one or several nodes of the same cluster). */
  ES_URL: z.string().default('http://127.0.0.1:9200')
    .transform((s) => s.split(',').map((u) => u.trim()).filter((u) => u !== ''))
    .refine((urls) => urls.length > 0 && urls.every(httpUrl), 'one or more http(s) URLs, comma-separated'),
  /** An Elasticsearch API key (the base64 `encoded` value), for a cluster with security on. */
  ES_API_KEY: z.string().min(1).optional(),
  /** Basic authentication to Elasticsearch (the alternative to ES_API_KEY). */
  ES_USERNAME: z.string().min(1).optional(),
  ES_PASSWORD: z.string().optional(),
  /** A PEM file of the certificate authority that signed the cluster's HTTPS certificates. */
  ES_CA_FILE: z.string().min(1).optional(),
  /** Retries of a request that could not reach a node or got 502/503/504 (the next node is tried first). */
  ES_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  /** Bulk reads (export pages, later pieces of large pages) in Elasticsearch at once, for the whole process. */
  ES_BULK_READS: z.coerce.number().int().min(1).max(64).default(1),
  /** Primary shards of each record index: `auto` (by the dataset's record count) or a number. */
  ES_SHARDS: autoOrCount(1),
  /** Replicas of each index: `auto` (1 when the cluster has more than one data node, else 0) or a number. */
  ES_REPLICAS: autoOrCount(0),
  /** Prefix of every index and alias name, so that several installations (or tests) share a node. */
  ES_INDEX_PREFIX: z.string().regex(/^[a-z0-9_-]*$/).default(''),
  /**
   * OpenTelemetry spans of the Elasticsearch client's requests, for an application that registers a
   * tracer (the transport's own variable; off here, where the transport would open them by default).
   */
  OTEL_ELASTICSEARCH_ENABLED: z.enum(['true', 'false']).default('false'),
  /** Time limit of one Elasticsearch request; beyond it a search answers 504. */
  ES_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(10000),
  /** PostgreSQL connection string; the database is created if it does not exist. */
  DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/portal_search'),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Time a client has to send a request's headers (Node answers 408 and closes beyond it). */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Time a client has to send a whole request, body included (at least the headers' time). */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** How long a connection may go with nothing sent or received before it is closed (a client that stopped reading); longer than an Elasticsearch call may take. */
  HTTP_SEND_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  /** The most bytes one records page or geopreview may come to; a larger one is a 400 pointing to the download API. */
  PAGE_MAX_BYTES: z.coerce.number().int().positive().default(64 * 1024 * 1024),
  /** Records per Elasticsearch read of a large page (a page is read, rendered and sent in pieces of this many). */
  PAGE_PIECE_ROWS: z.coerce.number().int().min(10).max(10_000).default(200),
  /** Downloads, exports and pages of more than PAGE_PIECE_ROWS rows sent at once by this process (each holds a piece of its answer, a few to tens of MB): `auto` (one per 64 MiB of heap) or a number. */
  LARGE_ANSWERS_AT_ONCE: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(10_000)]).default('auto'),
  /** How many more of them may wait for a turn; beyond, a 503 (`busy`) with Retry-After. */
  LARGE_ANSWERS_WAITING: z.coerce.number().int().min(0).max(100_000).default(256),
  /** How long one may wait for its turn before it is a 503 (`busy`): under HTTP_SEND_TIMEOUT_MS, which would close its idle connection. */
  LARGE_ANSWERS_WAIT_MS: z.coerce.number().int().positive().default(30_000),
  /** How long an idle keep-alive connection stays open. */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  /** Express's `trust proxy`: empty (the peer address is the caller), `true`, a hop count, or addresses/subnets (`loopback`, `10.0.0.0/8`). */
  TRUST_PROXY: z.string().default(''),
  /** `max-age` of the `Cache-Control: public` that anonymous GET answers carry. */
  CACHE_MAX_AGE_SECONDS: z.coerce.number().int().min(0).default(60),
  /** Whether answers of text types (pages, downloads) are compressed, in Brotli or gzip, for clients whose Accept-Encoding allows it. */
  RESPONSE_COMPRESSION: z.enum(['on', 'off'], 'must be on or off').default('on'),
  /** Time limit of each store check of /api/health (event-loop lag does not count against it). */
  HEALTH_TIMEOUT_MS: z.coerce.number().int().positive().default(2000),
  /** Whether /metrics serves Prometheus metrics. */
  METRICS: z.enum(['on', 'off'], 'must be on or off').default('on'),
  /** When set, a scrape of /metrics must send `Authorization: Bearer <METRICS_KEY>`. */
  METRICS_KEY: z.string().min(16, 'at least 16 characters').optional(),
  /** Where uploaded source files are kept (each dataset's under its id; a job reads its file from there). */
  UPLOAD_DIR: z.string().min(1).optional(),
  /** The largest upload the management API accepts (1 GiB); a larger one is a 413. */
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(1024 * 1024 * 1024),
  /** Where quota counters live: `memory` (one process) or `postgresql` (shared by every process on the database). */
  QUOTA_STORE: z.enum(['memory', 'postgresql']).default('memory'),
  /** Default quotas of a domain (the `domain_quotas` table overrides them per domain): calls per UTC day and per second. */
  QUOTA_ANONYMOUS_PER_DAY: z.coerce.number().int().positive().default(10_000),
  QUOTA_ANONYMOUS_PER_SECOND: z.coerce.number().int().positive().default(20),
  QUOTA_KEY_PER_DAY: z.coerce.number().int().positive().default(100_000),
  QUOTA_KEY_PER_SECOND: z.coerce.number().int().positive().default(50),
}).refine((e) => e.HTTP_REQUEST_TIMEOUT_MS >= e.HTTP_HEADERS_TIMEOUT_MS, { path: ['HTTP_REQUEST_TIMEOUT_MS'], message: 'must be at least HTTP_HEADERS_TIMEOUT_MS' })
  .refine((e) => e.HTTP_SEND_TIMEOUT_MS > e.ES_REQUEST_TIMEOUT_MS, { path: ['HTTP_SEND_TIMEOUT_MS'], message: 'must be longer than ES_REQUEST_TIMEOUT_MS' })
  .refine((e) => !(e.ES_API_KEY && e.ES_USERNAME), { path: ['ES_API_KEY'], message: 'give ES_API_KEY or ES_USERNAME, not both' })
  .refine((e) => (e.ES_USERNAME === undefined) === (e.ES_PASSWORD === undefined), { path: ['ES_USERNAME'], message: 'ES_USERNAME and ES_PASSWORD go together' });

/** Calls a caller may make on a domain: per UTC day and per second. */
export interface QuotaLimits { perDay: number; perSecond: number }

/** The HTTP server's limits and caching. */
export interface HttpConfig {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Inactivity of a connection after which it is closed. */
  sendTimeoutMs: number;
  /** How large pages are read (records per piece) and the most bytes one may come to. */
  pages: { maxBytes: number; pieceRows: number };
  /** How many large answers are sent at once, how many more may wait and how long (LARGE_ANSWERS_AT_ONCE, LARGE_ANSWERS_WAITING, LARGE_ANSWERS_WAIT_MS). */
  largeAnswers: { atOnce: number | 'auto'; waiting: number; waitMs: number };
  /** /metrics, and the key a scrape must send (none: open); undefined: no /metrics. */
  metrics: { key?: string } | undefined;
  keepAliveTimeoutMs: number;
  trustProxy: boolean | number | string;
  cacheMaxAgeSeconds: number;
  compression: boolean;
  healthTimeoutMs: number;
}

/** Quotas: where the counters live, and the defaults of every domain. */
export interface QuotaConfig {
  store: 'memory' | 'postgresql';
  anonymous: QuotaLimits;
  key: QuotaLimits;
}

/** How the server authenticates to Elasticsearch (none when security is off). */
export type EsAuth = { apiKey: string } | { username: string; password: string };

/** A count that Elasticsearch's size decides (`auto`) or a fixed one. */
export type AutoOrCount = 'auto' | number;

export interface Config {
  port: number;
  host: string;
  /** One URL per node; the client spreads requests over them and fails over between them. */
  esNodes: string[];
  esAuth?: EsAuth;
  esCaFile?: string;
  esMaxRetries: number;
  /** Whether the Elasticsearch client opens an OpenTelemetry span per request (OTEL_ELASTICSEARCH_ENABLED). */
  esTracing: boolean;
  /** Bulk reads in Elasticsearch at once (ES_BULK_READS). */
  esBulkReads: number;
  esShards: AutoOrCount;
  esReplicas: AutoOrCount;
  indexPrefix: string;
  esRequestTimeoutMs: number;
  databaseUrl: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  http: HttpConfig;
  quotas: QuotaConfig;
  /** The management API's uploads: where they are kept and the largest accepted. */
  uploads: { dir: string; maxBytes: number };
}

const trustProxy = (v: string): boolean | number | string => (v === '' || v === 'false' ? false : v === 'true' ? true : /^\d+$/.test(v) ? Number(v) : v);

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const esAuth: EsAuth | undefined = e.ES_API_KEY !== undefined ? { apiKey: e.ES_API_KEY }
    : e.ES_USERNAME !== undefined ? { username: e.ES_USERNAME, password: e.ES_PASSWORD ?? '' } : undefined;
  return {
    port: e.PORT, host: e.HOST, esNodes: e.ES_URL, ...(esAuth ? { esAuth } : {}), ...(e.ES_CA_FILE ? { esCaFile: e.ES_CA_FILE } : {}),
    esMaxRetries: e.ES_MAX_RETRIES, esTracing: e.OTEL_ELASTICSEARCH_ENABLED === 'true', esBulkReads: e.ES_BULK_READS, esShards: e.ES_SHARDS, esReplicas: e.ES_REPLICAS, indexPrefix: e.ES_INDEX_PREFIX,
    esRequestTimeoutMs: e.ES_REQUEST_TIMEOUT_MS, databaseUrl: e.DATABASE_URL, logLevel: e.LOG_LEVEL,
    http: {
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS, requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS, keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS, sendTimeoutMs: e.HTTP_SEND_TIMEOUT_MS,
      trustProxy: trustProxy(e.TRUST_PROXY), cacheMaxAgeSeconds: e.CACHE_MAX_AGE_SECONDS, compression: e.RESPONSE_COMPRESSION === 'on', healthTimeoutMs: e.HEALTH_TIMEOUT_MS,
      pages: { maxBytes: e.PAGE_MAX_BYTES, pieceRows: e.PAGE_PIECE_ROWS },
      largeAnswers: { atOnce: e.LARGE_ANSWERS_AT_ONCE, waiting: e.LARGE_ANSWERS_WAITING, waitMs: e.LARGE_ANSWERS_WAIT_MS },
      metrics: e.METRICS === 'on' ? { ...(e.METRICS_KEY ? { key: e.METRICS_KEY } : {}) } : undefined,
    },
    uploads: { dir: e.UPLOAD_DIR ?? join(projectRoot(), 'var', 'uploads'), maxBytes: e.UPLOAD_MAX_BYTES },
    quotas: {
      store: e.QUOTA_STORE,
      anonymous: { perDay: e.QUOTA_ANONYMOUS_PER_DAY, perSecond: e.QUOTA_ANONYMOUS_PER_SECOND },
      key: { perDay: e.QUOTA_KEY_PER_DAY, perSecond: e.QUOTA_KEY_PER_SECOND },
    },
  };
}
