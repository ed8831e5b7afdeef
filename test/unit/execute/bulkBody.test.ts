import { bulkBody, documentPieces } from '../../../src/execute/bulkBody';
import { ByteBatch } from '../../../src/execute/byteBatch';

/** The ndjson a client writes for the same documents: an action line and JSON.stringify's line each. */
const ndjson = (docs: Array<{ id: string; doc: object }>): string =>
  docs.map(({ id, doc }) => `${JSON.stringify({ index: { _id: id } })}\n${JSON.stringify(doc)}\n`).join('');

describe('bulkBody', () => {
  test('documents given as objects, JSON texts and texts in parts are the lines JSON.stringify writes, byte for byte', () => {
    const record = Buffer.from('\u0001\u0000"recordid": "r\u00e9", "fields": {"nom": "\u00c9trez \u{1F600}"}}');
    const line = Buffer.from('\u00c9trez;"{""type"": ""Point""}"\r\n');
    const object = { nom: 'Saint-"Quote"\\', n: 1, v: { t: ['\u00e9', '\u2028'] } };
    const parted = { datasetid: 'ds', recordid: 'r"2', fields: { nom: '\u00c9trez \u{1F600}' }, v: {}, written_record: record.toString('base64'), written_csv: line.toString('base64') };
    const body = bulkBody([
      { id: 'a', doc: object },
      { id: 'b\u00e9', doc: JSON.stringify({ x: '\u{1F600}' }) },
      { id: 'r"2', doc: { parts: ['{"datasetid":"ds","recordid":"r\\"2"', ',"fields":', JSON.stringify({ nom: '\u00c9trez \u{1F600}' }), ',', '"v":{}'], binary: [['written_record', record], ['written_csv', line]] } },
      { id: 'c', doc: { parts: ['{"n":1'], binary: [] } },
    ]);
    const expected = ndjson([{ id: 'a', doc: object }, { id: 'b\u00e9', doc: { x: '\u{1F600}' } }, { id: 'r"2', doc: parted }, { id: 'c', doc: { n: 1 } }]);
    expect(body.toString('utf8')).toBe(expected);
    expect(body.length).toBe(Buffer.byteLength(expected));
  });

  test('a binary member holding the bytes of a slice of a larger buffer sends that slice only', () => {
    const whole = Buffer.from('0123456789');
    const body = bulkBody([{ id: 'x', doc: { parts: ['{"a":1'], binary: [['b', whole.subarray(2, 5)]] } }]);
    expect(body.toString('utf8')).toBe(ndjson([{ id: 'x', doc: { a: 1, b: Buffer.from('234').toString('base64') } }]));
  });

  test('no document: an empty body', () => {
    expect(bulkBody([]).length).toBe(0);
  });
});

describe('bulkBody with documents given encoded', () => {
  const docs = [
    { id: 'a', doc: { nom: '\u00c9trez \u{1F600}', n: 1 } },
    { id: 'b"2', doc: { parts: ['{"datasetid":"ds"', ',"fields":', '{"x":"\u2028"}'], binary: [['written_csv', Buffer.from('a;b\r\n')]] } as const },
    { id: 'c', doc: { n: 3 } },
  ];
  const expected = ndjson([
    { id: 'a', doc: docs[0].doc },
    { id: 'b"2', doc: { datasetid: 'ds', fields: { x: '\u2028' }, written_csv: Buffer.from('a;b\r\n').toString('base64') } },
    { id: 'c', doc: { n: 3 } },
  ]);

  test('the documents encoded one by one (documentPieces into a ByteBatch) give the same body', () => {
    const batch = new ByteBatch(16);
    for (const { id, doc } of docs) batch.add(documentPieces(id, doc));
    const encoded = batch.take();
    expect(bulkBody(docs.map(({ id }, i) => ({ id, doc: encoded[i] }))).toString('utf8')).toBe(expected);
  });

  test('encoded documents and documents as texts in one request: each in its place', () => {
    const batch = new ByteBatch(16);
    batch.add(documentPieces(docs[1].id, docs[1].doc));
    const [middle] = batch.take();
    expect(bulkBody([docs[0], { id: docs[1].id, doc: middle }, docs[2]]).toString('utf8')).toBe(expected);
  });
});
