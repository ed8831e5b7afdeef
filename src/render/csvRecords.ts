import { annotationArg, FieldDef } from '../model/descriptor';
import { isShapeText, type FieldValue, type FileValue } from '../model/values';
import type { RecordHit } from '../model/searchResult';
import { csvCell, csvLine } from './csvText';
import { OdsRecord } from './recordObject';
import { valueRenderer } from './valueRenderer';

export interface CsvOptions { separator: string; useLabels: boolean; withBom: boolean }

/** One value as a single cell: a point as "lat,lon", a shape as GeoJSON (its stored text as it is), several values joined by their separator. */
function cell(field: FieldDef, value: FieldValue | undefined): string | number | undefined {
  if (value === undefined) return undefined;
  switch (field.type) {
    case 'geo_point_2d': return (value as number[]).join(',');
    case 'geo_shape': return isShapeText(value) ? value.geojson : JSON.stringify(value);
    case 'file': return (value as FileValue).filename;
    case 'int': case 'double': return value as number;
    default: return Array.isArray(value) ? value.join(annotationArg(field, 'multivalued') ?? ',') : (value as string);
  }
}

/** The header line (technical names, or labels) of a CSV export. */
export function csvHeader(columns: readonly FieldDef[], o: CsvOptions): string {
  return `${o.withBom ? '\ufeff' : ''}${csvLine(columns.map((f) => (o.useLabels ? f.label : f.name)), o.separator)}`;
}

/** The lines of some records, one column per field. */
export function csvRecordLines(columns: readonly FieldDef[], records: readonly OdsRecord[], o: CsvOptions): string {
  return records.map((r) => csvLine(columns.map((f) => cell(f, r.fields[f.name])), o.separator)).join('');
}

/**
 * The line of a record as csvRecordLines(columns, [recordObject(hit)], o) writes it, written
 * straight from the published values (no record object built first).
 */
export function csvHitLine(columns: readonly FieldDef[], timeZone: string, o: CsvOptions): (hit: RecordHit) => string {
  const renderers = columns.map((f) => valueRenderer(f, timeZone));
  return (hit) => {
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      const value = hit.fields[columns[i].name];
      const shown = value === undefined || value === null ? undefined : renderers[i](value);
      line += `${i === 0 ? '' : o.separator}${csvCell(cell(columns[i], shown), o.separator)}`;
    }
    return `${line}\r\n`;
  };
}
