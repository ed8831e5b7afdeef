import type { GeoJsonGeometry } from '../../geo/geoJsonGeometry';
import { annotationArg, type FieldDef } from '../../model/descriptor';
import type { RecordHit } from '../../model/searchResult';
import type { FieldValue, FileValue } from '../../model/values';
import type { RecordContext } from '../recordObject';
import { renderValue } from '../recordObject';

/** The attribute types of the GIS formats: each maps to one type of GeoPackage, Shapefile (DBF) and FlatGeobuf. */
export type GisType = 'text' | 'int' | 'double' | 'date' | 'datetime';

/** An attribute value: text (dates as YYYY-MM-DD, instants as UTC ISO 8601) or a number. */
export type GisValue = string | number;

/** One attribute column: the field it shows, its type, and its value in a record (undefined when empty). */
export interface GisColumn { name: string; label: string; type: GisType; value(fields: Record<string, FieldValue>): GisValue | undefined }

/** How records become features of a GIS file: the layer's name, the attribute columns, and the geometry of a record (null when it has none). */
export interface GisLayout { layer: string; columns: GisColumn[]; geometry(hit: RecordHit): GeoJsonGeometry | null }

/** Where the geometry of a feature comes from, as in the GeoJSON export: the first geo_shape column, else the record's point. */
const shapeOf = (columns: readonly FieldDef[]): string | undefined => columns.find((f) => f.type === 'geo_shape')?.name;

/** A field's type in the GIS formats: a date cut to a year or month (timeserie_precision) is text, any non-scalar is text. */
function gisType(f: FieldDef): GisType {
  const several = f.annotations.some((a) => a.name === 'multivalued');
  switch (f.type) {
    case 'int': return several ? 'text' : 'int';
    case 'double': return several ? 'text' : 'double';
    case 'date': return ['year', 'month'].includes(annotationArg(f, 'timeserie_precision') ?? '') ? 'text' : 'date';
    case 'datetime': return 'datetime';
    default: return 'text';
  }
}

/** A value as text, the way the CSV export writes it: a point as "lat,lon", a shape as GeoJSON, a file by its name, several values joined by their separator. */
function textOf(f: FieldDef, v: FieldValue, timeZone: string): string {
  switch (f.type) {
    case 'geo_point_2d': return (v as number[]).join(',');
    case 'geo_shape': return JSON.stringify(v);
    case 'file': return (v as FileValue).filename;
    default: {
      const shown = renderValue(f, v, timeZone);
      return Array.isArray(shown) ? shown.join(annotationArg(f, 'multivalued') ?? ',') : String(shown);
    }
  }
}

function column(f: FieldDef, timeZone: string): GisColumn {
  const type = gisType(f);
  const read = (fields: Record<string, FieldValue>): FieldValue | undefined => {
    const v = fields[f.name];
    return v === undefined || v === null ? undefined : v;
  };
  switch (type) {
    case 'int': case 'double': return { name: f.name, label: f.label, type, value: (fields) => { const v = read(fields); return typeof v === 'number' ? v : undefined; } };
    case 'date': return { name: f.name, label: f.label, type, value: (fields) => { const v = read(fields); return typeof v === 'string' ? v.slice(0, 10) : undefined; } };
    case 'datetime': return { name: f.name, label: f.label, type, value: (fields) => { const v = read(fields); return typeof v === 'string' ? new Date(v).toISOString() : undefined; } };
    case 'text': return { name: f.name, label: f.label, type, value: (fields) => { const v = read(fields); return v === undefined ? undefined : textOf(f, v, timeZone); } };
  }
}

/** The layout of an export in a GIS format: every column but the one that gives the geometry becomes an attribute; positions stay WGS 84 lon/lat. */
export function gisLayout(ctx: RecordContext, columns: readonly FieldDef[], layer: string): GisLayout {
  const shape = shapeOf(columns);
  const attributes = columns.filter((f) => f.name !== shape).map((f) => column(f, ctx.timeZone));
  return {
    layer,
    columns: attributes,
    geometry: (hit) => {
      const own = shape === undefined ? undefined : hit.fields[shape];
      return (own !== undefined && own !== null ? own : (hit.geometry ?? null)) as GeoJsonGeometry | null;
    },
  };
}
