import process from 'node:process';
// Mutation testing (`npm run mutation`, not part of `npm test`): Stryker mutates the pure stages
// and runs the unit and golden tests (jest.mutation.config.js) against each mutant; mutants that
// do not type-check are discarded by the TypeScript checker. The machine is shared: one test
// process at a time. One folder: `npm run mutation -- --mutate 'src/query/**/*.ts'`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.js', enableFindRelatedTests: true },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  mutate: ['src/{query,plan,compile,facets,results,render,values}/**/*.ts'],
  concurrency: 1,
  timeoutMS: 60000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${process.env.MUTATION_REPORT ?? 'mutation'}.json` },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'coverage', '.cache', 'reports', '/var'],
};
