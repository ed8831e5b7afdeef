import type { FieldDef } from '../../../src/model/descriptor';
import { hierarchyLevels } from '../../../src/schema/hierarchyLevels';
import { recordDocument, recordDocumentText } from '../../../src/index/recordDocument';
import { recordTexts } from '../../../src/index/storedShapes';
import type { StoredRecord } from '../../../src/index/storedRecord';
import type { DocumentText } from '../../../src/index/documentText';

/** A document's text written out as DocumentText says: its parts, then each binary member in base64, then the brace. */
const written = (text: DocumentText): string =>
  `${text.parts.join('')}${text.binary.map(([name, bytes]) => `,"${name}":"${Buffer.from(bytes).toString('base64')}"`).join('')}}`;

const f = (name: string, type: FieldDef['type'], annotations: FieldDef['annotations'] = []): FieldDef =>
  ({ name, label: name, type, annotations, source: { column: name } });

describe('hierarchyLevels', () => {
  test('paths grouped by depth, shared ancestors once; the eighth level keeps the rest', () => {
    expect(hierarchyLevels(['a/b/c', 'a/d'], '/')).toEqual({ l1: ['a'], l2: ['a/b', 'a/d'], l3: ['a/b/c'] });
    expect(hierarchyLevels(['a//b/ ', 'solo'], '/')).toEqual({ l1: ['a', 'solo'], l2: ['a/b'] });
    expect(hierarchyLevels(['1/2/3/4/5/6/7/8/9/10'], '/').l8).toEqual(['1/2/3/4/5/6/7/8/9/10']);
  });
});

describe('recordDocument', () => {
  test('typed values, folded text, hierarchy paths, centroids; fields kept as published, a shape as its JSON text', () => {
    const schema = [
      f('nom', 'text'), f('cp', 'text', [{ name: 'multivalued', args: [','] }]), f('terr', 'text', [{ name: 'hierarchical', args: ['/'] }]),
      f('pop', 'int'), f('jour', 'date'), f('pt', 'geo_point_2d'), f('shape', 'geo_shape'), f('doc', 'file'), f('absent', 'double'),
    ];
    const fields = {
      nom: 'Étrez', cp: ['01340', '01341'], terr: 'Auvergne-Rhône-Alpes/Ain', pop: 800, jour: '2020-01-02', pt: [46.3, 5.2] as [number, number],
      shape: { type: 'Polygon' as const, coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }, doc: { filename: 'a.pdf' },
    };
    const geometry = { type: 'Point' as const, coordinates: [5.2, 46.3] as [number, number] };
    const doc = recordDocument('ds', schema, { recordid: 'r1', fields, geometry, recordTimestamp: '2024-01-01T00:00:00.000Z', sourceLine: 2 });
    expect(doc).toEqual({
      datasetid: 'ds', recordid: 'r1', line: 2, record_timestamp: '2024-01-01T00:00:00.000Z', geometry, geometry_type: 'Point',
      fields: { ...fields, shape: { geojson: '{"type":"Polygon","coordinates":[[[0,0],[2,0],[2,2],[0,2],[0,0]]]}' } },
      v: {
        nom: 'Étrez', cp: ['01340', '01341'], terr: 'Auvergne-Rhône-Alpes/Ain', pop: 800, jour: '2020-01-02',
        pt: { lat: 46.3, lon: 5.2 }, shape: { lat: 1, lon: 1 }, doc: 'a.pdf',
      },
      t: { nom: 'etrez', cp: ['01340', '01341'], terr: 'auvergne-rhone-alpes/ain' },
      h: { terr: { l1: ['Auvergne-Rhône-Alpes'], l2: ['Auvergne-Rhône-Alpes/Ain'] } },
    });
  });

  test('a number annotated facet keeps its sortable key under k; other numbers and text do not', () => {
    const schema = [f('an', 'int', [{ name: 'facet' }]), f('x', 'double', [{ name: 'facet' }]), f('y', 'double'), f('nom', 'text', [{ name: 'facet' }]), f('absent', 'int', [{ name: 'facet' }])];
    const record: StoredRecord = { recordid: 'r1', fields: { an: 2019, x: -1, y: 3.5, nom: 'a' }, geometry: null, recordTimestamp: '2024-01-01T00:00:00.000Z', sourceLine: 2 };
    // IEEE 754: 2019 is 0x409F8C0000000000 (sign bit set in its key), −1 is 0xBFF0000000000000 (every bit flipped).
    expect(recordDocument('ds', schema, record).k).toEqual({ an: 'c09f8c0000000000', x: '400fffffffffffff' });
    expect(recordDocument('ds', [f('y', 'double')], record).k).toBeUndefined();
    expect(JSON.parse(written(recordDocumentText('ds', schema, record))).k).toEqual({ an: 'c09f8c0000000000', x: '400fffffffffffff' });
  });

  test('the text sent to Elasticsearch is JSON.stringify of the document, whether the record brings its texts or not', () => {
    const schema = [f('nom', 'text'), f('zone', 'geo_shape'), f('trace', 'geo_shape'), f('pt', 'geo_point_2d')];
    const zone = { type: 'MultiPolygon' as const, coordinates: [[[[2.5, 48.125], [2.6, 48.1], [2.6, 48.2], [2.5, 48.125]]]] };
    const trace = { coordinates: [[2.5, 48.1], [2.6, 48.2]], type: 'LineString' as const };
    const cases: StoredRecord[] = [
      { recordid: 'r1', fields: { nom: 'Saint-"Quote"\\', zone, trace, pt: [48.1, 2.5] }, geometry: { type: 'Point', coordinates: [2.55, 48.15] }, recordTimestamp: '2024-01-01T00:00:00.000Z', sourceLine: 7 },
      { recordid: 'r2', fields: { nom: 'sans forme' }, geometry: null, recordTimestamp: '2024-01-01T00:00:00.000Z', sourceLine: 8 },
    ];
    for (const record of cases) {
      const expected = JSON.stringify(recordDocument('ds', schema, record));
      expect(written(recordDocumentText('ds', schema, record))).toBe(expected);
      expect(written(recordDocumentText('ds', schema, { ...record, texts: recordTexts(schema, record.fields, new Map()) }))).toBe(expected);
    }
  });

  test('what is kept written of a record is in base64 as `written_record` and `written_csv`, in the document and in its text', () => {
    const schema = [f('nom', 'text'), f('zone', 'geo_shape')];
    const record: StoredRecord = { recordid: 'r1', fields: { nom: 'é', zone: { type: 'Point', coordinates: [1, 2] } }, geometry: null, recordTimestamp: '2024-01-01T00:00:00.000Z', sourceLine: 1 };
    const kept = { record: Buffer.from('\u0001\u0002"recordid": "r1", "fields": {"nom": "é"}}'), csv: Buffer.from('é;"{""type"": 1}"\r\n') };
    const doc = recordDocument('ds', schema, record, kept);
    expect([Buffer.from(doc.written_record!, 'base64'), Buffer.from(doc.written_csv!, 'base64')]).toEqual([kept.record, kept.csv]);
    expect([recordDocument('ds', schema, record).written_record, recordDocument('ds', schema, record).written_csv]).toEqual([undefined, undefined]);
    const expected = JSON.stringify(recordDocument('ds', schema, record, kept));
    expect(written(recordDocumentText('ds', schema, record, kept))).toBe(expected);
    expect(written(recordDocumentText('ds', schema, { ...record, texts: recordTexts(schema, record.fields, new Map()) }, kept))).toBe(expected);
  });
});
