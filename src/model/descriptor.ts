import { z } from 'zod';
import { resolveCrs } from '../geo/crs';
import { isValidTimeZone } from '../time/timezone';
import { refuseNul } from './refuseNul';

/** The field types of ODS v1 (reference/ods-v1.md §5.1). */
export const FIELD_TYPES = ['text', 'int', 'double', 'date', 'datetime', 'geo_point_2d', 'geo_shape', 'file'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Technical names: what ODS allows, and safe as Elasticsearch object keys. */
export const TECHNICAL_NAME = /^[a-z_][a-z0-9_]{0,63}$/;
export const TECHNICAL_NAME_RULE = 'must be lower-case letters, digits or _, starting with a letter or _ (at most 64)';
const technicalName = z.string().regex(TECHNICAL_NAME, TECHNICAL_NAME_RULE);

export const DATASET_ID = /^[a-z0-9][a-z0-9_-]{0,99}$/;
const datasetId = z.string().regex(DATASET_ID, 'must be lower-case letters, digits, - or _ (at most 100)');

export const annotationSchema = z.strictObject({
  name: z.enum([
    'id', 'facet', 'facetsort', 'disjunctive', 'timeserie_precision', 'timerangeFilter', 'unit',
    'decimals', 'sortable', 'multivalued', 'hierarchical',
  ]),
  args: z.array(z.string()).optional(),
});
export type Annotation = z.infer<typeof annotationSchema>;

/**
 * Where a field's value comes from: a column (CSV) or property (GeoJSON, JSON) by name, the
 * feature's geometry, the centroid of another (geo_shape) field computed at ingest, a point made
 * of two columns, latitude then longitude (files that keep them apart), or a processing rule
 * (src/processors) that computes it once the record is typed. A descriptor never declares
 * `derived` (its schema below refuses it): only the rules add such fields, and ingest reads no
 * column for them.
 */
export type FieldSource = { column: string } | { geometry: true } | { centroidOf: string } | { latLon: [string, string] } | { derived: string };

/** One object with exactly one of the four keys (so that an unknown key is named by its path). */
const fieldSource = z
  .strictObject({
    column: z.string().min(1).optional(),
    geometry: z.literal(true).optional(),
    centroidOf: technicalName.optional(),
    latLon: z.tuple([z.string().min(1), z.string().min(1)]).optional(),
  })
  .refine((s) => Object.keys(s).length === 1, 'must have exactly one of column, geometry, centroidOf, latLon')
  .transform((s): Exclude<FieldSource, { derived: string }> => (s.column !== undefined ? { column: s.column }
    : s.geometry ? { geometry: true }
      : s.latLon ? { latLon: s.latLon } : { centroidOf: s.centroidOf! }));

export const fieldSchema = z.strictObject({
  name: technicalName,
  label: z.string().min(1).optional(),
  type: z.enum(FIELD_TYPES).optional(),
  description: z.string().optional(),
  annotations: z.array(annotationSchema).default([]),
  source: fieldSource.optional(),
});
export type FieldInput = z.infer<typeof fieldSchema>;

/** A field as the rest of the system sees it: label and type are always known. */
export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  description?: string;
  annotations: Annotation[];
  source: FieldSource;
}

/**
 * The dataset's metas: the editorial ones of ODS (its `metas.default`); any other key is refused.
 * The timezone is checked here, so that a bad one fails before any row is read.
 */
export const metadataSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().optional(),
  publisher: z.string().optional(),
  theme: z.array(z.string()).optional(),
  keyword: z.array(z.string()).optional(),
  license: z.string().optional(),
  license_url: z.string().optional(),
  language: z.string().optional(),
  metadata_languages: z.array(z.string()).optional(),
  timezone: z.string().refine(isValidTimeZone, 'not a time zone this server knows (an IANA name such as Europe/Paris or UTC)').optional(),
  modified: z.string().optional(),
  records_count: z.number().int().nonnegative().optional(),
  references: z.string().optional(),
  attributions: z.array(z.string()).optional(),
  territory: z.array(z.string()).optional(),
  geographic_reference: z.array(z.string()).optional(),
}).superRefine((m, ctx) => refuseNul(m, ctx));
export type DatasetMetadata = z.infer<typeof metadataSchema>;

/** The share of rows with warnings above which a publish is refused, unless the descriptor or the publish says otherwise. */
export const DEFAULT_MAX_WARNING_SHARE = 0.05;

export const SOURCE_FORMATS = ['csv', 'geojson', 'json', 'ndjson', 'xlsx', 'gpkg', 'shp'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

function checkCrs(text: string, ctx: z.RefinementCtx): void {
  try {
    resolveCrs(text);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
  }
}

export const descriptorSchema = z
  .strictObject({
    id: datasetId,
    domain: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/).default('default'),
    visibility: z.enum(['public', 'private']).default('public'),
    state: z.enum(['draft', 'published']).default('published'),
    metadata: metadataSchema,
    source: z
      .strictObject({
        path: z.string().min(1),
        format: z.enum(SOURCE_FORMATS).optional(),
        delimiter: z.enum([';', ',', '\t']).optional(),
        /** The text encoding of a CSV, or of a Shapefile's .dbf (overriding its .cpg). */
        encoding: z.enum(['utf-8', 'latin1']).optional(),
        /** The GeoPackage table or the Shapefile of a zip to read; every one when absent. */
        layer: z.string().min(1).optional(),
        /** The XLSX worksheet to read, by its tab name; the first one when absent. */
        sheet: z.string().min(1).optional(),
        /** The CRS of the source's coordinates, overriding the file's (.prj, GeoPackage srs): checked here, so that an unknown one fails before any row is read. */
        crs: z.string().min(1).superRefine(checkCrs).optional(),
      })
      .optional(),
    fields: z.array(fieldSchema).default([]),
    /** The most rows (a share, 0 to 1) that may have warnings before a publish is refused. */
    maxWarningShare: z.number().min(0).max(1).optional(),
  })
  .superRefine((d, ctx) => {
    // The metadata checks its own (metadataSchema).
    refuseNul({ ...d, metadata: undefined }, ctx);
    const names = new Set<string>();
    d.fields.forEach((f, i) => {
      if (names.has(f.name)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'name'], message: `duplicate field ${f.name}` });
      names.add(f.name);
      if (f.source && 'centroidOf' in f.source) {
        const targetName = f.source.centroidOf;
        const target = d.fields.find((g) => g.name === targetName);
        if (!target || (target.type !== undefined && target.type !== 'geo_shape')) {
          ctx.addIssue({ code: 'custom', path: ['fields', i, 'source'], message: 'centroidOf must name a geo_shape field' });
        }
      }
      if (f.source && 'latLon' in f.source && f.type !== undefined && f.type !== 'geo_point_2d') {
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'type'], message: 'a field whose source is latLon is a geo_point_2d' });
      }
    });
  });
export type Descriptor = z.infer<typeof descriptorSchema>;

export function annotationArg(field: FieldDef, name: Annotation['name']): string | undefined {
  return field.annotations.find((a) => a.name === name)?.args?.[0];
}

/** Whether a field carries the annotation, with or without arguments. */
export const hasAnnotation = (field: FieldDef, name: Annotation['name']): boolean => field.annotations.some((a) => a.name === name);
