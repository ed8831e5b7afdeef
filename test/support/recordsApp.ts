import pino from 'pino';
import type { Deps } from '../../src/execute/deps';
import { createApp } from '../../src/http/app';

/** The API over the test stores, with a fixed clock (Saturday 21 November 2026, 10:30 UTC). */
export const TEST_NOW = Date.parse('2026-11-21T10:30:00Z');
export const testApp = (deps: Deps, exportPageSize?: number) => createApp(deps, pino({ level: 'silent' }), { clock: () => TEST_NOW, exportPageSize });
