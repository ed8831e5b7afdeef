import { csvFormat } from './csvFormat';
import { geojsonFormat } from './geojsonFormat';
import { jsonFormat } from './jsonFormat';
import { ndjsonFormat } from './ndjsonFormat';
import type { RecordFormat } from './recordFormat';

/** The record formats of exports, by the name `format=` gives them. A new format is one module and one line here. */
export const RECORD_STREAM_FORMATS: ReadonlyMap<string, RecordFormat> = new Map([
  ['csv', csvFormat],
  ['json', jsonFormat],
  ['geojson', geojsonFormat],
  ['ndjson', ndjsonFormat],
]);

/** `<name>p` is the JSONP form of every JSON format (`jsonp`, `geojsonp`). */
export const JSONP_SUFFIX = 'p';

/** Every name `format=` may take for an export: each format, and the JSONP form of each JSON one. */
export const exportFormatNames = (): string[] =>
  [...RECORD_STREAM_FORMATS].flatMap(([name, f]) => (f.json ? [name, `${name}${JSONP_SUFFIX}`] : [name]));
