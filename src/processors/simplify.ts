import turfSimplify from '@turf/simplify';
import { z } from 'zod';
import type { Geometry } from '../model/values';
import { processor } from './capability';
import { metres, sourceFieldOption } from './configFields';
import { geometryOf } from './geoValue';
import { sourceField } from './sourceField';

/** Metres in one degree of latitude on turf's sphere (2π · 6371008.8 m / 360). */
export const METRES_PER_DEGREE = (2 * Math.PI * 6371008.8) / 360;

const configSchema = z.strictObject({
  tolerance: metres('Tolerance in metres (more than 0, at most 100 km): how far a dropped vertex may lie from the simplified shape', 100_000),
  field: sourceFieldOption('geo_shape'),
  high_quality: z.boolean({ error: 'must be true or false' }).optional().describe('Slower, finer simplification (no radial-distance pass first); default false'),
});

/**
 * `simplify`: Douglas–Peucker on a shape, in place. turf's tolerance is in degrees: the metres
 * given are turned into degrees of latitude (1° = 111195 m). Along a parallel a degree is shorter
 * (by cos(latitude)), so east–west the simplification is finer than asked, never coarser: no
 * dropped vertex lies farther than `tolerance` metres from the simplified shape.
 */
export const simplify = processor({
  name: 'simplify',
  description: 'Simplifies each shape (Douglas–Peucker) so that no dropped vertex lies farther than the tolerance (metres) from the result',
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
          fields[from.name] = turfSimplify(geometryOf(from, value), options) as Geometry;
          return undefined;
        },
      },
    };
  },
});
