/**
 * The synthetic dataset of the search benchmarks: `lieux-de-tournage-a-paris` grown to N records
 * (default 1,000,000). Copy k of each record gets a new record id, its year and dates moved by
 * k mod 9 years, its point moved by up to ±0.02° and " #k" after its title, so facets, date
 * hierarchies and geofilters stay realistic. Written straight into a versioned index behind the
 * dataset's alias (search is what is measured; the records are not copied into PostgreSQL).
 */
import { createHash } from 'node:crypto';
import type { Deps } from '../src/execute/deps';
import { getDataset, setPublished, upsertDataset } from '../src/execute/datasetStore';
import { liveIndexFormat } from '../src/execute/liveIndexFormat';
import { RECORDS_FORMAT } from '../src/index/recordsFormat';
import { streamRecords } from '../src/execute/recordStore';
import { createLoadingIndex, finishLoading, highestIndexVersion, swapAlias } from '../src/execute/versionedIndex';
import { recordsAlias, recordsIndex, recordsIndexBase } from '../src/schema/indexNames';
import { recordDocument } from '../src/index/recordDocument';
import { recordMapping } from '../src/index/recordMapping';
import { writtenTexts } from '../src/usecases/writtenTexts';
import type { StoredRecord } from '../src/index/storedRecord';

const shiftDate = (d: unknown, years: number): unknown =>
  typeof d === 'string' && /^\d{4}-/.test(d) ? `${Number(d.slice(0, 4)) + years}${d.slice(4)}` : d;

function copyOf(r: StoredRecord, k: number): StoredRecord {
  const years = k % 9;
  const dLat = ((k * 7919) % 400) / 10000 - 0.02, dLon = ((k * 104729) % 400) / 10000 - 0.02;
  const f = { ...r.fields } as Record<string, unknown>;
  if (typeof f.annee_tournage === 'number') f.annee_tournage += years;
  f.date_debut = shiftDate(f.date_debut, years);
  f.date_fin = shiftDate(f.date_fin, years);
  if (typeof f.nom_tournage === 'string' && k > 0) f.nom_tournage = `${f.nom_tournage} #${k}`;
  if (Array.isArray(f.geo_point_2d)) f.geo_point_2d = [f.geo_point_2d[0] + dLat, f.geo_point_2d[1] + dLon];
  delete f.geo_shape;
  const point = Array.isArray(f.geo_point_2d) ? (f.geo_point_2d as [number, number]) : undefined;
  return {
    recordid: k === 0 ? r.recordid : createHash('sha1').update(`${r.recordid}:${k}`).digest('hex'),
    fields: f as StoredRecord['fields'],
    geometry: point ? { type: 'Point', coordinates: [point[1], point[0]] } : null,
    recordTimestamp: r.recordTimestamp,
    sourceLine: r.sourceLine,
  };
}

/** How long one bulk of the copy may take. */
const BULK_TIMEOUT_MS = 120_000;

/**
 * Builds `<sourceId>-<n>` from the published source dataset unless its index already holds `n`
 * records in the format this version writes. (An index in an older format would be rebuilt from
 * PostgreSQL by the API on start, and PostgreSQL holds none of these records.)
 */
export async function ensureSyntheticDataset(deps: Deps, sourceId: string, n: number): Promise<string> {
  const id = `${sourceId}-${n >= 1_000_000 ? `${n / 1_000_000}m` : n}`;
  const existing = await getDataset(deps.pool, id);
  const alias = recordsAlias(deps.indexPrefix, id);
  const current = existing?.hasRecords && existing.recordsCount === n && (await liveIndexFormat(deps.es, alias)) === RECORDS_FORMAT
    && (await deps.es.count({ index: alias })).count === n;
  if (current) return id;
  const source = (await getDataset(deps.pool, sourceId))!;
  const schema = source.fields.filter((f) => f.name !== 'geo_shape');
  const base: StoredRecord[] = [];
  for await (const page of streamRecords(deps.pool, sourceId)) base.push(...page);
  const index = recordsIndex(deps.indexPrefix, id, (await highestIndexVersion(deps.es, recordsIndexBase(deps.indexPrefix, id))) + 1);
  await createLoadingIndex(deps.es, index, recordMapping(schema));
  const written = writtenTexts(schema);
  let made = 0;
  const batch = 5000;
  try {
    for (let start = 0; start < n; start += batch) {
      const operations: object[] = [];
      for (let i = start; i < Math.min(n, start + batch); i++) {
        const copy = copyOf(base[i % base.length], Math.floor(i / base.length));
        operations.push({ index: { _index: index, _id: copy.recordid } }, recordDocument(id, schema, copy, written(copy)));
      }
      // A bulk of 5,000 records took over the client's default 10 s on a slow machine (2026-12-07).
      const res = await deps.es.bulk({ operations }, { requestTimeout: BULK_TIMEOUT_MS });
      if (res.errors) throw new Error('bulk indexing of the synthetic dataset failed');
      made += operations.length / 2;
      if (made % 100_000 === 0) console.error(`synthetic ${id}: ${made} records`);
    }
  } catch (err) {
    // A copy left half built would stay beside the next one, unaliased, for good.
    await deps.es.indices.delete({ index, ignore_unavailable: true }).catch(() => undefined);
    throw err;
  }
  await finishLoading(deps.es, index);
  await upsertDataset(deps.pool, { id, domain: 'default', metadata: { title: `${source.metadata.title} (×${Math.round(n / base.length)}, synthetic)` }, visibility: 'public', state: 'published' });
  await setPublished(deps.pool, id, schema, n);
  const old = await swapAlias(deps.es, alias, index);
  if (old.length > 0) await deps.es.indices.delete({ index: old.join(','), ignore_unavailable: true });
  return id;
}
