// Debug helper: node dev/cli/tsnode.cjs test/corpus/dump.ts [filter]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseStatement } from '../../src/domain/statements/parse';
import { decodeNode } from './decodeNode';
const dir = path.resolve(__dirname, '../../../shared/corpus/statements');
const filter = process.argv[2] ?? '';
const verbose = process.argv[3] === '-v';
for (const d of readdirSync(dir)) {
  if (d.endsWith('.md')) continue;
  for (const f of readdirSync(path.join(dir, d))) {
    const rel = `${d}/${f}`;
    if (!rel.includes(filter)) continue;
    const r = parseStatement({ fileName: f, bytes: readFileSync(path.join(dir, rel)) }, decodeNode);
    const sums: Record<string, { n: number; cr: string; dr: string }> = {};
    const acc: Record<string, [number, number]> = {};
    for (const l of r.lines) {
      sums[l.currency] ??= { n: 0, cr: '0', dr: '0' };
      sums[l.currency].n++;
      const k = l.amount.isNegative() ? 'dr' : 'cr';
      sums[l.currency][k] = l.amount.plus(sums[l.currency][k]).toString();
    }
    console.log(`${rel}: ${r.profileId} ${r.encoding?.charset} lines=${r.lines.length} errors=${r.errors.length} ${JSON.stringify(sums)} kinds=${JSON.stringify(r.lines.reduce((a: Record<string, number>, l) => { a[l.kind] = (a[l.kind] ?? 0) + 1; return a; }, {}))}`);
    for (const e of r.errors.slice(0, 5)) console.log('   ERR', e.row, e.message);
    for (const w of r.warnings) console.log('   WARN', w);
    if (verbose) for (const l of r.lines) console.log('   ', l.sourceRow, l.bookingDate, l.valueDate, l.amount.toString(), l.currency, l.kind, 'fee=' + (l.fee?.toString() ?? ''), 'orig=' + (l.originalAmount?.toString() ?? '') + l.originalCurrency, '|', l.counterparty, '|', l.counterpartyAccount, '|', l.reference, '|', l.description.slice(0, 80));
  }
}
