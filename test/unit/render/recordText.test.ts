import type { FieldDef, FieldType } from '../../../src/model/descriptor';
import type { RecordHit } from '../../../src/model/searchResult';
import { csvHitLine, csvRecordLines } from '../../../src/render/csvRecords';
import { featureJson } from '../../../src/render/featureJson';
import { geojsonFeatures } from '../../../src/render/geojsonFeatures';
import { jsonText } from '../../../src/text/jsonText';
import { recordJson } from '../../../src/render/recordJson';
import { OGC_CRS } from '../../../src/dialects/ogc/ogcCrs';
import { ogcFeatures } from '../../../src/dialects/ogc/ogcFeature';
import { fieldsByName, recordObject } from '../../../src/render/recordObject';

const field = (name: string, type: FieldType, annotations: FieldDef['annotations'] = []): FieldDef => ({ name, label: name.toUpperCase(), type, annotations, source: { column: name } });
const schema: FieldDef[] = [
  field('titre', 'text'),
  field('tags', 'text', [{ name: 'multivalued', args: ['|'] }]),
  field('n', 'int'),
  field('x', 'double'),
  field('jour', 'date'),
  field('mois', 'date', [{ name: 'timeserie_precision', args: ['month'] }]),
  field('quand', 'datetime'),
  field('forme', 'geo_shape'),
  field('point', 'geo_point_2d'),
  field('piece', 'file'),
];
const polygon = { type: 'Polygon', coordinates: [[[2.3, 48.8], [2.4, 48.8], [2.4, 48.9], [2.3, 48.8]]] };
const point = { type: 'Point', coordinates: [2.35, 48.85] };
const hits = [
  {
    datasetid: 'd', recordid: 'r1', record_timestamp: '2026-03-29T00:30:00Z', geometry: point,
    fields: {
      titre: 'Le "grand" film; suite\nligne', tags: ['a', 'b;c'], n: 12, x: 0.1 + 0.2, jour: '2019-06-21', mois: '2019-06-21',
      quand: '2019-06-21T08:00:00.250Z', forme: polygon, point: [48.85, 2.35], piece: { filename: 'f.pdf', id: 'x' },
    },
  },
  // Empty values (absent or null) are left out; a formula is neutralised; NUL is dropped; a later instant shares nothing with the first.
  { datasetid: 'd', recordid: 'r2', record_timestamp: '2026-03-29T01:30:00Z', fields: { titre: '=1+2\u0000', n: null, quand: '2019-12-31T23:00:00Z', point: [48.8, 2.3] } },
  { datasetid: 'd', recordid: 'r3', record_timestamp: '2026-03-29T01:30:00Z', fields: { titre: '-12,5' } },
] as unknown as RecordHit[];

describe('records written straight from the hit, as the record-object path writes them', () => {
  for (const timeZone of ['UTC', 'Europe/Paris', 'America/St_Johns']) {
    const ctx = { schema, timeZone, datasetId: 'dataset-é' };
    const objects = hits.map((h) => recordObject(h, ctx, fieldsByName(schema)));

    test(`JSON records (${timeZone})`, () => {
      const write = recordJson(ctx);
      expect(hits.map(write)).toEqual(objects.map((o) => jsonText(o, false)));
    });

    test(`GeoJSON features, with and without a shape column (${timeZone})`, () => {
      for (const columns of [schema, schema.filter((f) => f.type !== 'geo_shape')]) {
        const write = featureJson(ctx, columns);
        expect(hits.map(write)).toEqual(geojsonFeatures(columns, objects).map((f) => jsonText(f, false)));
      }
    });

    test(`CSV lines, with another separator and fewer columns (${timeZone})`, () => {
      for (const [columns, separator] of [[schema, ';'], [schema.slice(2, 7), '\t']] as const) {
        const o = { separator, useLabels: false, withBom: false };
        const write = csvHitLine(columns, timeZone, o);
        expect(hits.map(write).join('')).toBe(csvRecordLines(columns, objects, o));
      }
    });
  }

  test('OGC features in CRS84: the record id after the type, as ogcFeatures builds them', () => {
    const write = featureJson({ schema, timeZone: 'UTC', datasetId: 'd' }, schema, true);
    expect(hits.map(write)).toEqual(ogcFeatures(schema, 'd', hits, OGC_CRS[0]).map((f) => jsonText(f, false)));
    expect(JSON.parse(write(hits[1]))).toMatchObject({ type: 'Feature', id: 'r2' });
  });

  test('the values themselves: the zone, the precision, the order of the schema', () => {
    const parsed = JSON.parse(recordJson({ schema, timeZone: 'Europe/Paris', datasetId: 'd' })(hits[0])) as { fields: Record<string, unknown>; record_timestamp: string };
    expect(Object.keys(parsed.fields)).toEqual(schema.map((f) => f.name));
    expect([parsed.fields.quand, parsed.fields.mois, parsed.record_timestamp]).toEqual(['2019-06-21T10:00:00.250+02:00', '2019-06', '2026-03-29T01:30:00+01:00']);
  });
});
