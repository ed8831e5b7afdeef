import { createServer, Server } from 'node:http';
import type { Express } from 'express';

/** Headers may reach 64 KiB, so that an over-long URL gets our JSON 414 rather than Node's bare 431. */
export const createHttpServer = (app: Express): Server => createServer({ maxHeaderSize: 65_536 }, app);
