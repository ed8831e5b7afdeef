import { parse } from 'csv-parse/sync';
import type { FieldDef, FieldType } from '../../../src/model/descriptor';
import type { RecordHit } from '../../../src/model/searchResult';
import { csvHeader, csvHitLine, csvRecordLines } from '../../../src/render/csvRecords';
import type { OdsRecord } from '../../../src/render/recordObject';
import { csvPage, geojsonPage } from '../../../src/render/recordsPage';
import { bodyText } from '../../../src/render/rendered';

const field = (name: string, label: string, type: FieldType, annotations: FieldDef['annotations'] = []): FieldDef => ({ name, label, type, annotations, source: { column: name } });
const columns = [
  field('nom', 'Nom; complet', 'text'),
  field('tags', 'Étiquettes', 'text', [{ name: 'multivalued', args: ['|'] }]),
  field('mots', 'Mots', 'text'),
  field('n', 'Nombre', 'int'),
  field('x', 'Réel', 'double'),
  field('point', 'Point', 'geo_point_2d'),
  field('forme', 'Forme', 'geo_shape'),
  field('piece', 'Pièce', 'file'),
  field('quand', 'Quand', 'datetime'),
];
const semicolon = { separator: ';', useLabels: false, withBom: false };
const shape = { type: 'LineString', coordinates: [[2, 48], [3, 49]] };
const fields = { nom: 'a "b"; c', tags: ['x', 'y'], mots: ['u', 'v'], n: 12, x: -0.5, point: [48.85, 2.35], forme: shape, piece: { filename: 'f.pdf', id: 'i' }, quand: '2019-06-21T08:00:00Z' };
/** The line by hand: quoted where needed, the multivalued separator, the point as "lat,lon", the shape as compact GeoJSON (quoted: it holds quotes). */
const expectedLine = '"a ""b""; c";x|y;u,v;12;-0.5;48.85,2.35;"{""type"":""LineString"",""coordinates"":[[2,48],[3,49]]}";f.pdf;2019-06-21T10:00:00+02:00\r\n';

describe('csvHeader', () => {
  test('technical names, or labels, quoted as cells are', () => {
    expect(csvHeader(columns.slice(0, 3), semicolon)).toBe('nom;tags;mots\r\n');
    expect(csvHeader(columns.slice(0, 3), { ...semicolon, useLabels: true })).toBe('"Nom; complet";Étiquettes;Mots\r\n');
  });

  test('a byte order mark first when asked', () => {
    expect(csvHeader(columns.slice(0, 1), { ...semicolon, withBom: true })).toBe('\ufeffnom\r\n');
  });
});

describe('record lines', () => {
  test('from record objects: one line per record, each value as one cell', () => {
    const record: OdsRecord = { datasetid: 'd', recordid: 'r', fields: { ...fields, quand: '2019-06-21T10:00:00+02:00' }, record_timestamp: '' } as unknown as OdsRecord;
    const empty: OdsRecord = { datasetid: 'd', recordid: 'r2', fields: {}, record_timestamp: '' };
    expect(csvRecordLines(columns, [record, empty], semicolon)).toBe(`${expectedLine};;;;;;;;\r\n`);
  });

  test('straight from the hit, values rendered in the zone; null and absent are empty', () => {
    const write = csvHitLine(columns, 'Europe/Paris', semicolon);
    expect(write({ datasetid: 'd', recordid: 'r', record_timestamp: '', fields } as unknown as RecordHit)).toBe(expectedLine);
    expect(write({ datasetid: 'd', recordid: 'r', record_timestamp: '', fields: { n: null, x: 0 } } as unknown as RecordHit)).toBe(';;;;0;;;;\r\n');
  });

  test('a shape as the index keeps it (its JSON text) makes the same cell', () => {
    const write = csvHitLine(columns, 'Europe/Paris', semicolon);
    const stored = { ...fields, forme: { geojson: '{"type":"LineString","coordinates":[[2,48],[3,49]]}' } };
    expect(write({ datasetid: 'd', recordid: 'r', record_timestamp: '', fields: stored } as unknown as RecordHit)).toBe(expectedLine);
  });

  test('another separator: the cells holding it are quoted instead', () => {
    const write = csvHitLine(columns.slice(0, 4), 'UTC', { ...semicolon, separator: ',' });
    expect(write({ datasetid: 'd', recordid: 'r', record_timestamp: '', fields: { nom: 'a;b', mots: ['u', 'v'], n: 1 } } as unknown as RecordHit)).toBe('a;b,,"u,v",1\r\n');
  });

  test('read back by an independent CSV parser', () => {
    const text = csvHeader(columns, semicolon) + csvHitLine(columns, 'UTC', semicolon)({ datasetid: 'd', recordid: 'r', record_timestamp: '', fields } as unknown as RecordHit);
    const [header, row] = parse(text, { delimiter: ';' }) as string[][];
    expect(header).toEqual(columns.map((f) => f.name));
    expect(row).toEqual(['a "b"; c', 'x|y', 'u,v', '12', '-0.5', '48.85,2.35', JSON.stringify(shape), 'f.pdf', '2019-06-21T08:00:00+00:00']);
  });
});

describe('pages', () => {
  const output = { format: 'csv', prettyPrint: false, csvSeparator: ';', withBom: true, useLabelsForHeader: true };
  const record: OdsRecord = { datasetid: 'd', recordid: 'r', fields: { nom: 'a', n: 1 }, geometry: { type: 'Point', coordinates: [2, 48] }, record_timestamp: '' };

  test('a CSV page: the header, then the lines; headers passed on when given', () => {
    const page = csvPage([record], columns.slice(0, 4), output);
    expect(page).toEqual({ contentType: 'text/csv; charset=utf-8', body: '\ufeff"Nom; complet";Étiquettes;Mots;Nombre\r\na;;;1\r\n' });
    expect(csvPage([], columns.slice(0, 1), { ...output, withBom: false, useLabelsForHeader: false }, { 'Content-Disposition': 'attachment' }))
      .toEqual({ contentType: 'text/csv; charset=utf-8', body: 'nom\r\n', headers: { 'Content-Disposition': 'attachment' } });
  });

  test('a GeoJSON page: a FeatureCollection, or its JSONP form', () => {
    const hit: RecordHit = { datasetid: 'd', recordid: 'r', fields: { nom: 'a', n: 1 }, geometry: { type: 'Point', coordinates: [2, 48] }, record_timestamp: '2026-01-01T00:00:00Z' };
    const ctx = { schema: columns.slice(0, 4), timeZone: 'UTC', datasetId: 'd' };
    const geo = geojsonPage([hit], ctx, columns.slice(0, 4), { ...output, format: 'geojson' });
    expect({ ...geo, body: bodyText(geo.body) }).toEqual({ contentType: 'application/geo+json; charset=utf-8',
      body: '{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [2, 48]}, "properties": {"nom": "a", "n": 1}}]}' });
    const pretty = bodyText(geojsonPage([hit], ctx, columns, { ...output, format: 'geojson', prettyPrint: true }).body);
    expect(JSON.parse(pretty)).toEqual(JSON.parse(bodyText(geo.body)));
    expect(pretty).toContain('\n    "features": [');
    expect(bodyText(geojsonPage([], ctx, columns, { ...output, format: 'geojsonp', callback: 'cb' }).body)).toBe('/**/cb({"type": "FeatureCollection", "features": []});');
  });
});
