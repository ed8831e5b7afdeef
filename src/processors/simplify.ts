import turfSimplify from '@turf/simplify';
import { z } from 'zod';
import type { Geometry } from '../model/values';
import { processor } from './capability';
import { metres, sourceFieldOption } from './configFields';
import { geometryOf } from './geoValue';
import { shapeProblem } from './shapeProblem';
import { sourceField } from './sourceField';

/** Metres in one degree of latitude on turf's sphere (2π · 6371008.8 m / 360). */
export const METRES_PER_DEGREE = (2 * Math.PI * 6371008.8) / 360;

const configSchema = z.strictObject({
  tolerance: metres('Tolerance in metres (more than 0, at most 100 km): how far a dropped vertex may lie from the simplified shape', 100_000),
  field: sourceFieldOption('geo_shape'),
  high_quality: z.boolean({ error: 'must be true or false' }).optional()
    .describe('Douglas–Peucker alone, slower; without it (the default) a radial-distance pass comes first and a dropped vertex may lie up to twice the tolerance away'),
});

/**
 * `simplify`: Douglas–Peucker on a shape, in place. turf's tolerance is in degrees: the metres
 * given are turned into degrees of latitude (1° = 111195 m). Along a parallel a degree is shorter
 * (by cos(latitude)), so east–west the simplification is finer than asked, never coarser. With
 * `high_quality`, no dropped vertex lies farther than `tolerance` metres from the simplified
 * shape; without it, turf first drops vertices within the tolerance of the last one kept, so a
 * vertex may end up to twice the tolerance away.
 */
export const simplify = processor({
  name: 'simplify',
  description: 'Simplifies each shape in place (Douglas–Peucker, tolerance in metres): with high_quality no dropped vertex lies farther than the tolerance from the result',
  configSchema,
  plan({ tolerance, field, high_quality: highQuality }, { schema }) {
    const source = sourceField(schema, field, ['geo_shape']);
    if (!source.ok) return { ok: false, errors: [source.message] };
    const from = source.value;
    const options = { tolerance: tolerance / METRES_PER_DEGREE, highQuality: highQuality ?? false };
    return {
      ok: true,
      step: {
        field: from.name,
        added: [],
        run(fields) {
          const value = fields[from.name];
          if (value === undefined) return undefined;
          const shape = turfSimplify(geometryOf(from, value), options) as Geometry;
          const problem = shapeProblem(shape);
          if (problem) return problem;
          fields[from.name] = shape;
          return undefined;
        },
      },
    };
  },
});
