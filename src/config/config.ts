import { z } from 'zod';

/**
 * Configuration, read once from the environment at start-up (README "Configuration").
 * Nothing below http/ and cli/ reads process.env: they receive this object.
 */
const schema = z.object({
  /** HTTP port of the API. */
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Address the API listens on. */
  HOST: z.string().default('0.0.0.0'),
  /** Elasticsearch node URL. */
  ES_URL: z.string().url().default('http://127.0.0.1:9200'),
  /** Prefix of every index and alias name, so that several installations (or tests) share a node. */
  ES_INDEX_PREFIX: z.string().regex(/^[a-z0-9_-]*$/).default(''),
  /** Time limit of one Elasticsearch request; beyond it a search answers 504. */
  ES_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(10000),
  /** PostgreSQL connection string; the database is created if it does not exist. */
  DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/portal_search'),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  esUrl: string;
  indexPrefix: string;
  esRequestTimeoutMs: number;
  databaseUrl: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT, host: e.HOST, esUrl: e.ES_URL, indexPrefix: e.ES_INDEX_PREFIX,
    esRequestTimeoutMs: e.ES_REQUEST_TIMEOUT_MS, databaseUrl: e.DATABASE_URL, logLevel: e.LOG_LEVEL,
  };
}
