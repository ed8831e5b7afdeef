import turfCentroid from '@turf/centroid';
import { z } from 'zod';
import { processor } from './capability';
import { fieldName, sourceFieldOption } from './configFields';
import { finite, GEO_TYPES, geometryOf, latLonOf } from './geoValue';
import { clashes, derivedField } from './newField';
import { sourceField } from './sourceField';

const configSchema = z.strictObject({
  target: fieldName('A new geo_point_2d field for the centroid'),
  field: sourceFieldOption('geo_shape or geo_point_2d'),
});

/**
 * `centroid`: a shape's centroid as a new geo_point_2d field. It is turf's centroid, the mean of
 * the vertices (each ring's closing vertex left out), as ingest's own `centroidOf` and the record
 * geometry: not the centre of mass, and it may lie outside a concave shape.
 */
export const centroid = processor({
  name: 'centroid',
  description: "The centroid (mean of the vertices) of each geometry, as a new geo_point_2d field",
  configSchema,
  plan({ target, field }, { rule, schema }) {
    const source = sourceField(schema, field, GEO_TYPES);
    if (!source.ok) return { ok: false, errors: [source.message] };
    const from = source.value;
    const errors = clashes(schema, [{ key: 'target', name: target }]);
    if (errors.length > 0) return { ok: false, errors };
    return {
      ok: true,
      step: {
        field: from.name,
        added: [derivedField(target, 'geo_point_2d', rule, `centroid of ${from.name}`)],
        run(fields) {
          const value = fields[from.name];
          if (value === undefined) return undefined;
          const point = turfCentroid(geometryOf(from, value)).geometry.coordinates;
          if (!finite(...point)) return 'the geometry has no centroid';
          fields[target] = latLonOf(point);
          return undefined;
        },
      },
    };
  },
});
