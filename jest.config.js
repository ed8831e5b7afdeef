/**
 * Tests by kind, one jest project each (`npx jest --selectProjects unit golden property`):
 *   unit        test/unit: pure functions, inline expectations; no service
 *   golden      test/golden: request → plan → Elasticsearch body as reviewable JSON; no service
 *   property    test/property: generated and mutated inputs; no service
 *   integration test/integration: a real Elasticsearch node and PostgreSQL, reset once by its own
 *               global setup; these share one node and one database, so they run in band (see
 *               scripts/test.sh)
 * Projects inherit nothing from the top level but global options: each one names its preset,
 * transform and environment. `testTimeout` is a global option in jest 29 (a project's own is
 * ignored), so it stays here and covers every project.
 */
const kind = (name, extra = {}) => ({
  displayName: name,
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: [`<rootDir>/test/${name}`],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  ...extra,
});

module.exports = {
  testTimeout: 120000,
  projects: [
    kind('unit'),
    kind('golden'),
    kind('property'),
    kind('integration', { globalSetup: '<rootDir>/test/support/globalSetup.ts' }),
  ],
};
