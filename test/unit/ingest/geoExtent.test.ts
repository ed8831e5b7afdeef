import { GeoExtent } from '../../../src/ingest/geoExtent';
import type { FieldValue } from '../../../src/model/values';
import { columnField } from '../../support/processorSchemas';

const schema = [columnField('point', 'geo_point_2d'), columnField('shape', 'geo_shape')];

/** The box and types gathered from these records' fields. */
function gather(records: Array<Record<string, FieldValue>>): { bbox: ReturnType<GeoExtent['bbox']>; types: string[] | null } {
  const extent = new GeoExtent();
  records.forEach((fields) => extent.add(schema, fields));
  return { bbox: extent.bbox(), types: extent.geometryTypes() };
}

/** The ODS box polygon of these bounds, its ring from the north-east corner (written out here, not by the code). */
const box = (west: number, south: number, east: number, north: number) => ({
  type: 'Feature', properties: {},
  geometry: { type: 'Polygon', coordinates: [[[east, north], [west, north], [west, south], [east, south], [east, north]]] },
});

describe('GeoExtent', () => {
  it('holds every position of every geometry type, at every depth of nesting', () => {
    const { bbox, types } = gather([
      { shape: { type: 'LineString', coordinates: [[2.1, 48.1], [2.4, 48.3]] } },
      { shape: { type: 'MultiPolygon', coordinates: [[[[1, 47], [1.5, 47], [1.5, 47.5], [1, 47]]], [[[3, 49], [3.2, 49], [3.2, 49.9], [3, 49]]]] } },
      { shape: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [-0.5, 48] }, { type: 'MultiLineString', coordinates: [[[2, 50.5], [2.2, 50]]] }] } },
      { shape: { type: 'MultiPoint', coordinates: [[2, 46.25]] } },
    ]);
    // West -0.5 (the collection's point), south 46.25 (the MultiPoint), east 3.2 and north 50.5.
    expect(bbox).toEqual(box(-0.5, 46.25, 3.2, 50.5));
    expect(types).toEqual(['LineString', 'MultiLineString', 'MultiPoint', 'MultiPolygon', 'Point']);
  });

  it("takes a geo_point_2d as [lat, lon], and only each record's first geo field that has a value", () => {
    const { bbox, types } = gather([
      { point: [45, 4], shape: { type: 'Point', coordinates: [100, 10] } },
      { shape: { type: 'Polygon', coordinates: [[[5, 44], [6, 44], [6, 44.5], [5, 44]]] } },
    ]);
    expect(bbox).toEqual(box(4, 44, 6, 45));
    expect(types).toEqual(['Point', 'Polygon']);
  });

  it('has no box and no types when no record has a geometry', () => {
    expect(gather([{}, { point: undefined as unknown as FieldValue }])).toEqual({ bbox: null, types: null });
  });
});
