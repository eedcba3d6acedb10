// Set up workbook through the built bundle in the local runtime: creates every tab of DESIGN §3
// with headers, formats, validation, protection, overdue highlighting and the edit trigger;
// a second run changes nothing; existing data is never moved or deleted.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Runtime } from '../../dev/runtime';
import { AUDIT_HEADERS, CASE_HEADERS, TAB, VENDOR_HEADERS } from '../../src/sheets/layout';

jest.setTimeout(120000);
const BUNDLE = path.resolve(__dirname, '../../dist/Code.js');
const ready = existsSync(BUNDLE) && readFileSync(BUNDLE, 'utf8').includes('function setupWorkbook()');
const d = ready ? describe : describe.skip;

let rt: Runtime;
afterEach(async () => rt.close());

/** Everything setup could touch, as JSON: values, styles, validation, protections, rules, frozen rows. */
function snapshot(): string {
  const m = rt.workbook as any;
  return JSON.stringify({
    sheets: m.sheetNames().map((name: string) => {
      const s = m.sheetByName(name);
      return { name, rows: s.rows, frozen: s.frozenRows, cf: s.cfRules, maxRows: s.maxRows, maxCols: s.maxCols };
    }),
    protections: m.protections,
    triggers: rt.triggers.list().length,
  });
}

d('setupWorkbook', () => {
  it('creates the tabs with headers, validation, protection, highlighting and one edit trigger', async () => {
    rt = await Runtime.open({});
    const r = await rt.run('setupWorkbook');
    expect((r.value as any).created).toEqual(expect.arrayContaining(Object.values(TAB)));
    expect((r.value as any).triggerCreated).toBe(true);
    const m = rt.workbook as any;
    expect(rt.workbook.readValues('Cases')[0]).toEqual([...CASE_HEADERS]);
    expect(rt.workbook.readValues('Vendors')[0]).toEqual([...VENDOR_HEADERS]);
    expect(rt.workbook.readValues('Audit Log')[0]).toEqual([...AUDIT_HEADERS]);
    const cases = m.sheetByName('Cases');
    expect(cases.frozenRows).toBe(1);
    expect(cases.cfRules).toHaveLength(1);
    // Order # is plain text, so a typed 004512 keeps its zeros; Status takes only its list.
    expect((await rt.userEdit('Cases', 'C2', '004512')).ok).toBe(true);
    expect(rt.workbook.readValues('Cases')[1][2]).toBe('004512');
    expect((await rt.userEdit('Cases', 'K2', 'Paid')).ok).toBe(false);
    expect((await rt.userEdit('Cases', 'I2', '-5')).ok).toBe(false);
    expect((await rt.userEdit('Cases', 'G2', 'Wrong item')).ok).toBe(true);
    expect((await rt.userEdit('Cases', 'G3', 'Because')).ok).toBe(false);
    expect(rt.triggers.list().filter((t: any) => t.handler === 'onCasesEdit')).toHaveLength(1);
    const settings = rt.workbook.readValues('Settings');
    expect(settings.map((row) => row[0])).toEqual(expect.arrayContaining(['Base Currency', 'Default SLA Days', 'Fee Tolerance %', 'FX Tolerance %', 'Date Window Days']));
  });

  it('a new spreadsheet gets the log first, readable column widths, and lands on Cases', async () => {
    rt = await Runtime.open({});
    const r = await rt.run('setupWorkbook', [], { kind: 'menu' });
    const m = rt.workbook as any;
    // Cases first and Settings last; the empty default Sheet1 is gone (see the tests below).
    expect(m.sheetNames()).toEqual(['Cases', 'Vendors', 'Evidence', 'Journal', 'Vendor Scorecard', 'Audit Log', 'Settings']);
    expect(m.activeSheet().name).toBe('Cases');
    const cases = m.sheetByName('Cases');
    const width = (h: string) => cases.colWidths[CASE_HEADERS.indexOf(h as any) + 1] ?? 100;
    expect(width('Expected Completion')).toBeGreaterThanOrEqual(140);
    expect(width('Notes')).toBeGreaterThanOrEqual(200);
    expect(m.sheetByName('Audit Log').colWidths[AUDIT_HEADERS.indexOf('Time') + 1]).toBeGreaterThanOrEqual(170);
    const toast = r.events.find((e: any) => e.type === 'toast') as any;
    expect(toast.message).toMatch(/Log a refund/);
    // People's widths are theirs: a re-run leaves a changed width alone.
    cases.colWidths[CASE_HEADERS.indexOf('Notes') + 1] = 333;
    await rt.run('setupWorkbook', [], { kind: 'menu' });
    expect(cases.colWidths[CASE_HEADERS.indexOf('Notes') + 1]).toBe(333);
  });

  it('removes a new spreadsheet\'s empty Sheet1 once the tabs exist', async () => {
    rt = await Runtime.open({});
    expect(rt.workbook.sheetNames()).toEqual(['Sheet1']);
    const r = await rt.run('setupWorkbook');
    expect(rt.workbook.sheetNames()).not.toContain('Sheet1');
    expect((r.value as any).changed).toContain('Sheet1: removed (it was empty)');
    expect(r.calls['Spreadsheet.deleteSheet']).toBe(1);
  });

  it('keeps a Sheet1 with anything in it: a value far down, a formula, a note', async () => {
    for (const fill of [
      (s: any) => rt.workbook.writeInput(s, 900, 20, 'mine'),
      (s: any) => rt.workbook.writeInput(s, 1, 1, '=1+1'),
      (s: any) => ((s.ensureRow(3).n ??= [])[1] = 'ask Ann'),
    ]) {
      rt = await Runtime.open({});
      fill(rt.workbook.sheetByName('Sheet1'));
      const r = await rt.run('setupWorkbook');
      expect(rt.workbook.sheetNames()[0]).toBe('Sheet1');
      expect((r.value as any).changed).not.toContain('Sheet1: removed (it was empty)');
      await rt.close();
    }
    rt = await Runtime.open({});
  });

  it('leaves an empty Sheet1 alone on a later run (the log was there already)', async () => {
    rt = await Runtime.open({});
    await rt.run('setupWorkbook');
    rt.workbook.addSheet('Sheet1');
    const r = await rt.run('setupWorkbook');
    expect(rt.workbook.sheetNames()).toContain('Sheet1');
    expect(r.value).toEqual({ created: [], changed: [], triggerCreated: false });
  });

  it('changes nothing on a second run', async () => {
    rt = await Runtime.open({});
    await rt.run('setupWorkbook');
    const before = snapshot();
    const r = await rt.run('setupWorkbook');
    expect(r.value).toEqual({ created: [], changed: [], triggerCreated: false });
    expect(snapshot()).toBe(before);
    const writes = Object.keys(r.calls).filter((k) => /\.(set|insert|protect|create|delete|clear|append)/.test(k));
    expect(writes).toEqual([]);
  });

  it('creates the edit trigger once per document, even when another user runs setup', async () => {
    rt = await Runtime.open({});
    await rt.run('setupWorkbook', [], { user: 'owner@example.com' });
    const other = await rt.run('setupWorkbook', [], { user: 'clerk2@example.com' });
    expect((other.value as any).triggerCreated).toBe(false);
    expect(rt.triggers.list().filter((t: any) => t.handler === 'onCasesEdit')).toHaveLength(1);
  });

  it('repairs a removed tab and a missing header without moving or deleting data', async () => {
    rt = await Runtime.open({});
    await rt.run('setupWorkbook');
    await rt.run('addVendor', [{ vendorId: 'V1', name: 'Alpha' }], { kind: 'script-run' });
    const logged = await rt.run('logCase', [{ vendorId: 'V1', orderNo: '7', amount: '1', currency: 'USD', reason: 'Other', requestId: 'x' }], { kind: 'script-run' });
    const m = rt.workbook as any;
    m.sheets.splice(m.sheets.indexOf(m.sheetByName('Journal')), 1);
    const casesBefore = JSON.stringify(rt.workbook.readValues('Cases'));
    const r = await rt.run('setupWorkbook');
    expect((r.value as any).created).toEqual(['Journal']);
    expect(JSON.stringify(rt.workbook.readValues('Cases'))).toBe(casesBefore);
    expect((logged.value as any).caseId).toBe('RC-000001');
    const again = await rt.run('setupWorkbook');
    expect(again.value).toEqual({ created: [], changed: [], triggerCreated: false });
    // A person's own column stays; a header someone cleared on Vendors is appended, data kept.
    const vendors = m.sheetByName('Vendors');
    m.writeInput(vendors, 1, 8, '');
    m.writeInput(vendors, 1, 10, 'Buyer');
    m.writeInput(vendors, 2, 10, 'Ann');
    const repaired = await rt.run('setupWorkbook');
    expect((repaired.value as any).changed).toEqual(['Vendors: added columns Aliases', 'Vendors: format of Aliases']);
    const header = rt.workbook.readValues('Vendors')[0];
    expect(header.slice(9, 11)).toEqual(['Buyer', 'Aliases']);
    expect(rt.workbook.readValues('Vendors')[1][9]).toBe('Ann');
    expect(rt.workbook.readValues('Vendors')[1][0]).toBe('V1');
  });
});
