// E6 (research §1.3, §4.7): a posted entry is never edited. Changed facts reverse the live
// version and post a new one; facts that did not change post nothing, however often it runs.
import { Decimal } from '../../src/domain/money';
import { accountingSettings, balanceProblem, journalFor, parseRef, compactRef, type BaseRate, type CaseFacts, type JournalEntry, type ReceiptFact } from '../../src/domain/accounting';
import { receiptSubject, reversalRef, slotRef, versionRef } from '../../src/domain/accounting/refs';

const d = (v: string) => new Decimal(v);
const RATES: BaseRate[] = [
  { currency: 'EUR', rate: d('1.08'), asOf: '2025-03-01' },
  { currency: 'EUR', rate: d('1.089'), asOf: '2025-03-19' },
];
const USD = accountingSettings({ 'Base Currency': 'USD' });

function kase(over: Partial<CaseFacts> = {}): CaseFacts {
  return {
    caseId: 'RC-000042', status: 'Agreed', vendorId: 'V-0098', vendorName: 'Acme Supplies Ltd', amount: d('100.00'),
    currency: 'USD', agreedOn: '2025-03-05', receipts: [], ...over,
  };
}
const receipt = (receiptId: string, date: string, amount: string, covers = amount, currency = 'USD'): ReceiptFact => ({ receiptId, date, amount: d(amount), currency, covers: d(covers) });

/** Runs the journal and returns the Journal tab after appending, plus what was appended. */
function post(journal: JournalEntry[], cases: CaseFacts[], today = '2025-04-01', rates = RATES) {
  const r = journalFor({ cases, posted: journal, settings: USD, rates, today });
  expect(r.problems).toEqual([]);
  for (const e of r.entries) expect(balanceProblem(e)).toBeNull();
  return { journal: [...journal, ...r.entries], added: r.entries };
}
function show(e: JournalEntry): string {
  const ls = e.lines.map((l) => (l.debit.isZero() ? `Cr ${l.role} ${l.credit.toFixed()}` : `Dr ${l.role} ${l.debit.toFixed()}`));
  return [`${e.ref} ${e.event} ${e.date}`, ...ls].join(' | ');
}
function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) if (!(v instanceof Decimal)) deepFreeze(v);
  }
  return o;
}

describe('refs', () => {
  test.each([
    [slotRef('RC-000042', 'AGREED'), 'VC-RC-000042-AGREED'],
    [slotRef('RC-000042', 'WRITEOFF'), 'VC-RC-000042-WRITEOFF'],
    [slotRef('RC-000042', 'RECEIVED', receiptSubject('L0123456789abcdef')), 'VC-RC-000042-RECEIVED-L0123456789abcdef'],
    [versionRef('VC-RC-000042-AGREED', 1), 'VC-RC-000042-AGREED'],
    [versionRef('VC-RC-000042-AGREED', 2), 'VC-RC-000042-AGREED-2'],
    [reversalRef('VC-RC-000042-AGREED', 1), 'VC-RC-000042-AGREED-R1'],
  ])('%s', (ref, expected) => expect(ref).toBe(expected));

  test.each([
    ['VC-RC-000042-AGREED', { slot: 'VC-RC-000042-AGREED', version: 1, reversal: false }],
    ['VC-RC-000042-AGREED-2', { slot: 'VC-RC-000042-AGREED', version: 2, reversal: false }],
    ['VC-RC-000042-AGREED-R1', { slot: 'VC-RC-000042-AGREED', version: 1, reversal: true }],
    ['VC-RC-000042-WRITEOFF-R3', { slot: 'VC-RC-000042-WRITEOFF', version: 3, reversal: true }],
    ['VC-RC-000042-RECEIVED-L12', { slot: 'VC-RC-000042-RECEIVED-L12', version: 1, reversal: false }],
    ['VC-RC-000042-RECEIVED-R1', { slot: 'VC-RC-000042-RECEIVED-R1', version: 1, reversal: false }],
    ['VC-RC-000042-RECEIVED-R1-R1', { slot: 'VC-RC-000042-RECEIVED-R1', version: 1, reversal: true }],
    ['VC-RC-000042-RECEIVED-L12-2', { slot: 'VC-RC-000042-RECEIVED-L12', version: 2, reversal: false }],
  ])('parseRef(%s)', (ref, parsed) => expect(parseRef(ref)).toEqual(parsed));

  test('receipt subjects: letters and digits only, never ending in a version-like suffix, long ids hashed apart', () => {
    expect(receiptSubject('L0123456789abcdef')).toBe('L0123456789abcdef');
    expect(receiptSubject('wise:2025-03-19/7')).toBe('wise202503197');
    expect(receiptSubject('12345')).toBe('X12345');
    const a = receiptSubject('PAYPAL-TRANSACTION-9XK12345AB678901C');
    const b = receiptSubject('PAYPAL-TRANSACTION-9XK12345AB678901D');
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThanOrEqual(17);
    expect(a).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
  });

  test.each([11, 21])('compactRef fits %i characters and keeps refs apart', (max) => {
    const refs = ['VC-RC-000042-AGREED', 'VC-RC-000042-AGREED-2', 'VC-RC-000042-AGREED-R1', 'VC-RC-000042-WRITEOFF', 'VC-RC-000042-RECEIVED-L0123456789abcdef', 'VC-RC-000042-RECEIVED-L0123456789abcdef-R1', 'VC-RC-000043-AGREED'];
    const compact = refs.map((r) => compactRef(r, max));
    for (const c of compact) expect(c.length).toBeLessThanOrEqual(max);
    expect(new Set(compact).size).toBe(refs.length);
    expect(compactRef('VC-RC-000042-AGREED', 21)).toBe('VC-RC-000042-AGREED');
  });
});

describe('reversal and new version when facts change', () => {
  test('running twice posts nothing new', () => {
    const facts = [kase({ status: 'Received', receipts: [receipt('L1', '2025-03-19', '98.00', '100.00')] })];
    const first = post([], facts);
    expect(first.added.map((e) => e.ref)).toEqual(['VC-RC-000042-AGREED', 'VC-RC-000042-RECEIVED-L1']);
    expect(post(first.journal, facts).added).toEqual([]);
    expect(post(first.journal, facts, '2025-05-01').added).toEqual([]);
  });

  test('amount edited: reversal of version 1 dated today, then version 2 (also today, the event date in its memo); again: R2 and version 3', () => {
    const v1 = post([], [kase()]);
    const v2 = post(v1.journal, [kase({ amount: d('80.00') })]);
    expect(v2.added.map(show)).toEqual([
      'VC-RC-000042-AGREED-R1 REVERSAL 2025-04-01 | Dr PURCH_RETURNS 100 | Cr AP_VENDOR 100',
      'VC-RC-000042-AGREED-2 CREDIT_AGREED 2025-04-01 | Dr AP_VENDOR 80 | Cr PURCH_RETURNS 80',
    ]);
    expect(v2.added[1].memo).toMatch(/ \(event date 2025-03-05\)$/);
    expect(v2.added[0]).toMatchObject({ reverses: 'VC-RC-000042-AGREED', memo: 'Reversal of VC-RC-000042-AGREED: amount or currency corrected' });
    expect(post(v2.journal, [kase({ amount: d('80.00') })]).added).toEqual([]);
    const v3 = post(v2.journal, [kase({ amount: d('70.00') })], '2025-04-02');
    expect(v3.added.map((e) => `${e.ref} ${e.reverses ?? ''}`.trim())).toEqual(['VC-RC-000042-AGREED-R2 VC-RC-000042-AGREED-2', 'VC-RC-000042-AGREED-3']);
  });

  test('a date or rate correction says so in the reversal memo', () => {
    const v1 = post([], [kase({ currency: 'EUR' })]);
    const moved = post(v1.journal, [kase({ currency: 'EUR', agreedOn: '2025-03-20' })]);
    expect(moved.added[0].memo).toBe('Reversal of VC-RC-000042-AGREED: date, FX rate corrected');
    const rerated = post(v1.journal, [kase({ currency: 'EUR' })], '2025-04-01', [{ currency: 'EUR', rate: d('1.09'), asOf: '2025-03-01' }]);
    expect(rerated.added.map(show)).toEqual([
      'VC-RC-000042-AGREED-R1 REVERSAL 2025-04-01 | Dr PURCH_RETURNS 108 | Cr AP_VENDOR 108',
      'VC-RC-000042-AGREED-2 CREDIT_AGREED 2025-04-01 | Dr AP_VENDOR 109 | Cr PURCH_RETURNS 109',
    ]);
    expect(rerated.added[0].memo).toBe('Reversal of VC-RC-000042-AGREED: FX rate corrected');
  });

  test('a correction lands in the open period: the new version is dated no earlier than its reversal, its rate still the event day\'s', () => {
    // E1 of 2025-03-05 was exported with March (closed); in April the amount is corrected.
    const v1 = post([], [kase({ currency: 'EUR' })]);
    const exported = v1.journal.map((e) => ({ ...e, exportedBatch: 'EXP-2025-03-31-001' }));
    const fixed = post(exported, [kase({ currency: 'EUR', amount: d('90.00') })]);
    expect(fixed.added.map(show)).toEqual([
      'VC-RC-000042-AGREED-R1 REVERSAL 2025-04-01 | Dr PURCH_RETURNS 108 | Cr AP_VENDOR 108',
      // EUR 90 at the 03-05 rate 1.08, posted on the day of the reversal
      'VC-RC-000042-AGREED-2 CREDIT_AGREED 2025-04-01 | Dr AP_VENDOR 97.2 | Cr PURCH_RETURNS 97.2',
    ]);
    expect(fixed.added.every((e) => e.date >= fixed.added[0].date)).toBe(true);
    // Nothing more on later runs, even without an agreed date (the E1's event date is kept).
    expect(post(fixed.journal, [kase({ currency: 'EUR', amount: d('90.00') })], '2025-04-20').added).toEqual([]);
    expect(post(fixed.journal, [kase({ currency: 'EUR', amount: d('90.00'), agreedOn: undefined })], '2025-04-20').added).toEqual([]);
    // A receipt later is cleared at the booked 03-05 rate, its first posting at its own date.
    const paid = post(fixed.journal, [kase({ currency: 'EUR', amount: d('90.00'), status: 'Received', receipts: [receipt('L1', '2025-04-10', '90.00', '90.00', 'EUR')] })], '2025-04-20');
    expect(paid.added.map(show)).toEqual(['VC-RC-000042-RECEIVED-L1 REFUND_RECEIVED 2025-04-10 | Dr BANK 98.01 | Cr AP_VENDOR 97.2 | Cr FX 0.81']);
    // A later date correction still reverses and reposts (compared with the event date, not the posting date).
    const moved = post(fixed.journal, [kase({ currency: 'EUR', amount: d('90.00'), agreedOn: '2025-03-20' })], '2025-04-21');
    expect(moved.added.map((e) => `${e.ref} ${e.date}`)).toEqual(['VC-RC-000042-AGREED-R2 2025-04-21', 'VC-RC-000042-AGREED-3 2025-04-21']);
    expect(moved.added[0].memo).toBe('Reversal of VC-RC-000042-AGREED-2: date, FX rate corrected');
  });

  test('a first posting keeps its event date, however old', () => {
    expect(post([], [kase({ agreedOn: '2024-11-05' })], '2025-04-01').added.map((e) => e.date)).toEqual(['2024-11-05']);
  });

  test('receipt unmatched: its E3 is reversed, the E1 stands', () => {
    const both = [receipt('L1', '2025-03-19', '40.00'), receipt('L2', '2025-03-20', '60.00')];
    const first = post([], [kase({ status: 'Received', receipts: both })]);
    const after = post(first.journal, [kase({ status: 'Agreed', receipts: [both[0]] })]);
    expect(after.added.map(show)).toEqual(['VC-RC-000042-RECEIVED-L2-R1 REVERSAL 2025-04-01 | Dr AP_VENDOR 60 | Cr BANK 60']);
    expect(after.added[0].memo).toBe('Reversal of VC-RC-000042-RECEIVED-L2: receipt no longer allocated to the case');
    // matched again later: a new version of that slot
    const again = post(after.journal, [kase({ status: 'Received', receipts: both })]);
    expect(again.added.map((e) => e.ref)).toEqual(['VC-RC-000042-RECEIVED-L2-2']);
  });

  test('case cancelled: every live entry reversed, latest first; nothing more on the next run; re-agreed: version 2', () => {
    const first = post([], [kase({ status: 'Written off', closedOn: '2025-03-31' })]);
    expect(first.added.map((e) => e.ref)).toEqual(['VC-RC-000042-AGREED', 'VC-RC-000042-WRITEOFF']);
    const cancelled = post(first.journal, [kase({ status: 'Cancelled' })]);
    expect(cancelled.added.map(show)).toEqual([
      'VC-RC-000042-WRITEOFF-R1 REVERSAL 2025-04-01 | Dr AP_VENDOR 100 | Cr WRITE_OFF 100',
      'VC-RC-000042-AGREED-R1 REVERSAL 2025-04-01 | Dr PURCH_RETURNS 100 | Cr AP_VENDOR 100',
    ]);
    expect(cancelled.added[1].memo).toBe('Reversal of VC-RC-000042-AGREED: case is Cancelled');
    expect(post(cancelled.journal, [kase({ status: 'Cancelled' })]).added).toEqual([]);
    expect(post(cancelled.journal, [kase({ status: 'Agreed' })]).added.map((e) => e.ref)).toEqual(['VC-RC-000042-AGREED-2']);
  });

  test('a case without an agreed date keeps its posted E1 date', () => {
    const first = post([], [kase({ status: 'Received', agreedOn: undefined, receipts: [receipt('L1', '2025-03-19', '100.00')] })]);
    // receipt unmatched, case back to Agreed without a date: E1 stays as it was
    const after = post(first.journal, [kase({ status: 'Agreed', agreedOn: undefined })]);
    expect(after.added.map((e) => e.ref)).toEqual(['VC-RC-000042-RECEIVED-L1-R1']);
  });

  test('an assumed agreed date (the import day) dates a first E1 only: a posted E1 and a receipt come first', () => {
    const imported = { status: 'Agreed', agreedOn: undefined, assumedAgreedOn: '2025-04-01', currency: 'EUR' };
    expect(post([], [kase(imported)]).added.map((e) => `${e.ref} ${e.date}`)).toEqual(['VC-RC-000042-AGREED 2025-04-01']);
    // Money arrived before the import: the credit existed by the receipt's day, at its rate.
    const paid = kase({ ...imported, status: 'Reconciled', receipts: [receipt('L1', '2025-03-05', '100.00', '100.00', 'EUR')] });
    const first = post([], [paid]);
    expect(first.added.map((e) => `${e.ref} ${e.date}`)).toEqual(['VC-RC-000042-AGREED 2025-03-05', 'VC-RC-000042-RECEIVED-L1 2025-03-05']);
    // Unmatched (back to Agreed, no money): only the receipt is reversed; the E1 keeps its day and rate.
    const off = post(first.journal, [kase(imported)]);
    expect(off.added.map((e) => e.ref)).toEqual(['VC-RC-000042-RECEIVED-L1-R1']);
    expect(post(off.journal, [kase(imported)]).added).toEqual([]);
    expect(post(off.journal, [paid]).added.map((e) => e.ref)).toEqual(['VC-RC-000042-RECEIVED-L1-2']);
  });

  test('written off with only an assumed agreed date: the credit and its write-off', () => {
    const r = post([], [kase({ status: 'Written off', agreedOn: undefined, assumedAgreedOn: '2025-03-10', closedOn: '2025-03-31' })]);
    expect(r.added.map((e) => `${e.ref} ${e.date}`)).toEqual(['VC-RC-000042-AGREED 2025-03-10', 'VC-RC-000042-WRITEOFF 2025-03-31']);
  });

  test('an exported entry is never edited: the reversal is a new, unexported entry', () => {
    const first = post([], [kase()]);
    const exported = first.journal.map((e) => deepFreeze({ ...e, exportedBatch: 'EXP-20250331-01' }));
    const snapshot = JSON.stringify(exported);
    const after = post(exported, [kase({ amount: d('90.00') })]);
    expect(JSON.stringify(exported)).toBe(snapshot);
    expect(after.added).toHaveLength(2);
    for (const e of after.added) {
      expect(e.exportedBatch).toBeUndefined();
      expect(exported).not.toContain(e);
    }
    expect(after.added[0].lines).not.toBe(exported[0].lines);
  });

  test('a reversal is never dated before the entry it reverses', () => {
    const first = post([], [kase({ agreedOn: '2025-05-10' })]);
    const after = post(first.journal, [kase({ status: 'Cancelled', agreedOn: '2025-05-10' })], '2025-04-01');
    expect(after.added[0]).toMatchObject({ ref: 'VC-RC-000042-AGREED-R1', date: '2025-05-10' });
  });

  test('renaming an account in Settings does not repost what is already in the books', () => {
    const first = post([], [kase()]);
    const renamed = accountingSettings({ 'Base Currency': 'USD', 'Account: Purchase returns': 'Returns' });
    expect(journalFor({ cases: [kase()], posted: first.journal, settings: renamed, rates: RATES, today: '2025-04-01' }).entries).toEqual([]);
  });

  test('cases not in the run are left alone', () => {
    const first = post([], [kase(), kase({ caseId: 'RC-000043' })]);
    expect(post(first.journal, [kase()]).added).toEqual([]);
  });

  test('a problem in one case does not hold back the reversals of another', () => {
    const first = post([], [kase(), kase({ caseId: 'RC-000043' })]);
    const r = journalFor({ cases: [kase({ agreedOn: 'soon' }), kase({ caseId: 'RC-000043', status: 'Rejected' })], posted: first.journal, settings: USD, rates: RATES, today: '2025-04-01' });
    expect(r.problems.map((p) => `${p.caseId} ${p.field}`)).toEqual(['RC-000042 agreedOn']);
    expect(r.entries.map((e) => e.ref)).toEqual(['VC-RC-000043-AGREED-R1']);
  });
});
