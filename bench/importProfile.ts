// Where parse + normalise time goes (for tuning): node --cpu-prof -r tsx/cjs bench/importProfile.ts [ids]
import { generateBankCsv } from './import';
import { parseStatementText } from '../src/domain/statements/parse';
import { readCsv } from '../src/domain/statements/csv';
import { CSV_PROFILES } from '../src/domain/statements/profiles';
import { assignLineIds } from '../src/domain/statements/lineId';
const text = generateBankCsv(100000);
if (process.argv[2] === 'ids') {
  const r = readCsv(text, CSV_PROFILES, { dateOrder: 'DMY' });
  for (let k = 0; k < 10; k++) { const c = process.cpuUsage(); assignLineIds('CSV', r.drafts); const d = process.cpuUsage(c); console.log(Math.round((d.user + d.system) / 1000)); }
} else if (process.argv[2] === 'csv') {
  for (let k = 0; k < 6; k++) { const c = process.cpuUsage(); readCsv(text, CSV_PROFILES, { dateOrder: 'DMY' }); const d = process.cpuUsage(c); console.log(Math.round((d.user + d.system) / 1000)); }
} else for (let k = 0; k < 4; k++) parseStatementText(text, 'b.csv', { dateOrder: 'DMY' });
