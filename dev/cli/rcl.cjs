#!/usr/bin/env node
// `rcl`: the local runtime's command line (docs/local-runtime.md). TypeScript through tsx.
process.env.TZ = require('../../appsscript.json').timeZone;
require('tsx/cjs');
// The status goes to process.exitCode and the process ends by itself once stdout and stderr
// have drained. process.exit() here cut piped output at the pipe buffer (64 KB): writes to a
// pipe are asynchronous, and "process.exit() … will force the process to exit as quickly as
// possible even if there are still asynchronous operations pending … including I/O operations
// to process.stdout" (nodejs.org/api/process.html#processexitcode).
// A reader that stops early (`rcl sheet … | head`) closes the pipe: that ends the output, it is
// no error (without this, Node printed an "Unhandled 'error' event … EPIPE" stack trace).
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
require('./rcl.ts').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code ?? 0; },
  (err) => { console.error(err && err.stack ? err.stack : String(err)); process.exitCode = 1; },
);
