import { bulkBody } from '../../../src/execute/bulkBody';

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
