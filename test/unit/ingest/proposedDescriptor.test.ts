import { idFromPath, proposedDescriptor, titleFromPath } from '../../../src/ingest/proposedDescriptor';
import { parseDescriptor } from '../../../src/catalog/parseDescriptor';

describe('proposedDescriptor', () => {
  test('an id and a title from the file name', () => {
    expect(idFromPath('/tmp/Lieux de tournage à Paris.csv')).toBe('lieux-de-tournage-a-paris');
    expect(idFromPath('communes-france.geojson.gz')).toBe('communes-france');
    expect(idFromPath('__Données__.json')).toBe('donnees');
    expect(idFromPath('+++.csv')).toBe('dataset');
    expect(titleFromPath('/tmp/Lieux de tournage à Paris.csv')).toBe('Lieux de tournage à Paris');
  });

  test('a descriptor parseDescriptor accepts, the draft\'s own values kept', () => {
    const json = proposedDescriptor(
      { id: 'mine', metadata: { title: 'Mine', timezone: 'Europe/Paris' }, source: { path: 'a.csv', delimiter: ';' } },
      [{ name: 'n', label: 'N°', type: 'int', annotations: [{ name: 'sortable' }], source: { column: 'N°' } }],
      'csv',
    );
    expect(json).toEqual({
      id: 'mine', metadata: { title: 'Mine', timezone: 'Europe/Paris' }, source: { path: 'a.csv', format: 'csv', delimiter: ';' },
      fields: [{ name: 'n', label: 'N°', type: 'int', annotations: [{ name: 'sortable' }], source: { column: 'N°' } }],
    });
    expect(parseDescriptor(json, 'test').fields).toHaveLength(1);
  });
});
