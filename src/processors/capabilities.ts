import { areaLength } from './areaLength';
import { buffer } from './buffer';
import type { Processor } from './capability';
import { centroid } from './centroid';
import { reproject } from './reproject';
import { simplify } from './simplify';

/** Every processor a rule may name, by name (sorted, as they are listed). */
export const CAPABILITIES: ReadonlyMap<string, Processor> = new Map(
  [areaLength, buffer, centroid, reproject, simplify].map((p) => [p.name, p]),
);

/** The processor a rule names, if there is one. */
export const capabilityNamed = (name: string): Processor | undefined => CAPABILITIES.get(name);
