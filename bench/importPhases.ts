// Phase timings of the CSV import on the benchmark file (for tuning), best CPU of 8 rounds, each
// phase after a full collection: node dev/cli/tsnode.cjs bench/importPhases.ts
// readTable includes papaparse; readCsv includes readTable; lineIds runs on readCsv's drafts.
import v8 from 'node:v8';
import vm from 'node:vm';
import Papa from 'papaparse/papaparse.min.js';
import { generateBankCsv } from './import';
import { readTable } from '../src/domain/statements/table';
import { readCsv } from '../src/domain/statements/csv';
import { CSV_PROFILES } from '../src/domain/statements/profiles';
import { assignLineIds } from '../src/domain/statements/lineId';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const text = generateBankCsv(100000);
const best: Record<string, number> = {};
const t = <T>(label: string, f: () => T): T => {
  gc();
  const c = process.cpuUsage();
  const r = f();
  const d = process.cpuUsage(c);
  best[label] = Math.min(best[label] ?? Infinity, (d.user + d.system) / 1000);
  return r;
};
for (let k = 0; k < 8; k++) {
  t('papaparse', () => Papa.parse(text, { header: false, skipEmptyLines: false }));
  t('readTable', () => readTable(text));
  const r = t('readCsv', () => readCsv(text, CSV_PROFILES, { dateOrder: 'DMY' }));
  t('lineIds', () => assignLineIds('CSV', r.drafts));
}
for (const [k, v] of Object.entries(best)) console.log(k.padEnd(12), `${Math.round(v)} ms cpu (best of 8)`);
