import type { Series } from './analyze';
import type { Predicate } from './predicate';
import { Acc } from './analyze';

export interface GeoPlan { index: string; query: Predicate; geoField: string; series: Series[] }

/** A cluster: its records' centroid, how many they are, the box around them, and the series accumulated. */
export interface Cluster { lat: number; lon: number; count: number; bounds: [number, number, number, number]; accs: Map<string, Acc> }

/** What `boundingbox` answers (reference/ods-v1.md §2.7): the count, `[west, south, east, north]` and the geometry types. */
export interface BoundingBox { count: number; bbox: number[]; geometries: Record<string, number> }

/** One item of `geopreview`: the record, its (maybe simplified) geometry and a digest of the stored one. */
export interface PreviewItem { recordid: string; geometry: unknown; geo_digest: string }

/** The extent of a dataset's records: `[west, south, east, north]` of their points, and the first and last value of its temporal field. */
export interface DatasetExtent { bbox?: [number, number, number, number]; interval?: [string | null, string | null] }
