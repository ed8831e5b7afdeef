import turfCentroid from '@turf/centroid';
import { z } from 'zod';
import { processor } from './capability';
import { fieldName, sourceFieldOption } from './configFields';
import { finite, GEO_TYPES, geometryOf } from './geoValue';
import { clashes, derivedField } from './newField';
import { isKnownCrs, KNOWN_CRS, normalCrs, projectionTo } from './projection';
import { sourceField } from './sourceField';

const configSchema = z.strictObject({
  crs: z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be a string such as "EPSG:2154"') })
    .refine(isKnownCrs, { error: (issue) => `unknown CRS "${String(issue.input)}" (known: ${KNOWN_CRS.join(', ')})` })
    .meta({ description: `The target coordinate system, one of ${KNOWN_CRS.join(', ')}`, examples: ['EPSG:2154'] }),
  x_column: fieldName('A new double field for the projected x (easting) of the centroid'),
  y_column: fieldName('A new double field for the projected y (northing) of the centroid'),
  field: sourceFieldOption('geo_shape or geo_point_2d'),
});

/**
 * `reproject`: the coordinates of a geometry's centroid in another CRS, as two new double fields.
 * The geometry itself stays in WGS84: Elasticsearch indexes geo_shape and geo_point only in
 * WGS84 longitude/latitude.
 */
export const reproject = processor({
  name: 'reproject',
  description: 'The projected coordinates (x, y) of each geometry\'s centroid in another CRS (e.g. EPSG:2154), as new double fields; the geometry stays in WGS84',
  configSchema,
  plan({ crs, x_column: xColumn, y_column: yColumn, field }, { rule, schema }) {
    const source = sourceField(schema, field, GEO_TYPES);
    if (!source.ok) return { ok: false, errors: [source.message] };
    const from = source.value;
    const errors = clashes(schema, [{ key: 'x_column', name: xColumn }, { key: 'y_column', name: yColumn }]);
    const projection = projectionTo(crs);
    if (!projection) errors.push(`config.crs: unknown CRS "${crs}"`); // the config schema refused it already
    if (errors.length > 0 || !projection) return { ok: false, errors };
    const code = normalCrs(crs);
    return {
      ok: true,
      step: {
        field: from.name,
        added: [
          derivedField(xColumn, 'double', rule, `x of the centroid of ${from.name} in ${code}`),
          derivedField(yColumn, 'double', rule, `y of the centroid of ${from.name} in ${code}`),
        ],
        run(fields) {
          const value = fields[from.name];
          if (value === undefined) return undefined;
          const [lon, lat] = turfCentroid(geometryOf(from, value)).geometry.coordinates;
          const [x, y] = projection.forward(lon, lat);
          if (!finite(x, y)) return `the centroid (${lon}, ${lat}) has no coordinates in ${code}`;
          fields[xColumn] = x;
          fields[yColumn] = y;
          return undefined;
        },
      },
    };
  },
});
