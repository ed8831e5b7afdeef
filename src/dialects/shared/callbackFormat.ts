import { ParamReader } from './paramReader';

/**
 * data4citizen's documented rule for its `api2` routes and `/api/records/2.0/search`: JSONP "by
 * giving a callback". A `callback` without `format` asks for `jsonp`, and with `format=geojson` for
 * `geojsonp`; an explicit `format=json` (or any other) stays as written. The JSONP guard still
 * applies (GET only, never with credentials).
 */
export function withCallbackFormat(r: ParamReader): ParamReader {
  if (!r.raw.get('callback')?.length) return r;
  const format = r.raw.get('format');
  const implied = format === undefined ? 'jsonp' : format.length === 1 && format[0] === 'geojson' ? 'geojsonp' : undefined;
  if (implied === undefined) return r;
  return new ParamReader(new Map([...r.raw, ['format', [implied]]]));
}
