import type { Client } from '@elastic/elasticsearch';
import { documentPieces } from '../../../src/execute/bulkBody';
import { bulkIndex } from '../../../src/execute/bulkIndex';
import { ByteBatch } from '../../../src/execute/byteBatch';

/** The lines a client writes for one document: its action and JSON.stringify's text. */
const lines = (id: string, doc: object): string => `${JSON.stringify({ index: { _id: id } })}\n${JSON.stringify(doc)}\n`;

describe('bulkIndex, documents given encoded (an error path: Elasticsearch is a stand-in)', () => {
  test('the documents refused as too busy (429) are sent again, alone and in order; the others are counted', async () => {
    const docs = [1, 2, 3, 4, 5].map((n) => ({ id: `r${n}`, doc: { nom: `Lieu n\u00b0${n} \u{1F3AC}`, n } }));
    const batch = new ByteBatch(32);
    for (const { id, doc } of docs) batch.add(documentPieces(id, doc));
    const encoded = batch.take();
    const bodies: string[] = [];
    const answers = [
      ['ok', 429, 'ok', 429, 400],
      ['ok', 'ok'],
    ];
    const es = {
      bulk: async ({ operations }: { operations: Buffer }) => {
        bodies.push(Buffer.from(operations).toString('utf8'));
        const statuses = answers[bodies.length - 1];
        return {
          items: statuses.map((s) => ({
            index: s === 'ok' ? { status: 201 } : { status: s, error: { type: s === 429 ? 'es_rejected_execution_exception' : 'document_parsing_exception', reason: 'refused' } },
          })),
        };
      },
    } as unknown as Client;
    const report = await bulkIndex(es, 'records-x-v1', docs.map(({ id }, i) => ({ id, doc: encoded[i] })));
    expect(bodies).toEqual([
      docs.map(({ id, doc }) => lines(id, doc)).join(''),
      lines(docs[1].id, docs[1].doc) + lines(docs[3].id, docs[3].doc),
    ]);
    expect(report).toEqual({ indexed: 4, rejected: 1, firstRejection: 'document_parsing_exception: refused' });
  });
});
