// Where parse + normalise time goes (for tuning): node --cpu-prof -r tsx/cjs bench/importProfile.ts
import { generateBankCsv } from './import';
import { parseStatementText } from '../src/domain/statements/parse';
const text = generateBankCsv(100000);
for (let k = 0; k < 3; k++) parseStatementText(text, 'b.csv', { dateOrder: 'DMY' });
