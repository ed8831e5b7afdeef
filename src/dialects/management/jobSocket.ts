import type { Request } from 'express';
import { WebSocket, WebSocketServer } from 'ws';
import type { Deps } from '../../execute/deps';
import type { JobBus } from '../../execute/jobBus';
import type { Job } from '../../model/job';
import type { Upgrade } from '../shared/upgrades';
import { followJob } from './followJob';
import { HEARTBEAT_MS } from './jobEvents';
import { jobJson, jobLine } from './wire';

/** Clients only listen: a message from one is at most a few bytes, and a larger one closes it. */
const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024, perMessageDeflate: false, clientTracking: false });

/**
 * A job's progress over a WebSocket, the same events as the SSE stream: each message is
 * `{"type": "progress" | "end", "id": n, "message": "…", "job": {…}}`, the message a line for a
 * person. After `end` the server closes with 1000.
 * A ping every 15 s keeps proxies from closing a quiet connection; the client's messages are
 * ignored.
 */
export function socketJobEvents(deps: Deps, bus: JobBus, req: Request, upgrade: Upgrade, job: Job): void {
  sockets.handleUpgrade(req, upgrade.socket, upgrade.head, (socket: WebSocket) => {
    let sequence = 0;
    const heartbeat = setInterval(() => socket.ping(), HEARTBEAT_MS);
    const stop = followJob(deps, bus, job, (kind, current) => {
      if (socket.readyState !== WebSocket.OPEN) return;
      socket.send(JSON.stringify({ type: kind, id: ++sequence, message: jobLine(current), job: jobJson(current) }));
      if (kind === 'end') socket.close(1000, 'job ended');
    });
    socket.on('error', () => socket.terminate());
    socket.on('close', () => { clearInterval(heartbeat); stop(); });
  });
}
