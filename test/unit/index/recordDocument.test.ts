import type { FieldDef } from '../../../src/catalog/descriptor';
import { hierarchyPaths } from '../../../src/index/hierarchyPaths';
import { recordDocument } from '../../../src/index/recordDocument';

const f = (name: string, type: FieldDef['type'], annotations: FieldDef['annotations'] = []): FieldDef =>
  ({ name, label: name, type, annotations, source: { column: name } });

describe('hierarchyPaths', () => {
  test('every ancestor path, empty levels dropped', () => {
    expect(hierarchyPaths('Bretagne/Finistère', '/')).toEqual(['Bretagne', 'Bretagne/Finistère']);
    expect(hierarchyPaths('a//b/', '/')).toEqual(['a', 'a/b']);
    expect(hierarchyPaths('solo', '/')).toEqual(['solo']);
  });
});

describe('recordDocument', () => {
  test('typed values, folded text, hierarchy paths, centroids; fields kept as published', () => {
    const schema = [
      f('nom', 'text'), f('cp', 'text', [{ name: 'multivalued', args: [','] }]), f('terr', 'text', [{ name: 'hierarchical', args: ['/'] }]),
      f('pop', 'int'), f('jour', 'date'), f('pt', 'geo_point_2d'), f('shape', 'geo_shape'), f('doc', 'file'), f('absent', 'double'),
    ];
    const fields = {
      nom: 'Étrez', cp: ['01340', '01341'], terr: 'Auvergne-Rhône-Alpes/Ain', pop: 800, jour: '2020-01-02', pt: [46.3, 5.2] as [number, number],
      shape: { type: 'Polygon' as const, coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }, doc: { filename: 'a.pdf' },
    };
    const doc = recordDocument('ds', schema, { recordid: 'r1', fields, geometry: null, recordTimestamp: '2024-01-01T00:00:00.000Z', sourceLine: 2 });
    expect(doc).toEqual({
      datasetid: 'ds', recordid: 'r1', record_timestamp: '2024-01-01T00:00:00.000Z', fields,
      v: {
        nom: 'Étrez', cp: ['01340', '01341'], terr: 'Auvergne-Rhône-Alpes/Ain', pop: 800, jour: '2020-01-02',
        pt: { lat: 46.3, lon: 5.2 }, shape: { lat: 1, lon: 1 }, doc: 'a.pdf',
      },
      t: { nom: 'etrez', cp: ['01340', '01341'], terr: 'auvergne-rhone-alpes/ain' },
      h: { terr: ['Auvergne-Rhône-Alpes', 'Auvergne-Rhône-Alpes/Ain'] },
    });
  });
});
