import { rawCsvObjects } from './rawFixtures';

/** A row of lieux-de-tournage-a-paris.csv as the OGC tests compare features with it, read by the raw CSV reader. */
export interface LieuPoint { lon: number; lat: number; dateDebut: string; type: string; ardt: string; title: string }

/** The rows that have coordinates, each with its point (from the geo_shape column, full precision). */
export function lieuxPoints(): LieuPoint[] {
  return rawCsvObjects('lieux-de-tournage-a-paris.csv').flatMap((r) => {
    const shape = r.geo_shape?.trim();
    if (!shape) return [];
    const [lon, lat] = (JSON.parse(shape) as { coordinates: [number, number] }).coordinates;
    return [{ lon, lat, dateDebut: r['Date de début'], type: r['Type de tournage'], ardt: r['Code postal'], title: r.Titre }];
  });
}

/** Points sorted by x then y, to compare two sets of points position by position. */
export const sortedPositions = (ps: ReadonlyArray<readonly number[]>): number[][] =>
  ps.map((p) => [p[0], p[1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
