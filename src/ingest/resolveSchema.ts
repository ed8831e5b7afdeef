import { fold } from '../text/fold';
import type { Descriptor, FieldDef, FieldInput } from '../model/descriptor';
import { inferType } from './inferType';
import type { RawRow } from './rawRow';
import { rawValue } from './rawValue';

/** A technical name from a column title: "Année du tournage" → "annee_du_tournage". */
export function technicalNameOf(column: string): string {
  const name = fold(column).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 64);
  return /^[a-z_]/.test(name) ? name : `f_${name}`.slice(0, 64);
}

function sourceOf(field: FieldInput, columns: ReadonlySet<string>, hasGeometry: boolean): FieldDef['source'] {
  if (field.source) return field.source;
  if (columns.has(field.name)) return { column: field.name };
  if (field.label && columns.has(field.label)) return { column: field.label };
  if (hasGeometry && (field.type === 'geo_shape' || field.name === 'geo_shape')) return { geometry: true };
  return { column: field.name };
}

/**
 * The dataset schema: the descriptor's fields with their sources resolved against the columns
 * of the file, and missing types inferred from a sample of rows. A descriptor with no fields
 * takes every column (and a GeoJSON geometry as `geo_shape`).
 */
export function resolveSchema(descriptor: Pick<Descriptor, 'fields'>, sample: readonly RawRow[]): FieldDef[] {
  const columns = new Set(sample.flatMap((r) => Object.keys(r.values)));
  const hasGeometry = sample.some((r) => r.geometry !== undefined);
  const inputs: FieldInput[] = descriptor.fields.length > 0
    ? descriptor.fields
    : [
      ...[...columns].map((c) => ({ name: technicalNameOf(c), label: c, annotations: [], source: { column: c } })),
      ...(hasGeometry ? [{ name: 'geo_shape', label: 'Geometry', type: 'geo_shape' as const, annotations: [], source: { geometry: true as const } }] : []),
    ];
  return inputs.map((f) => {
    const source = sourceOf(f, columns, hasGeometry);
    const samples = sample.map((r) => rawValue(source, r));
    const type = f.type ?? ('centroidOf' in source || 'latLon' in source ? 'geo_point_2d' : inferType(samples));
    return { name: f.name, label: f.label ?? f.name, type, description: f.description, annotations: f.annotations, source };
  });
}
