// Phase timings of the CSV import on the benchmark file (for tuning): node dev/cli/tsnode.cjs bench/importPhases.ts
import Papa from 'papaparse/papaparse.min.js';
import { generateBankCsv } from './import';
import { readTable } from '../src/domain/statements/table';
import { readCsv } from '../src/domain/statements/csv';
import { CSV_PROFILES } from '../src/domain/statements/profiles';
import { assignLineIds } from '../src/domain/statements/lineId';
const text = generateBankCsv(100000);
const t = (label: string, f: () => unknown) => { const c = process.cpuUsage(); const r = f(); const d = process.cpuUsage(c); console.log(label.padEnd(12), Math.round((d.user + d.system) / 1000), "ms cpu"); return r; };
for (let k = 0; k < 3; k++) {
  t('papaparse', () => Papa.parse(text, { header: false }));
  t('readTable', () => readTable(text));
  const r = t('readCsv', () => readCsv(text, CSV_PROFILES, { dateOrder: 'DMY' })) as ReturnType<typeof readCsv>;
  t('lineIds', () => assignLineIds('CSV', r.drafts));
  console.log('--');
}
