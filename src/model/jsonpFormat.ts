/** A JSON format's JSONP form is its name followed by this (`jsonp`, `geojsonp`; SPEC §3). */
export const JSONP_SUFFIX = 'p';

/**
 * Every JSONP format name any endpoint takes. Every check of a format name (the callback rule, the
 * GET-only guard, the writers) asks this list, so that none tells JSONP otherwise than another;
 * the export registry's test holds the registry's JSON formats to it.
 */
const JSONP_FORMATS: ReadonlySet<string> = new Set(['jsonp', 'geojsonp']);

/** The JSONP form of a JSON format's name. */
export const jsonpFormOf = (jsonFormat: string): string => `${jsonFormat}${JSONP_SUFFIX}`;

/** Whether a format name is the JSONP form of a JSON format. */
export const isJsonpFormat = (format: string): boolean => JSONP_FORMATS.has(format);
