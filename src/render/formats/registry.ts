import { csvFormat } from './csvFormat';
import { fgbFormat } from './fgbFormat';
import { geojsonFormat } from './geojsonFormat';
import { gpkgFormat } from './gpkgFormat';
import { jsonFormat } from './jsonFormat';
import { ndjsonFormat } from './ndjsonFormat';
import type { RecordFormat } from './recordFormat';
import { shpFormat } from './shpFormat';
import type { SpooledFormat } from './spooledFormat';
import { jsonpFormOf } from '../../model/jsonpFormat';

/** The record formats of exports, by the name `format=` gives them. A new format is one module and one line here. */
export const RECORD_STREAM_FORMATS: ReadonlyMap<string, RecordFormat> = new Map([
  ['csv', csvFormat],
  ['json', jsonFormat],
  ['geojson', geojsonFormat],
  ['ndjson', ndjsonFormat],
]);

/**
 * The binary GIS formats of exports, spooled to temporary files before they are sent (see
 * SpooledFormat for why they are not streamed as text).
 */
export const RECORD_SPOOLED_FORMATS: ReadonlyMap<string, SpooledFormat> = new Map([
  ['gpkg', gpkgFormat],
  ['shp', shpFormat],
  ['fgb', fgbFormat],
]);

/** Every name `format=` may take for an export: each format, the JSONP form of each JSON one, and each spooled format. */
export const exportFormatNames = (): string[] => [
  ...[...RECORD_STREAM_FORMATS].flatMap(([name, f]) => (f.json ? [name, jsonpFormOf(name)] : [name])),
  ...RECORD_SPOOLED_FORMATS.keys(),
];
