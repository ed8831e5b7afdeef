import type { FieldSource } from '../model/descriptor';
import { isBlank } from './coerce/result';
import { columnValue, type RawRow } from './rawRow';

/**
 * The raw value a field reads from one row, before typing: its column, the feature's geometry, or
 * for a latitude/longitude pair one point (`[lat, lon]` when both are numbers, else the `"lat,lon"`
 * text the geo_point_2d coercion reads; nothing when both are blank). A centroid is derived after
 * typing and reads nothing here.
 */
export function rawValue(source: FieldSource, row: RawRow): unknown {
  if ('column' in source) return columnValue(row, source.column);
  if ('geometry' in source) return row.geometry;
  if ('latLon' in source) {
    const [lat, lon] = source.latLon.map((c) => columnValue(row, c));
    if (isBlank(lat) && isBlank(lon)) return undefined;
    if (typeof lat === 'number' && typeof lon === 'number') return [lat, lon];
    return `${text(lat)},${text(lon)}`;
  }
  return undefined;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : String(v));

/** The columns a source reads (none for a geometry or a centroid). */
export function sourceColumns(source: FieldSource): string[] {
  if ('column' in source) return [source.column];
  if ('latLon' in source) return [...source.latLon];
  return [];
}
