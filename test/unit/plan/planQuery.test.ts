import { compilePredicate } from '../../../src/compile/compilePredicate';
import type { EsQuery } from '../../../src/compile/esQuery';
import { CATALOG_QUERY_SCHEMA } from '../../../src/schema/catalogQuerySchema';
import { PLAN_LIMITS, PlanOptions } from '../../../src/plan/planContext';
import { planQuery } from '../../../src/plan/planQuery';
import { QueryError } from '../../../src/query/queryError';
import type { FieldDef } from '../../../src/model/descriptor';
import { recordQuerySchema } from '../../../src/schema/recordQuerySchema';
import { fixtureQuerySchema } from '../../support/querySchemas';

// Saturday 21 November 2026, 10:30 UTC (11:30 in Paris).
const NOW = Date.UTC(2026, 10, 21, 10, 30);
const lieux: PlanOptions = { schema: fixtureQuerySchema('lieux-de-tournage-a-paris'), timeZone: 'Europe/Paris', now: NOW };
const es = (q: string, options: PlanOptions = lieux): EsQuery => compilePredicate(planQuery(q, options));

function explain(q: string, options: PlanOptions = lieux): string {
  try { planQuery(q, options); } catch (err) { if (err instanceof QueryError) return err.explain(); throw err; }
  throw new Error(`planned: ${q}`);
}

describe('full text', () => {
  test('a bare word is a folded word prefix over all text', () => {
    expect(es('Élève')).toEqual({ prefix: { all_text: { value: 'eleve' } } });
  });
  test('a word the tokenizer splits is a phrase whose last word is a prefix', () => {
    expect(es('e-mail')).toEqual({ match_phrase_prefix: { all_text: { query: 'e-mail', max_expansions: 1000 } } });
  });
  test('a quoted phrase is whole words in order, an elided article cut from its word', () => {
    expect(es('"Rue de l\'Église"')).toEqual({ match_phrase: { all_text: { query: "rue de l' eglise" } } });
  });
  test('several words are ANDed; a word with nothing to search is dropped', () => {
    expect(es('film - paris')).toEqual({ bool: { filter: [{ prefix: { all_text: { value: 'film' } } }, { prefix: { all_text: { value: 'paris' } } }] } });
    expect(es('&')).toEqual({ match_all: {} });
  });
});

describe('what searches nothing', () => {
  test('a chain whose every operand searches nothing searches nothing: everything matches', () => {
    expect(planQuery('- AND &', lieux)).toEqual({ kind: 'all' });
    expect(planQuery('- OR & OR NOT -', lieux)).toEqual({ kind: 'all' });
  });
  test('one operand left is that operand, not a chain of one', () => {
    expect(planQuery('film AND -', lieux)).toEqual({ kind: 'words', paths: ['all_text'], text: 'film', match: 'prefix' });
  });
  test('a phrase padded with spaces is its words alone', () => {
    expect(planQuery('"  rue  "', lieux)).toEqual({ kind: 'words', paths: ['all_text'], text: 'rue', match: 'phrase' });
  });
});

describe('boolean', () => {
  test('OR, NOT and flattening of chains', () => {
    expect(es('a OR b OR NOT c')).toEqual({
      bool: {
        should: [{ prefix: { all_text: { value: 'a' } } }, { prefix: { all_text: { value: 'b' } } }, { bool: { must_not: [{ prefix: { all_text: { value: 'c' } } }] } }],
        minimum_should_match: 1,
      },
    });
  });
});

describe('field queries', () => {
  test('text field: words with `:`, exact value with `==`', () => {
    expect(es('adresse_lieu:Rue')).toEqual({ prefix: { 't.adresse_lieu': { value: 'rue' } } });
    expect(es('type_tournage="Série TV"')).toEqual({ match_phrase: { 't.type_tournage': { query: 'serie tv' } } });
    expect(es('type_tournage=="Série TV"')).toEqual({ term: { 'v.type_tournage': { value: 'Série TV' } } });
  });
  test('numbers: equality, comparisons, ranges; decimal bounds on integers', () => {
    expect(es('annee_tournage:2019')).toEqual({ term: { 'v.annee_tournage': { value: 2019 } } });
    expect(es('annee_tournage>2019.5')).toEqual({ range: { 'v.annee_tournage': { gte: 2020 } } });
    expect(es('annee_tournage<=2019.5')).toEqual({ range: { 'v.annee_tournage': { lte: 2019 } } });
    expect(es('annee_tournage:2019.5')).toEqual({ match_none: {} });
    expect(es('annee_tournage:[2016 TO 2018]')).toEqual({ range: { 'v.annee_tournage': { gte: 2016, lte: 2018 } } });
    expect(es('coord_x>=2.35')).toEqual({ range: { 'v.coord_x': { gte: 2.35 } } });
    expect(es('coord_x:[* TO 2.3]')).toEqual({ range: { 'v.coord_x': { lte: 2.3 } } });
  });
  test('a partial date stands for its whole period', () => {
    const day = (bounds: object) => ({ range: { 'v.date_debut': { ...bounds, format: 'strict_date' } } });
    expect(es('date_debut:2019')).toEqual(day({ gte: '2019-01-01', lt: '2020-01-01' }));
    expect(es('date_debut>=2020/06')).toEqual(day({ gte: '2020-06-01' }));
    expect(es('date_debut>2020/06')).toEqual(day({ gte: '2020-07-01' }));
    expect(es('date_debut<2021')).toEqual(day({ lt: '2021-01-01' }));
    expect(es('date_debut<=2019/02')).toEqual(day({ lt: '2019-03-01' }));
    expect(es('date_debut:[2019/02/27 TO 2019-03-01]')).toEqual(day({ gte: '2019-02-27', lt: '2019-03-02' }));
  });
  test('#now on a date field is its day in the request time zone', () => {
    expect(es('date_debut>=#now(days=-7)')).toEqual({ range: { 'v.date_debut': { gte: '2026-11-14', format: 'strict_date' } } });
  });
});

describe('datetime fields and time zones (catalog `modified`)', () => {
  const catalog: PlanOptions = { schema: CATALOG_QUERY_SCHEMA, timeZone: 'Europe/Paris', now: NOW };
  test('a year in Paris starts at 23:00 UTC the day before', () => {
    expect(es('modified:2019', catalog)).toEqual({
      range: { modified: { gte: '2018-12-31T23:00:00.000Z', lt: '2019-12-31T23:00:00.000Z', format: 'strict_date_optional_time' } },
    });
  });
  test('a summer day has a two-hour offset; an explicit offset wins over the zone', () => {
    expect(es('modified:2019/07/14', catalog)).toEqual({
      range: { modified: { gte: '2019-07-13T22:00:00.000Z', lt: '2019-07-14T22:00:00.000Z', format: 'strict_date_optional_time' } },
    });
    expect(es('modified>2019-07-14T10:00:00.250Z', catalog)).toEqual({
      range: { modified: { gt: '2019-07-14T10:00:00.250Z', format: 'strict_date_optional_time' } },
    });
  });
  test('the day of the 2019 spring change is 23 hours long', () => {
    expect(es('modified:2019-03-31', catalog)).toEqual({
      range: { modified: { gte: '2019-03-30T23:00:00.000Z', lt: '2019-03-31T22:00:00.000Z', format: 'strict_date_optional_time' } },
    });
  });
  test('catalog text fields and counts', () => {
    expect(es('(title:paris OR description:paris) AND records_count >= 50000', catalog)).toEqual({
      bool: {
        filter: [
          { bool: { should: [{ prefix: { 't.title': { value: 'paris' } } }, { prefix: { 't.description': { value: 'paris' } } }], minimum_should_match: 1 } },
          { range: { records_count: { gte: 50000 } } },
        ],
      },
    });
  });
});

describe('functions', () => {
  test('#null tests the words of a text field and the value of others', () => {
    expect(es('#null(nom_producteur)')).toEqual({ bool: { must_not: [{ exists: { field: 't.nom_producteur' } }] } });
    expect(es('#null(date_fin)')).toEqual({ bool: { must_not: [{ exists: { field: 'v.date_fin' } }] } });
  });
  test('#exact and #startswith are case-sensitive on the whole value', () => {
    expect(es('#exact(ardt_lieu, "75013")')).toEqual({ term: { 'v.ardt_lieu': { value: '75013' } } });
    expect(es('#startswith(nom_tournage, "BARON")')).toEqual({ prefix: { 'v.nom_tournage': { value: 'BARON' } } });
  });
  test('#search: listed fields or *, the last word a prefix', () => {
    expect(es('#search(nom_tournage, nom_realisateur, "Jean-C")')).toEqual({
      bool: {
        should: [
          { match_bool_prefix: { 't.nom_tournage': { query: 'jean-c', operator: 'and' } } },
          { match_bool_prefix: { 't.nom_realisateur': { query: 'jean-c', operator: 'and' } } },
        ],
        minimum_should_match: 1,
      },
    });
    expect(es('#search(*, "baron n")')).toEqual({ match_bool_prefix: { all_text: { query: 'baron n', operator: 'and' } } });
  });
  test('#distance with a field, and the older form on the first geo field', () => {
    const d = { geo_distance: { distance: '1000m', 'v.geo_point_2d': { lat: 48.86, lon: 2.38 } } };
    expect(es('#distance(geo_point_2d, "48.86, 2.38", 1000)')).toEqual(d);
    expect(es('#distance("48.86,2.38", 1000)')).toEqual({ geo_distance: { distance: '1000m', 'v.geo_shape': { lat: 48.86, lon: 2.38 } } });
  });
  test('#polygon closes the ring and sends [lon, lat]', () => {
    expect(es('#polygon(geo_point_2d, "(48.88,2.37),(48.87,2.37),(48.88,2.38)")')).toEqual({
      geo_shape: {
        'v.geo_point_2d': {
          shape: { type: 'polygon', coordinates: [[[2.37, 48.88], [2.37, 48.87], [2.38, 48.88], [2.37, 48.88]]] },
          relation: 'intersects',
        },
      },
    });
  });
});

describe('errors name the problem and point at it', () => {
  test('unknown field', () => {
    expect(explain('annee:2019')).toBe(
      'unknown field "annee" (fields: id_lieu, annee_tournage, type_tournage, nom_tournage, nom_realisateur, nom_producteur, adresse_lieu, ardt_lieu, date_debut, date_fin, coord_x, coord_y, …) at position 0\nannee:2019\n^',
    );
  });
  test('unknown field: twelve fields are listed whole, a thirteenth makes the list end in …', () => {
    const names = (count: number): string[] => Array.from({ length: count }, (_, i) => `f${String(i + 1).padStart(2, '0')}`);
    const withFields = (count: number): PlanOptions => ({
      ...lieux, schema: recordQuerySchema(names(count).map((name): FieldDef => ({ name, label: name, type: 'int', annotations: [], source: { column: name } }))),
    });
    expect(explain('zz:1', withFields(12)).split(' at position')[0]).toBe(`unknown field "zz" (fields: ${names(12).join(', ')})`);
    expect(explain('zz:1', withFields(13)).split(' at position')[0]).toBe(`unknown field "zz" (fields: ${names(12).join(', ')}, …)`);
  });
  test('operator not valid for the type', () => {
    expect(explain('x AND nom_tournage>B')).toBe('operator > is not valid for text field "nom_tournage" at position 6\nx AND nom_tournage>B\n      ^');
    expect(explain('geo_point_2d:1')).toMatch(/^field "geo_point_2d" is geographic: use #distance or #polygon at position 0/);
    expect(explain('nom_tournage:[a TO b]')).toMatch(/^a range is not valid for text field "nom_tournage"/);
  });
  test('bad numbers and dates', () => {
    expect(explain('annee_tournage>deux')).toBe('"deux" is not a number (field "annee_tournage" is int) at position 15\nannee_tournage>deux\n               ^');
    expect(explain('date_debut:2019/02/30')).toMatch(/^day 30 does not exist in 2019\/02 at position 11/);
    expect(explain('date_debut:2019/13')).toMatch(/^month 13 does not exist/);
    expect(explain('date_debut>yesterday')).toMatch(/^"yesterday" is not a date/);
    expect(explain('annee_tournage:1e999')).toMatch(/is not a number/);
  });
  test('wrong function arguments', () => {
    expect(explain('#null()')).toMatch(/^#null takes one field/);
    expect(explain('#null(nope)')).toMatch(/^unknown field "nope".* at position 6/);
    expect(explain('#exact(annee_tournage, "x")')).toMatch(/is not a number/);
    expect(explain('#startswith(annee_tournage, "2")')).toMatch(/^#startswith needs a text field/);
    expect(explain('#distance(geo_point_2d, "91,2", 10)')).toMatch(/^latitude 91 is outside \[-90, 90\] at position 24/);
    expect(explain('#distance(geo_point_2d, "48,2", -1)')).toMatch(/^the distance must be a number of metres greater than 0 at position 32/);
    // Elasticsearch refuses a distance of 0: it must never get that far (issue 13 §6).
    expect(explain('#distance(geo_point_2d, "48,2", 0)')).toMatch(/^the distance must be a number of metres greater than 0 at position 32/);
    expect(explain('#distance("48,2", 0.0)')).toMatch(/^the distance must be a number of metres greater than 0 at position 18/);
    expect(explain('#distance(nom_tournage, "48,2", 1)')).toMatch(/^field "nom_tournage" is not geographic/);
    expect(explain('#polygon(geo_point_2d, "(48,2),(49,3),(48,3),(49,2)")')).toMatch(/edges .* cross/);
    expect(explain('#polygon(geo_point_2d, "(48,2),(49,3)")')).toMatch(/at least three distinct points/);
    expect(explain('#now()')).toMatch(/^#now is a value/);
    expect(explain('annee_tournage>#now()')).toMatch(/^#now cannot be compared with int field/);
    expect(explain('date_debut>#now(dayz=1)')).toMatch(/^#now has no argument "dayz"/);
    expect(explain('date_debut>#now(days=1.5)')).toMatch(/^days must be an integer/);
    expect(explain('date_debut>#now(month=13)')).toMatch(/^month must be between 1 and 12/);
    expect(explain('date_debut>#now(weekday=XY(1))')).toMatch(/^weekday must be/);
    expect(explain('date_debut>#now(days=1, days=2)')).toMatch(/^argument days is given twice/);
    expect(explain('date_debut>#now(years=100000)')).toMatch(/^#now falls outside the years/);
    expect(explain('date_debut>#null(x)')).toMatch(/^#null is not a value/);
  });
  test('too many prefix searches', () => {
    const q = Array.from({ length: PLAN_LIMITS.maxPrefixes + 1 }, (_, i) => `w${i}`).join(' ');
    expect(explain(q)).toMatch(new RegExp(`^query has more than ${PLAN_LIMITS.maxPrefixes} prefix searches`));
    expect(() => planQuery(Array.from({ length: PLAN_LIMITS.maxPrefixes + 1 }, (_, i) => `"w${i}"`).join(' '), lieux)).not.toThrow();
  });
});
