import type { FieldDef, FieldType } from '../../src/model/descriptor';

/** A field read from a column, as resolveSchema would give it. */
export const columnField = (name: string, type: FieldType): FieldDef => ({ name, label: name, type, annotations: [], source: { column: name } });

/** The geometry of a GeoJSON feature as a geo_shape field. */
export const SHAPE: FieldDef = { name: 'geo_shape', label: 'Geometry', type: 'geo_shape', annotations: [], source: { geometry: true } };
