import type { FieldDef } from '../../../src/model/descriptor';
import { coerceField } from '../../../src/ingest/coerce/coerceField';
import { coerceDate, coerceDatetime } from '../../../src/ingest/coerce/date';
import { coerceGeoPoint, coerceGeoShape } from '../../../src/ingest/coerce/geo';
import { coerceDouble, coerceInt } from '../../../src/ingest/coerce/number';
import { coerceText } from '../../../src/ingest/coerce/text';

const v = <T>(value: T) => ({ kind: 'value', value });
const empty = { kind: 'empty' };
const invalid = { kind: 'invalid', reason: expect.any(String) };

describe('numbers', () => {
  test.each([
    ['42', v(42)], ['-7', v(-7)], [' 12 ', v(12)], ['3.99', v(3)], ['-3.99', v(-3)], ['2,5', v(2)], [17, v(17)],
    ['', empty], [null, empty], ['abc', invalid], ['1e400', invalid], ['NaN', invalid], ['0x10', invalid], ['--1', invalid],
    ['9007199254740993', invalid],
  ])('int %p', (raw, expected) => expect(coerceInt(raw)).toEqual(expected));

  test.each([
    ['2.37650076', v(2.37650076)], ['1022672.9941999987', v(1022672.9941999987)], ['2,5', v(2.5)], ['-1e3', v(-1000)],
    ['.5', v(0.5)], ['Infinity', invalid], ['1 000', v(1000)], ['1.2.3', invalid], [Number.NaN, invalid],
  ])('double %p', (raw, expected) => expect(coerceDouble(raw)).toEqual(expected));
});

describe('dates and datetimes', () => {
  test.each([
    ['2019-06-21', v('2019-06-21')], ['2019/06/21', v('2019/06/21'.replace(/\//g, '-'))], ['21/06/2019', v('2019-06-21')],
    ['2020-02-29', v('2020-02-29')], ['2019-02-29', invalid], ['2013/02/30', invalid], ['2019-13-01', invalid],
    ['2019-06-21T10:00:00+02:00', v('2019-06-21')], ['99999-01-01', invalid], ['hier', invalid], ['', empty],
  ])('date %p', (raw, expected) => expect(coerceDate(raw)).toEqual(expected));

  test.each([
    ['2023-04-28T16:54:01.213+02:00', v('2023-04-28T14:54:01.213Z')],
    ['2023-04-28T16:54:01Z', v('2023-04-28T16:54:01.000Z')],
    ['2023-04-28 16:54', v('2023-04-28T14:54:00.000Z')],
    ['2023-01-10', v('2023-01-09T23:00:00.000Z')],
    ['2023-04-28T16:54:01-0330', v('2023-04-28T20:24:01.000Z')],
    ['2023-04-28T25:00', invalid], ['demain', invalid],
    // The year 50, not 1950; without an offset, Paris's local mean time then (tz database: +0:09:21).
    ['0050-06-01T12:00:00Z', v('0050-06-01T12:00:00.000Z')], ['0050-06-01 12:00', v('0050-06-01T11:50:39.000Z')],
  ])('datetime %p in Europe/Paris', (raw, expected) => expect(coerceDatetime(raw, 'Europe/Paris')).toEqual(expected));
});

describe('geometry', () => {
  test.each([
    ['48.82666715013981, 2.376500761909833', v([48.82666715013981, 2.376500761909833])],
    ['47.7468981987,7.30813263571', v([47.7468981987, 7.30813263571])],
    ['[48.87, 2.37]', v([48.87, 2.37])], [[48.87, 2.37], v([48.87, 2.37])], [{ lat: 1, lon: 2 }, v([1, 2])],
    ['91, 2', invalid], ['48.8, 181', invalid], ['not a point', invalid], ['48.8', invalid], ['', empty],
  ])('geo_point_2d %p', (raw, expected) => expect(coerceGeoPoint(raw)).toEqual(expected));

  test('geo_shape from GeoJSON text, objects and Features', () => {
    const point = { type: 'Point', coordinates: [2.37, 48.82] };
    expect(coerceGeoShape(JSON.stringify(point))).toEqual(v(point));
    expect(coerceGeoShape({ type: 'Feature', geometry: point, properties: {} })).toEqual(v(point));
    const square = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
    expect(coerceGeoShape(square)).toEqual(v(square));
  });

  test.each([
    ['{not json'], [{ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1]]] }], [{ type: 'Point', coordinates: [200, 0] }],
    [{ type: 'Circle', coordinates: [0, 0] }], [{ type: 'LineString', coordinates: [[0, 0]] }], [{ type: 'FeatureCollection', features: [] }],
  ])('geo_shape refuses %p', (raw) => expect(coerceGeoShape(raw)).toEqual(invalid));
});

describe('text', () => {
  test('keeps text as published; lists and separators give several values', () => {
    expect(coerceText('  Paris ')).toEqual(v('  Paris '));
    expect(coerceText(['75001', '', '75002'])).toEqual(v(['75001', '75002']));
    expect(coerceText('a, b,,c', ',')).toEqual(v(['a', 'b', 'c']));
    expect(coerceText(75013)).toEqual(v('75013'));
    expect(coerceText({ a: 1 })).toEqual(invalid);
    expect(coerceText('   ')).toEqual(empty);
  });

  test('coerceField dispatches on the field type', () => {
    const field = (type: FieldDef['type']): FieldDef => ({ name: 'f', label: 'f', type, annotations: [], source: { column: 'f' } });
    expect(coerceField(field('int'), '12', 'UTC')).toEqual(v(12));
    expect(coerceField({ ...field('text'), annotations: [{ name: 'multivalued', args: [';'] }] }, 'a;b', 'UTC')).toEqual(v(['a', 'b']));
    expect(coerceField(field('file'), 'photo.jpg', 'UTC')).toEqual(v({ filename: 'photo.jpg' }));
  });
});
