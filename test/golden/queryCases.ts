/** Representative queries, each planned and compiled into test/golden/queries/<name>.json. */
export interface QueryCase { name: string; target: string; q: string; timeZone?: string }

const L = 'lieux-de-tournage-a-paris';
const C = 'communes-france';
const G = 'liste-des-gares';
const CH = 'chantiers-perturbants';
const CAT = 'catalog';
/** CKAN's q/fq (Solr syntax) over the catalog. */
const CKAN = 'ckan';

export const QUERY_CASES: QueryCase[] = [
  { name: 'word', target: L, q: 'film' },
  { name: 'word-accents-case', target: L, q: 'ÉCOLE' },
  { name: 'words-implicit-and', target: L, q: 'baron noir' },
  { name: 'word-split-by-tokenizer', target: L, q: 'e-mail' },
  { name: 'word-reserved-characters', target: L, q: 'C++ AT&T 3/4' },
  { name: 'word-in-parentheses', target: L, q: '(36/2005)' },
  { name: 'phrase', target: L, q: '"rue de la roquette"' },
  { name: 'phrase-accents-typed-without', target: L, q: '"serie televisee"' },
  { name: 'or-and-not-precedence', target: L, q: 'film OR serie AND NOT web' },
  { name: 'parentheses', target: L, q: '(film OR trees) AND paris' },
  { name: 'not-only', target: L, q: 'NOT anonymous' },
  { name: 'text-field-words', target: L, q: 'nom_realisateur:"woody allen"' },
  { name: 'text-field-prefix', target: L, q: 'adresse_lieu=rue' },
  { name: 'text-field-exact', target: L, q: 'type_tournage=="Série TV"' },
  { name: 'int-equality', target: L, q: 'annee_tournage:2019' },
  { name: 'int-comparisons', target: L, q: 'annee_tournage > 2016 AND annee_tournage <= 2019' },
  { name: 'int-decimal-bounds', target: L, q: 'annee_tournage >= 2016.5' },
  { name: 'int-range', target: L, q: 'annee_tournage:[2016 TO 2018]' },
  { name: 'double-range-open-end', target: L, q: 'coord_y:[48.85 TO *]' },
  { name: 'date-year', target: L, q: 'date_debut:2019' },
  { name: 'date-month-bounds', target: L, q: 'date_debut >= 2020/06 AND date_debut < 2021' },
  { name: 'date-day-iso', target: L, q: 'date_debut:2019-06-21' },
  { name: 'date-range-partial-ends', target: L, q: 'date_debut:[2019/02 TO 2019/03]' },
  { name: 'date-now-relative', target: L, q: 'date_fin > #now(days=-7)' },
  { name: 'date-now-weekday', target: L, q: 'date_debut >= #now(weeks=-2, weekday=1)' },
  { name: 'combined-tournages', target: L, q: 'annee_tournage:2019 AND type_tournage:"Série TV" AND adresse_lieu:rue' },
  { name: 'null', target: L, q: '#null(nom_producteur)' },
  { name: 'exact', target: L, q: '#exact(ardt_lieu, "75013")' },
  { name: 'startswith', target: L, q: '#startswith(nom_tournage, "BARON")' },
  { name: 'search-fields', target: L, q: '#search(nom_tournage, nom_realisateur, "Jean-C")' },
  { name: 'search-star', target: L, q: '#search(*, "baron n")' },
  { name: 'distance', target: L, q: '#distance(geo_point_2d, "48.86, 2.38", 1000)' },
  { name: 'distance-first-geo-field', target: G, q: '#distance("48.85,2.35", 5000)' },
  { name: 'polygon', target: L, q: '#polygon(geo_point_2d, "(48.883086,2.379072),(48.879022,2.379930),(48.883651,2.386968)")' },
  { name: 'hierarchical-text', target: C, q: 'territoire:"Île-de-France"' },
  { name: 'multivalued-exact', target: C, q: 'codes_postaux=="75001" OR population > 100000' },
  { name: 'chantiers-dates', target: CH, q: 'date_debut <= 2021/12/31 AND date_fin >= 2022' },
  { name: 'catalog-title-or-description', target: CAT, q: '(title:paris OR description:paris) AND records_count >= 50000' },
  { name: 'catalog-modified-paris', target: CAT, q: 'modified:2019 AND theme:environnement', timeZone: 'Europe/Paris' },
  { name: 'catalog-modified-utc', target: CAT, q: 'modified >= 2019-03-31T02:30', timeZone: 'UTC' },
  { name: 'ckan-words', target: CKAN, q: 'eau potable' },
  { name: 'ckan-field-group', target: CKAN, q: 'organization:(ville-de-paris OR airparif)' },
  { name: 'ckan-portal-fq', target: CKAN, q: 'organization:(a OR b) AND tags:("économie") AND themes:(*envir*) AND features:(*geo*)' },
  { name: 'ckan-plus-minus', target: CKAN, q: '+title:velo -tags:velib' },
  { name: 'ckan-range-open-end', target: CKAN, q: 'metadata_modified:[2020-01-01T00:00:00Z TO *]' },
  { name: 'ckan-exclusive-range', target: CKAN, q: 'records_count:{0 TO 1000}' },
  { name: 'ckan-has-value', target: CKAN, q: 'notes:*' },
  { name: 'ckan-match-all', target: CKAN, q: '*:*' },
  { name: 'ckan-error-server-field', target: CKAN, q: 'capacity:public' },
  { name: 'ckan-error-unbalanced', target: CKAN, q: 'tags:(velo' },
  { name: 'error-unknown-field', target: L, q: 'annee:2019' },
  { name: 'error-greater-on-text', target: L, q: 'nom_tournage > "B"' },
  { name: 'error-bad-date', target: L, q: 'date_debut >= 2019/02/30' },
  { name: 'error-unbalanced', target: L, q: '(film OR serie' },
  { name: 'error-unknown-function', target: L, q: '#geometry(geo_shape, "polygon")' },
];
