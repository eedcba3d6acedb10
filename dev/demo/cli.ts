// `npm run demo` = `rcl demo --workbook data/demo.xlsx`: builds a fresh demo workbook headless
// (set up → vendors → cases → statements → reconcile three months) with the real bundle in
// the local runtime, saves it, and prints what reconciliation found.
import { existsSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { Runtime } from '../runtime';
import { seedInto } from './seed';
import { busyReason } from '../cli/servedWorkbook';
import { Decimal, formatAmountGrouped } from '../../src/domain/money';
import type { ReportSummary } from '../../src/domain/reconcile/report';

const USAGE = `usage: rcl demo [--workbook FILE] [--cases N]
  Builds a fresh demo workbook (default data/demo.xlsx; an existing one is replaced), reconciles
  its three months and prints what reconciliation found.
`;

export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  // --workbook FILE and --cases N (the last of each wins); anything else is refused before the
  // workbook is touched (a mistyped flag must not rebuild it).
  const given = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if ((flag !== '--workbook' && flag !== '--cases') || value === undefined) {
      process.stderr.write(`rcl demo: unexpected ${value === undefined && flag.startsWith('--') ? `${flag} without a value` : `"${flag}"`}\n${USAGE}`);
      return 2;
    }
    given.set(flag, value);
  }
  const cases = given.has('--cases') ? Number(given.get('--cases')) : undefined;
  if (cases !== undefined && !(Number.isInteger(cases) && cases > 0)) {
    process.stderr.write(`rcl demo: --cases is a whole number above 0\n${USAGE}`);
    return 2;
  }
  const path = resolve(given.get('--workbook') || 'data/demo.xlsx');
  const busy = busyReason(path);
  if (busy) {
    process.stderr.write(`${busy}\n`);
    return 1;
  }
  mkdirSync(dirname(path), { recursive: true });
  // A demo is rebuilt from scratch: the workbook and the runtime's sidecar files next to it.
  for (const p of [path, `${path}.state.json`, `${path}.sheets.json`, `${path}.drive`]) if (existsSync(p)) rmSync(p, { recursive: true, force: true });
  const started = Date.now();
  const rt = await Runtime.open({ workbookPath: path });
  try {
    const report = await seedInto(rt, { cases });
    await rt.save();
    const out = process.stdout;
    out.write(`Demo workbook: ${path}\n`);
    out.write(`${report.data.vendors.length} vendors, ${report.data.cases.length} cases over ${report.data.months.join(', ')}\n`);
    for (const i of report.imports) out.write(`  import ${i.fileName}: ${i.message}\n`);
    for (const r of report.runs) {
      out.write(`\n${r.message}\n`);
      const s = r.summary as ReportSummary;
      // Grouped as the Recon tab and the dialog show them (the summary carries plain amounts).
      const g = (amount: string, ccy: string) => formatAmountGrouped(new Decimal(amount), ccy);
      for (const c of s.byCurrency) {
        out.write(`  ${c.currency}: matched ${c.matchedCases} (${g(c.matchedAmount, c.currency)}), waiting ${c.waitingCases} (${g(c.waitingAmount, c.currency)}), unexplained ${c.unexplainedLines} (${g(c.unexplainedAmount, c.currency)})\n`);
      }
      const b = s.base.currency;
      out.write(`  in ${b}: matched ${g(s.base.matchedAmount, b)}, waiting ${g(s.base.waitingAmount, b)}, unexplained ${g(s.base.unexplainedAmount, b)}; ${s.counts.differences} difference${s.counts.differences === 1 ? '' : 's'} to book (Recon ${s.month} ▸ DIFFERENCES)\n`);
    }
    out.write(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s. Open it with: npm start (or LibreOffice).\n`);
    return 0;
  } finally {
    await rt.close();
  }
}
