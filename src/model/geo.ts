import type { Series } from './analyze';
import type { Predicate } from './predicate';
import { Acc } from './analyze';

export interface GeoPlan { index: string; query: Predicate; geoField: string; series: Series[] }

/** A cluster: its records' centroid, how many they are, the box around them, and the series accumulated. */
export interface Cluster { lat: number; lon: number; count: number; bounds: [number, number, number, number]; accs: Map<string, Acc> }
