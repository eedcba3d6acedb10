// A person typing into the Cases grid, through the built bundle (dist/Code.js) and the installable
// onCasesEdit trigger in the local runtime: a Case ID typed over and a Refund Amount with more
// decimals than the row's currency allows are put back, audited as `manual edit refused`, with a
// toast; amounts the currency allows are kept and audited as plain manual edits.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Runtime } from '../../dev/runtime';
import { CASE_HEADERS } from '../../src/sheets/layout';

jest.setTimeout(180000);
const BUNDLE = path.resolve(__dirname, '../../dist/Code.js');
const ready = existsSync(BUNDLE) && readFileSync(BUNDLE, 'utf8').includes('function onCasesEdit(');
if (!ready) console.warn('grid edit integration tests skipped: dist/Code.js has no onCasesEdit (run npm run build)');
const d = ready ? describe : describe.skip;

const col = (h: (typeof CASE_HEADERS)[number]) => CASE_HEADERS.indexOf(h);
const cell = (h: (typeof CASE_HEADERS)[number], row: number) => `${String.fromCharCode(65 + col(h))}${row}`;
let n = 0;
const form = (over: Record<string, unknown> = {}) => ({
  vendorId: 'V1', orderNo: '004512', amount: '12.50', currency: 'CNY', reason: 'Damaged goods',
  reasonDetail: '', tags: [], notes: '', requestId: `grid-${++n}`, ...over,
});

let rt: Runtime;
let toasts: string[];
beforeEach(async () => {
  toasts = [];
  rt = await Runtime.open({
    executionLimitMs: 120000,
    ui: { emit: (ev: any) => { if (ev.type === 'toast') toasts.push(`${ev.title}: ${ev.message}`); }, ask: async () => ({ button: 'OK' }) },
  });
  await rt.run('setupWorkbook');
  await rt.run('addVendor', [{ vendorId: 'V1', name: 'Shenzhen Bright LED Co., Ltd.', slaDays: 10 }], { kind: 'script-run' });
  toasts = []; // Set up workbook's own toast
});
afterEach(async () => rt?.close());

const run = async <T = any>(fn: string, args: unknown[] = []) => (await rt.run(fn, args, { kind: 'script-run' })).value as T;
const sheetRow = (row: number) => rt.workbook.readValues('Cases')[row - 1];
const shown = (row: number) => rt.workbook.readDisplayValues('Cases')[row - 1];
const auditTail = (k: number) => rt.workbook.readValues('Audit Log').slice(1).slice(-k).map((r) => r.slice(3, 8).join('|'));
const auditCount = () => rt.workbook.readValues('Audit Log').length;

/** A person's edit: the grid must accept it (the trigger, not data validation, decides) and no trigger may fail. */
async function type(a1: string, input: string): Promise<void> {
  expect(await rt.userEdit('Cases', a1, input)).toEqual({ ok: true });
}

d('Case ID typed in the grid', () => {
  it('a duplicate Case ID typed over another row is put back, audited as refused, with a toast', async () => {
    await run('logCase', [form()]);
    await run('logCase', [form()]);
    await type(cell('Case ID', 3), 'RC-000001');
    expect(sheetRow(3)[col('Case ID')]).toBe('RC-000002');
    expect(toasts).toEqual(['Case ID not changed: Case IDs are assigned by the add-on and never edited; RC-000001 was not kept. Row 3 keeps RC-000002.']);
    expect(auditTail(1)).toEqual(['RC-000002|manual edit refused|Case ID|RC-000002|RC-000001']);
    // The log is as it was: no duplicate for Check the log to find, the chain intact.
    expect((await run('checkLog')).problems).toEqual([]);
    expect((await run('verifyAuditTrail')).ok).toBe(true);
  });

  it('any Case ID edit is refused, and one typed into an empty row is cleared again', async () => {
    await run('logCase', [form()]);
    await type(cell('Case ID', 2), 'RC-000099');
    expect(sheetRow(2)[col('Case ID')]).toBe('RC-000001');
    await type(cell('Case ID', 2), '');
    expect(sheetRow(2)[col('Case ID')]).toBe('RC-000001');
    expect(toasts.pop()).toMatch(/never edited; it was not cleared\. Row 2 keeps RC-000001\.$/);
    await type(cell('Case ID', 5), 'RC-000007');
    // Row 5 is empty again: the data still ends at row 2.
    expect(rt.workbook.readValues('Cases')).toHaveLength(2);
    expect(toasts.pop()).toMatch(/RC-000007 was not kept\. Row 5's Case ID stays empty: log a case with .*Log a refund/);
    expect(auditTail(3)).toEqual([
      'RC-000001|manual edit refused|Case ID|RC-000001|RC-000099',
      'RC-000001|manual edit refused|Case ID|RC-000001|',
      'row 5|manual edit refused|Case ID||RC-000007',
    ]);
    // The next case still gets the next ID: nothing typed moved the counter.
    expect((await run('logCase', [form()])).caseId).toBe('RC-000002');
  });
});

d('Refund Amount typed in the grid', () => {
  it('12.345 in a CNY row is put back to the old amount, naming the row and CNY decimals', async () => {
    await run('logCase', [form({ amount: '12.50', currency: 'CNY' })]);
    await type(cell('Refund Amount', 2), '12.345');
    expect(sheetRow(2)[col('Refund Amount')]).toBe(12.5);
    expect(shown(2)[col('Refund Amount')]).toBe('12.50');
    expect(toasts).toEqual(['Refund Amount not changed: Row 2 (RC-000001, CNY): CNY allows at most 2 decimals, so 12.345 was not kept. The amount was put back to 12.50.']);
    expect(auditTail(1)).toEqual(['RC-000001|manual edit refused|Refund Amount|12.5|12.345']);
    expect((await run('checkLog')).problems).toEqual([]);
    expect((await run('verifyAuditTrail')).ok).toBe(true);
  });

  it('500 in a JPY row is kept and audited as a manual edit; 500.5 is put back', async () => {
    await run('logCase', [form({ amount: '300', currency: 'JPY' })]);
    await type(cell('Refund Amount', 2), '500');
    expect(sheetRow(2)[col('Refund Amount')]).toBe(500);
    expect(auditTail(1)).toEqual(['RC-000001|manual edit|Refund Amount|300|500']);
    expect(toasts).toEqual([]);
    await type(cell('Refund Amount', 2), '500.5');
    expect(sheetRow(2)[col('Refund Amount')]).toBe(500);
    expect(toasts).toEqual(['Refund Amount not changed: Row 2 (RC-000001, JPY): JPY has no decimals, so 500.5 was not kept. The amount was put back to 500.']);
  });

  it('12.345 in a KWD row is kept: KWD has 3 decimals', async () => {
    await run('logCase', [form({ amount: '10', currency: 'KWD' })]);
    await type(cell('Refund Amount', 2), '12.345');
    expect(sheetRow(2)[col('Refund Amount')]).toBe(12.345);
    expect(shown(2)[col('Refund Amount')]).toBe('12.345');
    expect(auditTail(1)).toEqual(['RC-000001|manual edit|Refund Amount|10|12.345']);
    expect(toasts).toEqual([]);
  });

  it('a legal edit is audited as before: one manual edit row with old and new value', async () => {
    await run('logCase', [form({ amount: '12.50', currency: 'CNY' })]);
    const before = auditCount();
    await type(cell('Refund Amount', 2), '15.75');
    expect(sheetRow(2)[col('Refund Amount')]).toBe(15.75);
    expect(auditCount()).toBe(before + 1);
    expect(auditTail(1)).toEqual(['RC-000001|manual edit|Refund Amount|12.5|15.75']);
    await type(cell('Notes', 2), 'called the vendor');
    expect(auditTail(1)).toEqual(['RC-000001|manual edit|Notes||called the vendor']);
    expect(toasts).toEqual([]);
    expect((await run('verifyAuditTrail')).ok).toBe(true);
  });

  it('the amount, currency or vendor of a closed case typed over in the grid is put back, audited as refused, with a toast', async () => {
    await run('logCase', [form({ amount: '12.50', currency: 'CNY' })]);
    await run('changeStatus', ['RC-000001', 'Cancelled', 'vendor went bust']);
    expect(sheetRow(2)[col('Status')]).toBe('Cancelled');
    await type(cell('Refund Amount', 2), '15');
    expect(sheetRow(2)[col('Refund Amount')]).toBe(12.5);
    expect(auditTail(1)).toEqual(['RC-000001|manual edit refused|Refund Amount|12.5|15']);
    expect(toasts.pop()).toBe('Refund Amount not changed: Row 2: RC-000001 is Cancelled: its amount, currency and vendor can no longer change, so 15 was not kept and 12.5 was put back.');
    await type(cell('Currency', 2), 'USD');
    expect(sheetRow(2)[col('Currency')]).toBe('CNY');
    expect(auditTail(1)).toEqual(['RC-000001|manual edit refused|Currency|CNY|USD']);
    // Other fields of a closed case stay editable.
    await type(cell('Notes', 2), 'kept');
    expect(sheetRow(2)[col('Notes')]).toBe('kept');
    expect((await run('verifyAuditTrail')).ok).toBe(true);
  });

  it('a grid edit stamps Updated At / Updated By on the edited case, as the sidebar does; a row without a case is left alone', async () => {
    await run('logCase', [form()]);
    // Make the stamp visibly old, then edit the row by hand.
    await type(cell('Updated By', 2), 'someone@else.example');
    expect(sheetRow(2)[col('Updated By')]).toBe('someone@else.example'); // typing into the stamp itself is kept
    await type(cell('Notes', 2), 'vendor agreed by phone');
    const row = sheetRow(2);
    expect(row[col('Updated By')]).not.toBe('someone@else.example');
    expect(String(row[col('Updated At')])).toMatch(/^\d{4}-\d{2}-\d{2}/);
    await type(cell('Notes', 5), 'a note on an empty row');
    expect(sheetRow(5)?.[col('Updated At')] ?? '').toBe('');
  });
});
