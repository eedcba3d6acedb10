// The save worker (dev/runtime/spreadsheet/xlsx.ts, saveXlsxOffThread): writes workbook snapshots
// (.xlsx through ExcelJS, and the .sheets.json sidecar) on its own thread, so the ~1 s of CPU a
// set-up workbook's save takes never holds up the main thread, where executions' service calls
// are answered. Jobs run one at a time, in the order they arrive.
'use strict';
const { parentPort } = require('node:worker_threads');
require('tsx/cjs');
const { writeSnapshot } = require('./xlsx.ts');

let chain = Promise.resolve();
parentPort.on('message', (job) => {
  chain = chain.then(async () => {
    try {
      await writeSnapshot(job.snapshot, job.path);
      parentPort.postMessage({ id: job.id, ok: true });
    } catch (e) {
      parentPort.postMessage({ id: job.id, ok: false, message: e && e.message ? e.message : String(e) });
    }
  });
});
