import type { SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import type { DatasetExtent } from '../model/geo';

interface BoundsAgg { bounds?: { top_left: { lat: number; lon: number }; bottom_right: { lat: number; lon: number } } }
interface ValueAgg { value: number | null; value_as_string?: string }

/** The answer of compileExtent → the box (none without points) and the interval (none without a temporal field; null ends without values). */
export function readExtent(res: SearchResponse): DatasetExtent {
  const aggs = (res.aggregations ?? {}) as { bounds?: BoundsAgg; first?: ValueAgg; last?: ValueAgg };
  const b = aggs.bounds?.bounds;
  const text = (a: ValueAgg | undefined): string | null => (a && a.value !== null ? a.value_as_string ?? new Date(a.value).toISOString() : null);
  return {
    ...(b ? { bbox: [b.top_left.lon, b.bottom_right.lat, b.bottom_right.lon, b.top_left.lat] as [number, number, number, number] } : {}),
    ...(aggs.first ? { interval: [text(aggs.first), text(aggs.last)] as [string | null, string | null] } : {}),
  };
}
