import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDescriptor } from '../../../src/catalog/parseDescriptor';
import { FIXTURES } from '../../support/rawFixtures';

const load = (id: string) => parseDescriptor(JSON.parse(readFileSync(join(FIXTURES, 'descriptors', `${id}.json`), 'utf8')), id);
const summary = (id: string) => load(id).fields.map((f) => `${f.name}:${f.type}${f.annotations.map((a) => `+${a.name}`).join('')}`);

describe('fixture descriptors', () => {
  test('all five are valid and named after their dataset id', () => {
    const files = readdirSync(join(FIXTURES, 'descriptors')).sort();
    expect(files).toEqual(['chantiers-perturbants.json', 'communes-france.json', 'lieux-de-tournage-a-paris.json', 'liste-des-gares.json', 'velib-emplacement-des-stations.json']);
    for (const file of files) expect(load(file.replace('.json', '')).id).toBe(file.replace('.json', ''));
  });

  test('lieux-de-tournage-a-paris: the names, types and annotations of the data README', () => {
    expect(summary('lieux-de-tournage-a-paris')).toEqual([
      'id_lieu:text', 'annee_tournage:int+facet', 'type_tournage:text+facet', 'nom_tournage:text+sortable', 'nom_realisateur:text+facet',
      'nom_producteur:text', 'adresse_lieu:text', 'ardt_lieu:text+facet', 'date_debut:date+facet', 'date_fin:date+facet',
      'coord_x:double', 'coord_y:double', 'geo_shape:geo_shape', 'geo_point_2d:geo_point_2d',
    ]);
    expect(load('lieux-de-tournage-a-paris').metadata.timezone).toBe('Europe/Paris');
  });

  test('the other four', () => {
    expect(summary('chantiers-perturbants').join(' ')).toBe(
      'identifiant:text identifiant_ctv:text cp_arrondissement:text+facet num_stv:text typologie:text+facet maitre_ouvrage:text+facet '
      + 'objet:text+facet description:text voies:text precisions_localisation:text date_debut:date+facet date_fin:date+facet '
      + 'impact_circulation:text+facet detail_impact_circulation:text niveau_perturbation:text+facet statut:text+facet '
      + 'url_lettre_info:text geo_shape:geo_shape geo_point_2d:geo_point_2d');
    expect(summary('liste-des-gares').join(' ')).toBe(
      'code_uic:text libelle:text+sortable fret:text+facet voyageurs:text+facet code_ligne:text rg_troncon:int pk:text commune:text+facet '
      + 'departemen:text+facet idreseau:int idgaia:text x_l93:double y_l93:double x_wgs84:double y_wgs84:double c_geo:geo_point_2d '
      + 'geo_point_2d:geo_point_2d geo_shape:geo_shape');
    expect(summary('velib-emplacement-des-stations')).toEqual(['stationcode:text', 'name:text+sortable', 'capacity:int+facet', 'coordonnees_geo:geo_point_2d']);
    expect(summary('communes-france').join(' ')).toBe(
      'code:text nom:text+sortable departement:text+facet departement_nom:text region:text+facet region_nom:text+facet population:int '
      + 'codes_postaux:text+facet+multivalued zone:text+facet territoire:text+facet+hierarchical geo_shape:geo_shape geo_point_2d:geo_point_2d');
  });

  test('invalid descriptors are refused with every problem named', () => {
    expect(() => parseDescriptor({ id: '../etc', metadata: {}, fields: [{ name: 'Bad Name', type: 'blob' }] }, 'x')).toThrow(
      /invalid descriptor x: id: .*; metadata.title: .*; fields.0.name: .*; fields.0.type: /,
    );
    expect(() => parseDescriptor({ id: 'a', metadata: { title: 't' }, fields: [{ name: 'c', source: { centroidOf: 'nope' } }] }, 'y')).toThrow(
      /centroidOf must name a geo_shape field/,
    );
  });

  describe('strict: keys the format does not have are refused, each named with its path', () => {
    const valid = {
      id: 'strict', metadata: { title: 't', timezone: 'Europe/Paris' }, source: { path: 'a.csv', delimiter: ';' },
      fields: [{ name: 'a', label: 'A', type: 'text', source: { column: 'A' }, annotations: [{ name: 'facet' }] }],
    };
    const refusal = (json: unknown): string => {
      try { parseDescriptor(json, 'd.json'); } catch (err) { return (err as Error).message; }
      return 'accepted';
    };
    test('the valid base is accepted', () => {
      expect(refusal(valid)).toBe('accepted');
    });
    test.each([
      ['the root', { ...valid, fileds: [] }, 'fileds: unknown key (did you mean fields?)'],
      ['metadata', { ...valid, metadata: { title: 't', timezon: 'UTC' } }, 'metadata.timezon: unknown key (did you mean timezone?)'],
      ['source', { ...valid, source: { path: 'a.csv', delimitor: ',' } }, 'source.delimitor: unknown key (did you mean delimiter?)'],
      ['a field', { ...valid, fields: [{ ...valid.fields[0], lable: 'x' }] }, 'fields.0.lable: unknown key (did you mean label?)'],
      ['a field source', { ...valid, fields: [{ ...valid.fields[0], source: { colum: 'A' } }] }, 'fields.0.source.colum: unknown key (did you mean column?)'],
      ['an annotation', { ...valid, fields: [{ ...valid.fields[0], annotations: [{ name: 'facet', arg: ['x'] }] }] }, 'fields.0.annotations.0.arg: unknown key (did you mean args?)'],
    ])('in %s', (_where, json, problem) => {
      expect(refusal(json)).toContain(problem);
    });
    test('a field source with two kinds of source is refused', () => {
      expect(refusal({ ...valid, fields: [{ ...valid.fields[0], source: { column: 'A', geometry: true } }] }))
        .toContain('fields.0.source: must have exactly one of column, geometry, centroidOf');
    });
    test('the timezone is checked when the descriptor is read, not when a datetime is', () => {
      expect(refusal({ ...valid, metadata: { title: 't', timezone: 'Europe/Pariss' } })).toMatch(/^invalid descriptor d\.json: metadata\.timezone: not a time zone/);
      expect(parseDescriptor({ ...valid, metadata: { title: 't', timezone: 'America/Argentina/Buenos_Aires' } }, 'd').metadata.timezone).toBe('America/Argentina/Buenos_Aires');
    });
    test('maxWarningShare is a share from 0 to 1', () => {
      expect(parseDescriptor({ ...valid, maxWarningShare: 0.2 }, 'd').maxWarningShare).toBe(0.2);
      expect(refusal({ ...valid, maxWarningShare: 5 })).toContain('maxWarningShare:');
    });
  });
});
