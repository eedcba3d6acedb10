// Monthly reconciliation through the built bundle in the local runtime, on a demo month the
// project generates itself (dev/demo): one read and at most one write per tab, a second run
// changes nothing, the review decisions, a resumed run equal to a one-shot run, closing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Runtime } from '../../dev/runtime';
import { seedInto } from '../../dev/demo/seed';
import { CASE_HEADERS, JOURNAL_HEADERS, STATEMENT_HEADERS } from '../../src/sheets/layout';
import { MATCH_HEADERS } from '../../src/domain/reconcile/decisions';

jest.setTimeout(300000);
const BUNDLE = path.resolve(__dirname, '../../dist/Code.js');
const ready = existsSync(BUNDLE) && readFileSync(BUNDLE, 'utf8').includes('function runReconciliation()') && readFileSync(BUNDLE, 'utf8').includes('function importStatement()');
if (!ready) console.warn('reconcile integration tests skipped: dist/Code.js lacks runReconciliation or importStatement (run npm run build)');
const d = ready ? describe : describe.skip;

const TODAY = '2026-12-03';
const caseCol = (h: (typeof CASE_HEADERS)[number]) => CASE_HEADERS.indexOf(h);
const stmtCol = (h: (typeof STATEMENT_HEADERS)[number]) => STATEMENT_HEADERS.indexOf(h);
const matchCol = (h: (typeof MATCH_HEADERS)[number]) => MATCH_HEADERS.indexOf(h);

async function seeded(): Promise<{ rt: Runtime; months: string[]; vendorCsv: string }> {
  const rt = await Runtime.open({ executionLimitMs: 240000 });
  const report = await seedInto(rt, { cases: 50, today: TODAY, reconcile: false });
  return { rt, months: report.data.months, vendorCsv: report.data.vendorStatement.csv };
}
const call = async <T = any>(rt: Runtime, fn: string, args: unknown[] = []) => (await rt.run(fn, args, { kind: 'script-run' })).value as T;

/** Every tab a run writes, with run-time stamps blanked (they differ between two workbooks). */
function snapshot(rt: Runtime): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const name of rt.workbook.sheetNames()) {
    if (!(name === 'Cases' || name === 'Matches' || name.startsWith('Stmt ') || name.startsWith('Recon '))) continue;
    const rows = rt.workbook.readValues(name).map((r) => [...r]);
    if (name === 'Cases') for (const r of rows.slice(1)) { r[caseCol('Updated At')] = ''; r[caseCol('Updated By')] = ''; }
    if (name === 'Matches') for (const r of rows.slice(1)) r[matchCol('Decided At')] = '';
    out[name] = rows;
  }
  return out;
}

d('runReconciliation', () => {
  let rt: Runtime;
  let months: string[];
  beforeAll(async () => ({ rt, months } = await seeded()));
  afterAll(async () => rt && (await rt.close()));

  it('matches a month: reads each tab once, writes each changed block once, moves statuses with audit rows', async () => {
    const month = months[1];
    const r = await rt.run('runReconciliation', [{ month }], { kind: 'script-run' });
    const v = r.value as any;
    expect(v.status).toBe('done');
    expect(v.summary.counts.auto).toBeGreaterThan(0);
    // Reads: Cases (values + display), Settings, Vendors, Matches, and per Stmt tab values +
    // display; writes: at most one setValues per block (Stmt tabs, report, Cases spans, Matches, Audit).
    const stmtTabs = rt.workbook.sheetNames().filter((n) => n.startsWith('Stmt ')).length;
    expect(r.calls['Range.setValues']).toBeLessThanOrEqual(stmtTabs + 5);
    const cases = rt.workbook.readValues('Cases').slice(1);
    const reconciled = cases.filter((c) => c[caseCol('Status')] === 'Reconciled');
    expect(reconciled.length).toBe(v.summary.counts.auto + v.summary.counts.confirmed + v.summary.counts.manual > 0 ? reconciled.length : 0);
    expect(reconciled.length).toBeGreaterThan(0);
    for (const c of reconciled) {
      expect(String(c[caseCol('Matched Transactions')])).toMatch(/^L[0-9a-f]{16}/);
      expect(c[caseCol('Reconciled On')]).toBeTruthy();
    }
    const audit = rt.workbook.readValues('Audit Log').slice(1);
    expect(audit.some((a) => a.includes('Auto-match'))).toBe(true);
    expect(audit.some((a) => a.includes('Reconcile') && a.includes('Reconciled'))).toBe(true);
    // The report tab exists with its sections.
    const report = rt.workbook.readValues(`Recon ${month}`).map((row) => String(row[0]));
    for (const s of ['SUMMARY', 'MATCHED', 'FOR REVIEW (suggested and ambiguous)', 'WAITING FOR MONEY', 'UNEXPLAINED CREDITS', 'DIFFERENCES']) expect(report).toContain(s);
    // Stmt match columns filled for the month's credits.
    const stmt = rt.workbook.sheetNames().find((n) => n.startsWith('Stmt CMB'))!;
    const lines = rt.workbook.readValues(stmt).slice(1).filter((l) => String(l[stmtCol('Booking Date')]).startsWith(month) || (l[stmtCol('Booking Date')] instanceof Date));
    expect(lines.some((l) => l[stmtCol('Match Status')] === 'matched')).toBe(true);
  });

  it('a second run with no new data changes nothing', async () => {
    const before = snapshot(rt);
    const r = await rt.run('runReconciliation', [{ month: months[1] }], { kind: 'script-run' });
    expect((r.value as any).wrote).toEqual([]);
    expect(r.calls['Range.setValues'] ?? 0).toBe(0);
    expect(snapshot(rt)).toEqual(before);
  });

  it('review: confirm a suggestion, reject another (never suggested again), unmatch keeps the evidence', async () => {
    const month = months[1];
    const review = await call(rt, 'getReviewItems', [month]);
    const suggestions = review.items as any[];
    expect(suggestions.length).toBeGreaterThanOrEqual(2); // the seeded month must exercise both decisions
    const [a, b] = suggestions;
    const after = await call(rt, 'confirmMatch', [{ month, caseId: a.case.caseId, lineId: a.line.lineId }]);
    expect(after.status).toBe('done');
    const matches = rt.workbook.readValues('Matches').slice(1);
    expect(matches.some((m) => m[0] === a.case.caseId && m[1] === a.line.lineId && m[matchCol('State')] === 'confirmed')).toBe(true);
    await call(rt, 'rejectMatch', [{ month, caseId: b.case.caseId, lineId: b.line.lineId }]);
    const again = await call(rt, 'getReviewItems', [month]);
    expect((again.items as any[]).some((i) => i.case.caseId === b.case.caseId && i.line.lineId === b.line.lineId)).toBe(false);
    // The confirmed pair is now listed among the month's live matches (the sidebar's Unmatch list).
    expect(again.matched).toEqual(expect.arrayContaining([expect.objectContaining({ state: 'confirmed', case: expect.objectContaining({ caseId: a.case.caseId }), line: expect.objectContaining({ lineId: a.line.lineId }) })]));
    expect((again.matched as any[]).every((m) => ['auto', 'confirmed', 'manual'].includes(m.state))).toBe(true);

    const caseRow = () => rt.workbook.readValues('Cases').find((r) => r[0] === a.case.caseId)!;
    await call(rt, 'unmatch', [{ month, caseId: a.case.caseId, lineId: a.line.lineId }]);
    expect(caseRow()[caseCol('Matched Transactions')]).not.toContain(a.line.lineId);
    const rows = rt.workbook.readValues('Matches').slice(1).filter((m) => m[0] === a.case.caseId && m[1] === a.line.lineId);
    expect(rows.map((m) => m[matchCol('State')])).toEqual(expect.arrayContaining(['confirmed', 'unmatched']));

    await call(rt, 'manualMatch', [{ month, caseId: a.case.caseId, lineIds: [a.line.lineId] }]);
    expect(caseRow()[caseCol('Matched Transactions')]).toContain(a.line.lineId);
  });

  it('closing a month fixes it: runs and decisions are refused', async () => {
    const month = months[0];
    await call(rt, 'runReconciliation', [{ month }]);
    const closed = await call(rt, 'closeMonth', [month]);
    expect(closed.month).toBe(month);
    await expect(rt.run('runReconciliation', [{ month }], { kind: 'script-run' })).rejects.toThrow(/closed/);
    await expect(rt.run('rejectMatch', [{ month, caseId: 'RC-000001', lineId: 'Lx' }], { kind: 'script-run' })).rejects.toThrow(/closed/);
    const notes = rt.workbook.readValues('Matches').slice(1).filter((m) => m[matchCol('Month')] === month && ['auto', 'confirmed', 'manual'].includes(String(m[matchCol('State')])));
    expect(notes.every((m) => String(m[matchCol('Note')]).startsWith(`closed ${month} |`))).toBe(true);
 
    // A person then edits a case matched in the closed month. Its amount is put back at once (a
    // Reconciled case's amount is fixed); its Order # is kept, and Check the log says so.
    const closedCase = String(notes[0][matchCol('Case ID')]);
    const before = await call(rt, 'checkLog');
    expect(before.problems.filter((p: any) => p.field === 'Closed month')).toEqual([]);
    const row = rt.workbook.readValues('Cases').findIndex((r) => r[0] === closedCase) + 1;
    const a1 = (h: (typeof CASE_HEADERS)[number]) => `${String.fromCharCode(65 + caseCol(h))}${row}`;
    const amount = rt.workbook.readValues('Cases')[row - 1][caseCol('Refund Amount')];
    expect(await rt.userEdit('Cases', a1('Refund Amount'), '99999')).toMatchObject({ ok: true });
    expect(rt.workbook.readValues('Cases')[row - 1][caseCol('Refund Amount')]).toBe(amount);
    expect(await rt.userEdit('Cases', a1('Order #'), 'PO-EDITED')).toMatchObject({ ok: true });
    const after = await call(rt, 'checkLog');
    expect(after.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ caseId: closedCase, row, field: 'Closed month', message: expect.stringContaining(`after ${month} was closed`) })]),
    );
  });
});

d('long months', () => {
  it('a run that runs out of budget continues and ends exactly like a one-shot run', async () => {
    const one = await seeded();
    const two = await seeded();
    try {
      const month = one.months[2];
      const r1 = await call(one.rt, 'runReconciliation', [{ month }]);
      expect(r1.status).toBe('done');
      let r = await call(two.rt, 'runReconciliation', [{ month, budgetMs: 0 }]);
      let executions = 1;
      expect(r.status).toBe('continuing');
      while (r && r.status === 'continuing') {
        // Until the commit phase, Cases and Matches are untouched.
        expect(two.rt.workbook.sheetNames().includes('Matches')).toBe(false);
        r = await call(two.rt, 'continueReconciliation');
        executions++;
      }
      expect(executions).toBeGreaterThan(2);
      expect(snapshot(two.rt)).toEqual(snapshot(one.rt));
    } finally {
      await one.rt.close();
      await two.rt.close();
    }
  });
});

d('what the accountant reads', () => {
  let rt: Runtime;
  let months: string[];
  let vendorCsv: string;
  beforeAll(async () => ({ rt, months, vendorCsv } = await seeded()));
  afterAll(async () => rt && (await rt.close()));

  it('the demo workbook opens on the Cases tab, not on an empty Sheet1', () => {
    expect(rt.workbook.activeSheet().name).toBe('Cases');
  });

  it('the run message counts matched cases as the per-currency table does (a case paid twice is one case)', async () => {
    const v = await call(rt, 'runReconciliation', [{ month: months[2] }]);
    const cases = (v.summary.byCurrency as any[]).reduce((n, x) => n + x.matchedCases, 0);
    const pairs = v.summary.counts.auto + v.summary.counts.confirmed + v.summary.counts.manual;
    expect(v.message).toMatch(new RegExp(`^${months[2]}: ${cases} cases? matched \\(${pairs} pairs?, ${v.summary.counts.auto} automatic\\)`));
  });

  it('the report shows counts and scores as whole numbers and amounts with their currency\'s decimals', async () => {
    const shown = rt.workbook.readDisplayValues(`Recon ${months[2]}`);
    const at = shown.findIndex((r) => r[0] === 'Currency' && r[1] === 'Cases matched');
    const cny = shown.slice(at + 1).find((r) => r[0] === 'CNY')!;
    expect(cny[1]).toMatch(/^\d+$/);
    expect(cny[2]).toMatch(/^[\d,]+\.\d{2}$/);
    const m = shown.findIndex((r) => r[0] === 'Case ID' && r[9] === 'Score');
    expect(shown[m + 1][9]).toMatch(/^\d+$/);
    const w = shown.findIndex((r) => r[0] === 'Case ID' && r[7] === 'Age (days)');
    if (shown[w + 1][7]) expect(shown[w + 1][7]).toMatch(/^-?\d+$/);
    // Columns wide enough for Line IDs and statement names (a new tab's columns are 100 px).
    const widths = (rt.workbook.sheetByName(`Recon ${months[2]}`) as any).colWidths as Record<number, number>;
    expect(widths[3]).toBeGreaterThanOrEqual(150);
  });

  it('a month\'s report lists as waiting only cases logged by the end of that month', async () => {
    const month = months[0];
    await call(rt, 'runReconciliation', [{ month }]);
    const rows = rt.workbook.readDisplayValues(`Recon ${month}`);
    const at = rows.findIndex((r) => r[0] === 'WAITING FOR MONEY');
    const waiting = rows.slice(at + 2).filter((r, i, all) => all.slice(0, i + 1).every((x) => /^RC-/.test(x[0])));
    expect(waiting.length).toBeGreaterThan(0);
    for (const r of waiting) expect(r[5] <= `${month}-31`).toBe(true);
  });

  it('a month no statement covers says so instead of looking cleanly reconciled; its vendor statement section says it lists nothing of it', async () => {
    const [y, m] = months[0].split('-').map(Number);
    const before = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    const r = await call(rt, 'runReconciliation', [{ month: before }]);
    expect(r.message).toContain(`No statement line is booked in ${before} on the statements read, so nothing could be matched`);
    const report = rt.workbook.readDisplayValues(`Recon ${before}`);
    expect(report.find((x) => x[0] === 'Warning')?.[1]).toContain('import the month');
    const vendor = report.find((x) => x[0].startsWith('VENDOR STATEMENT'));
    expect(vendor?.[1]).toBe(`no credit notes dated and no cases logged in ${before}`);
    // A month with lines carries no warning.
    const full = await call(rt, 'runReconciliation', [{ month: months[1] }]);
    expect(full.message).not.toContain('No statement line');
    expect(rt.workbook.readDisplayValues(`Recon ${months[1]}`).some((x) => x[0] === 'Warning')).toBe(false);
  });

  it('a vendor statement is compared under the full vendor ID, however long (the tab name is shortened)', async () => {
    const notesLine = (report: string[][], id: string) => report.find((r) => r[0] === `VENDOR STATEMENT ${id}`)?.[1] ?? '';
    // A month whose report pairs some of the vendor's notes with cases (each month lists its own).
    const month = months.find((m) => /^[1-9]\d* credit notes? of /.test(notesLine(rt.workbook.readDisplayValues(`Recon ${m}`), 'V005')))!;
    expect(month).toBeTruthy();
    const before = notesLine(rt.workbook.readDisplayValues(`Recon ${month}`), 'V005');
    expect(before).toMatch(new RegExp(`^[1-9]\\d* credit notes? of ${month} match cases`));
    // The same vendor under a long ID, in Vendors and on its cases.
    const LONG = 'V005-PACIFIC-GADGETS';
    for (const tab of ['Vendors', 'Cases']) {
      const sheet = rt.workbook.sheetByName(tab)!;
      const values = rt.workbook.readValues(tab);
      const col = values[0].indexOf('Vendor ID');
      values.forEach((r, i) => { if (i > 0 && r[col] === 'V005') rt.workbook.writeInput(sheet, i + 1, col + 1, LONG); });
    }
    const imp = await call(rt, 'importVendorStatement', [{ vendorId: LONG, csv: vendorCsv }]);
    expect(imp.ok).toBe(true);
    expect(imp.tabName.length).toBeLessThanOrEqual(31);
    await call(rt, 'runReconciliation', [{ month }]);
    expect(notesLine(rt.workbook.readDisplayValues(`Recon ${month}`), LONG)).toBe(before);
  });

  it('a credit note naming a case\'s order for another amount is listed as such, not counted as confirming it', async () => {
    const month = months[1];
    const cases = rt.workbook.readDisplayValues('Cases');
    const h = cases[0];
    const col = (name: string) => h.indexOf(name);
    const c = cases.slice(1).find((r) => r[col('Date Logged')].startsWith(month) && r[col('Currency')] === 'EUR' && !r[col('Vendor ID')].includes('-'))!;
    const [caseId, vendorId, orderNo, amount] = [c[col('Case ID')], c[col('Vendor ID')], c[col('Order #')], c[col('Refund Amount')].replace(/,/g, '')];
    const noteAmount = (Number(amount) * 100).toFixed(2); // "133,76" read as 13,376.00 by the vendor's system
    const imp = await call(rt, 'importVendorStatement', [{ vendorId, csv: `Date,Reference,Order #,Amount,Currency\n${month}-20,CN-X1,${orderNo},${noteAmount},EUR\n` }]);
    expect(imp.ok).toBe(true);
    await call(rt, 'runReconciliation', [{ month }]);
    const report = rt.workbook.readDisplayValues(`Recon ${month}`);
    const head = report.findIndex((r) => r[0] === `VENDOR STATEMENT ${vendorId}`);
    expect(report[head][1]).toMatch(/^1 credit note of .* match cases, 1 of them for another amount$/);
    const at = report.findIndex((r, i) => i > head && r[0] === 'Vendor lists another amount');
    expect(at).toBeGreaterThan(head);
    expect(report[at + 1].slice(0, 8)).toEqual([caseId, `${month}-20`, 'CN-X1', orderNo, Number(noteAmount).toLocaleString('en-US', { minimumFractionDigits: 2 }), 'EUR', Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2 }), 'EUR']);
  });

  it('review items label the other proposed lines with date, amount and who paid', async () => {
    // Two identical transfers that could each pay one waiting case: the case gets two proposals.
    const month = months[2];
    await call(rt, 'runReconciliation', [{ month }]);
    const rows = rt.workbook.readDisplayValues(`Recon ${month}`);
    const at = rows.findIndex((r) => r[0] === 'WAITING FOR MONEY');
    const w = rows.slice(at + 2).find((r) => /^RC-/.test(r[0]) && r[5].startsWith(month) && r[5] < `${month}-20`)!;
    const [caseId, vendor, , open, currency, logged] = w;
    const day = `${month}-${String(Number(logged.slice(8)) + 3).padStart(2, '0')}`;
    const csv = `Date,Amount,Currency,Counterparty,Description\n${day},${open.replace(/,/g, '')},${currency},${vendor},refund\n${day},${open.replace(/,/g, '')},${currency},${vendor},refund\n`;
    const imp = await call(rt, 'importStatement', [{ fileName: 'twice.csv', contentBase64: Buffer.from(csv).toString('base64') }]);
    expect(imp.ok).toBe(true);
    const items = (await call(rt, 'getReviewItems', [month])).items as any[];
    const withAlt = items.filter((i) => i.case.caseId === caseId && i.alternatives.length);
    expect(withAlt.length).toBeGreaterThan(0);
    for (const i of withAlt) {
      expect(i.alternativeLines.map((a: any) => a.lineId)).toEqual(i.alternatives);
      for (const a of i.alternativeLines) expect(a.label).toMatch(/^\d{4}-\d{2}-\d{2} · [\d,.]+ [A-Z]{3} · .+ · Stmt /);
    }
  });

  it('a vendor statement for a vendor that is not in Vendors writes nothing and says so', async () => {
    const before = rt.workbook.sheetNames();
    const r = await call(rt, 'importVendorStatement', [{ vendorId: 'V0O5', csv: vendorCsv }]);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/V0O5/);
    expect(rt.workbook.sheetNames()).toEqual(before);
  });

  it('a PDF, an image or a workbook picked as the vendor list is refused with what it looks like; nothing is written', async () => {
    const before = rt.workbook.sheetNames();
    // What the dialog's readAsText makes of such files: ASCII signatures stay, other bytes turn into U+FFFD or controls.
    const files: [string, RegExp][] = [
      ['%PDF-1.7\n%\ufffd\ufffd\ufffd\ufffd\n1 0 obj', /PDF/],
      ['\ufffdPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0001', /NUL bytes|control characters/],
      ['PK\u0003\u0004\u0014\u0000\u0006\u0000\b\u0000\u0000\u0000!\u0000[Content_Types].xml', /ZIP|xlsx|spreadsheet/i],
    ];
    for (const [csv, what] of files) {
      const r = await call(rt, 'importVendorStatement', [{ vendorId: 'V005', csv }]);
      expect({ ok: r.ok, message: r.message }).toEqual({ ok: false, message: expect.stringMatching(what) });
      expect(r.message).toMatch(/^Nothing was imported: This file is not a statement export/);
    }
    expect(rt.workbook.sheetNames()).toEqual(before);
  });
});

d('runReconciliation at the spreadsheet cell limit', () => {
  let rt: Runtime;
  let months: string[];
  beforeAll(async () => ({ rt, months } = await seeded()));
  afterAll(async () => rt && (await rt.close()));

  it('a month whose report would pass 10,000,000 cells writes nothing and says what to do; it runs once there is room', async () => {
    const m = rt.workbook as any;
    // Another tab fills the spreadsheet up to 10,000 free cells: the report tab alone needs
    // 26,000 while it is made (1000 × 26, then cut to its columns).
    const used = rt.workbook.totalCells();
    const big = rt.workbook.addSheet('Big');
    big.maxRows = Math.floor((10_000_000 - used - 10_000) / 26);
    const free = 10_000_000 - rt.workbook.totalCells();
    expect(free).toBeGreaterThanOrEqual(10_000);
    expect(free).toBeLessThan(26_000);
    const before = snapshot(rt);
    const auditBefore = rt.workbook.readValues('Audit Log').length;
    const month = months[1];
    await expect(rt.run('runReconciliation', [{ month }], { kind: 'script-run' })).rejects.toThrow(
      new RegExp(`^Nothing was changed: reconciling ${month} would take the spreadsheet over its cell limit: it needs [\\d,]+ more cells, but this spreadsheet already uses [\\d,]+ of its 10,000,000 cells, so only ${free.toLocaleString('en-US')} are free\\. Delete tabs you no longer need`),
    );
    expect(snapshot(rt)).toEqual(before);
    expect(rt.workbook.sheetNames()).not.toContain(`Recon ${month}`);
    expect(rt.workbook.readValues('Audit Log')).toHaveLength(auditBefore);
    // With the extra tab gone the same month reconciles.
    m.sheets.splice(m.sheets.indexOf(big), 1);
    const r = await call(rt, 'runReconciliation', [{ month }]);
    expect(r.status).toBe('done');
    expect(rt.workbook.sheetNames()).toContain(`Recon ${month}`);
  });

  it('the tabs the add-on writes row by row are cut to their columns; the log keeps A–Z for people', () => {
    const m = rt.workbook as any;
    const width = (name: string) => m.sheetByName(name).maxCols;
    expect(width('Audit Log')).toBe(9);
    expect(width('Journal')).toBe(JOURNAL_HEADERS.length);
    expect(width('Cases')).toBe(26);
    for (const name of rt.workbook.sheetNames().filter((n) => n.startsWith('Stmt '))) expect(width(name)).toBe(STATEMENT_HEADERS.length);
    expect(width('Matches')).toBe(MATCH_HEADERS.length);
    expect(width(`Recon ${months[1]}`)).toBe(11);
  });
});

d('runReconciliation service calls do not depend on the number of rows', () => {
  // DESIGN §11: the same calls at any size. The larger month's report, Matches tab and Audit
  // Log outgrow a new tab's 1,000 rows; the smaller one's fit with room to spare — each tab is
  // still grown or cut in one call, so every service method is called as often in both.
  async function callsAt(cases: number): Promise<{ calls: Record<string, number>; reportRows: number; maxRows: number }> {
    const rt = await Runtime.open({ executionLimitMs: 240000 });
    try {
      const { data } = await seedInto(rt, { cases, today: TODAY, reconcile: false });
      const month = data.months[1];
      const r = await rt.run('runReconciliation', [{ month }], { kind: 'script-run' });
      expect((r.value as any).status).toBe('done');
      const reportRows = rt.workbook.readValues(`Recon ${month}`).length;
      return { calls: r.calls, reportRows, maxRows: (rt.workbook as any).sheetByName(`Recon ${month}`).maxRows };
    } finally {
      await rt.close();
    }
  }

  it('a month of 300 cases and one of 2,500 make the same calls of every method (a grow or a cut per tab); the report tab is cut to its rows', async () => {
    const small = await callsAt(300);
    const large = await callsAt(2500);
    expect(large.reportRows).toBeGreaterThan(1000);
    expect(small.reportRows).toBeLessThan(1000);
    // Growing and cutting are one call each: compared as one count (a tab cut at 300 cases is
    // grown at 2,500).
    const merged = (c: Record<string, number>) => {
      const { ['Sheet.insertRowsAfter']: grown = 0, ['Sheet.deleteRows']: cut = 0, ...rest } = c;
      return { ...rest, resize: grown + cut };
    };
    expect(merged(large.calls)).toEqual(merged(small.calls));
    expect(merged(small.calls).resize).toBe(3); // report, Matches, Audit Log
    expect(small.maxRows).toBe(small.reportRows);
    expect(large.maxRows).toBe(large.reportRows);
  });
});

d('the months the reconciliation dialog offers', () => {
  it('the last twelve, and older months a statement tab covers', async () => {
    const rt = await Runtime.open({ executionLimitMs: 240000 });
    try {
      await seedInto(rt, { cases: 50, today: TODAY, reconcile: false });
      const before = (await call(rt, 'getReconcileOptions')).months as string[];
      expect(before).toHaveLength(12);
      expect(before[0]).toBe(TODAY.slice(0, 7));
      // A statement of two years back (a Stmt tab named for its period, as an import names it).
      rt.workbook.addSheet('Stmt Old Bank 2024-11..2025-01');
      const after = (await call(rt, 'getReconcileOptions')).months as string[];
      expect(after).toEqual([...before, '2025-01', '2024-12', '2024-11']);
      expect((await call(rt, 'getReconcileOptions')).defaultMonth).toBe(before[1]);
    } finally {
      await rt.close();
    }
  });
});

d('a decision in one month and the reports of later months', () => {
  let rt: Runtime;
  let months: string[];
  beforeAll(async () => ({ rt, months } = await seeded()));
  afterAll(async () => rt && (await rt.close()));

  it('says which later open reports were drawn before it (only its own month is run again)', async () => {
    const [, month, later] = months;
    await call(rt, 'runReconciliation', [{ month: later }]);
    await call(rt, 'runReconciliation', [{ month }]);
    const items = (await call(rt, 'getReviewItems', [month])).items as any[];
    expect(items.length).toBeGreaterThan(0);
    const r = await call(rt, 'confirmMatch', [{ month, caseId: items[0].case.caseId, lineId: items[0].line.lineId }]);
    expect(r.message).toContain(`Recon ${later} was drawn before this decision: run ${later} again to bring it up to date.`);
    // Once the later month is closed (or has no report) nothing is said of it.
    await call(rt, 'closeMonth', [later]);
    const next = (await call(rt, 'getReviewItems', [month])).items as any[];
    expect(next.length).toBeGreaterThan(0);
    const r2 = await call(rt, 'rejectMatch', [{ month, caseId: next[0].case.caseId, lineId: next[0].line.lineId }]);
    expect(r2.message).not.toContain('drawn before this decision');
  });
});
