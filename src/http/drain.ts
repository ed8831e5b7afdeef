import type { Server, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/**
 * Graceful shutdown of the HTTP server. Node keeps serving requests on kept-alive connections
 * after `server.close()`, so once draining every response says `Connection: close`: the request
 * a connection is carrying finishes, then the connection ends, and a new request meets a closed
 * port (connection refused) instead of being cut off half-way.
 */
export class Drain {
  private started = false;
  private readonly inFlight = new Set<ServerResponse>();

  /** True once shutdown has begun. */
  get draining(): boolean {
    return this.started;
  }

  /** The middleware that closes each connection after its response once draining (responses begun before included). */
  readonly middleware: RequestHandler = (_req, res, next) => {
    if (this.started) res.set('Connection', 'close');
    else {
      this.inFlight.add(res);
      res.on('close', () => this.inFlight.delete(res));
    }
    next();
  };

  /**
   * Stops accepting connections, lets the requests in flight finish (for at most `graceMs`, then
   * cuts the connections that remain), and resolves once every connection has ended.
   */
  async shutDown(server: Server, graceMs: number): Promise<void> {
    this.started = true;
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    this.inFlight.clear();
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), graceMs);
      force.unref();
      server.close(() => { clearTimeout(force); resolve(); });
      server.closeIdleConnections();
    });
  }
}
