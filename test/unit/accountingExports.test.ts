// The journal exports (research/accounting-formats.md §2, §4, §5): layouts, amounts in the
// currency's minor units, dates, the formula-injection guard, the batch marker; and the
// plain-text ledgers checked by the real `bean-check` and `hledger`.
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import Papa from 'papaparse';
import { Decimal, sum } from '../../src/domain/money';
import {
  EXPORT_FORMATS, LINES_PER_FILE, accountingSettings, exportFormatOf, exportJournal, exportJournalFiles, guardFormula, journalFor,
  type BaseRate, type CaseFacts, type ExportFormat, type JournalEntry,
} from '../../src/domain/accounting';
import { XERO_JOURNAL_HEADER } from '../../src/domain/accounting/exports/xero';

const d = (v: string) => new Decimal(v);
const RATES: BaseRate[] = [
  { currency: 'EUR', rate: d('1.08'), asOf: '2025-03-01' },
  { currency: 'EUR', rate: d('1.089'), asOf: '2025-03-19' },
  { currency: 'JPY', rate: d('0.0067'), asOf: '2025-01-01' },
  { currency: 'KWD', rate: d('3.2543'), asOf: '2025-01-01' },
  { currency: 'CNY', rate: d('0.1383'), asOf: '2025-01-01' },
];
/** The same rates seen from a JPY or KWD base (via USD), for the minor-unit checks. */
const USD_IN: Record<string, string> = { USD: '1', JPY: '149.37', KWD: '0.3071' };
function ratesFor(base: string): BaseRate[] {
  if (base === 'USD') return RATES;
  const usd = d(USD_IN[base]);
  return [{ currency: 'USD', rate: usd, asOf: '2025-01-01' }, ...RATES.filter((r) => r.currency !== base).map((r) => ({ ...r, rate: r.rate.times(usd) }))];
}

const CASES: CaseFacts[] = [
  {
    // research §1.4: EUR credit, USD refund net of a stated fee, FX gain
    caseId: 'RC-000042', status: 'Received', vendorId: 'V-0098', vendorName: 'Acme Supplies Ltd', vendorTag: 'Vendor_AcmeSupplies', orderNo: 'INV-5521',
    amount: d('100.00'), currency: 'EUR', agreedOn: '2025-03-05', creditNoteRef: 'CN-7781', reason: 'Damaged',
    receipts: [{ receiptId: 'L0123456789abcdef', date: '2025-03-19', amount: d('107.40'), currency: 'USD', covers: d('100.00'), fee: d('1.50') }],
  },
  {
    caseId: 'RC-000043', status: 'Written off', vendorId: 'V-0100', vendorName: '深圳明亮灯饰', vendorTag: 'Vendor_ShenzhenBrightLed', amount: d('1500'), currency: 'JPY',
    agreedOn: '2025-03-06', closedOn: '2025-03-30', closeReason: 'vendor closed',
    receipts: [{ receiptId: 'L2', date: '2025-03-20', amount: d('700'), currency: 'JPY', covers: d('701') }],
  },
  { caseId: 'RC-000044', status: 'Agreed', vendorId: 'V-0101', vendorName: 'Kuwait "Parts"; Co | Ltd', amount: d('12.345'), currency: 'KWD', agreedOn: '2025-03-07', receipts: [] },
  {
    caseId: 'RC-000045', status: 'Reconciled', vendorId: 'V-0102', vendorName: 'Guangzhou Textiles', amount: d('300.00'), currency: 'CNY', agreedOn: '2025-03-08',
    receipts: [
      { receiptId: 'A1', date: '2025-03-10', amount: d('100.00'), currency: 'CNY', covers: d('100.00') },
      { receiptId: 'A2', date: '2025-03-21', amount: d('195.00'), currency: 'CNY', covers: d('200.00') },
    ],
  },
];

/** The cases posted, then RC-000044's amount corrected: a reversal and a version 2 are in the batch too. */
function journal(base = 'USD'): JournalEntry[] {
  const settings = accountingSettings({ 'Base Currency': base });
  const rates = ratesFor(base);
  const first = journalFor({ cases: CASES, posted: [], settings, rates, today: '2025-03-31' });
  expect(first.problems).toEqual([]);
  const fix = journalFor({ cases: [{ ...CASES[2], amount: d('10.000') }], posted: first.entries, settings, rates, today: '2025-03-31' });
  expect(fix.problems).toEqual([]);
  expect(fix.entries.map((e) => e.ref)).toEqual(['VC-RC-000044-AGREED-R1', 'VC-RC-000044-AGREED-2']);
  return [...first.entries, ...fix.entries];
}
const USD = accountingSettings({ 'Base Currency': 'USD' });
const BATCH = 'EXP-20250331-01';
const exportOf = (format: ExportFormat, entries = journal(), settings = USD, batchId = BATCH) => exportJournal(format, entries, { batchId, settings });

function csvRows(text: string): string[][] {
  expect(text.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}
const AMOUNT = /^-?\d+(\.\d+)?$/;
const TRIGGER = /^[=+\-@\t\r\n\0]/;

describe('Generic GL CSV (research §2.7)', () => {
  const file = exportOf('Generic CSV');
  const [header, ...rows] = csvRows(file.text);
  const col = (name: string) => header.indexOf(name);

  test('header exactly as research §2.7, BOM, CRLF, one row per line', () => {
    expect(file.text.startsWith('\uFEFFJournalId,LineNo,Date,')).toBe(true);
    expect(header.join(',')).toBe('JournalId,LineNo,Date,EventType,CaseId,VendorId,VendorName,AccountCode,AccountName,Debit,Credit,Currency,FxRate,BaseDebit,BaseCredit,TaxCode,TaxAmount,Reference,OriginalBillRef,Description,SourceRow,ExportBatchId');
    expect(rows).toHaveLength(sum(journal().map((e) => new Decimal(e.lines.length))).toNumber());
    expect(file).toMatchObject({ format: 'Generic CSV', fileName: `${BATCH}-gl.csv`, mimeType: 'text/csv', warnings: [] });
  });

  test('research §1.4 in the canonical layout: original currency beside the base amounts', () => {
    const e3 = rows.filter((r) => r[0] === 'VC-RC-000042-RECEIVED-L0123456789abcdef').map((r) => [r[1], r[3], r[8], r[9], r[10], r[11], r[12], r[13], r[14], r[17], r[21]].join('|'));
    expect(e3).toEqual([
      '1|REFUND_RECEIVED|Bank|107.40||USD|1|107.40||L0123456789abcdef|EXP-20250331-01',
      '2|REFUND_RECEIVED|Bank Fees|1.50||USD|1|1.50||L0123456789abcdef|EXP-20250331-01',
      '3|REFUND_RECEIVED|Accounts Payable||100.00|EUR|1.08||108.00|L0123456789abcdef|EXP-20250331-01',
      '4|REFUND_RECEIVED|Realised FX Gain/Loss||0.90|USD|1||0.90|L0123456789abcdef|EXP-20250331-01',
    ]);
  });

  test('amounts carry each currency\'s minor units: JPY 0, KWD 3, base USD 2', () => {
    const jpy = rows.find((r) => r[0] === 'VC-RC-000043-AGREED' && r[col('Debit')] !== '')!;
    expect([jpy[col('Debit')], jpy[col('Currency')], jpy[col('BaseDebit')]]).toEqual(['1500', 'JPY', '10.05']);
    const kwd = rows.find((r) => r[0] === 'VC-RC-000044-AGREED' && r[col('Debit')] !== '')!;
    expect([kwd[col('Debit')], kwd[col('Currency')], kwd[col('BaseDebit')]]).toEqual(['12.345', 'KWD', '40.17']);
    for (const r of rows) {
      expect(r[col('Date')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const base = r[col('BaseDebit')] || r[col('BaseCredit')];
      expect(base).toMatch(/^\d+\.\d{2}$/);
      expect(r[col('BaseDebit')] === '' || r[col('BaseCredit')] === '').toBe(true);
    }
  });

  test('each JournalId balances in BaseDebit / BaseCredit', () => {
    const byId = new Map<string, Decimal>();
    for (const r of rows) byId.set(r[0], (byId.get(r[0]) ?? d('0')).plus(d(r[col('BaseDebit')] || '0')).minus(d(r[col('BaseCredit')] || '0')));
    expect(byId.size).toBe(file.journalRefs.length);
    for (const [id, net] of byId) expect([id, net.toFixed()]).toEqual([id, '0']);
  });
});

describe('Xero manual journal CSV (research §2.1b)', () => {
  test('header, signed amounts, one narration per journal, tax rate on every line', () => {
    const file = exportOf('Xero');
    const [header, ...rows] = csvRows(file.text);
    expect(header.join(',')).toBe('*Narration,*Date,Description,*AccountCode,*TaxRate,*Amount,TrackingName1,TrackingOption1,TrackingName2,TrackingOption2');
    expect(file.text.startsWith('*Narration')).toBe(true);
    const e1 = rows.filter((r) => r[0].startsWith('VC-RC-000042-AGREED '));
    expect(e1).toEqual([
      ['VC-RC-000042-AGREED Acme Supplies Ltd vendor credit agreed', '03/05/2025', 'RC-000042 vendor credit agreed 100.00 EUR: Damaged, order INV-5521, credit note CN-7781', '2000', 'No VAT', '108.00', '', '', '', ''],
      ['VC-RC-000042-AGREED Acme Supplies Ltd vendor credit agreed', '03/05/2025', 'RC-000042 vendor credit agreed 100.00 EUR: Damaged, order INV-5521, credit note CN-7781', '5100', 'No VAT', '-108.00', '', '', '', ''],
    ]);
    // Xero merges rows with the same Narration + Date: each journal's narration is its own
    const journals = new Map<string, Decimal>();
    for (const r of rows) {
      expect(r[5]).toMatch(/^-?\d+\.\d{2}$/);
      journals.set(`${r[0]}|${r[1]}`, (journals.get(`${r[0]}|${r[1]}`) ?? d('0')).plus(d(r[5])));
    }
    expect(journals.size).toBe(file.journalRefs.length);
    for (const [k, net] of journals) expect([k, net.toFixed()]).toEqual([k, '0']);
  });

  test.each([
    ['MM/DD/YYYY', '03/05/2025'],
    ['DD/MM/YYYY', '05/03/2025'],
  ])('Export Date Order %s', (order, date) => {
    const settings = accountingSettings({ 'Base Currency': 'USD', 'Export Date Order': order, 'Xero Tax Rate': 'Tax Exempt' });
    const rows = csvRows(exportOf('Xero', journal(), settings).text).slice(1);
    const row = rows.find((r) => r[0].startsWith('VC-RC-000042-AGREED '))!;
    expect([row[1], row[4]]).toEqual([date, 'Tax Exempt']);
    const qbo = csvRows(exportOf('QuickBooks Online', journal(), settings).text).slice(1);
    expect(qbo.find((r) => r[0] === 'VC-RC-000042-AGREED')![1]).toBe(date);
  });

  test('the writer alone, more than 300 lines: a note (Xero\'s limit per file), nothing counted as left out', () => {
    const many = Array.from({ length: 151 }, (_, i) => ({ ...journal()[0], ref: `VC-RC-${String(i).padStart(6, '0')}-AGREED` }));
    const file = exportOf('Xero', many);
    expect(file.warnings).toEqual([]);
    expect(file.notes).toEqual([expect.stringMatching(/302 lines.*300/)]);
  });

  /** The trial's demo: 389 entries, 820 lines (347 of 2 lines, 42 of 3), 3-line ones spread so a cut at line 300 would split one. */
  function demoBatch(): JournalEntry[] {
    const all = journal();
    const two = all.find((e) => e.lines.length === 2)!;
    const three = all.find((e) => e.lines.length === 3)!;
    return Array.from({ length: 389 }, (_, i) => {
      const e = i % 9 === 4 && i < 9 * 42 ? three : two;
      return { ...e, ref: `VC-RC-${String(i).padStart(6, '0')}-${e === three ? 'RECEIVED-L1' : 'AGREED'}`, caseId: `RC-${String(i).padStart(6, '0')}` };
    });
  }

  test('a batch over 300 lines is split into files of at most 300 lines, never inside an entry, all in the batch', () => {
    const entries = demoBatch();
    expect(entries.reduce((n, e) => n + e.lines.length, 0)).toBe(820);
    const batch = exportJournalFiles('Xero', entries, { batchId: BATCH, settings: USD });
    expect(batch.warnings).toEqual([]);
    expect(batch.files.map((f) => f.fileName)).toEqual([1, 2, 3].map((i) => `${BATCH}-xero-manual-journal-part-${i}-of-3.csv`));
    expect(batch.journalRefs).toEqual(entries.map((e) => e.ref));
    expect(batch.files.flatMap((f) => f.journalRefs)).toEqual(batch.journalRefs);
    const byRef = new Map(entries.map((e) => [e.ref, e]));
    for (const f of batch.files) {
      expect(f.warnings).toEqual([]);
      const rows = csvRows(f.text);
      expect(rows[0]).toEqual([...XERO_JOURNAL_HEADER]);
      expect(rows.length - 1).toBeLessThanOrEqual(300);
      // Each entry of the file is whole in it: its rows count its lines, and its amounts sum to 0.
      const lines = new Map<string, number>();
      const total = new Map<string, number>();
      for (const r of rows.slice(1)) {
        const ref = r[0].split(' ')[0];
        lines.set(ref, (lines.get(ref) ?? 0) + 1);
        total.set(ref, (total.get(ref) ?? 0) + Math.round(Number(r[5]) * 100));
      }
      expect([...lines.keys()]).toEqual(f.journalRefs);
      for (const [ref, n] of lines) expect([ref, n, total.get(ref)]).toEqual([ref, byRef.get(ref)!.lines.length, 0]);
    }
  });

  test('split batch: an entry left out is counted once, as itself; 300 lines exactly stay one file', () => {
    const entries = demoBatch();
    const bad = { ...entries[10], lines: [entries[10].lines[0], { ...entries[10].lines[1], credit: entries[10].lines[1].credit.plus('0.01') }] };
    const batch = exportJournalFiles('Xero', [...entries.slice(0, 10), bad, ...entries.slice(11)], { batchId: BATCH, settings: USD });
    expect(batch.warnings).toEqual([expect.stringMatching(new RegExp(`^Left out: ${bad.ref} does not balance`))]);
    expect(batch.journalRefs).toHaveLength(388);
    const two = entries.filter((e) => e.lines.length === 2).slice(0, 150);
    const one = exportJournalFiles('Xero', two, { batchId: BATCH, settings: USD });
    expect(one.files.map((f) => f.fileName)).toEqual([`${BATCH}-xero-manual-journal.csv`]);
    expect(one.notes).toEqual([]);
  });

  test('only Xero documents a per-file line limit (research §2.1b, §4.5): the other formats stay one file', () => {
    expect(LINES_PER_FILE).toEqual({ Xero: 300 });
    const entries = demoBatch();
    for (const format of EXPORT_FORMATS.filter((f) => f !== 'Xero')) {
      const batch = exportJournalFiles(format, entries, { batchId: BATCH, settings: USD });
      expect([format, batch.files.length, batch.warnings, batch.journalRefs.length]).toEqual([format, 1, [], 389]);
    }
  });
});

describe('QuickBooks Online journal CSV (research §2.2a)', () => {
  const file = exportOf('QuickBooks Online');
  const [header, ...rows] = csvRows(file.text);

  test('header, BOM, positive Debits / Credits, each JournalNo balances', () => {
    expect(file.text.startsWith('\uFEFFJournalNo,')).toBe(true);
    expect(header.join(',')).toBe('JournalNo,JournalDate,Currency,AccountName,Debits,Credits,Description,Name,Location,Class');
    const byNo = new Map<string, Decimal>();
    for (const r of rows) {
      const [debit, credit] = [r[4], r[5]];
      expect((debit === '') !== (credit === '')).toBe(true);
      expect(debit || credit).toMatch(/^\d+\.\d{2}$/);
      expect(r[2]).toBe('USD');
      byNo.set(r[0], (byNo.get(r[0]) ?? d('0')).plus(d(debit || '0')).minus(d(credit || '0')));
    }
    for (const [no, net] of byNo) expect([no, net.toFixed()]).toEqual([no, '0']);
  });

  test('JournalNo ≤ 21 characters, one per entry; the full ref leads the Description', () => {
    const numbers = new Map<string, string>();
    for (const r of rows) {
      expect(r[0].length).toBeLessThanOrEqual(21);
      const ref = r[6].split(' ')[0];
      expect(numbers.get(r[0]) ?? ref).toBe(ref);
      numbers.set(r[0], ref);
    }
    expect([...numbers.values()]).toEqual(file.journalRefs);
  });

  test('the vendor in Name on A/P lines only (what makes the credit vendor-specific)', () => {
    const named = rows.filter((r) => r[7] !== '').map((r) => `${r[0]} ${r[3]} ${r[7]}`);
    expect(named).toContain('VC-RC-000042-AGREED Accounts Payable Acme Supplies Ltd');
    expect(rows.filter((r) => r[3] === 'Accounts Payable').every((r) => r[7] !== '')).toBe(true);
    expect(rows.filter((r) => r[3] !== 'Accounts Payable').every((r) => r[7] === '')).toBe(true);
  });
});

describe('QuickBooks Desktop IIF (research §2.3)', () => {
  const file = exportOf('IIF');
  const lines = file.text.split('\r\n');

  test('tab-separated TRNS / SPL / ENDTRNS blocks of GENERAL JOURNAL, CRLF, MM/DD/YYYY, each sums to 0', () => {
    expect(file.text.endsWith('\r\n')).toBe(true);
    expect(file.text).not.toMatch(/[^\r]\n/);
    expect(lines.slice(0, 3)).toEqual([
      '!TRNS\tTRNSID\tTRNSTYPE\tDATE\tACCNT\tNAME\tCLASS\tAMOUNT\tDOCNUM\tMEMO',
      '!SPL\tSPLID\tTRNSTYPE\tDATE\tACCNT\tNAME\tCLASS\tAMOUNT\tDOCNUM\tMEMO',
      '!ENDTRNS',
    ]);
    let open: Decimal | null = null;
    let blocks = 0;
    for (const l of lines.slice(3, -1)) {
      const f = l.split('\t');
      if (f[0] === 'ENDTRNS') {
        expect(open!.toFixed()).toBe('0');
        open = null;
        blocks++;
        continue;
      }
      expect(f).toHaveLength(10);
      expect(f[0]).toBe(open === null ? 'TRNS' : 'SPL');
      expect(f[2]).toBe('GENERAL JOURNAL');
      expect(f[3]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      expect(f[7]).toMatch(/^-?\d+\.\d{2}$/);
      expect(f[8].length).toBeLessThanOrEqual(11);
      expect(l).not.toContain('"');
      open = (open ?? d('0')).plus(d(f[7]));
    }
    expect(blocks).toBe(file.journalRefs.length);
  });

  test('research §2.3 E1 shape: A/P positive with the vendor NAME, the credit negative without', () => {
    const block = lines.filter((l) => l.includes('VC-RC-000042-AGREED ')).map((l) => l.split('\t'));
    expect(block.map((f) => [f[0], f[3], f[4], f[5], f[7]])).toEqual([
      ['TRNS', '03/05/2025', 'Accounts Payable', 'Acme Supplies Ltd', '108.00'],
      ['SPL', '03/05/2025', 'Purchase Returns and Allowances', '', '-108.00'],
    ]);
  });
});

describe('formula-injection guard (research §5)', () => {
  test.each([
    ['=HYPERLINK("http://x")', "'=HYPERLINK(\"http://x\")"],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['Acme = fine', 'Acme = fine'],
    ['', ''],
  ])('guardFormula(%j)', (text, out) => expect(guardFormula(text)).toBe(out));

  // An entry whose every free-text field is hostile (a hand-typed Journal memo, a vendor name).
  const hostile: JournalEntry = {
    ...journal()[0],
    ref: 'VC-RC-000099-AGREED', caseId: 'RC-000099', vendorId: '+V1', vendorName: '@Evil Vendor', orderNo: '=cmd|/c calc', reference: '-1+1',
    memo: '=HYPERLINK("http://evil","x");=1+2',
    lines: journal()[0].lines.map((l) => ({ ...l, account: `=${l.account}`, code: `-${l.code}` })),
  };

  test.each(['Generic CSV', 'Xero', 'QuickBooks Online'] as const)('%s: no text cell starts a formula; amounts stay numbers', (format) => {
    const file = exportOf(format, [hostile]);
    const rows = csvRows(file.text).slice(1);
    expect(rows.length).toBe(2);
    for (const r of rows) {
      for (const cell of r) if (!AMOUNT.test(cell)) expect(cell).not.toMatch(TRIGGER);
    }
    const amounts = rows.flatMap((r) => r.filter((c) => AMOUNT.test(c) && c.includes('.')));
    expect(amounts).toContain(format === 'Xero' ? '-108.00' : '108.00');
  });

  test('the memo itself is neutralised where it leads a cell', () => {
    const gl = csvRows(exportOf('Generic CSV', [hostile]).text);
    expect(gl[1][gl[0].indexOf('Description')]).toBe("'=HYPERLINK(\"http://evil\",\"x\");=1+2");
    const xero = csvRows(exportOf('Xero', [hostile]).text);
    expect(xero[1][2]).toBe("'=HYPERLINK(\"http://evil\",\"x\");=1+2");
    expect(xero[1][3]).toBe("'-2000");
    expect(exportOf('Xero', [hostile]).text).toContain(`"'=HYPERLINK(""http://evil"",""x"");=1+2"`);
  });

  test('IIF: tabs, newlines and quotes in text cannot break the file; names guarded', () => {
    const file = exportOf('IIF', [{ ...hostile, vendorName: '@Evil\tVendor\r\n"Ltd"', memo: 'line1\nline2\t"q"' }]);
    const rows = file.text.split('\r\n').slice(3, -1);
    expect(rows).toHaveLength(3);
    const trns = rows[0].split('\t');
    expect(trns).toHaveLength(10);
    expect(trns[4]).toBe("'=Accounts Payable");
    expect(trns[5]).toBe("'@Evil Vendor 'Ltd'");
    expect(trns[9]).toBe("VC-RC-000099-AGREED line1 line2 'q'");
  });

  test('a semicolon is quoted, so a ;-splitting spreadsheet cannot start a cell inside a field', () => {
    const file = exportOf('Xero', [{ ...hostile, memo: 'ok;=1+2' }]);
    expect(file.text).toContain('"ok;=1+2"');
  });
});

describe('batch marker and what leaves the add-on', () => {
  test('every format names its refs for the Exported Batch column; the batch id is in the file where the format has room', () => {
    const refs = journal().map((e) => e.ref);
    for (const format of EXPORT_FORMATS) {
      const file = exportOf(format);
      expect([format, file.journalRefs]).toEqual([format, refs]);
      expect(file.fileName.startsWith(BATCH)).toBe(true);
      expect(file.warnings).toEqual([]);
    }
    expect(exportOf('beancount').text).toContain(`  batch: "${BATCH}"`);
    expect(exportOf('hledger').text).toContain(`batch:${BATCH}`);
    expect(csvRows(exportOf('Generic CSV').text).slice(1).every((r) => r[21] === BATCH)).toBe(true);
  });

  test.each(EXPORT_FORMATS)('%s: already exported elsewhere, unbalanced or repeated entries are left out with a warning', (format) => {
    const [a, b, c] = journal();
    const unbalanced = { ...c, lines: [c.lines[0], { ...c.lines[1], credit: c.lines[1].credit.plus('0.01') }] };
    const file = exportOf(format, [a, { ...b, exportedBatch: 'EXP-20250228-01' }, unbalanced, a, { ...a, ref: 'VC-RC-000042-AGREED-2', exportedBatch: BATCH }]);
    expect(file.journalRefs).toEqual(['VC-RC-000042-AGREED', 'VC-RC-000042-AGREED-2']);
    expect(file.warnings).toEqual([
      `Left out: ${b.ref} was already exported in batch EXP-20250228-01`,
      expect.stringMatching(new RegExp(`^Left out: ${c.ref} does not balance`)),
      'Left out: VC-RC-000042-AGREED appears twice',
    ]);
  });

  test.each([
    ['Generic CSV', 'Generic CSV'], ['csv', 'Generic CSV'], ['xero', 'Xero'], ['Xero manual journal', 'Xero'], ['QBO', 'QuickBooks Online'],
    ['quickbooks online', 'QuickBooks Online'], ['QuickBooks Desktop', 'IIF'], ['iif', 'IIF'], ['Beancount', 'beancount'], ['hledger', 'hledger'], ['gnucash', null],
  ])('Export Format %j → %j', (text, format) => expect(exportFormatOf(text)).toBe(format));
});

/** Settings and vendors as people type them: non-ASCII, brackets, colons, double spaces, digits first. */
function oddNames() {
  const settings = accountingSettings({
    'Base Currency': 'USD', 'Account: AP–vendor': 'Liabilities:应付账款', 'Account: Bank': '[bank]  (hsbc) #1; main',
    'Account: FX gain/loss': 'FX: gain/loss', 'Account: Bank fees': '6100 Bank fees', 'Account: Purchase returns': 'expenses:cogs:returns',
  });
  const cases = CASES.map((c, i) => ({ ...c, vendorTag: i === 1 ? 'Vendor_深圳' : i === 2 ? undefined : c.vendorTag, vendorId: i === 2 ? '0098/b' : c.vendorId }));
  const r = journalFor({ cases, posted: [], settings, rates: RATES, today: '2025-03-31' });
  expect(r.problems).toEqual([]);
  return { entries: r.entries, settings };
}

// ---- the real ledger tools ------------------------------------------------------------------

function has(bin: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
}
function itWith(bin: string): jest.It {
  if (has(bin)) return it;
  // eslint-disable-next-line no-console
  console.warn(`accountingExports: ${bin} is not installed, skipping its checks (CI installs it: apt-get install ${bin === 'bean-check' ? 'beancount' : 'hledger'})`);
  return it.skip;
}
const dir = mkdtempSync(join(tmpdir(), 'rcl-accounting-'));
afterAll(() => process.env.KEEP_LEDGERS || rmSync(dir, { recursive: true, force: true }));
function run(bin: string, args: string[], text: string, name: string) {
  const file = join(dir, name);
  writeFileSync(file, text);
  const r = spawnSync(bin, [...args.map((a) => (a === 'FILE' ? file : a))], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('beancount export, checked by bean-check (research §2.8)', () => {
  const itBean = itWith('bean-check');

  itBean.each(['USD', 'JPY', 'KWD'])('base %s: bean-check accepts the file', (base) => {
    const settings = accountingSettings({ 'Base Currency': base });
    const file = exportOf('beancount', journal(base), settings);
    const r = run('bean-check', ['FILE'], file.text, `base-${base}.beancount`);
    expect(r).toEqual({ status: 0, out: '' });
    const places = base === 'JPY' ? 0 : base === 'KWD' ? 3 : 2;
    const amounts = [...file.text.matchAll(new RegExp(`^  [A-Z][^ ]+  (-?[\\d.]+) ${base}$`, 'gm'))].map((m) => m[1]);
    expect(amounts.length).toBeGreaterThan(20);
    for (const a of amounts) expect(a.split('.')[1]?.length ?? 0).toBe(places);
  });

  itBean('the file reads like research §2.8: opens, payee + narration, tag, link, metadata, FX kept beside', () => {
    const text = exportOf('beancount').text;
    expect(text).toContain('2025-03-05 open Liabilities:Accounts-Payable:AcmeSupplies');
    expect(text).toContain('2025-03-19 * "Acme Supplies Ltd" "RC-000042 refund received 107.40 USD for 100.00 EUR of the credit" #vendor-refund ^RC-000042');
    expect(text).toContain('  Liabilities:Accounts-Payable:AcmeSupplies  -108.00 USD\n    fx_amount: "100.00 EUR"\n    fx_rate: "1.08"');
    expect(text).toContain('  Income:Realised-FX-Gain-Loss  -0.90 USD');
    expect(text).toContain('#reversal ^RC-000044');
    expect(text).toContain('  reverses: "VC-RC-000044-AGREED"');
    expect(text).toContain('"Kuwait \\"Parts\\"; Co | Ltd"');
  });

  itBean('account names from any Settings text stay valid beancount accounts', () => {
    const r = run('bean-check', ['FILE'], exportOf('beancount', oddNames().entries, oddNames().settings).text, 'names.beancount');
    expect(r).toEqual({ status: 0, out: '' });
  });

  itBean('bean-check really checks: an unbalanced transaction is refused', () => {
    const text = exportOf('beancount').text.replace('  Assets:Bank  107.40 USD', '  Assets:Bank  107.41 USD');
    expect(run('bean-check', ['FILE'], text, 'broken.beancount').status).not.toBe(0);
  });
});

describe('hledger export, checked by hledger (research §2.8)', () => {
  const itH = itWith('hledger');

  itH.each(['USD', 'JPY', 'KWD'])('base %s: check, check --strict ordereddates, and bal totals zero', (base) => {
    const settings = accountingSettings({ 'Base Currency': base });
    const file = exportOf('hledger', journal(base), settings);
    expect(run('hledger', ['-f', 'FILE', 'check'], file.text, `base-${base}.journal`)).toEqual({ status: 0, out: '' });
    expect(run('hledger', ['-f', 'FILE', 'check', '--strict', 'ordereddates'], file.text, `strict-${base}.journal`)).toEqual({ status: 0, out: '' });
    const bal = run('hledger', ['-f', 'FILE', 'bal'], file.text, `bal-${base}.journal`);
    expect(bal.status).toBe(0);
    const lines = bal.out.trimEnd().split('\n');
    expect(lines[lines.length - 2]).toMatch(/^-+$/);
    expect(lines[lines.length - 1].trim()).toBe('0');
    // Closed cases leave their vendor at zero; only the open KWD credit remains on AP.
    const ap = run('hledger', ['-f', 'FILE', 'bal', '-N', '--flat', 'type:L'], file.text, `ap-${base}.journal`);
    expect(ap.out.trim().split('\n').map((l) => l.trim().split(/\s{2,}/)[1])).toEqual(['liabilities:Accounts Payable:V-0101']);
  });

  itH('the file reads like research §2.8: code, payee | note, tags, postings', () => {
    const text = exportOf('hledger').text;
    expect(text).toContain('commodity 1000.00 USD');
    expect(text).toContain('account liabilities:Accounts Payable:AcmeSupplies  ; type: L');
    expect(text).toContain('2025-03-19 * (VC-RC-000042-RECEIVED-L0123456789abcdef) Acme Supplies Ltd | RC-000042 refund received 107.40 USD for 100.00 EUR of the credit  ; case:RC-000042, vendor:V-0098, event:REFUND_RECEIVED, batch:EXP-20250331-01');
    expect(text).toContain('    liabilities:Accounts Payable:AcmeSupplies  -108.00 USD  ; fx:100.00 EUR at 1.08');
    expect(text).toContain('Kuwait "Parts", Co / Ltd | ');
  });

  itH('account names from any Settings text stay valid hledger accounts', () => {
    const { entries, settings } = oddNames();
    const text = exportOf('hledger', entries, settings).text;
    expect(run('hledger', ['-f', 'FILE', 'check', '--strict'], text, 'names.journal')).toEqual({ status: 0, out: '' });
    expect(run('hledger', ['-f', 'FILE', 'bal'], text, 'names-bal.journal').out.trimEnd().split('\n').pop()!.trim()).toBe('0');
  });

  itH('hledger really checks: an unbalanced transaction is refused', () => {
    const text = exportOf('hledger').text.replace('    assets:Bank  107.40 USD', '    assets:Bank  107.41 USD');
    expect(run('hledger', ['-f', 'FILE', 'check'], text, 'broken.journal').status).not.toBe(0);
  });
});
