import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDescriptor } from '../../src/catalog/parseDescriptor';
import type { Deps } from '../../src/execute/deps';
import { publishDataset, PublishOptions } from '../../src/usecases/publishDataset';

/** Publishes a small comma-separated dataset written on the spot (every cell quoted). */
export async function publishTinyCsv(
  deps: Deps, id: string, fields: Array<{ name: string; type: string; annotations?: Array<{ name: string; args?: string[] }> }>, rows: string[][],
  options: { visibility?: 'public' | 'private'; state?: 'draft' | 'published'; domain?: string; metadata?: Record<string, unknown>; publish?: Omit<PublishOptions, 'baseDir'> } = {},
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'portal-search-'));
  const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
  const csv = [fields.map((f) => f.name), ...rows].map((r) => r.map(quote).join(',')).join('\r\n');
  writeFileSync(join(dir, `${id}.csv`), `${csv}\r\n`, 'utf8');
  await publishDataset(deps, parseDescriptor({
    id, visibility: options.visibility, state: options.state, domain: options.domain, metadata: { title: id, ...options.metadata }, source: { path: `${id}.csv`, delimiter: ',' },
    fields: fields.map((f) => ({ ...f, label: f.name.replace(/^./, (c) => c.toUpperCase()) })),
  }, id), { ...options.publish, baseDir: dir });
}
