import { createServer, Server } from 'node:http';
import type { Express } from 'express';
import type { HttpConfig } from '../config/config';

/** The server's own limits on slow clients (README "Configuration"). */
export type ServerTimeouts = Pick<HttpConfig, 'headersTimeoutMs' | 'requestTimeoutMs' | 'keepAliveTimeoutMs'>;

const DEFAULT_TIMEOUTS: ServerTimeouts = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 };

/**
 * The HTTP server. Headers may reach 64 KiB, so that an over-long URL gets our JSON 414 rather
 * than Node's bare 431. A client that has not sent its headers within `headersTimeoutMs`, or its
 * whole request within `requestTimeoutMs`, gets Node's 408 and the connection is closed; the
 * check runs every second (or more often for shorter limits).
 */
export function createHttpServer(app: Express, timeouts: ServerTimeouts = DEFAULT_TIMEOUTS): Server {
  const server = createServer({
    maxHeaderSize: 65_536,
    headersTimeout: timeouts.headersTimeoutMs,
    requestTimeout: timeouts.requestTimeoutMs,
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(timeouts.headersTimeoutMs / 2))),
  }, app);
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  return server;
}
