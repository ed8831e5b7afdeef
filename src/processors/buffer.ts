import turfBuffer from '@turf/buffer';
import { z } from 'zod';
import type { Geometry } from '../model/values';
import { processor } from './capability';
import { fieldName, metres, sourceFieldOption } from './configFields';
import { GEO_TYPES, geometryOf } from './geoValue';
import { clashes, derivedField } from './newField';
import { shapeProblem } from './shapeProblem';
import { sourceField } from './sourceField';

/** Segments per quarter circle: a point's buffer is a 64-gon, whose area is 0.16 % short of the disc's. */
const STEPS = 16;

const configSchema = z.strictObject({
  distance: metres('Buffer distance in metres (more than 0, at most 1000 km)', 1_000_000),
  field: sourceFieldOption('geo_shape or geo_point_2d'),
  target: fieldName("A new geo_shape field for the buffer (default: the buffer replaces the field's value; required for a geo_point_2d field)").optional(),
});

/**
 * `buffer`: the area within `distance` metres of a geometry, as a polygon. turf draws it in an
 * azimuthal equidistant projection centred on the geometry, so distances are true from that centre
 * (geodesic enough at the scale of a city or a département).
 */
export const buffer = processor({
  name: 'buffer',
  description: 'The area within a distance (metres) of each geometry, as a polygon: replaces the geometry, or goes to a new geo_shape field',
  configSchema,
  plan({ distance, field, target }, { rule, schema }) {
    const source = sourceField(schema, field, GEO_TYPES);
    if (!source.ok) return { ok: false, errors: [source.message] };
    const from = source.value;
    if (target === undefined && from.type === 'geo_point_2d') {
      return { ok: false, errors: [`config.target: required to buffer the geo_point_2d field "${from.name}" (a buffer is a shape, not a point)`] };
    }
    const errors = target === undefined ? [] : clashes(schema, [{ key: 'target', name: target }]);
    if (errors.length > 0) return { ok: false, errors };
    const to = target ?? from.name;
    return {
      ok: true,
      step: {
        field: from.name,
        added: target === undefined ? [] : [derivedField(target, 'geo_shape', rule, `${from.name} buffered by ${distance} m`)],
        run(fields) {
          const value = fields[from.name];
          if (value === undefined) return undefined;
          const geometry = geometryOf(from, value);
          if (geometry.type === 'GeometryCollection') return 'a GeometryCollection is not buffered';
          const result = turfBuffer({ type: 'Feature', properties: {}, geometry }, distance, { units: 'meters', steps: STEPS });
          if (!result) return 'the buffer is empty';
          const shape = result.geometry as Geometry;
          const problem = shapeProblem(shape);
          if (problem) return problem;
          fields[to] = shape;
          return undefined;
        },
      },
    };
  },
});
