/**
 * The tests Stryker runs against each mutant (`npm run mutation`, stryker.config.mjs): the
 * service-free unit and golden tests, as one flat jest project. ts-jest only transpiles here
 * (isolatedModules): type errors of a mutant are the TypeScript checker's job, and checking
 * types again in every test run would make the run several times slower.
 */
module.exports = {
  rootDir: __dirname,
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/golden/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true, diagnostics: false }] },
  testTimeout: 120000,
};
