import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * The connection of a request that asked to switch protocols, the bytes read past its headers,
 * and how to take the connection from the HTTP answer that would otherwise be written on it.
 */
export interface Upgrade { socket: Duplex; head: Buffer; detach(): void }

const upgrades = new WeakMap<IncomingMessage, Upgrade>();

/**
 * Marks a request as an upgrade that the HTTP server hands to the application: the routes run
 * as for any request (keys, quotas, errors answered in JSON on the same connection), and the one
 * that speaks the asked protocol takes the connection with `takeUpgrade`.
 */
export function markUpgrade(req: IncomingMessage, upgrade: Upgrade): void {
  upgrades.set(req, upgrade);
}

/** Takes the connection of an upgrade request away from its HTTP answer; undefined for a plain request. */
export function takeUpgrade(req: IncomingMessage): Upgrade | undefined {
  const upgrade = upgrades.get(req);
  upgrades.delete(req);
  upgrade?.detach();
  return upgrade;
}

/** Whether the request asked to switch protocols and the server handed it to the application. */
export function isUpgrade(req: IncomingMessage): boolean {
  return upgrades.has(req);
}

/** Whether the request asks for a WebSocket and the server can hand its connection over. */
export function isWebSocketUpgrade(req: IncomingMessage): boolean {
  return upgrades.has(req) && (req.headers.upgrade ?? '').toLowerCase() === 'websocket';
}
