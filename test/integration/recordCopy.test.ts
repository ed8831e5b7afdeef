import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { from as copyFrom } from 'pg-copy-streams';
import { upsertDataset } from '../../src/execute/datasetStore';
import type { Deps } from '../../src/execute/deps';
import { copyText, insertRecords, readRecordPage } from '../../src/execute/recordStore';
import type { StoredRecord } from '../../src/index/storedRecord';
import type { FieldValue } from '../../src/model/values';
import { openTestDeps } from '../support/testDeps';

const ID = 'record-copy-round-trip';
let deps: Deps & { close(): Promise<void> };
beforeAll(async () => { deps = await openTestDeps(); });
afterAll(() => deps.close());

/** Texts that COPY's text format reads specially, or that JSON writes with a backslash. */
const awkward = fc.constantFrom('\\', '\\\\', '\t', '\n', '\r', '\r\n', '\\N', '\\.', 'a\\.b', '\\x41', '"', '\u0000', '\u001f', 'é', '\u{1F600}', '\ud800', '\u2028', '');
const text = fc.oneof(awkward, fc.string({ maxLength: 12 }), fc.array(awkward, { maxLength: 4 }).map((parts) => parts.join('x')));
const point = fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }))
  .map(([lon, lat]) => ({ type: 'Point' as const, coordinates: [Object.is(lon, -0) ? 0 : lon, Object.is(lat, -0) ? 0 : lat] as [number, number] }));
const value: fc.Arbitrary<FieldValue> = fc.oneof(
  text,
  fc.integer(),
  // JSON has no -0: it is written 0.
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
  fc.array(text, { maxLength: 3 }),
  point,
);
const fields = fc.dictionary(fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), awkward.filter((k) => k !== '')), value, { maxKeys: 5 });
const record = fc.record({
  fields,
  geometry: fc.option(point, { nil: null }),
  time: fc.integer({ min: 0, max: 4102444800000 }),
  line: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  withTexts: fc.boolean(),
});

describe('records written with COPY', () => {
  test('each value is escaped as COPY\'s text format reads it back: raw tabs, line ends and backslashes included', async () => {
    // PostgreSQL's text type holds no NUL; every other character may come.
    const values = fc.sample(fc.oneof(text, fc.string({ unit: 'binary', maxLength: 20 })).filter((v) => !v.includes('\u0000')), { numRuns: 500, seed: 1206 });
    const client = await deps.pool.connect();
    try {
      await client.query('CREATE TEMP TABLE copied (n int, v text)');
      const lines = values.map((v, i) => `${i}\t${copyText(v)}\n`).join('');
      await pipeline(Readable.from([lines]), client.query(copyFrom('COPY copied (n, v) FROM STDIN')));
      const { rows } = await client.query<{ v: string }>('SELECT v FROM copied ORDER BY n');
      // Lone surrogates go as UTF-8 can carry them: U+FFFD.
      expect(rows.map((r) => r.v)).toEqual(values.map((v) => Buffer.from(v).toString()));
    } finally {
      await client.query('DROP TABLE IF EXISTS copied');
      client.release();
    }
  }, 60000);

  test('come back from PostgreSQL as they were given, whatever their texts hold', async () => {
    const generated = fc.sample(record, { numRuns: 600, seed: 20261206 });
    const records: StoredRecord[] = generated.map((g, i) => ({
      recordid: createHash('sha1').update(String(i)).digest('hex'),
      fields: g.fields,
      geometry: g.geometry,
      recordTimestamp: new Date(g.time).toISOString(),
      sourceLine: g.line,
      // A publish hands its fields' JSON over; a record without it is written here.
      ...(g.withTexts ? { texts: { fields: JSON.stringify(g.fields), shapes: {}, stored: '' } } : {}),
    }));
    const client = await deps.pool.connect();
    try {
      await client.query('BEGIN');
      await upsertDataset(client, { id: ID, domain: 'default', metadata: { title: ID }, visibility: 'public', state: 'draft' });
      // Three batches, as a publish sends them.
      for (let i = 0; i < records.length; i += 250) await insertRecords(client, ID, records.slice(i, i + 250));
      const back = await readRecordPage(client, ID, null, records.length + 1);
      const expected = [...records].sort((a, b) => (a.recordid < b.recordid ? -1 : 1))
        .map(({ recordid, fields: f, geometry, recordTimestamp, sourceLine }) => ({ recordid, fields: f, geometry, recordTimestamp, sourceLine }));
      expect(back).toEqual(expected);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  }, 60000);

  test('a batch PostgreSQL refuses fails the publish transaction, which keeps nothing of it', async () => {
    const client = await deps.pool.connect();
    try {
      await client.query('BEGIN');
      await upsertDataset(client, { id: ID, domain: 'default', metadata: { title: ID }, visibility: 'public', state: 'draft' });
      const one: StoredRecord = { recordid: 'a'.repeat(40), fields: { n: 1 }, geometry: null, recordTimestamp: new Date(0).toISOString(), sourceLine: 1 };
      await insertRecords(client, ID, [one]);
      // The same record id twice breaks the primary key.
      await expect(insertRecords(client, ID, [one])).rejects.toThrow(/duplicate key/);
      await client.query('ROLLBACK');
      // The connection is usable again, and the dataset has no records.
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM records WHERE dataset_id = $1', [ID]);
      expect(rows[0].n).toBe('0');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  }, 60000);
});
