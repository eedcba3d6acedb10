// The Journal tab ⇄ entries. What the tab stores must be enough to rebuild every posted entry
// exactly, so a later run compares against the books and reverses exactly what was posted.
import { Decimal } from '../../src/domain/money';
import {
  JOURNAL_COLUMNS, accountingSettings, entriesFromJournalRows, journalFor, journalRows,
  type BaseRate, type CaseFacts, type CaseInfo, type JournalEntry, type JournalRowIn,
} from '../../src/domain/accounting';

const d = (v: string) => new Decimal(v);
const RATES: BaseRate[] = [
  { currency: 'EUR', rate: d('1.08'), asOf: '2025-03-01' },
  { currency: 'EUR', rate: d('1.089'), asOf: '2025-03-19' },
  { currency: 'JPY', rate: d('0.0067'), asOf: '2025-01-01' },
  { currency: 'KWD', rate: d('3.2543'), asOf: '2025-01-01' },
];
const USD = accountingSettings({ 'Base Currency': 'USD' });

const CASES: CaseFacts[] = [
  {
    caseId: 'RC-000042', status: 'Received', vendorId: 'V-0098', vendorName: 'Acme Supplies Ltd', vendorTag: 'Vendor_AcmeSupplies', orderNo: 'INV-5521',
    amount: d('100.00'), currency: 'EUR', agreedOn: '2025-03-05', creditNoteRef: 'CN-7781',
    receipts: [{ receiptId: 'L0123456789abcdef', date: '2025-03-19', amount: d('107.40'), currency: 'USD', covers: d('100.00'), fee: d('1.50') }],
  },
  {
    caseId: 'RC-000043', status: 'Written off', vendorId: 'V-0100', vendorName: '深圳明亮灯饰', amount: d('1500'), currency: 'JPY', agreedOn: '2025-03-06', closedOn: '2025-03-30',
    receipts: [{ receiptId: 'L2', date: '2025-03-20', amount: d('700'), currency: 'JPY', covers: d('701') }],
  },
  { caseId: 'RC-000044', status: 'Agreed', vendorId: 'V-0101', vendorName: 'Kuwait Parts', amount: d('12.345'), currency: 'KWD', agreedOn: '2025-03-07', receipts: [] },
];
const caseInfo = (caseId: string): CaseInfo | undefined => {
  const c = CASES.find((k) => k.caseId === caseId);
  return c && { vendorName: c.vendorName, vendorTag: c.vendorTag, orderNo: c.orderNo, reference: c.creditNoteRef };
};

/** What Sheets gives back after a USER_ENTERED write: numeric text becomes a number. Date, Vendor ID and refs sit in plain-text columns. */
function throughSheet(row: Record<string, string | number>): JournalRowIn {
  const plainText = new Set(['Date', 'Vendor ID', 'Journal Ref', 'Case ID', 'Source Ref', 'Account Code']);
  const out: JournalRowIn = {};
  for (const [k, v] of Object.entries(row)) out[k as keyof JournalRowIn] = !plainText.has(k) && typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  return out;
}
/** Decimals as their value, so two entries compare by what they say. */
function plain(e: JournalEntry): unknown {
  return JSON.parse(JSON.stringify(e, (_k, v) => (v instanceof Decimal ? `#${v.toFixed()}` : v)));
}
function firstRun(cases = CASES) {
  const r = journalFor({ cases, posted: [], settings: USD, rates: RATES, today: '2025-04-01' });
  expect(r.problems).toEqual([]);
  return r.entries;
}

describe('journalRows', () => {
  test('one row per line, the columns in order, amounts as numbers in the base currency', () => {
    const [e1] = firstRun();
    const rows = journalRows(e1);
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0])).toEqual([...JOURNAL_COLUMNS]);
    expect(rows[0]).toEqual({
      'Journal Ref': 'VC-RC-000042-AGREED', Date: '2025-03-05', 'Case ID': 'RC-000042', Event: 'CREDIT_AGREED', Account: 'Accounts Payable',
      Debit: 108, Credit: '', Currency: 'USD', Memo: 'RC-000042 vendor credit agreed 100.00 EUR: order INV-5521, credit note CN-7781', 'Vendor ID': 'V-0098',
      'Exported Batch': '', 'Account Code': '2000', 'Account Role': 'AP_VENDOR', 'Original Amount': 100, 'Original Currency': 'EUR', 'FX Rate': '1.08', 'Source Ref': '',
    });
    expect(rows[1]).toMatchObject({ Account: 'Purchase Returns and Allowances', Debit: '', Credit: 108, 'Account Role': 'PURCH_RETURNS' });
  });

  test('KWD and JPY originals keep their minor units; the exported batch is carried', () => {
    const entries = firstRun();
    const kwd = journalRows(entries.find((e) => e.caseId === 'RC-000044')!)[0];
    expect(kwd).toMatchObject({ 'Original Amount': 12.345, 'Original Currency': 'KWD', Debit: 40.17 });
    const jpy = journalRows({ ...entries.find((e) => e.caseId === 'RC-000043')!, exportedBatch: 'EXP-1' })[0];
    expect(jpy).toMatchObject({ 'Original Amount': 1500, 'Original Currency': 'JPY', Debit: 10.05, 'Exported Batch': 'EXP-1' });
  });
});

describe('entriesFromJournalRows ⇄ journalRows', () => {
  test('every entry comes back exactly, through the sheet\'s number parsing', () => {
    const posted = firstRun();
    const changed = journalFor({ cases: [{ ...CASES[2], amount: d('10.000') }], posted, settings: USD, rates: RATES, today: '2025-04-01' }).entries;
    const all = [...posted, ...changed].map((e, i) => (i === 0 ? { ...e, exportedBatch: 'EXP-20250331-01' } : e));
    expect(all.map((e) => e.event)).toContain('REVERSAL');
    const rows = all.flatMap(journalRows).map(throughSheet);
    const back = entriesFromJournalRows(rows, USD, caseInfo);
    expect(back.problems).toEqual([]);
    expect(back.entries.map(plain)).toEqual(all.map(plain));
  });

  test('an entry is described by the vendor it was booked to (its rows\' Vendor ID), not the case\'s vendor now', () => {
    const rows = firstRun([CASES[2]]).flatMap(journalRows).map(throughSheet);
    const asked: string[] = [];
    const moved = (caseId: string, vendorId: string): CaseInfo => (asked.push(`${caseId} ${vendorId}`), { vendorName: vendorId === 'V-0101' ? 'Kuwait Parts' : 'New Vendor' });
    const { entries } = entriesFromJournalRows(rows, USD, moved);
    expect(asked).toEqual(['RC-000044 V-0101']);
    expect(entries.map((e) => [e.vendorId, e.vendorName])).toEqual([['V-0101', 'Kuwait Parts']]);
  });

  test('the rebuilt journal posts nothing new on the next run', () => {
    const rows = firstRun().flatMap(journalRows).map(throughSheet);
    const { entries: posted } = entriesFromJournalRows(rows, USD, caseInfo);
    expect(journalFor({ cases: CASES, posted, settings: USD, rates: RATES, today: '2025-05-01' })).toEqual({ entries: [], problems: [], shortPaid: [] });
  });

  test('an older tab with only the first eleven columns: roles from account names, originals in base', () => {
    const rows = firstRun([CASES[2]]).flatMap(journalRows).map((r) => {
      const old: JournalRowIn = {};
      for (const c of JOURNAL_COLUMNS.slice(0, 11)) old[c] = r[c];
      return throughSheet(old as Record<string, string | number>);
    });
    const { entries, problems } = entriesFromJournalRows(rows, USD, caseInfo);
    expect(problems).toEqual([]);
    expect(entries[0].lines.map((l) => [l.role, l.code, l.debit.toFixed(), l.original.currency])).toEqual([
      ['AP_VENDOR', '2000', '40.17', 'USD'],
      ['PURCH_RETURNS', '5100', '0', 'USD'],
    ]);
  });

  test.each([
    { name: 'a Debit that is not a number', edit: (r: JournalRowIn) => ({ ...r, Debit: '108,00' }), message: /Debit "108,00" is not a number/ },
    { name: 'a negative Credit', edit: (r: JournalRowIn) => ({ ...r, Debit: '', Credit: -5 }), message: /negative/ },
    { name: 'an unknown event', edit: (r: JournalRowIn) => ({ ...r, Event: 'PAID' }), message: /unknown Event "PAID"/, row: 0 },
    { name: 'a date the sheet turned into text', edit: (r: JournalRowIn) => ({ ...r, Date: '05/03/2025' }), message: /not YYYY-MM-DD/, row: 0 },
    { name: 'an account not in Settings without a role', edit: (r: JournalRowIn) => ({ ...r, Account: 'Misc', 'Account Role': '' }), message: /"Misc" is not one of the accounts/ },
    { name: 'rows of one ref that disagree', edit: (r: JournalRowIn) => ({ ...r, 'Case ID': 'RC-000099' }), message: /disagree/ },
  ])('$name: a problem naming the ref, the other entries still read', ({ edit, message, row = 1 }) => {
    const rows: JournalRowIn[] = firstRun().flatMap(journalRows).map(throughSheet);
    const i = rows.findIndex((r) => r['Journal Ref'] === 'VC-RC-000042-AGREED');
    rows[i + row] = edit(rows[i + row]);
    const { entries, problems } = entriesFromJournalRows([{}, ...rows, { 'Journal Ref': '' }], USD, caseInfo);
    expect(problems).toEqual([{ ref: 'VC-RC-000042-AGREED', message: expect.stringMatching(message) }]);
    expect(entries.map((e) => e.ref)).not.toContain('VC-RC-000042-AGREED');
    expect(entries.length).toBe(new Set(rows.map((r) => r['Journal Ref'])).size - 1);
  });
});
