/**
 * bench/ingest: publish rate through portal-search (file → PostgreSQL → Elasticsearch) next to
 * bulk-indexing the very same documents straight into Elasticsearch with the client, in one run.
 *   npm run bench:ingest            (provisions Elasticsearch like the tests)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDescriptor } from '../src/catalog/parseDescriptor';
import { loadConfig } from '../src/config/config';
import { getDataset } from '../src/execute/datasetStore';
import { openDeps } from '../src/execute/openDeps';
import { publishDataset } from '../src/usecases/publishDataset';
import { streamRecords } from '../src/execute/recordStore';
import { createLoadingIndex } from '../src/execute/versionedIndex';
import { recordDocument } from '../src/index/recordDocument';
import { recordMapping } from '../src/index/recordMapping';

const DATASETS = ['lieux-de-tournage-a-paris', 'communes-france'];
const ROOT = join(__dirname, '..', '..');

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, ES_INDEX_PREFIX: process.env.ES_INDEX_PREFIX || 'bench-' });
  const deps = await openDeps(config);
  const rows: string[] = [];
  try {
    for (const id of DATASETS) {
      const file = join(ROOT, 'fixtures', 'descriptors', `${id}.json`);
      const descriptor = parseDescriptor(JSON.parse(readFileSync(file, 'utf8')), file);
      const t0 = process.hrtime.bigint();
      const report = await publishDataset(deps, descriptor, { baseDir: join(ROOT, 'fixtures', 'descriptors') });
      const ours = Number(process.hrtime.bigint() - t0) / 1e9;

      const dataset = (await getDataset(deps.pool, id))!;
      const docs: Array<ReturnType<typeof recordDocument>> = [];
      for await (const page of streamRecords(deps.pool, id)) {
        for (const r of page) docs.push(recordDocument(id, dataset.fields, r));
      }
      const index = `${config.indexPrefix}direct-${id}`;
      await deps.es.indices.delete({ index, ignore_unavailable: true });
      await createLoadingIndex(deps.es, index, recordMapping(dataset.fields));
      const t1 = process.hrtime.bigint();
      const res = await deps.es.helpers.bulk({ datasource: docs, onDocument: (d) => ({ index: { _index: index, _id: d.recordid } }), flushBytes: 8 * 1024 * 1024, concurrency: 1 });
      await deps.es.indices.refresh({ index });
      const direct = Number(process.hrtime.bigint() - t1) / 1e9;
      await deps.es.indices.delete({ index });
      if (res.failed > 0) throw new Error(`direct bulk failed for ${res.failed} documents`);

      const n = report.published;
      rows.push([id, n, (n / ours).toFixed(0), (n / direct).toFixed(0), (ours / direct).toFixed(2)].join('\t'));
    }
  } finally {
    await deps.close();
  }
  console.log('dataset\trows\tportal-search rows/s (file→PG→ES)\tdirect ES bulk rows/s (same docs)\ttime ratio ours/direct');
  for (const r of rows) console.log(r);
}

main().catch((err: unknown) => { console.error(err); process.exitCode = 1; });
