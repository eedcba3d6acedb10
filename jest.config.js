// One jest run for every layer; the TypeScript is compiled by esbuild (already a dependency).
// The Apps Script manifest's zone is the JS engine's zone in Apps Script, so tests run in it.
process.env.TZ = require('./appsscript.json').timeZone;
module.exports = {
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: { '^.+\\.tsx?$': '<rootDir>/dev/jestTransform.cjs' },
  moduleFileExtensions: ['ts', 'js', 'cjs', 'mjs', 'json'],
  testEnvironment: 'node',
  maxWorkers: 2,
  testTimeout: 60000,
};
