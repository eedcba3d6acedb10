// The pure pieces around the engine: vendor statements, closing a month, the Matches tab's
// merge, what a run changes on a case, and the report's sections.
import { Decimal } from '../../src/domain/money';
import { compareVendorStatement, creditNoteOf, parseVendorCsv } from '../../src/domain/reconcile/vendorStatement';
import { closedMonthProblems, markClosed } from '../../src/domain/reconcile/closeMonth';
import { decisionsFromRows, mergeMatchRows, type MatchRow } from '../../src/domain/reconcile/decisions';
import { caseChange } from '../../src/domain/reconcile/caseUpdates';
import { buildReport, summarize } from '../../src/domain/reconcile/report';
import { FxTable } from '../../src/domain/reconcile/fx';
import { formatAmount } from '../../src/domain/money';
import type { CaseRecord } from '../../src/domain/caseRecord';
import { kase, line, run } from './reconcileFixtures';

const record = (over: Partial<CaseRecord> = {}): CaseRecord => ({
  caseId: 'RC-000001', dateLogged: '2026-10-01', orderNo: 'PO-1001', vendorName: 'Alpha Trading', vendorId: 'V1', vendorTag: 'Vendor_Alpha',
  reason: 'Damaged goods', reasonDetail: '', amount: '100.00', currency: 'USD', status: 'Agreed', expectedCompletion: '2026-10-10',
  actualCompletion: '', evidence: '', receivedAmount: '', receivedCurrency: '', matchedTransactions: '', reconciledOn: '', journalRef: '',
  tags: [], notes: '', updatedAt: '', updatedBy: '', ...over,
});

describe('vendor statements', () => {
  const csv = 'Date,Reference,Order #,Amount,Currency\n2026-10-05,CN-1,PO-1001,100.00,USD\n2026-10-06,CN-2,PO-9999,42.00,USD\n2026-10-07,CN-3 for RC-000003,,30.00,USD\n';
  test('parses a credit-note CSV into lines with stable IDs; a bad row refuses the file', () => {
    const a = parseVendorCsv('V1', csv);
    expect(a.errors).toEqual([]);
    expect(a.lines).toHaveLength(3);
    expect(parseVendorCsv('V1', csv).lines.map((l) => l.lineId)).toEqual(a.lines.map((l) => l.lineId));
    const bad = parseVendorCsv('V1', 'Date,Reference,Order #,Amount,Currency\n05/10/2026,CN-1,PO-1,1.00,USD\n2026-10-05,CN-2,PO-2,1.234,USD\n');
    expect(bad.errors).toHaveLength(2);
    expect(parseVendorCsv('V1', 'Date,Amount\n').errors[0]).toMatch(/No "ref" column/);
  });
  test('a decimal comma or a day that does not exist refuses the file; thousands commas are read', () => {
    const head = 'Date,Reference,Order #,Amount,Currency\n';
    // "133,76" is 133.76 written with a decimal comma: never 13,376.00.
    expect(parseVendorCsv('V1', `${head}2026-11-23,CN-5,PO-5,"133,76",EUR\n`).errors).toEqual(['Row 2: amount "133,76" — write it with a decimal point (1234.56 or 1,234.56)']);
    expect(parseVendorCsv('V1', `${head}2026-11-23,CN-5,PO-5,"1,2345",EUR\n`).errors).toHaveLength(1);
    // Month 13 would be filed under a tab "Stmt Vendor V1 2026-13".
    expect(parseVendorCsv('V1', `${head}2026-13-01,CN-4,PO-4,10.00,EUR\n`).errors).toEqual(['Row 2: date "2026-13-01" is not a date YYYY-MM-DD']);
    expect(parseVendorCsv('V1', `${head}2026-02-30,CN-4,PO-4,10.00,EUR\n`).errors).toHaveLength(1);
    const ok = parseVendorCsv('V1', `${head}2026-11-23,CN-6,PO-6,"1,234.56",EUR\n2026-11-24,CN-7,PO-7,"12,345",JPY\n`);
    expect(ok.errors).toEqual([]);
    expect(ok.lines.map((l) => l.amount.toString())).toEqual(['1234.56', '12345']);
  });
  test('what the vendor lists but we never logged, and what we logged but it does not list', () => {
    const notes = parseVendorCsv('V1', csv).lines.map(creditNoteOf);
    const cases = [kase(1, '100.00'), kase(2, '55.00'), kase(3, '30.00', { orderNo: '' })];
    const r = compareVendorStatement('V1', notes, cases, { from: '2026-10-01', to: '2026-10-31' });
    expect(r.matched.map((m) => `${m.caseId}:${m.how}`)).toEqual(['RC-000001:order', 'RC-000003:case id']);
    expect(r.notLogged.map((n) => n.reference)).toEqual(['CN-2']);
    expect(r.notListed.map((c) => c.caseId)).toEqual(['RC-000002']);
    // Another month's report pairs the same list but lists only its own month's pairs.
    const sept = compareVendorStatement('V1', notes, cases, { from: '2026-09-01', to: '2026-09-30' });
    expect([sept.matched, sept.notLogged, sept.notListed]).toEqual([[], [], []]);
    const lateNote = compareVendorStatement('V1', notes, [kase(1, '100.00', { dateLogged: '2026-09-20' })], { from: '2026-09-01', to: '2026-09-30' });
    expect(lateNote.matched.map((m) => m.caseId)).toEqual(['RC-000001']); // logged in September, note dated October
    expect(r.amountDiffers).toEqual([]);
  });
  test('a note paired by order number for another amount or currency is listed, not taken as confirming the case', () => {
    const csv2 = 'Date,Reference,Order #,Amount,Currency\n2026-10-05,CN-1,PO-1001,13376.00,USD\n2026-10-06,CN-2,PO-1002,55.00,USD\n2026-10-07,CN-3,PO-1003,30.00,EUR\n';
    const notes = parseVendorCsv('V1', csv2).lines.map(creditNoteOf);
    const r = compareVendorStatement('V1', notes, [kase(1, '133.76'), kase(2, '55.00'), kase(3, '30.00')], { from: '2026-10-01', to: '2026-10-31' });
    expect(r.matched.map((m) => m.caseId)).toEqual(['RC-000001', 'RC-000002', 'RC-000003']);
    expect(r.amountDiffers.map((d) => `${d.caseId} note ${d.note.amount.toFixed(2)} ${d.note.currency} case ${d.caseAmount.toFixed(2)} ${d.caseCurrency}`)).toEqual([
      'RC-000001 note 13376.00 USD case 133.76 USD',
      'RC-000003 note 30.00 EUR case 30.00 USD',
    ]);
  });
});

describe('closing a month', () => {
  const row = (over: Partial<MatchRow> = {}): MatchRow => ({ caseId: 'RC-000001', lineId: 'L1', statement: 'Stmt X', month: '2026-10', state: 'auto', amount: '100.00', currency: 'USD', covers: '100.00', caseCurrency: 'USD', score: 90, signals: 'ref:case', counterparty: '', decidedAt: '', decidedBy: '', note: '', ...over });
  test('fingerprints the month\'s live rows; a later edit of the case is flagged', () => {
    const records = new Map([['RC-000001', record({ matchedTransactions: 'L0, L1' })]]);
    const closed = markClosed([row(), row({ lineId: 'L2', state: 'suggested' }), row({ month: '2026-09', lineId: 'L3' })], '2026-10', records);
    expect(closed[0].note).toBe('closed 2026-10 | V1|PO-1001|100.00|USD');
    expect(closed[1].note).toBe('');
    expect(closed[2].note).toBe('');
    expect(closedMonthProblems(closed, records)).toEqual([]);
    const edited = new Map([['RC-000001', record({ amount: '90.00', matchedTransactions: 'L1' })]]);
    expect(closedMonthProblems(closed, edited)).toEqual([expect.objectContaining({ caseId: 'RC-000001', month: '2026-10' })]);
    expect(closedMonthProblems(closed, new Map())[0].message).toMatch(/no longer on the Cases tab/);
    // The money the closed month matched must stay on the case: a later month adds lines, never takes one.
    expect(closedMonthProblems(closed, new Map([['RC-000001', record({ matchedTransactions: 'L1, L9' })]]))).toEqual([]);
    const cleared = closedMonthProblems(closed, new Map([['RC-000001', record({ matchedTransactions: '' })]]));
    expect(cleared).toEqual([expect.objectContaining({ caseId: 'RC-000001', month: '2026-10', message: expect.stringContaining('no longer lists L1 in Matched Transactions') })]);
  });
});

describe('the Matches tab', () => {
  test('decided rows stay, proposals are replaced, and a re-run reproduces the tab', () => {
    const cases = [kase(1, '100.00'), kase(2, '50.00')];
    const lines = [line('100.00', { lineId: 'A', reference: 'RC-000001' }), line('50.00', { lineId: 'B' })];
    const stamp = { time: 't1', user: 'u' };
    const info = () => ({ statement: 'Stmt X', counterparty: '' });
    const first = mergeMatchRows([], '2026-10', run(cases, lines).pairs, info, stamp, formatAmount);
    expect(first.map((r) => `${r.caseId}>${r.lineId}:${r.state}`)).toEqual(['RC-000001>A:auto', 'RC-000002>B:suggested']);
    const second = mergeMatchRows(first, '2026-10', run(cases, lines, { decisions: decisionsFromRows(first) }).pairs, info, { time: 't2', user: 'u' }, formatAmount);
    expect(second).toEqual(first);
  });
  test('the last decided row of a pair wins', () => {
    const base = { statement: '', month: '2026-10', amount: '1.00', currency: 'USD', covers: '1.00', caseCurrency: 'USD', score: '' as const, signals: '', counterparty: '', decidedAt: '', decidedBy: '', note: '' };
    const d = decisionsFromRows([{ ...base, caseId: 'C', lineId: 'L', state: 'confirmed' }, { ...base, caseId: 'C', lineId: 'L', state: 'unmatched' }]);
    expect(d.map((x) => x.state)).toEqual(['unmatched']);
  });
});

describe('what a run changes on a case', () => {
  test('settled: Received then Reconciled, with amounts, lines, dates and audit fields', () => {
    const r = run([kase(1, '100.00')], [line('100.00', { lineId: 'A', reference: 'RC-000001', bookingDate: '2026-10-12' })]);
    const ch = caseChange(record(), r.cases[0], '2026-11-02')!;
    expect(ch.record).toMatchObject({ status: 'Reconciled', receivedAmount: '100.00', receivedCurrency: '', matchedTransactions: 'A', actualCompletion: '2026-10-12', reconciledOn: '2026-11-02' });
    expect(ch.audit.filter((a) => a.field === 'Status')).toEqual([{ field: 'Status', oldValue: 'Agreed', newValue: 'Received' }, { field: 'Status', oldValue: 'Received', newValue: 'Reconciled' }]);
    expect(caseChange(ch.record, r.cases[0], '2026-11-03')).toBeNull();
  });
  test('waiting with nothing matched: an amount a clerk typed is kept', () => {
    const r = run([kase(1, '100.00')], []);
    expect(caseChange(record({ receivedAmount: '100.00' }), r.cases[0], '2026-11-02')).toBeNull();
  });
});

describe('the report', () => {
  test('has every section and explains differences', () => {
    const cases = [kase(1, '300.00'), kase(2, '80.00'), kase(3, '10.00')];
    const lines = [line('298.50', { lineId: 'A', reference: 'RC-000001' }), line('999.00', { lineId: 'U' }), line('80.00', { lineId: 'B' })];
    const result = run(cases, lines);
    const cells = buildReport(result, {
      month: '2026-10', today: '2026-11-02', baseCurrency: 'USD', statements: ['Stmt X'], cases: new Map(cases.map((c) => [c.caseId, c])),
      lines: new Map(lines.map((l) => [l.lineId, { line: l, statement: 'Stmt X' }])), fx: new FxTable([], 'USD'), vendorComparisons: [],
    });
    const first = cells.map((r) => r[0]);
    for (const s of ['SUMMARY', 'MATCHED', 'FOR REVIEW (suggested and ambiguous)', 'WAITING FOR MONEY', 'UNEXPLAINED CREDITS', 'DIFFERENCES']) expect(first).toContain(s);
    const diff = cells[first.indexOf('DIFFERENCES') + 2];
    expect(diff.slice(0, 5)).toEqual(['RC-000001', 'Alpha Trading', 'fee', 1.5, 'USD']);
    expect(String(diff[6])).toMatch(/Write off 1.50 USD/);
    expect(cells.every((r) => r.length === 11)).toBe(true);
    void new Decimal(0);
  });
  test('the rest of a credit a match used only part of is unexplained, in the summary and the list', () => {
    // Two instalments named by the case: the second pays more than was still open.
    const cases = [kase(1, '100.00'), kase(2, '40.00')];
    const lines = [line('60.00', { lineId: 'A', reference: 'RC-000001 1/2' }), line('150.00', { lineId: 'B', reference: 'RC-000001 2/2' }), line('25.00', { lineId: 'U' })];
    const result = run(cases, lines);
    const b = result.lines.find((l) => l.lineId === 'B')!;
    expect([b.matchStatus, b.allocated.toString()]).toEqual(['partial', '40']);
    const ctx = {
      month: '2026-10', today: '2026-11-02', baseCurrency: 'USD', statements: ['Stmt X'], cases: new Map(cases.map((c) => [c.caseId, c])),
      lines: new Map(lines.map((l) => [l.lineId, { line: l, statement: 'Stmt X' }])), fx: new FxTable([], 'USD'), vendorComparisons: [],
    };
    const sum = summarize(result, ctx);
    expect(sum.byCurrency.find((c) => c.currency === 'USD')).toMatchObject({ unexplainedLines: 2, unexplainedAmount: '135.00' });
    expect(sum.counts.unexplained).toBe(2);
    const cells = buildReport(result, ctx);
    const first = cells.map((r) => r[0]);
    const at = first.indexOf('UNEXPLAINED CREDITS');
    expect(cells[at + 1].slice(0, 6)).toEqual(['Line ID', 'Statement', 'Date', 'Amount', 'Currency', 'Unexplained']);
    const listed = cells.slice(at + 2, first.indexOf('DIFFERENCES') - 1);
    expect(listed.map((r) => [r[0], r[3], r[5], r[9]])).toEqual([['B', 150, 110, 'RC-000001 (40.00 USD)'], ['U', 25, 25, '']]);
  });
  test('amounts written inside text (Covers, Case amount) are grouped like the amount cells', () => {
    const cases = [kase(1, '2809.20', { currency: 'CNY' }), kase(2, '12345.60')];
    const lines = [line('2809.20', { lineId: 'A', reference: 'RC-000001', currency: 'CNY' }), line('12345.60', { lineId: 'B' })];
    const cells = buildReport(run(cases, lines), {
      month: '2026-10', today: '2026-11-02', baseCurrency: 'USD', statements: ['Stmt X'], cases: new Map(cases.map((c) => [c.caseId, c])),
      lines: new Map(lines.map((l) => [l.lineId, { line: l, statement: 'Stmt X' }])), fx: new FxTable([], 'USD'), vendorComparisons: [],
    });
    const first = cells.map((r) => r[0]);
    const matched = cells[first.indexOf('MATCHED') + 2];
    expect(matched[6]).toBe('CNY');
    expect(matched[7]).toBe('2,809.20 CNY');
    const review = cells[first.indexOf('FOR REVIEW (suggested and ambiguous)') + 2];
    expect(review[0]).toBe('RC-000002');
    expect(review[7]).toBe('12,345.60 USD');
    // The number cells stay numbers; the sheet's #,##0.00 format groups those.
    expect(review[5]).toBe(12345.6);
  });
});
