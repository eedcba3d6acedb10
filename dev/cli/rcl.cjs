#!/usr/bin/env node
// `rcl`: the local runtime's command line (docs/local-runtime.md). TypeScript through tsx.
process.env.TZ = require('../../appsscript.json').timeZone;
require('tsx/cjs');
require('./rcl.ts').main(process.argv.slice(2)).then(
  (code) => process.exit(code ?? 0),
  (err) => { console.error(err && err.stack ? err.stack : String(err)); process.exit(1); },
);
