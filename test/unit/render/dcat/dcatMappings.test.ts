import { bboxWkt } from '../../../../src/render/dcat/dcatBbox';
import { frequencyIri } from '../../../../src/render/dcat/dcatFrequency';

const FREQ = 'http://publications.europa.eu/resource/authority/frequency/';

describe('DCAT-AP value mappings', () => {
  test.each([
    ['Annuelle', 'ANNUAL'], ['annuelle', 'ANNUAL'], ['Mensuelle', 'MONTHLY'], ['Quotidienne', 'DAILY'], ['Trimestrielle', 'QUARTERLY'],
    ['semestrielle', 'ANNUAL_2'], ['Hebdomadaire', 'WEEKLY'], ['Horaire', 'HOURLY'], ['Pas de mise à jour ', 'NEVER'], ['pas de mises à jour', 'NEVER'],
  ])('%s is the EU frequency %s', (label, code) => {
    expect(frequencyIri(label)).toBe(`${FREQ}${code}`);
  });

  test.each(['Bi-annuelle', 'Ponctuelle', 'Au fil du temps', ''])('%p names no period without doubt: no frequency', (label) => {
    expect(frequencyIri(label)).toBeUndefined();
  });

  test('the ODS bbox Feature (ring from the north-east corner) is the WKT box west-south first', () => {
    const feature = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[2.47, 48.9], [2.22, 48.9], [2.22, 48.81], [2.47, 48.81], [2.47, 48.9]]] } };
    expect(bboxWkt(feature)).toBe('POLYGON((2.22 48.81, 2.47 48.81, 2.47 48.9, 2.22 48.9, 2.22 48.81))');
    expect(bboxWkt({ type: 'Point', coordinates: [1, 2] })).toBe('POLYGON((1 2, 1 2, 1 2, 1 2, 1 2))');
    expect([bboxWkt(null), bboxWkt({ geometry: { coordinates: [] } }), bboxWkt('x')]).toEqual([undefined, undefined, undefined]);
  });
});
