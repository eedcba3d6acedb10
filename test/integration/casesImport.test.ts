// Import existing cases through the built bundle: headers matched by name, every row validated,
// all rows (with audit rows) or none, legacy IDs kept, 5,000 rows in one execution.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Runtime } from '../../dev/runtime';
import { CASE_HEADERS } from '../../src/sheets/layout';

jest.setTimeout(300000);
const BUNDLE = path.resolve(__dirname, '../../dist/Code.js');
const ready = existsSync(BUNDLE) && readFileSync(BUNDLE, 'utf8').includes('function importCases()');
const d = ready ? describe : describe.skip;
const col = (h: (typeof CASE_HEADERS)[number]) => CASE_HEADERS.indexOf(h);

let rt: Runtime;
beforeEach(async () => {
  rt = await Runtime.open({ executionLimitMs: 240000 });
  await rt.run('setupWorkbook');
  await rt.run('addVendor', [{ vendorId: 'V1', name: 'Alpha', slaDays: 7 }], { kind: 'script-run' });
});
afterEach(async () => rt.close());
const run = async <T = any>(fn: string, args: unknown[] = []) => (await rt.run(fn, args, { kind: 'script-run' })).value as T;

const PLAIN = 'Case ID,Date Logged,Original Order #,Vendor Name,Vendor ID,Reason for Refund,Refund Amount,Currency,Status,Expected Completion Date,Actual Completion Date';

d('importCases', () => {
  it('imports plain-named columns, creates missing vendors, keeps fitting IDs and stores others as legacy IDs', async () => {
    const csv = [
      PLAIN,
      'RC-000100,2026-01-05,004512,Alpha,V1,Damaged goods,12.50,CNY,Requested,,',
      'OLD-7,2026/1/6,A-9,Beta Trading,,Item never arrived,"1,234.50",USD,logged,2026-02-01,',
      ',2026-01-07,=cmd(),"=HYPERLINK(""x"")",,Wrong item,500,JPY,Received,,2026-01-20',
    ].join('\n');
    const r = await run('importCases', [{ csv }]);
    expect(r).toMatchObject({ imported: 3, legacyIds: 1 });
    expect(r.vendorsCreated).toHaveLength(2);
    const rows = rt.workbook.readValues('Cases').slice(1);
    expect(rows.map((x) => x[col('Case ID')])).toEqual(['RC-000100', 'RC-000101', 'RC-000102']);
    expect(rows[0][col('Order #')]).toBe('004512');
    expect(rows[1][col('Refund Amount')]).toBe(1234.5);
    expect(rows[1][col('Reason')]).toBe('Other');
    expect(rows[1][col('Reason Detail')]).toBe('Item never arrived');
    expect(rows[1][col('Notes')]).toContain('Legacy ID: OLD-7');
    expect(rows[2][col('Order #')]).toBe('=cmd()');
    expect(rows[2][col('Vendor Name')]).toBe('=HYPERLINK("x")');
    // The counter moved past the kept ID: the next case is RC-000103.
    await run('addVendor', [{ vendorId: 'V3', name: 'Gamma' }]);
    const next = await run('logCase', [{ vendorId: 'V3', orderNo: '1', amount: '1', currency: 'USD', reason: 'Other', requestId: 'q' }]);
    expect(next.caseId).toBe('RC-000103');
    expect((await run('verifyAuditTrail')).ok).toBe(true);
  });

  it('importing the same file twice is refused the second time, row by row, and writes nothing', async () => {
    const csv = [PLAIN, 'OLD-1,2026-01-05,004512,Alpha,V1,Damaged goods,12.50,CNY,Logged,,', 'OLD-2,2026-01-06,A-9,Beta Trading,,Wrong item,3,USD,Requested,,'].join('\n');
    expect(await run('importCases', [{ csv }])).toMatchObject({ imported: 2 });
    const before = JSON.stringify(rt.workbook.readValues('Cases'));
    await expect(run('importCases', [{ csv }])).rejects.toThrow(/Import refused: 2 rows have problems[\s\S]*row 2: Case "OLD-1" is already in the log as RC-000001[\s\S]*row 3: Case "OLD-2" is already in the log as RC-000002/);
    expect(JSON.stringify(rt.workbook.readValues('Cases'))).toBe(before);
  });

  it('writes nothing when any row is bad and lists each bad row', async () => {
    const csv = [PLAIN, ',2026-01-05,1,Alpha,,Other,12.345,CNY,,,', ',2026-01-05,,Alpha,,Other,5,USD,Paid,,', ',05/01/2026,3,Alpha,,Other,5,USD,,,'].join('\n');
    const audit = rt.workbook.readValues('Audit Log').length;
    await expect(run('importCases', [{ csv }])).rejects.toThrow(/Import refused: 3 rows have problems[\s\S]*row 2: Refund Amount "12.345": CNY allows at most 2 decimals[\s\S]*row 3: Order # is missing[\s\S]*row 3: Status "Paid"[\s\S]*row 4: Date Logged "05\/01\/2026"/);
    expect(rt.workbook.readValues('Cases')).toHaveLength(1);
    expect(rt.workbook.readValues('Vendors')).toHaveLength(2);
    expect(rt.workbook.readValues('Audit Log')).toHaveLength(audit);
  });

  it('imports from a tab where the old log was pasted', async () => {
    const m = rt.workbook as any;
    m.addSheet('Old log');
    const sheet = m.sheetByName('Old log');
    const input = [['Vendor', 'Order', 'Amount', 'Currency', 'Reason'], ['Alpha', '77', '9.99', 'EUR', 'Overcharge']];
    input.forEach((r, i) => r.forEach((v, j) => m.writeInput(sheet, i + 1, j + 1, v)));
    const r = await run('importCases', [{ sheetName: 'Old log' }]);
    expect(r).toMatchObject({ imported: 1, vendorsCreated: [] });
    const row = rt.workbook.readValues('Cases')[1];
    expect(row[col('Refund Amount')]).toBe(9.99);
    expect(row[col('Vendor ID')]).toBe('V1');
  });

  it('imports 5,000 rows in one execution with one write per tab', async () => {
    const lines = [PLAIN];
    for (let i = 0; i < 5000; i++) lines.push(`,2026-01-${String((i % 28) + 1).padStart(2, '0')},${String(i).padStart(6, '0')},Vendor ${i % 40},,Damaged goods,${(i % 500) + 1}.25,USD,Logged,,`);
    const r = await rt.run('importCases', [{ csv: lines.join('\n') }], { kind: 'script-run' });
    expect((r.value as any).imported).toBe(5000);
    expect((r.value as any).vendorsCreated).toHaveLength(40);
    // Vendors, Cases and Audit Log: one setValues each.
    expect(r.calls['Range.setValues']).toBe(3);
    const rows = rt.workbook.readValues('Cases');
    expect(rows).toHaveLength(5001);
    expect(rows[5000][col('Case ID')]).toBe('RC-005000');
    expect(rows[5000][col('Order #')]).toBe('004999');
    expect((await run('checkLog')).problems).toEqual([]);
  });
});
