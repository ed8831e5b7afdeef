import type { Deps } from '../../src/execute/deps';
import { bulkIndex } from '../../src/execute/bulkIndex';
import { openTestDeps } from '../support/testDeps';

let deps: Deps & { close(): Promise<void> };
let index: string;
beforeAll(async () => {
  deps = await openTestDeps();
  index = `${deps.indexPrefix}bulk-refusals-${process.pid}`;
  await deps.es.indices.create({ index, mappings: { dynamic: 'strict', properties: { n: { type: 'integer' }, nom: { type: 'keyword' } } } });
});
afterAll(async () => {
  await deps.es.indices.delete({ index, ignore_unavailable: true });
  await deps.close();
});

describe('bulkIndex against Elasticsearch', () => {
  test('a document the mapping refuses is counted with its error; the others are indexed', async () => {
    const docs = [
      { id: 'a', doc: { n: 1, nom: 'Quai de Valmy' } },
      { id: 'b', doc: { n: 'deux', nom: 'Rue Oberkampf' } },
      { id: 'c', doc: { n: 3, nom: 'Place des Fêtes' } },
      { id: 'd', doc: { n: 4, rue: 'not in the mapping' } },
    ];
    const report = await bulkIndex(deps.es, index, docs);
    await deps.es.indices.refresh({ index });
    const { count } = await deps.es.count({ index });
    expect({ indexed: report.indexed, rejected: report.rejected, count }).toEqual({ indexed: 2, rejected: 2, count: 2 });
    // The first refusal is the integer field given a word: Elasticsearch names its exception type.
    expect(report.firstRejection).toMatch(/^document_parsing_exception: .*\[n\]/);
  });
});
