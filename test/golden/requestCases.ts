import type { RequestCase } from '../support/goldenRequests';

/**
 * Representative requests of every endpoint family, each run through the app into
 * test/golden/requests/<name>.json. Field names are the fixtures' (fixtures/descriptors).
 */
const L = 'lieux-de-tournage-a-paris';
const CH = 'chantiers-perturbants';
const G = 'liste-des-gares';
const V = 'velib-emplacement-des-stations';
const C = 'communes-france';
/** The DataStore resource id of lieux-de-tournage-a-paris. */
const L_RESOURCE = 'b7896fcf-ae39-63bc-a1f8-9cf734c71813';
const SEARCH = '/api/records/1.0/search';

const RECORDS: RequestCase[] = [
  { name: 'records-q-fields-dates-functions', family: 'records-search', path: SEARCH, query: {
    dataset: L, timezone: 'Europe/Paris',
    q: 'type_tournage:"Série TV" AND date_debut >= 2019/06 AND date_fin < #now(years=-5)',
    'q.who': '#startswith(nom_realisateur, "Jean") OR #search(nom_tournage, "baron n")',
  } },
  { name: 'records-facets-date-hierarchy', family: 'records-search', path: SEARCH, query: {
    dataset: L, facet: ['date_debut', 'annee_tournage'], 'refine.date_debut': '2019/06', 'facetsort.date_debut': '-alphanum', rows: '0',
  } },
  { name: 'records-facets-disjunctive-exclude', family: 'records-search', path: SEARCH, query: {
    dataset: L, facet: ['type_tournage', 'ardt_lieu'], 'refine.type_tournage': ['Série TV', 'Téléfilm'], 'disjunctive.type_tournage': 'true',
    'exclude.ardt_lieu': '75001', 'facetsort.ardt_lieu': 'alphanum',
  } },
  { name: 'records-facets-limited', family: 'records-search', path: SEARCH, query: {
    dataset: L, facet: ['nom_realisateur', 'date_debut', 'annee_tournage'], 'facetlimit.nom_realisateur': '10', 'facetlimit.date_debut': '3',
    'refine.date_debut': '2019', 'facetlimit.annee_tournage': '2', rows: '0',
  } },
  { name: 'records-facets-hierarchical', family: 'records-search', path: SEARCH, query: {
    dataset: C, facet: ['territoire', 'codes_postaux'], 'refine.territoire': 'Île-de-France/Paris', 'exclude.codes_postaux': '75116', fields: 'nom,population,territoire',
  } },
  { name: 'records-geofilter-distance', family: 'records-search', path: SEARCH, query: { dataset: L, 'geofilter.distance': '48.8566,2.3522,500' } },
  { name: 'records-geofilter-polygon', family: 'records-search', path: SEARCH, query: { dataset: CH, 'geofilter.polygon': '(48.85,2.33),(48.86,2.35),(48.84,2.36)' } },
  { name: 'records-geofilter-bbox', family: 'records-search', path: SEARCH, query: { dataset: V, 'geofilter.bbox': '48.85,2.30,48.87,2.36', sort: 'capacity' } },
  { name: 'records-sort-descending', family: 'records-search', path: SEARCH, query: { dataset: L, sort: 'annee_tournage,nom_tournage' } },
  { name: 'records-sort-ascending', family: 'records-search', path: SEARCH, query: { dataset: L, sort: ['-date_debut', '-nom_tournage'] } },
  { name: 'records-fields-rows-start', family: 'records-search', path: SEARCH, query: { dataset: L, fields: 'nom_tournage,geo_point_2d', rows: '25', start: '50' } },
  { name: 'records-format-geojson', family: 'records-search', path: SEARCH, query: { dataset: L, q: 'annee_tournage:2019', format: 'geojson' } },
  { name: 'records-format-csv', family: 'records-search', path: SEARCH, query: { dataset: G, format: 'csv', csv_separator: ',', use_labels_for_header: 'true', 'refine.voyageurs': 'O' } },
  { name: 'records-post-form-d4c', family: 'records-search', path: '/d4c/api/records/1.0/search', form: { dataset: CH, q: 'travaux', facet: 'statut' } },
  { name: 'records-api2-domain', family: 'records-search', path: '/default/api2/records/search', query: { dataset: V, q: 'capacity > 40' } },
  { name: 'record-lookup', family: 'record-lookup', path: `/api/datasets/1.0/${L}/records/3b8b9c1f0c1e6f0f2d1c4a1e5b6d7c8e9f0a1b2c` },
];

const EXPORTS_AND_CHARTS: RequestCase[] = [
  { name: 'download-csv', family: 'records-download', path: '/api/records/1.0/download', query: { dataset: CH, 'refine.statut': '2', sort: '-date_debut', format: 'csv' } },
  { name: 'download-geojson', family: 'records-download', path: '/api/records/1.0/download', query: {
    dataset: L, q: 'annee_tournage >= 2020', 'geofilter.distance': '48.86,2.35,2000', fields: 'nom_tournage,geo_point_2d', rows: '1000', format: 'geojson',
  } },
  { name: 'analyze-date-parts-series', family: 'records-analyze', path: '/api/records/1.0/analyze', query: {
    dataset: L, x: ['date_debut.year', 'date_debut.month'], 'y.films.func': 'COUNT', 'y.year.func': 'AVG', 'y.year.expr': 'annee_tournage',
    'refine.type_tournage': 'Série TV', sort: 'x',
  } },
  { name: 'analyze-precision-periodic', family: 'records-analyze', path: '/api/records/1.0/analyze', query: {
    dataset: CH, x: 'date_debut', precision: 'month', periodic: 'year', 'y.n.func': 'COUNT', 'y.n.cumulative': 'true',
  } },
  { name: 'analyze-expression', family: 'records-analyze', path: '/api/records/1.0/analyze', query: {
    dataset: C, x: 'region_nom', 'y.thousands.func': 'SUM', 'y.thousands.expr': 'population / 1000', sort: '-thousands', maxpoints: '5',
  } },
  { name: 'geocluster', family: 'geocluster', path: '/api/records/1.0/geocluster', query: {
    dataset: V, clusterprecision: '12', clusterdistance: '40', 'y.places.func': 'AVG', 'y.places.expr': 'capacity', q: 'capacity >= 20',
  } },
  { name: 'boundingbox', family: 'boundingbox', path: '/api/records/1.0/boundingbox', query: { dataset: CH, 'refine.statut': '2' } },
  { name: 'geopreview', family: 'geopreview', path: '/api/records/1.0/geopreview', query: { dataset: C, q: 'departement:75', rows: '20', clusterprecision: '10' } },
];

const DATASTORE: RequestCase[] = [
  { name: 'datastore-filters-q-sort-offset', family: 'datastore-search', path: '/api/3/action/datastore_search', query: {
    resource_id: L_RESOURCE, filters: '{"annee_tournage":2019,"type_tournage":["Série TV","Téléfilm"]}', q: 'baron',
    sort: 'date_debut desc, nom_tournage asc', offset: '20', limit: '5',
  } },
  { name: 'datastore-post-q-object', family: 'datastore-search', path: '/api/action/datastore_search', json: {
    resource_id: CH, q: { objet: 'réseau', voies: 'rue de' }, filters: { cp_arrondissement: '75011' }, fields: ['identifiant', 'objet'], limit: 3,
  } },
  { name: 'datastore-offset-beyond-window', family: 'datastore-search', path: '/api/3/action/datastore_search', query: { resource_id: G, offset: '12000', limit: '5' } },
  { name: 'd4c-records-ods-params', family: 'datastore-search', path: '/api/records/2.0/search', query: {
    dataset: L, rows: '5', start: '10', 'refine.annee_tournage': '2019', 'exclude.type_tournage': 'Long métrage', facet: 'type_tournage',
    'refine.ardt_lieu': ['75011', '75012'], 'disjunctive.ardt_lieu': 'true', 'geofilter.distance': '48.86,2.38,1500', sort: '-date_debut', timezone: 'Europe/Paris',
  } },
  { name: 'd4c-records-params-after-slash', family: 'datastore-search', path: `/api/records/2.0/search/resource_id=${G}&limit=5&q=lyon` },
  { name: 'datastore-plain-false-tsquery', family: 'datastore-search', path: '/api/3/action/datastore_search', query: {
    resource_id: L, plain: 'false', q: "(bureau | legende:*) & !'quai d''orsay' & paris <-> plage", limit: '5',
  } },
];

const CATALOG: RequestCase[] = [
  { name: 'catalog-search', family: 'catalog-search', path: '/api/datasets/1.0/search', query: {
    q: 'paris', facet: ['theme', 'publisher', 'modified'], 'refine.theme': 'Mobilité', sort: '-modified', rows: '20', timezone: 'Europe/Paris',
  } },
  { name: 'catalog-search-api2-domain', family: 'catalog-search', path: '/paris/api2/datasets/search', query: {
    q: 'modified >= 2020 AND records_count > 1000', facet: 'keyword', 'refine.keyword': ['vélo', 'piste cyclable'], 'disjunctive.keyword': 'true',
    'exclude.publisher': 'DDCT', 'facetsort.keyword': 'alphanum', 'refine.modified': '2023/05', sort: 'title', start: '10', rows: '5',
  } },
  { name: 'dataset-lookup', family: 'dataset-lookup', path: `/api/datasets/1.0/${V}` },
  { name: 'dataset-lookup-api2-domain', family: 'dataset-lookup', path: '/paris/api2/datasets/plan-velo-2026' },
  { name: 'package-search-ranked', family: 'package-search', path: '/api/3/action/package_search', query: {
    q: 'velo paris', fq: 'organization:ville-de-paris', 'facet.field': '["organization","tags","groups"]', rows: '5',
  } },
  { name: 'package-search-sort-range', family: 'package-search', path: '/api/action/package_search', query: {
    q: 'title:gares', fq: 'metadata_modified:[2020-01-01T00:00:00Z TO *] -tags:velib', sort: 'metadata_modified desc, title asc', start: '20', 'facet.limit': '10',
  } },
  { name: 'package-search-domain', family: 'package-search', path: '/paris/api/3/action/package_search', query: { q: 'tags:(vélo OR cyclable)', include_private: 'true' } },
  { name: 'package-show', family: 'package-show', path: '/api/3/action/package_show', query: { id: V } },
  { name: 'package-show-d4c', family: 'package-show', path: `/api/datasets/2.0/DATASETID/id=${CH}` },
  { name: 'status-show', family: 'status-show', path: '/api/3/action/status_show' },
  { name: 'd4c-datasets-search', family: 'package-search', path: '/api/datasets/2.0/search', query: {
    q: 'velo', facet: 'theme', 'refine.theme': 'Mobilité', sort: '-modified', rows: '3',
  } },
  { name: 'd4c-datasets-params-after-slash', family: 'package-search', path: '/api/datasets/2.0/search/q=gares&rows=2' },
];

export const REQUEST_CASES: RequestCase[] = [...RECORDS, ...EXPORTS_AND_CHARTS, ...DATASTORE, ...CATALOG];
