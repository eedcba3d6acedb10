import { buildImport, parseCsv, ImportContext } from '../../src/domain/caseImport';
import { DEFAULT_REASONS } from '../../src/domain/caseRecord';

const ctx = (over: Partial<ImportContext> = {}): ImportContext => ({
  vendors: [{ vendorId: 'V1', name: 'Alpha', tag: 'Vendor_Alpha', defaultCurrency: '', slaDays: 7, accountingContact: '', apAccount: '', aliases: ['ALPHA LTD'] }],
  reasons: [...DEFAULT_REASONS], today: '2026-03-01', defaultSlaDays: 14, existingCaseIds: new Set(['RC-000001']),
  nextSeq: 2, user: 'u@x', now: '2026-03-01T10:00:00+08:00', ...over,
});
const table = (csv: string) => parseCsv(csv).rows;

describe('case import', () => {
  test('matches plain header names case-insensitively and fills defaults', () => {
    const r = buildImport(table('original order #,VENDOR NAME,reason for refund,Refund Amount,currency\n004512,alpha ltd,Wrong item,10,usd'), ctx());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.records[0]).toMatchObject({ caseId: 'RC-000002', orderNo: '004512', vendorId: 'V1', vendorTag: 'Vendor_Alpha', amount: '10.00', currency: 'USD', status: 'Logged', dateLogged: '2026-03-01', expectedCompletion: '2026-03-08' });
    expect(r.newVendors).toEqual([]);
    expect(r.lastSeq).toBe(2);
  });
  test('creates a missing vendor once with a tag, for several rows', () => {
    const r = buildImport(table('Vendor,Order,Amount,Currency,Reason\nBeta Co,1,1,USD,Other\nbeta co,2,2,USD,Other\n深圳光明,3,3,CNY,Other'), ctx());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.newVendors.map((v) => [v.vendorId, v.name, v.tag])).toEqual([['V0001', 'Beta Co', 'Vendor_Beta'], ['V0002', '深圳光明', 'Vendor_V0002']]);
    expect(r.records.map((c) => c.vendorId)).toEqual(['V0001', 'V0001', 'V0002']);
  });
  test('keeps fitting new IDs, turns others into legacy notes, and never reuses a number', () => {
    const r = buildImport(table('Case ID,Vendor ID,Order,Amount,Currency,Reason\nRC-000050,V1,1,1,USD,Other\nRC-000001,V1,2,1,USD,Other\nLEG-9,V1,3,1,USD,Other\nRC-000050,V1,4,1,USD,Other'), ctx());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.records.map((c) => c.caseId)).toEqual(['RC-000050', 'RC-000051', 'RC-000052', 'RC-000053']);
    expect(r.records.map((c) => c.notes)).toEqual(['', 'Legacy ID: RC-000001', 'Legacy ID: LEG-9', 'Legacy ID: RC-000050']);
    expect(r.legacyIds).toBe(3);
    expect(r.lastSeq).toBe(53);
  });
  test('refuses rows that are already in the log (a file imported twice), by Case ID or kept legacy ID', () => {
    const existingCases = [
      { caseId: 'RC-000001', orderNo: '004512', vendorId: 'V1', notes: '' },
      { caseId: 'RC-000002', orderNo: '77', vendorId: 'V1', notes: 'Legacy ID: OLD-1\nfrom the old log' },
    ];
    const csv = 'Case ID,Vendor ID,Order,Amount,Currency,Reason\nRC-000001,V1,004512,1,USD,Other\nOLD-1,V1,77,1,USD,Other\nOLD-2,V1,78,1,USD,Other\nRC-000001,V1,999,1,USD,Other';
    const r = buildImport(table(csv), ctx({ existingCaseIds: new Set(['RC-000001', 'RC-000002']), nextSeq: 3, existingCases }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.row}: ${e.message}`)).toEqual([
      '2: Case "RC-000001" is already in the log as RC-000001 (same Order # and vendor): this file, or this row, was imported before',
      '3: Case "OLD-1" is already in the log as RC-000002 (same Order # and vendor): this file, or this row, was imported before',
    ]);
    // Another case that only shares an ID number (another log's RC-000001, other order) still imports, as a legacy ID.
    const ok = buildImport(table('Case ID,Vendor ID,Order,Amount,Currency,Reason\nRC-000001,V1,999,1,USD,Other'), ctx({ existingCases }));
    expect(ok.ok && ok.records[0].notes).toBe('Legacy ID: RC-000001');
  });
  test('lists every bad row with its number and writes nothing', () => {
    const r = buildImport(table('Vendor,Order,Amount,Currency,Reason,Status,Date Logged\nAlpha,1,12.345,CNY,Other,,\nAlpha,,5,USD,,Paid,2026-13-01\n,3,5,XXX,Other,,\nAlpha,4,500,JPY,Other,,'), ctx());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.row}: ${e.message}`)).toEqual([
      '2: Refund Amount "12.345": CNY allows at most 2 decimals',
      '3: Order # is missing',
      '3: Reason is missing',
      '3: Status "Paid" is not one of: Logged, Requested, Disputed, Agreed, Received, Reconciled, Rejected, Cancelled, Written off',
      '3: Date Logged "2026-13-01" is not a date YYYY-MM-DD',
      '4: Vendor Name or Vendor ID is missing',
      '4: Currency "XXX" is not an ISO 4217 code',
    ]);
  });
  test('old cases keep their past dates; an expected date before the row\'s own Date Logged is refused', () => {
    const csv = 'Vendor,Order,Amount,Currency,Reason,Date Logged,Expected Completion\n'
      + 'Alpha,1,10,USD,Other,2025-01-10,2025-01-20\n' // both long before today (2026-03-01): history, kept
      + 'Alpha,2,10,USD,Other,2025-01-10,2025-01-10\n' // due the day it was logged
      + 'Alpha,3,10,USD,Other,2025-01-10,2025-01-05\n' // a typo: due before it was logged
      + 'Alpha,4,10,USD,Other,,2025-12-01\n'; // no Date Logged: logged today, so held to today
    const r = buildImport(table(csv), ctx());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.row}: ${e.message}`)).toEqual([
      '4: Expected Completion "2025-01-05" can\'t be before the row\'s Date Logged (2025-01-10)',
      '5: Expected Completion "2025-12-01" can\'t be before the Date Logged, which is today (2026-03-01) as the row has none: add the row\'s Date Logged',
    ]);
    const ok = buildImport(table(csv.split('\n').slice(0, 3).join('\n')), ctx());
    expect(ok.ok && ok.records.map((c) => [c.dateLogged, c.expectedCompletion])).toEqual([['2025-01-10', '2025-01-20'], ['2025-01-10', '2025-01-10']]);
  });
  test('a row without a currency still has its amount checked', () => {
    const r = buildImport(table('Vendor,Order,Amount,Currency,Reason\nAlpha,1,abc,,Other\nAlpha,2,12.345,,Other'), ctx());
    expect(!r.ok && r.errors.map((e) => `${e.row}: ${e.message}`)).toEqual([
      '2: Currency is missing',
      '2: Refund Amount "abc": Amount "abc" is not a number (use digits and a dot, e.g. 12.50)',
      '3: Currency is missing', // the decimals wait for the currency
    ]);
  });
  test('names missing columns', () => {
    const r = buildImport(table('Vendor,Order\nA,1'), ctx());
    expect(r).toEqual({ ok: false, errors: [{ row: 1, message: 'Missing columns: Reason (or "Reason for Refund"), Refund Amount, Currency' }] });
  });
  test('thousands separators only in their places; ambiguous dates refused', () => {
    const ok = buildImport(table('Vendor,Order,Amount,Currency,Reason\nAlpha,1,"1,234.50",USD,Other'), ctx());
    expect(ok.ok && ok.records[0].amount).toBe('1234.50');
    const bad = buildImport(table('Vendor,Order,Amount,Currency,Reason,Date Logged\nAlpha,1,"1,23",USD,Other,03/04/2026'), ctx());
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.message)).toEqual([expect.stringContaining('"1,23"'), expect.stringContaining('"03/04/2026" is not a date')]);
  });
  test('CSV with BOM, quoted newlines and blank lines', () => {
    const { rows } = parseCsv('\uFEFFa,b\n"x\ny",2\n\n');
    expect(rows).toEqual([['a', 'b'], ['x\ny', '2']]);
  });
});
