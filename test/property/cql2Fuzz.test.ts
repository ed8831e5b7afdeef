import { compilePredicate } from '../../src/compile/compilePredicate';
import type { FilterCrs } from '../../src/model/featuresRequest';
import { planCql2 } from '../../src/plan/cql2/planCql2';
import { QueryError } from '../../src/query/queryError';
import { fixtureQuerySchema } from '../support/querySchemas';

/**
 * Mutated CQL2 filters (characters dropped, doubled, swapped or inserted, from a seeded
 * generator): parsing and planning either give a predicate that compiles, or a QueryError whose
 * position lies within the text. Nothing else may come out (no TypeError, no stack overflow).
 */
const SEEDS = [
  "type_tournage = 'Série Web' AND annee_tournage >= 2020",
  "nom_tournage LIKE 'LES %' OR NOT (ardt_lieu IN ('75001', '75002'))",
  "date_debut BETWEEN DATE('2019-06-01') AND DATE('2019-06-30') AND nom_realisateur IS NOT NULL",
  'S_INTERSECTS(geo_shape, POLYGON((2.3 48.8, 2.4 48.8, 2.4 48.9, 2.3 48.8)))',
  'S_INTERSECTS(geo_point_2d, BBOX(2.3, 48.8, 2.4, 48.9)) OR S_INTERSECTS(POINT(2.35 48.85), geo_shape)',
  "(coord_x > 2.3 AND coord_x < 2.4) OR date_debut < TIMESTAMP('2017-01-01T00:00:00Z') OR TRUE",
];
const ALPHABET = "()',=<>%_ \"-.0123456789ANDORNOTLIKEINISNULLBETWEEN";
const CRS84: FilterCrs = { uri: 'CRS84', isWgs84: true, toLonLat: (p) => p };
const schema = fixtureQuerySchema('lieux-de-tournage-a-paris');

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(text: string, r: () => number): string {
  let t = text;
  const edits = 1 + Math.floor(r() * 4);
  for (let e = 0; e < edits; e++) {
    const i = Math.floor(r() * (t.length + 1));
    const kind = Math.floor(r() * 4);
    if (kind === 0) t = t.slice(0, i) + t.slice(i + 1);
    else if (kind === 1) t = t.slice(0, i) + t.slice(i, i + 3) + t.slice(i);
    else if (kind === 2) t = t.slice(0, i) + ALPHABET[Math.floor(r() * ALPHABET.length)] + t.slice(i);
    else t = t.slice(0, i) + t.slice(i + 1, i + 2) + t.slice(i, i + 1) + t.slice(i + 2);
  }
  return t;
}

test('every seed plans; 3,000 mutants plan or fail with a positioned QueryError', () => {
  for (const seed of SEEDS) expect(() => compilePredicate(planCql2(seed, { schema, timeZone: 'UTC', crs: CRS84 }))).not.toThrow();
  const r = random(17);
  let refused = 0;
  const misplaced: string[] = [];
  for (let n = 0; n < 3000; n++) {
    const text = mutate(SEEDS[n % SEEDS.length], r);
    try {
      compilePredicate(planCql2(text, { schema, timeZone: 'UTC', crs: CRS84 }));
    } catch (err) {
      if (!(err instanceof QueryError)) throw new Error(`${String(err)} for ${JSON.stringify(text)}`);
      if (err.position < 0 || err.position > text.length) misplaced.push(text);
      refused++;
    }
  }
  expect(misplaced).toEqual([]);
  // The mutations do break most filters, and leave some valid.
  expect(refused).toBeGreaterThan(1000);
  expect(refused).toBeLessThan(3000);
});
