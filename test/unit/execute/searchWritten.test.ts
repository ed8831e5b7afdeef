import { Readable } from 'node:stream';
import type { Client } from '@elastic/elasticsearch';
import { msearchWritten, searchWritten } from '../../../src/execute/searchWritten';

/**
 * The error paths of searchWritten, over a stand-in for the client that answers one search with
 * the bytes given (the readings that succeed run against Elasticsearch in
 * test/integration/writtenAnswers.test.ts).
 */
function answering(text: string, statusCode = 200, headers: Record<string, string> = {}): Client {
  const answer = async () => ({ statusCode, headers, body: Readable.from([Buffer.from(text)]) });
  return {
    search: answer,
    msearch: answer,
    serializer: { deserialize: (json: string) => JSON.parse(json) as unknown },
  } as unknown as Client;
}

const hit = (fields: object): object => ({ _index: 'catalog-v7', _id: 'a', _score: 1, _source: { datasetid: 'a' }, fields });
const answer = (hits: object[]): string => JSON.stringify({ took: 1, timed_out: false, hits: { total: { value: hits.length, relation: 'eq' }, hits } });

describe('searchWritten: when the bytes cannot be read, the caller searches the usual way', () => {
  test('an answer read: each value back in its hit', async () => {
    const res = await searchWritten(answering(answer([hit({ written_ods: ['QUJD'] })])), { index: 'x' }, 'written_ods');
    expect(res?.hits.hits[0].fields).toEqual({ written_ods: ['QUJD'] });
  });

  // The client's transport throws an error status after its retries (test/integration/faults.test.ts); one that reaches here is not read either.
  test('a status other than 200, or a body compressed on the way: undefined', async () => {
    expect(await searchWritten(answering('{"error":{}}', 503), { index: 'x' }, 'written_ods')).toBeUndefined();
    expect(await searchWritten(answering(answer([]), 200, { 'content-encoding': 'gzip' }), { index: 'x' }, 'written_ods')).toBeUndefined();
  });

  test('the mark outside a value (a source member of that name holding a quote): not JSON once cut, undefined rather than an error', async () => {
    const text = answer([{ _index: 'catalog-v7', _id: 'a', _source: { written_ods: ['a"b'] } }]);
    expect(() => JSON.parse(text)).not.toThrow();
    expect(await searchWritten(answering(text), { index: 'x' }, 'written_ods')).toBeUndefined();
  });

  test('a value in a place the hits do not hold: undefined', async () => {
    const text = JSON.stringify({ took: 1, hits: { hits: [] }, aggregations: { a: { meta: { written_ods: ['QUJD'] } } } });
    expect(await searchWritten(answering(text), { index: 'x' }, 'written_ods')).toBeUndefined();
  });
});

describe('msearchWritten: a split page\'s _msearch, its first answer the hits that read the field', () => {
  const searches = [{ index: 'x' }, {}];
  const counted = { took: 1, timed_out: false, hits: { total: { value: 7, relation: 'eq' }, hits: [] } };
  const answers = (...responses: unknown[]): string => JSON.stringify({ took: 2, responses });

  test('each value back in its hit of the first answer; the counting answers as they came', async () => {
    const first = JSON.parse(answer([hit({ written_ods: ['QUJD'] }), hit({ written_ods: ['REVG'] })])) as object;
    const res = await msearchWritten(answering(answers(first, counted)), searches, 'written_ods');
    expect(res?.responses[0]).toEqual(first);
    expect(res?.responses[1]).toEqual(counted);
  });

  test('a first answer Elasticsearch gives as an error holds no value: the answer as it came, for the caller to throw', async () => {
    const error = { error: { type: 'search_phase_execution_exception' }, status: 400 };
    const res = await msearchWritten(answering(answers(error, counted)), searches, 'written_ods');
    expect(res?.responses).toEqual([error, counted]);
  });

  test('a value in an answer other than the first, or a status other than 200: undefined', async () => {
    const stray = { ...counted, hits: { hits: [hit({ written_ods: ['QUJD'] })] } };
    expect(await msearchWritten(answering(answers(JSON.parse(answer([])) as object, stray)), searches, 'written_ods')).toBeUndefined();
    expect(await msearchWritten(answering('{"error":{}}', 503), searches, 'written_ods')).toBeUndefined();
  });
});
