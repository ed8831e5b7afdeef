import turfArea from '@turf/area';
import turfLength from '@turf/length';
import { z } from 'zod';
import type { FieldValue, Geometry } from '../model/values';
import { processor } from './capability';
import { fieldName, sourceFieldOption } from './configFields';
import { finite, geometryOf } from './geoValue';
import { clashes, derivedField } from './newField';
import { sourceField } from './sourceField';

const configSchema = z
  .strictObject({
    area_column: fieldName('A new double field for the area in square metres (geodesic; 0 for points and lines)').optional(),
    length_column: fieldName('A new double field for the length in metres (geodesic): the length of lines, the perimeter of polygons (every ring)').optional(),
    field: sourceFieldOption('geo_shape'),
  })
  .refine((c) => c.area_column !== undefined || c.length_column !== undefined, 'give area_column, length_column or both')
  // What the refinement says, for the JSON Schema (zod cannot translate a refinement).
  .meta({ anyOf: [{ required: ['area_column'] }, { required: ['length_column'] }] });

/**
 * `area_length`: a shape's area and length as new double fields. turf measures on a sphere of
 * the Earth's mean radius (6371008.8 m): over France that is within 0.4 % of the area on the WGS84
 * ellipsoid (the test holds it to 0.5 % of SpatiaLite's ellipsoidal figure).
 */
export const areaLength = processor({
  name: 'area_length',
  description: 'The geodesic area (m²) and length or perimeter (m) of each shape, as new double fields',
  configSchema,
  plan({ area_column: areaColumn, length_column: lengthColumn, field }, { rule, schema }) {
    const source = sourceField(schema, field, ['geo_shape']);
    if (!source.ok) return { ok: false, errors: [source.message] };
    const from = source.value;
    const columns = [
      ...(areaColumn === undefined ? [] : [{ key: 'area_column', name: areaColumn, measure: 'area (m²)', of: turfArea }]),
      ...(lengthColumn === undefined ? [] : [{ key: 'length_column', name: lengthColumn, measure: 'length (m)', of: metresAlong }]),
    ];
    const errors = clashes(schema, columns);
    if (errors.length > 0) return { ok: false, errors };
    return {
      ok: true,
      step: {
        field: from.name,
        added: columns.map((c) => derivedField(c.name, 'double', rule, `${c.measure} of ${from.name}`)),
        run(fields: Record<string, FieldValue>) {
          const value = fields[from.name];
          if (value === undefined) return undefined;
          const geometry = geometryOf(from, value);
          const measures = columns.map((c) => c.of(geometry));
          if (!finite(...measures)) return 'the shape cannot be measured';
          columns.forEach((c, i) => { fields[c.name] = measures[i]; });
          return undefined;
        },
      },
    };
  },
});

/** Length of lines, perimeter of polygons (every ring), in metres along great circles. */
function metresAlong(geometry: Geometry): number {
  return turfLength({ type: 'Feature', properties: {}, geometry }, { units: 'meters' });
}
