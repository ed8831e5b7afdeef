import type { Client } from '@elastic/elasticsearch';
import { keyedNumbers } from '../../../src/execute/keyedNumbers';

/** Elasticsearch failing to answer: the facets count numbers by value, and the next search asks again. */
describe('keyedNumbers when Elasticsearch fails', () => {
  test('no key is assumed, and the failure is not remembered', async () => {
    let asked = 0;
    const answers = [() => Promise.reject(new Error('connection refused')), () => Promise.resolve({ 'x-v1': { mappings: { 'k.n': { full_name: 'k.n', mapping: { n: { type: 'keyword' } } } } } })];
    const es = { indices: { getFieldMapping: () => answers[asked++]!() } } as unknown as Client;
    expect([...await keyedNumbers(es, 'x')]).toEqual([]);
    expect([...await keyedNumbers(es, 'x')]).toEqual(['n']);
    expect(asked).toBe(2);
  });
});
