import type { FieldDef } from '../model/descriptor';
import type { FieldValue, Geometry, LatLon, Position } from '../model/values';
import { eachVertex } from './geometry';

/** The ODS `bbox` meta: the box as a GeoJSON Feature whose Polygon ring starts at the north-east corner. */
export interface BboxFeature {
  type: 'Feature';
  geometry: { type: 'Polygon'; coordinates: [Array<[number, number]>] };
  properties: Record<string, never>;
}

const typesOf = (g: Geometry): string[] => (g.type === 'GeometryCollection' ? g.geometries.flatMap(typesOf) : [g.type]);

/**
 * The geographic facts of a dataset, gathered record by record at ingest: the box around the
 * geometries of each record's first geo field that has a value (the field that gives the record
 * its `geometry`), and the GeoJSON types met (a geo_point_2d is a Point).
 */
export class GeoExtent {
  private west = Infinity;
  private south = Infinity;
  private east = -Infinity;
  private north = -Infinity;
  private readonly types = new Set<string>();

  add(schema: readonly FieldDef[], fields: Record<string, FieldValue>): void {
    const field = schema.find((f) => (f.type === 'geo_point_2d' || f.type === 'geo_shape') && fields[f.name] !== undefined);
    if (!field) return;
    const value = fields[field.name];
    if (field.type === 'geo_point_2d') {
      const [lat, lon] = value as LatLon;
      this.extend([lon, lat]);
      this.types.add('Point');
      return;
    }
    eachVertex(value as Geometry, this.extend);
    typesOf(value as Geometry).forEach((t) => this.types.add(t));
  }

  /** Widens the box to hold a position (bound: it is handed to eachVertex). */
  private readonly extend = (p: Position): void => {
    const lon = p[0], lat = p[1];
    this.west = Math.min(this.west, lon);
    this.east = Math.max(this.east, lon);
    this.south = Math.min(this.south, lat);
    this.north = Math.max(this.north, lat);
  };

  /** The box, or null when no record had a geometry. */
  bbox(): BboxFeature | null {
    if (this.west === Infinity) return null;
    const { west, south, east, north } = this;
    return {
      type: 'Feature', properties: {},
      geometry: { type: 'Polygon', coordinates: [[[east, north], [west, north], [west, south], [east, south], [east, north]]] },
    };
  }

  /** The geometry types met, sorted, or null when none. */
  geometryTypes(): string[] | null {
    return this.types.size > 0 ? [...this.types].sort() : null;
  }
}
