#!/usr/bin/env node
// Runs a TypeScript file of the project (bench, scripts) with tsx's CommonJS loader, in the
// manifest's time zone (the JS engine's zone in Apps Script).
process.env.TZ = require('../../appsscript.json').timeZone;
require('tsx/cjs');
const { resolve } = require('node:path');
const file = process.argv[2];
if (!file) { console.error('usage: tsnode FILE.ts [args]'); process.exit(2); }
process.argv.splice(1, 1); // so the script sees its own args at argv[2..]
require(resolve(file));
