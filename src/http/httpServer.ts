import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Express } from 'express';
import type { HttpConfig } from '../config/config';
import { markUpgrade } from '../dialects/shared/upgrades';

/** The server's own limits on slow clients (README "Configuration"). */
export type ServerTimeouts = Pick<HttpConfig, 'headersTimeoutMs' | 'requestTimeoutMs' | 'keepAliveTimeoutMs' | 'sendTimeoutMs'>;

const DEFAULT_TIMEOUTS: ServerTimeouts = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, sendTimeoutMs: 60_000 };

/**
 * The HTTP server. Headers may reach 64 KiB, so that an over-long URL gets our JSON 414 rather
 * than Node's bare 431. A client that has not sent its headers within `headersTimeoutMs`, or its
 * whole request within `requestTimeoutMs`, gets Node's 408 and the connection is closed; the
 * check runs every second (or more often for shorter limits). A connection on which nothing has
 * moved for `sendTimeoutMs` (a client that stopped reading its answer) is closed, and what was
 * being sent to it is let go: a streamed answer stops reading from Elasticsearch.
 */
export function createHttpServer(app: Express, timeouts: ServerTimeouts = DEFAULT_TIMEOUTS): Server {
  const server = createServer({
    IncomingMessage: builtOn(IncomingMessage, app.request),
    ServerResponse: builtOn(ServerResponse, app.response),
    maxHeaderSize: 65_536,
    headersTimeout: timeouts.headersTimeoutMs,
    requestTimeout: timeouts.requestTimeoutMs,
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(timeouts.headersTimeoutMs / 2))),
  }, app);
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  // With no 'timeout' listener, Node destroys the idle socket.
  server.timeout = timeouts.sendTimeoutMs;
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => serveUpgrade(app, req, socket as Socket, head));
  return server;
}

/**
 * `base`'s constructor, building objects whose prototype is `prototype` (Express's request or
 * response, which inherit from `base`'s). Express sets that prototype on every request it
 * handles; on an object that already has it, that is a no-op instead of a change of shape
 * (0.15 ms of CPU less a request, 2026-12-05). Node's constructors are plain functions, called
 * on the new object; building it with `Reflect.construct` instead cost more than it saved. Were
 * `base` a class, it could not be called so, and it is kept as it is.
 */
function builtOn<T extends typeof IncomingMessage | typeof ServerResponse>(base: T, prototype: object): T {
  if (Function.prototype.toString.call(base).startsWith('class')) return base;
  const construct = base as unknown as (this: object, ...args: unknown[]) => void;
  function Built(this: object, ...args: unknown[]): void { construct.apply(this, args); }
  Built.prototype = prototype;
  return Built as unknown as T;
}

/**
 * A request that asks to switch protocols goes through the application like any other, its
 * answer written on the same connection, which then closes: a refusal (no key, no such job) is
 * the JSON error the route would give. The route that speaks the protocol takes the connection.
 */
function serveUpgrade(app: Express, req: IncomingMessage, socket: Socket, head: Buffer): void {
  socket.on('error', () => socket.destroy());
  const res = new ServerResponse(req);
  res.shouldKeepAlive = false;
  res.assignSocket(socket);
  res.once('finish', () => socket.end());
  markUpgrade(req, { socket, head, detach: () => res.detachSocket(socket) });
  app(req, res);
}
