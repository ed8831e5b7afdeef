import { annotationArg, FieldDef } from '../model/descriptor';
import type { FieldValue, FileValue } from '../model/values';
import { csvLine } from './csvText';
import { OdsRecord } from './recordObject';

export interface CsvOptions { separator: string; useLabels: boolean; withBom: boolean }

/** One value as a single cell: a point as "lat,lon", a shape as GeoJSON, several values joined by their separator. */
function cell(field: FieldDef, value: FieldValue | undefined): string | number | undefined {
  if (value === undefined) return undefined;
  switch (field.type) {
    case 'geo_point_2d': return (value as number[]).join(',');
    case 'geo_shape': return JSON.stringify(value);
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
