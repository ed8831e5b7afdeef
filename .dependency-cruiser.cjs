/**
 * The import rule of src/ (README "Architecture"): folders stand on floors, and a folder imports
 * only from the floors below it (and from itself). Folders on one floor do not import each other.
 * `npm test` runs it (`npm run lint:deps`); there is no exceptions list.
 */
const FLOORS = [
  ['errors', 'text', 'config'], // leaves: the error catalogue, text folding, configuration
  ['time', 'query', 'geo'], // time zones, the query languages (ODS, Solr subset, analyze expressions), coordinates
  ['model'], // contracts: the types every stage hands to the next
  // typed values of the query language; reading source files; who may see what; processing rules run at publish (turf, proj4)
  ['values', 'ingest', 'auth', 'processors'],
  ['schema'], // field knowledge: index paths, query schemas, catalog fields
  ['index', 'catalog'], // documents of the record and catalog indices
  ['facets'], // facet kinds: path, filter, one level's aggregation and buckets
  ['plan'], // request → plan, every field resolved
  ['compile', 'execute'], // plan → Elasticsearch body; the only I/O (PostgreSQL, Elasticsearch)
  ['results'], // Elasticsearch answer → results
  ['render'], // results → bytes, format by format
  ['usecases'], // one run function per operation: resolve → plan → compile → execute → read
  ['dialects/shared'], // what every dialect reads alike: raw parameters, output rule, route helpers
  // each API's URLs, parameter spellings and wire shapes (d4c is a flavour of both; management: uploads, jobs, keys; ogc: OGC API – Features)
  ['dialects/ods-v1', 'dialects/ckan', 'dialects/management', 'dialects/ogc'],
  ['http'], // the Express application: mounts the dialects, authentication, errors
  ['cli'],
];
const esc = (f) => f.replace(/[/-]/g, (c) => `\\${c}`);
const floorOf = new Map(FLOORS.flatMap((fs, i) => fs.map((f) => [f, i])));
const all = [...floorOf.keys()];
const upward = all.map((f) => {
  const notBelow = all.filter((g) => g !== f && floorOf.get(g) >= floorOf.get(f) && !g.startsWith(`${f}/`) && !f.startsWith(`${g}/`));
  return {
    name: `no-upward-from-${f.replace('/', '-')}`,
    comment: `src/${f} (floor ${floorOf.get(f)}) imports only from lower floors`,
    severity: 'error',
    from: { path: `^src/${esc(f)}/` },
    to: { path: `^src/(${notBelow.map(esc).join('|')})/` },
  };
});
// dialects/shared sits below the dialects that use it: dialects/<x> may import it, not the reverse.
const sharedDown = {
  name: 'no-dialect-from-shared',
  severity: 'error',
  from: { path: '^src/dialects/shared/' },
  to: { path: '^src/dialects/(ods-v1|ckan|management|ogc)/' },
};

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'no import cycle, not even between two files of one folder', severity: 'error', from: {}, to: { circular: true } },
    { name: 'no-unknown-folder', comment: 'every src/ folder has a floor', severity: 'error', from: { path: '^src/' }, to: { path: `^src/(?!(${all.map(esc).join('|')})/)` } },
    { name: 'src-not-tests', severity: 'error', from: { path: '^src/' }, to: { path: '^(test|bench)/' } },
    sharedDown,
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^(node_modules|dist)/' },
  },
};
