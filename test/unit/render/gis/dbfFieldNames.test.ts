import { dbfFieldNames } from '../../../../src/render/gis/dbfFieldNames';

describe('dbfFieldNames', () => {
  test('names of 10 characters or fewer are kept; longer ones are cut to 10', () => {
    expect(dbfFieldNames(['nom', 'date_debut', 'type_tournage'])).toEqual(['nom', 'date_debut', 'type_tourn']);
  });

  test('a cut name that is taken ends in _1, _2, … until it is free, in schema order', () => {
    expect(dbfFieldNames(['description_a', 'description_b', 'description_c'])).toEqual(['descriptio', 'descript_1', 'descript_2']);
  });

  test('a short name is never renamed, even when it is listed after a long one that would cut to it', () => {
    expect(dbfFieldNames(['population_totale', 'population', 'populati_1'])).toEqual(['populati_2', 'population', 'populati_1']);
  });

  test('past nine, the suffix grows and the stem shrinks', () => {
    const names = Array.from({ length: 12 }, (_, i) => `identifiant_${String(i).padStart(2, '0')}`);
    const mapped = dbfFieldNames(names);
    expect(mapped.slice(9)).toEqual(['identifi_9', 'identif_10', 'identif_11']);
    expect(new Set(mapped).size).toBe(12);
  });
});
