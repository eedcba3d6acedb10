// Accounting through the built bundle (dist/Code.js) in the local Apps Script runtime: cases
// logged and moved to Agreed, a write-off, an amount corrected after posting, a reconciled demo
// month (receipts from Matches and the Stmt tabs), then postJournal (a second run posts
// nothing) and exportJournal in every format (a re-export exports nothing; an unknown format
// writes nothing); the same service calls for a small and a larger workbook.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { Runtime } from '../../dev/runtime';
import { seedInto } from '../../dev/demo/seed';
import { addDays } from '../../src/domain/dates';
import { EXPORT_FORMATS } from '../../src/domain/accounting';
import { ACCOUNTING_SETTINGS } from '../../src/domain/accounting/accounts';
import { CASE_HEADERS, JOURNAL_HEADERS } from '../../src/sheets/layout';

jest.setTimeout(300000);
const BUNDLE = path.resolve(__dirname, '../../dist/Code.js');
const ready = existsSync(BUNDLE) && readFileSync(BUNDLE, 'utf8').includes('function postJournal()');
if (!ready) console.warn('accounting integration tests skipped: dist/Code.js has no postJournal (run npm run build)');
const d = ready ? describe : describe.skip;

const J = (h: (typeof JOURNAL_HEADERS)[number]) => JOURNAL_HEADERS.indexOf(h);
const C = (h: (typeof CASE_HEADERS)[number]) => CASE_HEADERS.indexOf(h);
const call = async <T = any>(rt: Runtime, fn: string, args: unknown[] = []) => (await rt.run(fn, args, { kind: 'script-run' })).value as T;
const b64 = (t: string) => Buffer.from(t, 'utf8').toString('base64');
const cents = (v: unknown) => (v === '' || v === null || v === undefined ? 0 : Math.round(Number(v) * 100));

function journal(rt: Runtime): unknown[][] {
  return rt.workbook.readValues('Journal').slice(1).filter((r) => r.some((c) => c !== ''));
}

/** Journal rows grouped by Journal Ref; each must balance to the cent. */
function entries(rt: Runtime): Map<string, unknown[][]> {
  const out = new Map<string, unknown[][]>();
  for (const r of journal(rt)) {
    const ref = String(r[J('Journal Ref')]);
    if (!out.has(ref)) out.set(ref, []);
    out.get(ref)!.push(r);
  }
  return out;
}

function expectBalanced(rt: Runtime): void {
  for (const [ref, rows] of entries(rt)) {
    const dr = rows.reduce((n, r) => n + cents(r[J('Debit')]), 0);
    const cr = rows.reduce((n, r) => n + cents(r[J('Credit')]), 0);
    expect([ref, dr]).toEqual([ref, cr]);
    expect(rows.length).toBeGreaterThanOrEqual(2);
  }
}

function caseRow(rt: Runtime, caseId: string): unknown[] {
  return rt.workbook.readValues('Cases').find((r) => r[0] === caseId)!;
}

async function setSetting(rt: Runtime, key: string, value: string): Promise<void> {
  const row = rt.workbook.readValues('Settings').findIndex((r) => r[0] === key) + 1;
  expect(row).toBeGreaterThan(0);
  const edit = await rt.userEdit('Settings', `B${row}`, value);
  expect(edit.ok).toBe(true);
}

const mail = { type: 'Vendor correspondence', name: 'vendor-ok.txt', mimeType: 'text/plain', contentBase64: b64('We agree to refund.') };

async function agreedCase(rt: Runtime, vendorId: string, orderNo: string, amount: string, currency: string): Promise<string> {
  const c = await call(rt, 'logCase', [{ vendorId, orderNo, amount, currency, reason: 'Damaged goods', requestId: `req-${orderNo}`, evidence: [mail] }]);
  await call(rt, 'changeStatus', [c.caseId, 'Requested', '']);
  await call(rt, 'changeStatus', [c.caseId, 'Agreed', '']);
  return c.caseId;
}

/** Alerts the add-on showed (the runtime's UI answers OK). */
const alerts: { title?: string; prompt?: string }[] = [];
const ui = { emit: () => undefined, ask: async (r: any) => (alerts.push(r), { button: 'OK', text: '' }) };

async function fresh(): Promise<{ rt: Runtime; today: string }> {
  const rt = await Runtime.open({ executionLimitMs: 240000, ui } as any);
  await rt.run('setupWorkbook');
  await call(rt, 'addVendor', [{ vendorId: 'V1', name: 'Shenzhen Bright LED', defaultCurrency: 'CNY' }]);
  await call(rt, 'addVendor', [{ vendorId: 'V2', name: '=Beta Supplies' }]);
  const today = (await call<{ today: string }>(rt, 'getFormOptions')).today;
  await rt.userEdit('Settings', 'E2', 'CNY');
  await rt.userEdit('Settings', 'F2', '0.14');
  await rt.userEdit('Settings', 'G2', addDays(today, -30));
  return { rt, today };
}

d('setup adds the accounting settings and the Journal columns', () => {
  let rt: Runtime;
  afterEach(async () => rt && (await rt.close()));

  it('a new workbook has every accounting setting and the 17 Journal columns, fitted', async () => {
    rt = await Runtime.open({});
    await rt.run('setupWorkbook');
    expect(rt.workbook.readValues('Journal')[0]).toEqual([...JOURNAL_HEADERS]);
    expect((rt.workbook as any).sheetByName('Journal').maxCols).toBe(JOURNAL_HEADERS.length);
    const settings = rt.workbook.readValues('Settings');
    for (const a of ACCOUNTING_SETTINGS) expect(settings.find((r) => r[0] === a.key)?.[1]).toBe(a.value);
    // Account codes stay text ('0100' would keep its zero).
    expect(settings.find((r) => r[0] === 'Account Code: Bank')?.[1]).toBe('1000');
    const again = await rt.run('setupWorkbook');
    expect(again.value).toEqual({ created: [], changed: [], triggerCreated: false });
  });

  it('an older workbook (11-column Journal, no accounting settings) gets them appended, values and data kept', async () => {
    rt = await Runtime.open({});
    await rt.run('setupWorkbook');
    const m = rt.workbook as any;
    // Make it look like a workbook set up before accounting: an 11-column Journal with a row, no accounting rows in Settings.
    const jsheet = m.sheetByName('Journal');
    const settingsBefore = rt.workbook.readValues('Settings');
    const firstAccounting = settingsBefore.findIndex((r) => r[0] === ACCOUNTING_SETTINGS[0].key);
    for (let r = firstAccounting + 1; r <= settingsBefore.length; r++) for (const c of [1, 2, 3]) m.writeInput(m.sheetByName('Settings'), r, c, '');
    for (let c = 12; c <= 17; c++) m.writeInput(jsheet, 1, c, '');
    jsheet.maxCols = 11;
    m.writeInput(m.sheetByName('Settings'), 2, 2, 'EUR'); // a value people typed
    m.writeInput(m.sheetByName('Settings'), firstAccounting + 1, 1, 'Account: AP-vendor'); // typed with a plain hyphen
    m.writeInput(m.sheetByName('Settings'), firstAccounting + 1, 2, 'Trade Creditors');
    m.writeInput(jsheet, 2, 1, 'OLD-1');
    const r = await rt.run('setupWorkbook');
    const changed = (r.value as any).changed as string[];
    expect(changed).toContain(`Journal: added columns ${JOURNAL_HEADERS.slice(11).join(', ')}`);
    expect(changed.find((c) => c.startsWith('Settings: added'))).toBeTruthy();
    expect(changed.find((c) => c.startsWith('Settings: added'))).not.toMatch(/Account: AP–vendor/);
    expect(rt.workbook.readValues('Journal')[0]).toEqual([...JOURNAL_HEADERS]);
    expect(rt.workbook.readValues('Journal')[1][0]).toBe('OLD-1');
    const settings = rt.workbook.readValues('Settings');
    expect(settings[1][1]).toBe('EUR');
    expect(settings.filter((row) => /^Account: AP.vendor$/.test(String(row[0])))).toHaveLength(1);
    expect(settings.find((row) => row[0] === 'Account: AP-vendor')?.[1]).toBe('Trade Creditors');
    for (const a of ACCOUNTING_SETTINGS.filter((x) => x.key !== 'Account: AP–vendor')) expect(settings.some((row) => row[0] === a.key)).toBe(true);
    const again = await rt.run('setupWorkbook');
    expect(again.value).toEqual({ created: [], changed: [], triggerCreated: false });
  });
});

d('postJournal', () => {
  let rt: Runtime;
  let today: string;
  let agreed: string;
  let logged: string;
  beforeAll(async () => {
    ({ rt, today } = await fresh());
    agreed = await agreedCase(rt, 'V1', 'SZ-1001', '100.00', 'CNY');
    const l = await call(rt, 'logCase', [{ vendorId: 'V2', orderNo: 'B-7', amount: '40.00', currency: 'USD', reason: 'Wrong item', requestId: 'req-b7' }]);
    logged = l.caseId;
  });
  afterAll(async () => rt && (await rt.close()));

  it('posts the vendor credit of the Agreed case (Dr AP–vendor / Cr Purchase returns) and fills its Journal Ref', async () => {
    const r = await rt.run('postJournal', [], { kind: 'script-run' });
    const v = r.value as any;
    expect(v.posted).toEqual({ CREDIT_AGREED: 1, REFUND_RECEIVED: 0, WRITE_OFF: 0, REVERSAL: 0 });
    expect(v.problems).toEqual([]);
    expect(v.refs).toEqual([`VC-${agreed}-AGREED`]);
    const rows = journal(rt);
    expect(rows).toHaveLength(2);
    const [dr, cr] = rows;
    expect(dr[J('Account')]).toBe('Accounts Payable');
    expect(dr[J('Debit')]).toBe(14);
    expect(cr[J('Account')]).toBe('Purchase Returns and Allowances');
    expect(cr[J('Credit')]).toBe(14);
    expect(dr[J('Original Amount')]).toBe(100);
    expect(dr[J('Original Currency')]).toBe('CNY');
    expect(dr[J('FX Rate')]).toBe('0.14');
    expect(dr[J('Account Code')]).toBe('2000');
    expect(dr[J('Vendor ID')]).toBe('V1');
    expect(dr[J('Exported Batch')]).toBe('');
    // Dates are real dates in the sheet, shown as YYYY-MM-DD.
    expect(caseRow(rt, agreed)[C('Journal Ref')]).toBe(`VC-${agreed}-AGREED`);
    expect(caseRow(rt, logged)[C('Journal Ref')]).toBe('');
    const audit = rt.workbook.readValues('Audit Log').slice(1);
    expect(audit.filter((a) => a[4] === 'journal posted' && a[3] === agreed).map((a) => a[5])).toEqual([`VC-${agreed}-AGREED`, 'Journal Ref']);
    const toast = r.events.find((e: any) => e.type === 'toast') as any;
    expect(toast.message).toMatch(/^Posted 1 entry \(2 lines\) for 1 case: 1 vendor credit agreed\.$/);
    expectBalanced(rt);
  });

  it('a second run posts nothing and writes nothing', async () => {
    const before = JSON.stringify([journal(rt), rt.workbook.readValues('Cases'), rt.workbook.readValues('Audit Log')]);
    const r = await rt.run('postJournal', [], { kind: 'script-run' });
    expect((r.value as any).entries).toBe(0);
    expect((r.value as any).message).toMatch(/^Nothing new to post/);
    expect(r.calls['Range.setValues'] ?? 0).toBe(0);
    expect(JSON.stringify([journal(rt), rt.workbook.readValues('Cases'), rt.workbook.readValues('Audit Log')])).toBe(before);
  });

  it('an amount corrected after posting: the posted entry is reversed and a second version posted', async () => {
    await call(rt, 'updateCase', [agreed, { amount: '150.00' }]);
    const v = await call(rt, 'postJournal');
    expect(v.refs).toEqual([`VC-${agreed}-AGREED-R1`, `VC-${agreed}-AGREED-2`]);
    expect(v.posted).toMatchObject({ REVERSAL: 1, CREDIT_AGREED: 1 });
    const e = entries(rt);
    const rev = e.get(`VC-${agreed}-AGREED-R1`)!;
    expect(rev.map((r) => [r[J('Account')], cents(r[J('Debit')]), cents(r[J('Credit')])]).sort()).toEqual([
      ['Accounts Payable', 0, 1400],
      ['Purchase Returns and Allowances', 1400, 0],
    ]);
    expect(String(rev[0][J('Memo')])).toMatch(/Reversal of .*amount or currency corrected/);
    const v2 = e.get(`VC-${agreed}-AGREED-2`)!;
    expect(cents(v2[0][J('Debit')])).toBe(2100);
    // The original rows are untouched.
    expect(cents(e.get(`VC-${agreed}-AGREED`)![0][J('Debit')])).toBe(1400);
    expect(caseRow(rt, agreed)[C('Journal Ref')]).toBe(`VC-${agreed}-AGREED-2`);
    expectBalanced(rt);
    expect((await call(rt, 'postJournal')).entries).toBe(0);
  });

  it('a write-off posts Dr Write-off / Cr AP–vendor on the day it was written off, with the reason', async () => {
    const w = await agreedCase(rt, 'V2', 'B-9', '25.00', 'USD');
    await call(rt, 'changeStatus', [w, 'Written off', 'vendor closed its shop']);
    const v = await call(rt, 'postJournal');
    expect(v.refs).toEqual([`VC-${w}-AGREED`, `VC-${w}-WRITEOFF`]);
    const wo = entries(rt).get(`VC-${w}-WRITEOFF`)!;
    expect(wo.map((r) => [r[J('Account')], cents(r[J('Debit')]), cents(r[J('Credit')])]).sort()).toEqual([
      ['Accounts Payable', 0, 2500],
      ['Bad Debt', 2500, 0],
    ]);
    expect(String(wo[0][J('Memo')])).toContain('vendor closed its shop');
    expect(caseRow(rt, w)[C('Journal Ref')]).toBe(`VC-${w}-AGREED, VC-${w}-WRITEOFF`);
    expectBalanced(rt);
  });

  it('a case with a problem posts nothing and is named with its field; the others post', async () => {
    // EUR has no FX rate in Settings.
    const eur = await agreedCase(rt, 'V2', 'B-10', '10.00', 'EUR');
    const usd = await agreedCase(rt, 'V2', 'B-11', '12.00', 'USD');
    const v = await call(rt, 'postJournal');
    expect(v.refs).toEqual([`VC-${usd}-AGREED`]);
    expect(v.problems).toEqual([expect.objectContaining({ caseId: eur, field: 'rates', where: 'Settings ▸ FX rates', message: expect.stringMatching(/^RC-\d{6}, rates: no FX rate for EUR→USD on \d{4}-\d{2}-\d{2}/) })]);
    expect(v.problems[0].row).toBeGreaterThan(1);
    expect(caseRow(rt, eur)[C('Journal Ref')]).toBe('');
    // The menu shows the problem list in an alert.
    alerts.length = 0;
    await rt.run('runPostJournal', [], { kind: 'menu' });
    const alert = alerts.find((a) => a.title === 'Post to journal');
    expect(JSON.stringify(alert)).toContain(eur);
    expect(JSON.stringify(alert)).toContain('no FX rate for EUR');
  });

  it('a Settings value that cannot be meant refuses the run, naming the setting, and writes nothing', async () => {
    const before = journal(rt).length;
    await setSetting(rt, 'Vendor Credit Account', 'Sales');
    await expect(rt.run('postJournal', [], { kind: 'script-run' })).rejects.toThrow(/Settings ▸ Vendor Credit Account: "Sales" is not one of/);
    expect(journal(rt)).toHaveLength(before);
    await setSetting(rt, 'Vendor Credit Account', 'Inventory');
  });

  it('exports in every format: a file in Drive, the batch marked, a re-export exports nothing', async () => {
    const seen = new Set<string>();
    for (const format of EXPORT_FORMATS) {
      // Something new to export each time: another agreed credit.
      const id = await agreedCase(rt, 'V1', `SZ-${format.replace(/\W/g, '')}`, '50.00', 'CNY');
      await call(rt, 'postJournal');
      await setSetting(rt, 'Export Format', format);
      const r = await rt.run('exportJournal', [], { kind: 'script-run' });
      const v = r.value as any;
      expect(v.format).toBe(format);
      expect(v.batchId).toMatch(new RegExp(`^EXP-${today}-\\d{3}$`));
      expect(seen.has(v.batchId)).toBe(false);
      seen.add(v.batchId);
      expect(v.refs).toContain(`VC-${id}-AGREED`);
      expect(v.file.folderName).toMatch(/^Refund Case Log exports – /);
      const text = rt.drive.readText(v.file.fileId);
      expect(text.length).toBeGreaterThan(0);
      expect(text).toMatch(format === 'IIF' ? /GENERAL JOURNAL/ : new RegExp(id.replace('-', '-?')));
      // Every row of the exported refs carries the batch, nothing else does.
      for (const row of journal(rt)) {
        const ref = String(row[J('Journal Ref')]);
        if (v.refs.includes(ref)) expect(row[J('Exported Batch')]).toBe(v.batchId);
        else expect(row[J('Exported Batch')]).not.toBe(v.batchId);
      }
      const again = await call(rt, 'exportJournal');
      expect(again.entries).toBe(0);
      expect(again.file).toBeNull();
      expect(again.message).toMatch(/^Nothing to export/);
    }
    // Every entry is exported once.
    expect(journal(rt).every((r) => String(r[J('Exported Batch')]).startsWith(`EXP-${today}-`))).toBe(true);
    const audit = rt.workbook.readValues('Audit Log').slice(1).filter((a) => a[4] === 'journal exported');
    expect(audit).toHaveLength(EXPORT_FORMATS.length);
  });

  it('the menu item shows a dialog with the file link', async () => {
    await agreedCase(rt, 'V2', 'B-20', '5.00', 'USD');
    await call(rt, 'postJournal');
    await setSetting(rt, 'Export Format', 'Generic CSV');
    const r = await rt.run('runExportJournal', [], { kind: 'menu' });
    const dialog = r.events.find((e: any) => /dialog/i.test(e.type)) as any;
    expect(dialog).toBeTruthy();
    expect(JSON.stringify(dialog)).toContain('https://drive.google.com/file/d/');
  });

  it('an unknown Export Format errors, naming the setting and the formats, and writes nothing', async () => {
    await agreedCase(rt, 'V2', 'B-21', '6.00', 'USD');
    await call(rt, 'postJournal');
    await setSetting(rt, 'Export Format', 'Sage 50');
    const before = JSON.stringify([journal(rt), rt.workbook.readValues('Audit Log')]);
    const files = rt.drive.all('file').length;
    await expect(rt.run('exportJournal', [], { kind: 'script-run' })).rejects.toThrow(
      /^Settings ▸ Export Format: "Sage 50" is not a format the add-on can write\. Use one of: Generic CSV, Xero, QuickBooks Online, IIF, beancount, hledger\./,
    );
    expect(JSON.stringify([journal(rt), rt.workbook.readValues('Audit Log')])).toBe(before);
    expect(rt.drive.all('file').length).toBe(files);
    await setSetting(rt, 'Export Format', 'Generic CSV');
  });
});

d('menu', () => {
  it('onOpen adds Accounting ▸ Post to journal / Export journal… after Reconcile', async () => {
    const rt = await Runtime.open({});
    try {
      const r = await rt.run('onOpen', [], { kind: 'simple-trigger' });
      const menu = (r.events.find((e) => e.type === 'menu') as any).menu;
      const subs = menu.items.filter((i: any) => i.kind === 'submenu');
      expect(subs.map((m: any) => m.caption)).toEqual(['Reconcile', 'Accounting']);
      expect(subs[1].items.map((i: any) => [i.caption, i.functionName])).toEqual([['Post to journal', 'runPostJournal'], ['Export journal…', 'runExportJournal']]);
    } finally {
      await rt.close();
    }
  });
});

d('postJournal after a reconciliation', () => {
  let rt: Runtime;
  beforeAll(async () => {
    rt = await Runtime.open({ executionLimitMs: 240000 });
    await seedInto(rt, { cases: 60, today: '2026-12-03' });
  });
  afterAll(async () => rt && (await rt.close()));

  it('posts refund-received entries from the matched statement lines, balanced, and a second run adds nothing', async () => {
    const v = await call(rt, 'postJournal');
    expect(v.posted.REFUND_RECEIVED).toBeGreaterThan(0);
    expect(v.posted.CREDIT_AGREED).toBeGreaterThan(0);
    expectBalanced(rt);
    const e = entries(rt);
    const received = [...e.keys()].filter((k) => /-RECEIVED-L[0-9a-f]{16}$/.test(k));
    expect(received.length).toBe(v.posted.REFUND_RECEIVED);
    // Each E3 debits the bank and credits the vendor's payable; its Source Ref is the statement line.
    for (const ref of received) {
      const rows = e.get(ref)!;
      expect(rows.some((r) => r[J('Account Role')] === 'BANK' && cents(r[J('Debit')]) > 0)).toBe(true);
      expect(rows.some((r) => r[J('Account Role')] === 'AP_VENDOR' && cents(r[J('Credit')]) > 0)).toBe(true);
      expect(ref.endsWith(String(rows[0][J('Source Ref')]))).toBe(true);
    }
    // A reconciled case's Journal Ref lists its credit and its receipts.
    const reconciled = rt.workbook.readValues('Cases').slice(1).find((r) => r[C('Status')] === 'Reconciled' && String(r[C('Journal Ref')]).includes('RECEIVED'));
    expect(reconciled).toBeTruthy();
    for (const p of v.problems) expect(p.message).toContain(p.caseId);
    const second = await rt.run('postJournal', [], { kind: 'script-run' });
    expect((second.value as any).entries).toBe(0);
    expect(second.calls['Range.setValues'] ?? 0).toBe(0);
  });

  it('an imported case unmatched and matched again: only its receipt is reversed and re-posted; the vendor credit keeps its date and rate', async () => {
    // The demo's cases are imported as Agreed (no move to Agreed in the Audit Log), so a
    // reconciled one got its E1 dated by its receipt. Unmatching it once re-dated that E1 to
    // the import day (a later month, another rate), and matching it again kept the new date.
    await call(rt, 'postJournal');
    const e = entries(rt);
    const matches = rt.workbook.readValues('Matches');
    const M = (h: string) => matches[0].indexOf(h);
    const single = matches.slice(1).find((m) => {
      const id = String(m[M('Case ID')]);
      return caseRow(rt, id)[C('Status')] === 'Reconciled' && matches.filter((x) => x[M('Case ID')] === id).length === 1 && e.has(`VC-${id}-AGREED`);
    })!;
    expect(single).toBeTruthy();
    const [caseId, lineId, month] = [String(single[M('Case ID')]), String(single[M('Line ID')]), String(single[M('Month')])];
    const e1 = e.get(`VC-${caseId}-AGREED`)!;
    expect(e1[0][J('Date')]).toEqual(e.get(`VC-${caseId}-RECEIVED-${lineId}`)![0][J('Date')]);

    await call(rt, 'unmatch', [{ month, caseId, lineId }]);
    const off = await call(rt, 'postJournal');
    expect(off.problems).toEqual([]);
    expect(off.refs).toEqual([`VC-${caseId}-RECEIVED-${lineId}-R1`]);

    await call(rt, 'manualMatch', [{ month, caseId, lineIds: [lineId] }]);
    const on = await call(rt, 'postJournal');
    expect(on.problems).toEqual([]);
    expect(on.refs).toEqual([`VC-${caseId}-RECEIVED-${lineId}-2`]);
    expect(entries(rt).get(`VC-${caseId}-AGREED`)).toEqual(e1);
    expect(caseRow(rt, caseId)[C('Journal Ref')]).toBe(`VC-${caseId}-AGREED, VC-${caseId}-RECEIVED-${lineId}-2`);
    expectBalanced(rt);
  });
});

d('postJournal service calls do not grow with the workbook', () => {
  async function calls(n: number): Promise<Record<string, number>> {
    const { rt, today } = await fresh();
    try {
      const head = ['Date Logged', 'Order #', 'Vendor ID', 'Reason', 'Refund Amount', 'Currency', 'Status'];
      const rows = Array.from({ length: n }, (_, i) => [addDays(today, -10), `ORD-${i}`, i % 2 ? 'V1' : 'V2', 'Damaged goods', `${10 + i}.00`, i % 2 ? 'CNY' : 'USD', i % 3 ? 'Agreed' : 'Requested']);
      await call(rt, 'importCases', [{ csv: [head, ...rows].map((r) => r.join(',')).join('\n') }]);
      const r = await rt.run('postJournal', [], { kind: 'script-run' });
      expect((r.value as any).entries).toBeGreaterThan(0);
      expect((r.value as any).problems).toEqual([]);
      return r.calls;
    } finally {
      await rt.close();
    }
  }

  it('is the same for 6 and 60 cases', async () => {
    const small = await calls(6);
    const large = await calls(60);
    expect(large).toEqual(small);
    expect(small['Range.setValues']).toBeLessThanOrEqual(4); // Cases (2 spans), Journal, Audit Log
  });
});

d('from a new-user trial', () => {
  let rt: Runtime;
  let today: string;
  beforeAll(async () => {
    ({ rt, today } = await fresh());
  });
  afterAll(async () => rt && (await rt.close()));

  const importCsv = async (rows: string[][]) => {
    const head = ['Date Logged', 'Order #', 'Vendor ID', 'Reason', 'Refund Amount', 'Currency', 'Status'];
    return call<{ firstCaseId: string; lastCaseId: string; imported: number }>(rt, 'importCases', [{ csv: [head, ...rows].map((r) => r.join(',')).join('\n') }]);
  };

  it('a case imported as Requested and later Written off posts nothing, as a sidebar case on that path; one imported as Agreed gets its credit and write-off', async () => {
    const never = (await importCsv([[addDays(today, -20), 'IMP-1', 'V2', 'Damaged goods', '374.33', 'USD', 'Requested']])).firstCaseId;
    const agreedImport = (await importCsv([[addDays(today, -20), 'IMP-2', 'V2', 'Damaged goods', '12.00', 'USD', 'Agreed']])).firstCaseId;
    const l = await call(rt, 'logCase', [{ vendorId: 'V2', orderNo: 'SB-1', amount: '374.33', currency: 'USD', reason: 'Wrong item', requestId: 'req-sb1' }]);
    await call(rt, 'changeStatus', [l.caseId, 'Requested', '']);
    for (const id of [never, agreedImport, l.caseId]) await call(rt, 'changeStatus', [id, 'Written off', 'vendor stopped answering']);
    const v = await call(rt, 'postJournal');
    expect(v.problems).toEqual([]);
    expect(v.refs).toEqual([`VC-${agreedImport}-AGREED`, `VC-${agreedImport}-WRITEOFF`]);
    expect(caseRow(rt, never)[C('Journal Ref')]).toBe('');
    expect(caseRow(rt, l.caseId)[C('Journal Ref')]).toBe('');
  });

  it('nothing new but a case with a problem: one coherent message', async () => {
    await agreedCase(rt, 'V2', 'EUR-1', '10.00', 'EUR'); // no EUR rate in Settings
    await call(rt, 'postJournal');
    const v = await call(rt, 'postJournal');
    expect(v.entries).toBe(0);
    expect(v.message).toBe('Nothing new to post. 1 case could not be posted (see the list).');
  });

  it('Xero over 300 lines: several files of at most 300 lines in one batch, every file in Drive, nothing "left out"', async () => {
    await setSetting(rt, 'Export Format', 'Generic CSV');
    await call(rt, 'exportJournal'); // what is already posted
    const rows = Array.from({ length: 160 }, (_, i) => [addDays(today, -10), `X-${i}`, 'V2', 'Damaged goods', `${10 + i}.00`, 'USD', 'Agreed']);
    await importCsv(rows);
    const posted = await call(rt, 'postJournal');
    expect(posted.lines).toBe(320);
    await setSetting(rt, 'Export Format', 'Xero');
    const files = rt.drive.all('file').length;
    const r = await rt.run('exportJournal', [], { kind: 'script-run' });
    const v = r.value as any;
    expect(v.warnings).toEqual([]);
    expect(v.message).not.toMatch(/left out/);
    expect(v.entries).toBe(160);
    expect(v.files.map((f: any) => f.name)).toEqual([1, 2].map((i) => `${v.batchId}-xero-manual-journal-part-${i}-of-2.csv`));
    expect(v.file.name).toBe(v.files[0].name);
    expect(rt.drive.all('file').length).toBe(files + 2);
    let lines = 0;
    for (const f of v.files) {
      const n = rt.drive.readText(f.fileId).trim().split(/\r?\n/).length - 1;
      expect(n).toBeLessThanOrEqual(300);
      lines += n;
    }
    expect(lines).toBe(320);
    const batches = new Set(journal(rt).filter((row) => v.refs.includes(String(row[J('Journal Ref')]))).map((row) => row[J('Exported Batch')]));
    expect([...batches]).toEqual([v.batchId]);
    expect(journal(rt).every((row) => row[J('Exported Batch')] !== '')).toBe(true);
    const audit = rt.workbook.readValues('Audit Log').slice(1).filter((a) => a[4] === 'journal exported' && a[5] === v.batchId);
    expect(audit).toHaveLength(1);
    // From the menu, the dialog lists every file.
    await importCsv(Array.from({ length: 151 }, (_, i) => [addDays(today, -10), `Y-${i}`, 'V2', 'Damaged goods', `${10 + i}.00`, 'USD', 'Agreed']));
    await call(rt, 'postJournal');
    const menu = await rt.run('runExportJournal', [], { kind: 'menu' });
    const dialog = JSON.stringify(menu.events.find((e: any) => /dialog/i.test(e.type)));
    expect(dialog).toContain('xero-manual-journal-part-1-of-2.csv');
    expect(dialog).toContain('xero-manual-journal-part-2-of-2.csv');
    expect(dialog).toContain('in 2 files');
  });

  it('a blank Export Format writes Generic CSV and says so', async () => {
    await agreedCase(rt, 'V2', 'BL-1', '7.00', 'USD');
    await call(rt, 'postJournal');
    await setSetting(rt, 'Export Format', '');
    const v = await call(rt, 'exportJournal');
    expect(v.format).toBe('Generic CSV');
    expect(v.message).toContain('Export Format is blank: wrote Generic CSV');
    expect(v.notes).toContain('Export Format is blank: wrote Generic CSV');
  });

  it('a case moved to another vendor after export: the reversal clears the first vendor\'s payable, the new version books the second', async () => {
    const id = await agreedCase(rt, 'V2', 'MV-1', '25.00', 'USD');
    await call(rt, 'postJournal');
    await setSetting(rt, 'Export Format', 'Generic CSV');
    await call(rt, 'exportJournal');
    await call(rt, 'updateCase', [id, { vendorId: 'V1' }]);
    expect((await call(rt, 'postJournal')).refs).toEqual([`VC-${id}-AGREED-R1`, `VC-${id}-AGREED-2`]);
    await setSetting(rt, 'Export Format', 'QuickBooks Online');
    const v = await call(rt, 'exportJournal');
    expect(v.refs).toEqual([`VC-${id}-AGREED-R1`, `VC-${id}-AGREED-2`]);
    // QuickBooks Online: the Name on an A/P line is the vendor whose payable the line moves.
    const rows = Papa.parse<string[]>(rt.drive.readText(v.file.fileId).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
    const ap = rows.filter((r) => r[3] === 'Accounts Payable').map((r) => [r[6].split(' ')[0], r[4] ? 'Dr' : 'Cr', r[7]]);
    expect(ap).toEqual([
      [`VC-${id}-AGREED-R1`, 'Cr', "'=Beta Supplies"],
      [`VC-${id}-AGREED-2`, 'Dr', 'Shenzhen Bright LED'],
    ]);
  });
});

d('postJournal: a case marked Received with less money than its credit (from an accountant\'s trial)', () => {
  let rt: Runtime;
  let short: string;
  let fee: string;
  beforeAll(async () => {
    ({ rt } = await fresh());
  });
  afterAll(async () => rt && (await rt.close()));

  /** A case Agreed, marked Received with proof, and a Received Amount (and Currency) typed in the grid. */
  async function receivedTyped(orderNo: string, amount: string, received: string, currency = 'USD', receivedCurrency = ''): Promise<string> {
    const id = await agreedCase(rt, currency === 'USD' ? 'V2' : 'V1', orderNo, amount, currency);
    await call(rt, 'addEvidence', [id, { type: 'Proof of refund', name: `${orderNo}.txt`, mimeType: 'text/plain', contentBase64: b64('bank credit') }]);
    await call(rt, 'changeStatus', [id, 'Received', '']);
    const row = rt.workbook.readValues('Cases').findIndex((r) => r[0] === id) + 1;
    const cell = (h: (typeof CASE_HEADERS)[number]) => `${String.fromCharCode(65 + C(h))}${row}`;
    if (receivedCurrency) expect((await rt.userEdit('Cases', cell('Received Currency'), receivedCurrency)).ok).toBe(true);
    expect((await rt.userEdit('Cases', cell('Received Amount'), received)).ok).toBe(true);
    expect(caseRow(rt, id)[C('Received Amount')]).toBe(Number(received));
    return id;
  }
  const linesOf = (ref: string) => entries(rt).get(ref)!.map((r) => [r[J('Account Role')], cents(r[J('Debit')]), cents(r[J('Credit')])]);

  it('USD 50.00 typed on a USD 100.00 case: Dr Bank 50 / Cr AP–vendor 50, no Bank fees; AP keeps 50.00 open and the message names the case', async () => {
    short = await receivedTyped('SHORT-1', '100.00', '50.00');
    fee = await receivedTyped('FEE-1', '100.00', '99.50');
    const r = await rt.run('postJournal', [], { kind: 'script-run' });
    const v = r.value as any;
    expect(v.problems).toEqual([]);
    expect(v.refs).toEqual([`VC-${short}-AGREED`, `VC-${short}-RECEIVED-MANUAL`, `VC-${fee}-AGREED`, `VC-${fee}-RECEIVED-MANUAL`]);
    expect(linesOf(`VC-${short}-RECEIVED-MANUAL`)).toEqual([['BANK', 5000, 0], ['AP_VENDOR', 0, 5000]]);
    const ap = journal(rt).filter((x) => String(x[J('Case ID')]) === short && x[J('Account Role')] === 'AP_VENDOR').reduce((n, x) => n + cents(x[J('Debit')]) - cents(x[J('Credit')]), 0);
    expect(ap).toBe(5000);
    // Within Settings' fee tolerance (Fee Tolerance Amount 5 USD): the 0.50 is Bank fees, as before.
    expect(linesOf(`VC-${fee}-RECEIVED-MANUAL`)).toEqual([['BANK', 9950, 0], ['BANK_FEES', 50, 0], ['AP_VENDOR', 0, 10000]]);
    expect(journal(rt).filter((x) => String(x[J('Case ID')]) === short && x[J('Account Role')] === 'BANK_FEES')).toEqual([]);
    expectBalanced(rt);
    expect(v.shortPaid).toEqual([expect.objectContaining({ caseId: short, currency: 'USD', amount: '100.00', covered: '50.00', open: '50.00', tolerance: '5.00' })]);
    expect(v.shortPaid[0].row).toBeGreaterThan(1);
    expect(v.message).toBe(`Posted 4 entries (9 lines) for 2 cases: 2 vendor credits agreed, 2 refunds received. 1 case was received short and left open on AP–vendor, not booked as Bank fees: ${short} USD 50.00.`);
    const toast = r.events.find((e: any) => e.type === 'toast') as any;
    expect(toast.message).toBe(v.message);
  });

  it('a second run posts nothing and still says the case is short; the menu lists it with what to do', async () => {
    const r = await rt.run('postJournal', [], { kind: 'script-run' });
    expect((r.value as any).entries).toBe(0);
    expect(r.calls['Range.setValues'] ?? 0).toBe(0);
    expect((r.value as any).message).toBe(`Nothing new to post: the journal already holds every entry the cases call for. 1 case was received short and left open on AP–vendor, not booked as Bank fees: ${short} USD 50.00.`);
    alerts.length = 0;
    await rt.run('runPostJournal', [], { kind: 'menu' });
    const alert = JSON.stringify(alerts.find((a) => a.title === 'Post to journal'));
    expect(alert).toContain('Received short');
    expect(alert).toContain(`${short}: USD 50.00 received of 100.00; USD 50.00 left open on AP–vendor, more than the fee tolerance of USD 5.00 (write it off`);
  });

  it('written off afterwards: the receipt entry stands, the open 50.00 is written off, AP for the case ends at zero', async () => {
    await call(rt, 'changeStatus', [short, 'Written off', 'vendor will not pay the rest']);
    const v = await call(rt, 'postJournal');
    expect(v.refs).toEqual([`VC-${short}-WRITEOFF`]);
    expect(v.shortPaid).toEqual([]);
    expect(linesOf(`VC-${short}-WRITEOFF`)).toEqual([['WRITE_OFF', 5000, 0], ['AP_VENDOR', 0, 5000]]);
    const ap = journal(rt).filter((x) => String(x[J('Case ID')]) === short && x[J('Account Role')] === 'AP_VENDOR').reduce((n, x) => n + cents(x[J('Debit')]) - cents(x[J('Credit')]), 0);
    expect(ap).toBe(0);
    expectBalanced(rt);
  });

  it('converted money typed by a clerk (Received Currency): within the fee and FX tolerance the gap is FX as before; far short, the rest stays open', async () => {
    // CNY 100.00 booked at 0.14 = USD 14.00. USD 13.90 is worth CNY 99.29: FX 0.10. USD 7.00 is worth CNY 50.00 only.
    const near = await receivedTyped('FX-NEAR', '100.00', '13.90', 'CNY', 'USD');
    const far = await receivedTyped('FX-FAR', '100.00', '7.00', 'CNY', 'USD');
    const v = await call(rt, 'postJournal');
    expect(v.problems).toEqual([]);
    expect(linesOf(`VC-${near}-RECEIVED-MANUAL`)).toEqual([['BANK', 1390, 0], ['FX', 10, 0], ['AP_VENDOR', 0, 1400]]);
    expect(linesOf(`VC-${far}-RECEIVED-MANUAL`)).toEqual([['BANK', 700, 0], ['AP_VENDOR', 0, 700]]);
    expect(v.shortPaid).toEqual([expect.objectContaining({ caseId: far, currency: 'CNY', covered: '50.00', open: '50.00' })]);
    expect(v.shortPaid[0].message).toContain('more than the fee and FX tolerance of CNY');
    expectBalanced(rt);
  });
});
