/**
 * The form fields of an upload (the OpenAPI document's `multipart/form-data` schema of
 * `POST /api/management/v1/datasets`), by their wire names. All optional: without a descriptor,
 * the fields are inferred from the file.
 */
export interface UploadFields {
  /** A descriptor (as for `portal-search ingest`) without its source path: an object or its JSON. */
  descriptor?: string | Record<string, unknown>;
  id?: string;
  title?: string;
  domain?: string;
  visibility?: 'public' | 'private';
  state?: 'draft' | 'published';
  /** The source format, when the file name does not tell it (`csv`, `geojson`, `xlsx`…). */
  format?: string;
  delimiter?: string;
  encoding?: string;
  layer?: string;
  /** The source CRS when the file does not tell it (`EPSG:2154`). */
  crs?: string;
  sheet?: string;
  /** Most rows that may warn: `0.05` or `5%` (the default). */
  max_warning_share?: string | number;
  take_over?: boolean;
}

/**
 * The file to upload: a path (opened as a file-backed Blob, which fetch streams from disk), or a
 * Blob of your own with the name the server should see (its ending tells the format).
 */
export type UploadSource = { path: string; filename?: string } | { blob: Blob; filename: string };

const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** The Blob and name of an upload; a path is opened with Node's `fs.openAsBlob`, so the file is never read into memory. */
async function blobOf(source: UploadSource): Promise<{ blob: Blob; filename: string }> {
  if ('blob' in source) return source;
  // Loaded only for a path, so that the client runs where there is no file system (a browser).
  const { openAsBlob } = await import('node:fs');
  return { blob: await openAsBlob(source.path), filename: source.filename ?? baseName(source.path) };
}

/** The multipart form: the text fields first, then the file, as the server reads them in order. */
export async function uploadForm(source: UploadSource, fields: UploadFields): Promise<FormData> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    form.append(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  const { blob, filename } = await blobOf(source);
  form.append('file', blob, filename);
  return form;
}
