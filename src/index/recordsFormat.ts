import { createHash } from 'node:crypto';
import fieldTypes from '../../mappings/field-types.json';
import recordsTemplate from '../../mappings/records.json';

/**
 * Bump when recordDocument() writes something else for the same record without the mappings
 * changing: a change of folding (src/text/) changes the indexed text, and an index built before
 * it no longer finds what a query folded the new way asks for; and when the ODS record JSON
 * (src/render/recordJson.ts) is written otherwise, since each document keeps it written. 2: French
 * elisions split. 3: a geo_shape kept in `fields` as its JSON text. 4: each record's ODS JSON kept
 * written (`written`). 5: after the spans of its GeoJSON feature (`written_record`). 6: each
 * record's CSV line kept written too (`written_csv`).
 */
const DOCUMENT_VERSION = 6;

/**
 * What a record index's documents and mapping are: kept in the index's `_meta`, so that the
 * indices built by an older version of portal-search are rebuilt from PostgreSQL on start.
 */
export const RECORDS_FORMAT = `${DOCUMENT_VERSION}:${createHash('sha256').update(JSON.stringify([recordsTemplate, fieldTypes])).digest('hex').slice(0, 16)}`;
