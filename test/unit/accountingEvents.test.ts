// The accounting events (research/accounting-formats.md §1.3, docs/accounting.md): what each
// case posts, in the base currency, balanced to the cent, and what incomplete facts report.
import { Decimal, sum } from '../../src/domain/money';
import { accountingSettings, balanceProblem, journalFor, type BaseRate, type CaseFacts, type JournalEntry, type ReceiptFact } from '../../src/domain/accounting';
import { defaultReconSettings } from '../../src/domain/reconcile/settings';
import type { ReconSettings } from '../../src/domain/reconcile/types';

const d = (v: string) => new Decimal(v);
const rate = (currency: string, r: string, asOf: string): BaseRate => ({ currency, rate: d(r), asOf });
const RATES: BaseRate[] = [
  rate('EUR', '1.08', '2025-03-01'),
  rate('EUR', '1.089', '2025-03-19'),
  rate('EUR', '1.07', '2025-03-25'),
  rate('JPY', '0.0067', '2025-01-01'),
  rate('KWD', '3.2543', '2025-01-01'),
  rate('CNY', '0.1383', '2025-01-01'),
  rate('CNY', '0.1391', '2025-03-20'),
];
const USD = accountingSettings({ 'Base Currency': 'USD' });

function kase(over: Partial<CaseFacts> = {}): CaseFacts {
  return {
    caseId: 'RC-000042', status: 'Agreed', vendorId: 'V-0098', vendorName: 'Acme Supplies Ltd', vendorTag: 'Vendor_AcmeSupplies',
    orderNo: 'INV-5521', reason: 'Damaged', amount: d('45.00'), currency: 'USD', agreedOn: '2025-03-05', receipts: [], ...over,
  };
}
function receipt(receiptId: string, date: string, amount: string, currency: string, covers: string, fee?: string): ReceiptFact {
  return { receiptId, date, amount: d(amount), currency, covers: d(covers), fee: fee === undefined ? undefined : d(fee) };
}
function run(cases: CaseFacts[], opts: { settings?: typeof USD; posted?: JournalEntry[]; rates?: BaseRate[] } = {}) {
  return journalFor({ cases, posted: opts.posted ?? [], settings: opts.settings ?? USD, rates: opts.rates ?? RATES, today: '2025-04-01' });
}
/** An entry as "REF DATE | Dr ROLE 1.00 | Cr ROLE 1.00", lines in posting order. */
function show(e: JournalEntry): string {
  const ls = e.lines.map((l) => (l.debit.isZero() ? `Cr ${l.role} ${l.credit.toFixed()}` : `Dr ${l.role} ${l.debit.toFixed()}`));
  return [`${e.ref} ${e.date}`, ...ls].join(' | ');
}
function posted(cases: CaseFacts[], settings = USD): string[] {
  const r = run(cases, { settings });
  expect(r.problems).toEqual([]);
  return r.entries.map(show);
}
/** AP–vendor balance in base currency over a case's entries (debit positive). */
function apBalance(entries: JournalEntry[]): Decimal {
  return sum(entries.flatMap((e) => e.lines.filter((l) => l.role === 'AP_VENDOR').map((l) => l.debit.minus(l.credit))));
}

describe('E1 credit agreed', () => {
  test.each([
    { name: 'default: Cr Purchase returns', setting: '', credit: 'PURCH_RETURNS', account: 'Purchase Returns and Allowances' },
    { name: 'perpetual inventory', setting: 'Inventory', credit: 'INVENTORY', account: 'Inventory' },
    { name: 'goods already sold', setting: 'COGS', credit: 'COGS', account: 'Cost of Goods Sold' },
    { name: 'agent model', setting: 'Customer refunds payable', credit: 'CUSTOMER_REFUND_PAYABLE', account: 'Customer Refunds Payable' },
  ])('$name', ({ setting, credit, account }) => {
    const settings = accountingSettings({ 'Base Currency': 'USD', 'Vendor Credit Account': setting });
    const { entries, problems } = run([kase()], { settings });
    expect(problems).toEqual([]);
    expect(entries.map(show)).toEqual([`VC-RC-000042-AGREED 2025-03-05 | Dr AP_VENDOR 45 | Cr ${credit} 45`]);
    expect(entries[0].event).toBe('CREDIT_AGREED');
    expect(entries[0].lines.map((l) => l.account)).toEqual(['Accounts Payable', account]);
    expect(entries[0].vendorId).toBe('V-0098');
  });

  test('account names and codes come from Settings; the vendor\'s own AP account overrides AP–vendor', () => {
    const settings = accountingSettings({ 'Base Currency': 'USD', 'Account: Purchase returns': 'COGS:Returns', 'Account Code: Purchase returns': '5150' });
    const plain = run([kase()], { settings }).entries[0];
    expect(plain.lines.map((l) => [l.account, l.code])).toEqual([['Accounts Payable', '2000'], ['COGS:Returns', '5150']]);
    const own = run([kase({ apAccount: 'AP – Acme', apAccountCode: '2010' })], { settings }).entries[0];
    expect(own.lines[0]).toMatchObject({ role: 'AP_VENDOR', account: 'AP – Acme', code: '2010' });
    const nameOnly = run([kase({ apAccount: 'AP – Acme' })], { settings }).entries[0];
    expect(nameOnly.lines[0]).toMatchObject({ account: 'AP – Acme', code: '2000' });
  });

  test('a refund owed in another currency is booked at the agreed day\'s rate, the original kept beside it', () => {
    const [e1] = run([kase({ amount: d('100.00'), currency: 'EUR' })]).entries;
    expect(show(e1)).toBe('VC-RC-000042-AGREED 2025-03-05 | Dr AP_VENDOR 108 | Cr PURCH_RETURNS 108');
    expect(e1.lines[0].original).toEqual({ amount: d('100.00'), currency: 'EUR', rate: d('1.08') });
    expect(e1.reference).toBeUndefined();
    expect(run([kase({ creditNoteRef: 'CN-7781' })]).entries[0]).toMatchObject({ reference: 'CN-7781' });
  });

  test.each([
    // amount, currency, base, expected base amount (rounded half up to the base's minor units)
    ['1500', 'JPY', 'USD', '10.05'],
    ['12.345', 'KWD', 'USD', '40.17'],
    ['0.005', 'KWD', 'USD', '0.02'],
    ['10.01', 'USD', 'JPY', '1496'],
    ['100.00', 'USD', 'KWD', '30.71'],
    ['1', 'JPY', 'KWD', '0.002'],
  ])('%s %s in base %s posts %s', (amount, currency, base, expected) => {
    const settings = accountingSettings({ 'Base Currency': base });
    const byBase: Record<string, BaseRate[]> = {
      USD: RATES,
      JPY: [rate('USD', '149.5', '2025-01-01')],
      KWD: [rate('USD', '0.3071', '2025-01-01'), rate('JPY', '0.00205', '2025-01-01')],
    };
    const rates = byBase[base];
    const { entries, problems } = run([kase({ amount: d(amount), currency })], { settings, rates });
    expect(problems).toEqual([]);
    expect(entries[0].lines.map((l) => l.debit.plus(l.credit).toFixed())).toEqual([d(expected).toFixed(), d(expected).toFixed()]);
    expect(entries[0].baseCurrency).toBe(base);
    expect(balanceProblem(entries[0])).toBeNull();
  });

  test.each(['Logged', 'Requested', 'Disputed'])('nothing is owed yet while %s', (status) => {
    expect(posted([kase({ status })])).toEqual([]);
  });

  test('a case that went straight to Received still gets its vendor credit first (no E3′ shortcut)', () => {
    expect(posted([kase({ status: 'Received', agreedOn: undefined, receipts: [receipt('L1', '2025-03-19', '45.00', 'USD', '45.00')] })])).toEqual([
      'VC-RC-000042-AGREED 2025-03-19 | Dr AP_VENDOR 45 | Cr PURCH_RETURNS 45',
      'VC-RC-000042-RECEIVED-L1 2025-03-19 | Dr BANK 45 | Cr AP_VENDOR 45',
    ]);
  });
});

describe('E2 refund received', () => {
  test.each([
    {
      name: 'same currency, in full',
      facts: kase({ status: 'Received', receipts: [receipt('L1', '2025-03-19', '45.00', 'USD', '45.00')] }),
      e3: ['VC-RC-000042-RECEIVED-L1 2025-03-19 | Dr BANK 45 | Cr AP_VENDOR 45'],
    },
    {
      name: 'fee short-pay: the allocation covers the gross, the bank got the net',
      facts: kase({ status: 'Received', receipts: [receipt('L1', '2025-03-19', '43.50', 'USD', '45.00')] }),
      e3: ['VC-RC-000042-RECEIVED-L1 2025-03-19 | Dr BANK 43.5 | Dr BANK_FEES 1.5 | Cr AP_VENDOR 45'],
    },
    {
      name: 'short-pay accepted by status Received: the open rest on the last receipt is the fee',
      facts: kase({ status: 'Reconciled', receipts: [receipt('L1', '2025-03-19', '43.50', 'USD', '43.50')] }),
      e3: ['VC-RC-000042-RECEIVED-L1 2025-03-19 | Dr BANK 43.5 | Dr BANK_FEES 1.5 | Cr AP_VENDOR 45'],
    },
    {
      name: 'research §1.4: EUR credit, USD net after a stated fee, realised FX gain',
      facts: kase({ status: 'Received', amount: d('100.00'), currency: 'EUR', receipts: [receipt('L1', '2025-03-19', '107.40', 'USD', '100.00', '1.50')] }),
      e3: ['VC-RC-000042-RECEIVED-L1 2025-03-19 | Dr BANK 107.4 | Dr BANK_FEES 1.5 | Cr AP_VENDOR 108 | Cr FX 0.9'],
    },
    {
      name: 'EUR received in EUR at a higher rate: FX gain',
      facts: kase({ status: 'Received', amount: d('100.00'), currency: 'EUR', receipts: [receipt('L1', '2025-03-19', '100.00', 'EUR', '100.00')] }),
      e3: ['VC-RC-000042-RECEIVED-L1 2025-03-19 | Dr BANK 108.9 | Cr AP_VENDOR 108 | Cr FX 0.9'],
    },
    {
      name: 'EUR received in EUR at a lower rate: FX loss',
      facts: kase({ status: 'Received', amount: d('100.00'), currency: 'EUR', receipts: [receipt('L1', '2025-03-25', '100.00', 'EUR', '100.00')] }),
      e3: ['VC-RC-000042-RECEIVED-L1 2025-03-25 | Dr BANK 107 | Dr FX 1 | Cr AP_VENDOR 108'],
    },
    {
      name: 'converted without a stated fee, short-paid: the whole gap is FX, as the reconciliation report calls it (no Bank fees line)',
      facts: kase({ status: 'Received', amount: d('100.00'), currency: 'EUR', receipts: [receipt('L1', '2025-03-19', '106.00', 'USD', '98.00')] }),
      // EUR 100 booked at 1.08 = 108.00; the bank got USD 106.00 and states no fee: 2.00 realised FX loss
      e3: ['VC-RC-000042-RECEIVED-L1 2025-03-19 | Dr BANK 106 | Dr FX 2 | Cr AP_VENDOR 108'],
    },
    {
      name: 'converted with a fee the statement states (Wise, PayPal): the fee stays Bank fees, the rest FX',
      facts: kase({ status: 'Received', amount: d('100.00'), currency: 'EUR', receipts: [receipt('L1', '2025-03-19', '106.00', 'USD', '98.00', '1.00')] }),
      e3: ['VC-RC-000042-RECEIVED-L1 2025-03-19 | Dr BANK 106 | Dr BANK_FEES 1 | Dr FX 1 | Cr AP_VENDOR 108'],
    },
    {
      name: 'same currency, same rate: the fee is gross − bank in base, so no rounding cent lands on FX',
      // CNY 100.01 at 0.1383 = 13.83; CNY 97.08 = 13.43 (13.426…); the fee CNY 2.93 alone would round to 0.41
      facts: kase({ status: 'Received', amount: d('100.01'), currency: 'CNY', receipts: [receipt('L1', '2025-03-19', '97.08', 'CNY', '100.01')] }),
      e3: ['VC-RC-000042-RECEIVED-L1 2025-03-19 | Dr BANK 13.43 | Dr BANK_FEES 0.4 | Cr AP_VENDOR 13.83'],
    },
    {
      name: 'same currency, the rate moved: FX is exactly gross at the bank rate − gross at the booked rate',
      // booked 03-05 at 0.1383: 13.83; paid 03-21 at 0.1391: gross 13.91, bank 13.50, fee 0.41, FX 0.08
      facts: kase({ status: 'Received', amount: d('100.01'), currency: 'CNY', receipts: [receipt('L1', '2025-03-21', '97.08', 'CNY', '100.01')] }),
      e3: ['VC-RC-000042-RECEIVED-L1 2025-03-21 | Dr BANK 13.5 | Dr BANK_FEES 0.41 | Cr AP_VENDOR 13.83 | Cr FX 0.08'],
    },
    {
      name: 'instalments: each clears its part at the booked rate, the last clears the rest exactly',
      facts: kase({
        status: 'Received', amount: d('100.00'), currency: 'EUR',
        // given out of date order: posted in date order
        receipts: [receipt('L2', '2025-03-25', '70.00', 'EUR', '70.00'), receipt('L1', '2025-03-19', '30.00', 'EUR', '30.00')],
      }),
      e3: [
        'VC-RC-000042-RECEIVED-L1 2025-03-19 | Dr BANK 32.67 | Cr AP_VENDOR 32.4 | Cr FX 0.27',
        'VC-RC-000042-RECEIVED-L2 2025-03-25 | Dr BANK 74.9 | Dr FX 0.7 | Cr AP_VENDOR 75.6',
      ],
    },
    {
      name: 'one receipt paying part: the rest stays open on the vendor',
      facts: kase({ status: 'Agreed', amount: d('100.00'), receipts: [receipt('L1', '2025-03-19', '40.00', 'USD', '40.00')] }),
      e3: ['VC-RC-000042-RECEIVED-L1 2025-03-19 | Dr BANK 40 | Cr AP_VENDOR 40'],
    },
    {
      name: 'JPY case, JPY receipt with a fee, base USD',
      facts: kase({ status: 'Received', amount: d('1500'), currency: 'JPY', receipts: [receipt('L1', '2025-03-19', '1400', 'JPY', '1500')] }),
      e3: ['VC-RC-000042-RECEIVED-L1 2025-03-19 | Dr BANK 9.38 | Dr BANK_FEES 0.67 | Cr AP_VENDOR 10.05'],
    },
    {
      name: 'KWD case in three instalments, base USD',
      facts: kase({
        status: 'Received', amount: d('10.000'), currency: 'KWD',
        receipts: [receipt('A1', '2025-03-19', '3.333', 'KWD', '3.333'), receipt('A2', '2025-03-20', '3.333', 'KWD', '3.333'), receipt('A3', '2025-03-21', '3.334', 'KWD', '3.334')],
      }),
      e3: [
        'VC-RC-000042-RECEIVED-A1 2025-03-19 | Dr BANK 10.85 | Cr AP_VENDOR 10.85',
        'VC-RC-000042-RECEIVED-A2 2025-03-20 | Dr BANK 10.85 | Cr AP_VENDOR 10.85',
            // KWD 10.000 = USD 32.54 booked; 10.85 + 10.85 cleared, so the last clears 10.84 and
        // its bank value 10.85 leaves a 0.01 gain: the rounding cent lands on FX, never lost.
        'VC-RC-000042-RECEIVED-A3 2025-03-21 | Dr BANK 10.85 | Cr AP_VENDOR 10.84 | Cr FX 0.01',
      ],
    },
  ])('$name', ({ facts, e3 }) => {
    const { entries, problems } = run([facts]);
    expect(problems).toEqual([]);
    expect(entries[0].event).toBe('CREDIT_AGREED');
    expect(entries.slice(1).map(show)).toEqual(e3);
    expect(entries.slice(1).every((e) => e.event === 'REFUND_RECEIVED')).toBe(true);
    for (const e of entries) expect(balanceProblem(e)).toBeNull();
    if (facts.status !== 'Agreed') expect(apBalance(entries).toFixed()).toBe('0');
  });

  test('many tiny instalments whose rounded parts overshoot the booked value still balance (AP share turns debit)', () => {
    // JPY 4 at 0.005 = USD 0.02 booked; each JPY 1 part rounds up to 0.01, so three clear 0.03
    // and the last must give 0.01 back to AP: a debit, balanced by the FX line.
    const rates = [rate('JPY', '0.005', '2025-01-01')];
    const receipts = ['2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13'].map((day, i) => receipt(`J${i}`, day, '1', 'JPY', '1'));
    const { entries, problems } = run([kase({ status: 'Received', amount: d('4'), currency: 'JPY', receipts })], { rates });
    expect(problems).toEqual([]);
    expect(show(entries[4])).toBe('VC-RC-000042-RECEIVED-J3 2025-03-13 | Dr AP_VENDOR 0.01 | Dr BANK 0.01 | Cr FX 0.02');
    expect(apBalance(entries).toFixed()).toBe('0');
  });

  test('the receipt and the write-off credit the AP account the posted E1 debited, even after Vendors ▸ AP Account changed', () => {
    const first = run([kase({ status: 'Agreed', amount: d('100.00') })]);
    expect(first.entries[0].lines[0]).toMatchObject({ role: 'AP_VENDOR', account: 'Accounts Payable', code: '2000' });
    // Vendors ▸ AP Account set afterwards; one part paid, the rest written off.
    const later = kase({
      status: 'Written off', amount: d('100.00'), closedOn: '2025-03-31', apAccount: 'AP – Acme', apAccountCode: '2010',
      receipts: [receipt('L1', '2025-03-19', '40.00', 'USD', '40.00')],
    });
    const r = run([later], { posted: first.entries });
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => e.ref)).toEqual(['VC-RC-000042-RECEIVED-L1', 'VC-RC-000042-WRITEOFF']);
    const apLines = r.entries.flatMap((e) => e.lines.filter((l) => l.role === 'AP_VENDOR'));
    expect(apLines.map((l) => [l.account, l.code])).toEqual([['Accounts Payable', '2000'], ['Accounts Payable', '2000']]);
    // Per account, AP nets to zero.
    const byAccount = new Map<string, Decimal>();
    for (const l of [...first.entries, ...r.entries].flatMap((e) => e.lines.filter((x) => x.role === 'AP_VENDOR'))) {
      byAccount.set(`${l.account}|${l.code}`, (byAccount.get(`${l.account}|${l.code}`) ?? d('0')).plus(l.debit).minus(l.credit));
    }
    expect([...byAccount].map(([k, v]) => `${k} ${v.toFixed()}`)).toEqual(['Accounts Payable|2000 0']);
    // A new case of the vendor takes the new account.
    expect(run([kase({ caseId: 'RC-000043', apAccount: 'AP – Acme', apAccountCode: '2010' })]).entries[0].lines[0]).toMatchObject({ account: 'AP – Acme', code: '2010' });
  });

  test('an E1 reposted after its AP account changed keeps the account it was booked to (the receipts clear that one)', () => {
    const first = run([kase({ amount: d('100.00') })]);
    const r = run([kase({ amount: d('90.00'), apAccount: 'AP – Acme' })], { posted: first.entries });
    expect(r.entries.map((e) => [e.ref, e.lines.find((l) => l.role === 'AP_VENDOR')!.account])).toEqual([
      ['VC-RC-000042-AGREED-R1', 'Accounts Payable'],
      ['VC-RC-000042-AGREED-2', 'Accounts Payable'],
    ]);
  });

  test('an E3 names its receipt: Reference and Source Ref are the statement Line ID', () => {
    const { entries } = run([kase({ status: 'Received', receipts: [receipt('L0123456789abcdef', '2025-03-19', '45.00', 'USD', '45.00')] })]);
    expect(entries[1]).toMatchObject({ ref: 'VC-RC-000042-RECEIVED-L0123456789abcdef', reference: 'L0123456789abcdef', sourceRef: 'L0123456789abcdef' });
    expect(entries[1].lines.find((l) => l.role === 'BANK')!.original).toEqual({ amount: d('45.00'), currency: 'USD', rate: d('1') });
  });
});

describe('E3 write-off of the open rest', () => {
  test.each([
    {
      name: 'after a part payment',
      facts: kase({ status: 'Written off', amount: d('100.00'), closedOn: '2025-03-31', closeReason: 'vendor closed', receipts: [receipt('L1', '2025-03-19', '40.00', 'USD', '40.00')] }),
      last: 'VC-RC-000042-WRITEOFF 2025-03-31 | Dr WRITE_OFF 60 | Cr AP_VENDOR 60',
    },
    {
      name: 'in EUR: the open rest at the booked rate, so AP ends at zero',
      facts: kase({ status: 'Written off', amount: d('100.00'), currency: 'EUR', closedOn: '2025-03-31', receipts: [receipt('L1', '2025-03-19', '30.00', 'EUR', '30.00')] }),
      last: 'VC-RC-000042-WRITEOFF 2025-03-31 | Dr WRITE_OFF 75.6 | Cr AP_VENDOR 75.6',
    },
    {
      name: 'nothing received at all',
      facts: kase({ status: 'Written off', closedOn: '2025-03-31' }),
      last: 'VC-RC-000042-WRITEOFF 2025-03-31 | Dr WRITE_OFF 45 | Cr AP_VENDOR 45',
    },
  ])('$name', ({ facts, last }) => {
    const { entries, problems } = run([facts]);
    expect(problems).toEqual([]);
    expect(show(entries[entries.length - 1])).toBe(last);
    expect(entries[entries.length - 1].event).toBe('WRITE_OFF');
    expect(apBalance(entries).toFixed()).toBe('0');
    for (const e of entries) expect(balanceProblem(e)).toBeNull();
  });

  test('a case closed as Written off before any credit existed posts nothing', () => {
    expect(posted([kase({ status: 'Written off', agreedOn: undefined, closedOn: '2025-03-31' })])).toEqual([]);
  });

  test('the write-off memo carries the close reason', () => {
    const { entries } = run([kase({ status: 'Written off', closedOn: '2025-03-31', closeReason: 'vendor insolvent' })]);
    expect(entries[1].memo).toBe('RC-000042 written off 45.00 USD: vendor insolvent');
  });
});

describe('incomplete facts: a problem naming the case and field, other cases still post', () => {
  test.each([
    { name: 'Agreed without a date', facts: kase({ agreedOn: undefined }), field: 'agreedOn' },
    { name: 'agreed date not a date', facts: kase({ agreedOn: '05/03/2025' }), field: 'agreedOn' },
    { name: 'no FX rate on or before the day', facts: kase({ currency: 'GBP', amount: d('10.00') }), field: 'rates', message: /GBP→USD on 2025-03-05/ },
    { name: 'EUR agreed before the first EUR rate', facts: kase({ currency: 'EUR', agreedOn: '2025-02-28' }), field: 'rates' },
    { name: 'unknown currency', facts: kase({ currency: 'ABC' }), field: 'currency' },
    { name: 'JPY with decimals', facts: kase({ currency: 'JPY', amount: d('12.5') }), field: 'amount' },
    { name: 'KWD with four decimals', facts: kase({ currency: 'KWD', amount: d('1.2345') }), field: 'amount' },
    { name: 'zero amount', facts: kase({ amount: d('0') }), field: 'amount' },
    { name: 'no vendor', facts: kase({ vendorId: '' }), field: 'vendorId' },
    { name: 'unknown status', facts: kase({ status: 'Paid' }), field: 'status' },
    { name: 'Received without money', facts: kase({ status: 'Received' }), field: 'receipts' },
    {
      name: 'the second receipt (as given) has a bad date',
      facts: kase({ status: 'Received', receipts: [receipt('L9', '2025-03-19', '20.00', 'USD', '20.00'), receipt('L1', '2025-02-30', '25.00', 'USD', '25.00')] }),
      field: 'receipts[1].date',
    },
    { name: 'receipt in an unknown currency', facts: kase({ receipts: [receipt('L1', '2025-03-19', '20.00', 'XYZ', '20.00')] }), field: 'receipts[0].currency' },
    { name: 'receipt without id', facts: kase({ receipts: [receipt('', '2025-03-19', '20.00', 'USD', '20.00')] }), field: 'receipts[0].receiptId' },
    { name: 'receipt more than it covers', facts: kase({ receipts: [receipt('L1', '2025-03-19', '50.00', 'USD', '40.00')] }), field: 'receipts[0].amount' },
    { name: 'receipt with a negative fee', facts: kase({ receipts: [receipt('L1', '2025-03-19', '40.00', 'EUR', '40.00', '-1')] }), field: 'receipts[0].fee' },
    {
      name: 'two receipts with one id would share a ref',
      facts: kase({ status: 'Received', receipts: [receipt('L-1', '2025-03-19', '20.00', 'USD', '20.00'), receipt('L1', '2025-03-20', '25.00', 'USD', '25.00')] }),
      field: 'receipts[1].receiptId',
    },
    { name: 'receipts cover more than the refund', facts: kase({ receipts: [receipt('L1', '2025-03-19', '30.00', 'USD', '30.00'), receipt('L2', '2025-03-19', '30.00', 'USD', '30.00')] }), field: 'receipts' },
    { name: 'Cancelled with money received', facts: kase({ status: 'Cancelled', receipts: [receipt('L1', '2025-03-19', '45.00', 'USD', '45.00')] }), field: 'receipts' },
    { name: 'Written off without a date', facts: kase({ status: 'Written off' }), field: 'closedOn' },
    { name: 'receipt in a currency without a rate that day', facts: kase({ status: 'Received', receipts: [receipt('L1', '2025-03-19', '300.00', 'CNY', '45.00')], agreedOn: '2025-03-05' }), field: 'rates', rates: RATES.filter((r) => r.currency !== 'CNY') },
  ])('$name → $field', ({ facts, field, message, rates }) => {
    const good = kase({ caseId: 'RC-000007' });
    const { entries, problems } = run([facts, good], { rates });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ caseId: 'RC-000042', field });
    expect(problems[0].message).toContain(`RC-000042, ${field}:`);
    if (message) expect(problems[0].message).toMatch(message);
    expect(entries.map((e) => e.ref)).toEqual(['VC-RC-000007-AGREED']);
  });

  test('a case given twice in one run is refused the second time', () => {
    const { entries, problems } = run([kase(), kase({ amount: d('50.00') })]);
    expect(entries.map(show)).toEqual(['VC-RC-000042-AGREED 2025-03-05 | Dr AP_VENDOR 45 | Cr PURCH_RETURNS 45']);
    expect(problems).toEqual([expect.objectContaining({ caseId: 'RC-000042', field: 'caseId' })]);
  });

  test('a case without a Case ID', () => {
    expect(run([kase({ caseId: '' })]).problems).toEqual([expect.objectContaining({ field: 'caseId', message: expect.stringContaining('(no Case ID)') })]);
  });
});

describe('rates', () => {
  test('the latest rate dated on or before the day; on a tie the later row wins', () => {
    const rates = [rate('EUR', '1.10', '2025-03-05'), rate('EUR', '1.00', '2025-01-01'), rate('EUR', '1.08', '2025-03-05')];
    expect(show(run([kase({ currency: 'EUR', amount: d('100.00') })], { rates }).entries[0])).toContain('Dr AP_VENDOR 108 |');
    expect(show(run([kase({ currency: 'EUR', amount: d('100.00'), agreedOn: '2025-03-04' })], { rates }).entries[0])).toContain('Dr AP_VENDOR 100 |');
  });
});

describe('every entry balances to the minor unit of the base currency', () => {
  // A deterministic sweep of many cases: currencies with 0, 2 and 3 minor units, instalments,
  // fees, other-currency receipts, part payments, write-offs. Each entry must balance exactly,
  // carry no more decimals than the base allows, and a closed case must leave AP at zero.
  let seed = 42;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const CURRENCIES = ['USD', 'EUR', 'JPY', 'KWD', 'CNY'];
  const DAYS = ['2025-03-05', '2025-03-19', '2025-03-20', '2025-03-25', '2025-03-28'];
  const amountIn = (ccy: string, minor: number) => {
    const places = ccy === 'JPY' ? 0 : ccy === 'KWD' ? 3 : 2;
    return new Decimal(minor).div(new Decimal(10).pow(places));
  };
  const bases = ['USD', 'JPY', 'KWD'];
  const USD_IN: Record<string, string> = { JPY: '149.37', KWD: '0.3071' };

  test.each(bases)('base %s', (base) => {
    const settings = accountingSettings({ 'Base Currency': base });
    // Cross rates into JPY / KWD bases (only what the base needs).
    const rates = base === 'USD' ? RATES : [rate('USD', USD_IN[base], '2025-01-01'), ...RATES.filter((r) => r.currency !== base).map((r) => ({ ...r, rate: r.rate.times(USD_IN[base]) }))];
    const cases: CaseFacts[] = [];
    for (let n = 1; n <= 300; n++) {
      const currency = CURRENCIES[next(CURRENCIES.length)];
      const total = 1 + next(500000);
      const parts = next(4);
      const receipts: ReceiptFact[] = [];
      let left = total;
      for (let p = 0; p < parts && left > 0; p++) {
        const share = p === parts - 1 ? left : 1 + next(left);
        left -= share;
        const other = next(3) === 0 ? CURRENCIES[next(CURRENCIES.length)] : currency;
        const covers = amountIn(currency, share);
        const fee = next(3) === 0 ? next(Math.max(1, Math.floor(share / 20))) : 0;
        const amount = other === currency ? amountIn(currency, Math.max(1, share - fee)) : amountIn(other, 1 + next(800000));
        receipts.push({ receiptId: `L${n}x${p}`, date: DAYS[1 + next(4)], amount, currency: other, covers, fee: other !== currency && fee ? amountIn(other, fee) : undefined });
      }
      const drawn = ['Agreed', 'Received', 'Reconciled', 'Written off'][next(4)];
      const status = receipts.length || drawn === 'Written off' ? drawn : 'Agreed';
      cases.push({ ...kase({ caseId: `RC-${String(n).padStart(6, '0')}`, amount: amountIn(currency, total), currency, status, receipts, closedOn: '2025-03-31' }) });
    }
    const { entries, problems } = run(cases, { settings, rates });
    expect(problems).toEqual([]);
    expect(entries.length).toBeGreaterThan(300);
    for (const e of entries) {
      expect([e.ref, balanceProblem(e)]).toEqual([e.ref, null]);
      expect(e.baseCurrency).toBe(base);
    }
    const byCase = new Map<string, JournalEntry[]>();
    for (const e of entries) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
    for (const c of cases) {
      if (c.status === 'Agreed') continue;
      if (c.status === 'Written off' || c.receipts.length) expect([c.caseId, apBalance(byCase.get(c.caseId)!).toFixed()]).toEqual([c.caseId, '0']);
    }
    // Run twice: nothing new.
    expect(run(cases, { settings, rates, posted: entries })).toEqual({ entries: [], problems: [], shortPaid: [] });
  });
});

describe('a Received or Reconciled case short beyond the fee tolerance: the gap stays on AP–vendor, never Bank fees', () => {
  // Reconciliation's own rule (settleToleranceMinor over Settings' fee tolerance): here 1% of the
  // refund with a USD 2.00 floor, at most 10%, so a USD 100.00 case settles from USD 98.00 up.
  const TOL = defaultReconSettings('USD');
  const runTol = (cases: CaseFacts[], posted: JournalEntry[] = [], tolerance: ReconSettings = TOL) =>
    journalFor({ cases, posted, settings: USD, rates: RATES, today: '2025-04-01', tolerance });
  const hundred = (over: Partial<CaseFacts>) => kase({ amount: d('100.00'), ...over });
  const roles = (entries: JournalEntry[]) => entries.flatMap((e) => e.lines.map((l) => l.role));

  test.each(['Received', 'Reconciled'])('USD 100.00 %s with USD 50.00 received (a typed Received Amount): Dr Bank 50 / Cr AP 50, AP keeps 50.00 open, no Bank fees', (status) => {
    const r = runTol([hundred({ status, receipts: [receipt('MANUAL', '2025-03-19', '50.00', 'USD', '50.00')] })]);
    expect(r.problems).toEqual([]);
    expect(r.entries.map(show)).toEqual([
      'VC-RC-000042-AGREED 2025-03-05 | Dr AP_VENDOR 100 | Cr PURCH_RETURNS 100',
      'VC-RC-000042-RECEIVED-MANUAL 2025-03-19 | Dr BANK 50 | Cr AP_VENDOR 50',
    ]);
    expect(roles(r.entries)).not.toContain('BANK_FEES');
    expect(apBalance(r.entries).toFixed(2)).toBe('50.00');
    expect(r.shortPaid).toEqual([{ caseId: 'RC-000042', currency: 'USD', amount: d('100.00'), covered: d('50.00'), open: d('50.00'), tolerance: d('2.00'), converted: false }]);
  });

  test('USD 99.50 received: within the tolerance, Bank fees 0.50 as before, AP cleared, nothing short', () => {
    const r = runTol([hundred({ status: 'Received', receipts: [receipt('MANUAL', '2025-03-19', '99.50', 'USD', '99.50')] })]);
    expect(r.problems).toEqual([]);
    expect(r.entries.slice(1).map(show)).toEqual(['VC-RC-000042-RECEIVED-MANUAL 2025-03-19 | Dr BANK 99.5 | Dr BANK_FEES 0.5 | Cr AP_VENDOR 100']);
    expect(apBalance(r.entries).toFixed()).toBe('0');
    expect(r.shortPaid).toEqual([]);
  });

  test('the edge is the tolerance itself: USD 2.00 short is a fee, USD 2.01 short stays open', () => {
    const at = runTol([hundred({ status: 'Received', receipts: [receipt('L1', '2025-03-19', '98.00', 'USD', '98.00')] })]);
    expect(at.entries.slice(1).map(show)).toEqual(['VC-RC-000042-RECEIVED-L1 2025-03-19 | Dr BANK 98 | Dr BANK_FEES 2 | Cr AP_VENDOR 100']);
    const past = runTol([hundred({ status: 'Received', receipts: [receipt('L1', '2025-03-19', '97.99', 'USD', '97.99')] })]);
    expect(past.entries.slice(1).map(show)).toEqual(['VC-RC-000042-RECEIVED-L1 2025-03-19 | Dr BANK 97.99 | Cr AP_VENDOR 97.99']);
    expect(past.shortPaid.map((s) => s.open.toFixed(2))).toEqual(['2.01']);
  });

  test('the tolerance is the one passed in (Settings): with no floor and 0.1%, 0.50 short is no longer a fee', () => {
    const tight: ReconSettings = { ...TOL, feeTolerancePercent: d('0.1'), feeToleranceMinimum: { '*': d('0') } };
    const r = runTol([hundred({ status: 'Received', receipts: [receipt('L1', '2025-03-19', '99.50', 'USD', '99.50')] })], [], tight);
    expect(r.entries.slice(1).map(show)).toEqual(['VC-RC-000042-RECEIVED-L1 2025-03-19 | Dr BANK 99.5 | Cr AP_VENDOR 99.5']);
    expect(r.shortPaid.map((s) => [s.open.toFixed(2), s.tolerance.toFixed(2)])).toEqual([['0.50', '0.10']]);
  });

  test('instalments short in total: each clears what it covers, the rest stays open', () => {
    const r = runTol([hundred({ status: 'Reconciled', receipts: [receipt('L1', '2025-03-19', '30.00', 'USD', '30.00'), receipt('L2', '2025-03-20', '40.00', 'USD', '40.00')] })]);
    expect(r.entries.slice(1).map(show)).toEqual([
      'VC-RC-000042-RECEIVED-L1 2025-03-19 | Dr BANK 30 | Cr AP_VENDOR 30',
      'VC-RC-000042-RECEIVED-L2 2025-03-20 | Dr BANK 40 | Cr AP_VENDOR 40',
    ]);
    expect(apBalance(r.entries).toFixed(2)).toBe('30.00');
  });

  test('converted money short beyond the fee and FX bands: AP cleared for what it covers at the booked rate, the rest stays open (not FX)', () => {
    // EUR 100.00 booked at 1.08 = USD 108.00; USD 43.56 covers EUR 40.00 (reconciliation's covers).
    // Tolerance: EUR 2.00 fee floor + 2% FX band of 100.00 = EUR 4.00; EUR 60.00 is far beyond.
    const r = runTol([kase({ status: 'Received', amount: d('100.00'), currency: 'EUR', receipts: [receipt('L1', '2025-03-19', '43.56', 'USD', '40.00')] })]);
    expect(r.problems).toEqual([]);
    expect(r.entries.slice(1).map(show)).toEqual(['VC-RC-000042-RECEIVED-L1 2025-03-19 | Dr BANK 43.56 | Cr AP_VENDOR 43.2 | Cr FX 0.36']);
    expect(apBalance(r.entries).toFixed(2)).toBe('64.80');
    expect(r.shortPaid).toEqual([expect.objectContaining({ caseId: 'RC-000042', currency: 'EUR', open: d('60.00'), tolerance: d('4.00'), converted: true })]);
    // Within the bands, the whole gap is FX as before.
    const near = runTol([kase({ status: 'Received', amount: d('100.00'), currency: 'EUR', receipts: [receipt('L1', '2025-03-19', '106.00', 'USD', '97.00')] })]);
    expect(near.entries.slice(1).map(show)).toEqual(['VC-RC-000042-RECEIVED-L1 2025-03-19 | Dr BANK 106 | Dr FX 2 | Cr AP_VENDOR 108']);
    expect(near.shortPaid).toEqual([]);
  });

  test('an entry booked with the gap as Bank fees is reversed and re-posted (never edited, even when exported); a later write-off takes the rest', () => {
    // What the old rule booked: the whole gap as Bank fees (any tolerance wide enough reproduces it).
    const wide: ReconSettings = { ...TOL, feeToleranceMinimum: { '*': d('100') }, feeToleranceMaxPercent: d('100') };
    const facts = hundred({ status: 'Received', receipts: [receipt('MANUAL', '2025-03-19', '50.00', 'USD', '50.00')] });
    const old = runTol([facts], [], wide).entries.map((e) => ({ ...e, exportedBatch: 'EXP-2025-03-31-001' }));
    expect(old.map(show)[1]).toBe('VC-RC-000042-RECEIVED-MANUAL 2025-03-19 | Dr BANK 50 | Dr BANK_FEES 50 | Cr AP_VENDOR 100');
    const before = JSON.stringify(old);

    const fix = runTol([facts], old);
    expect(fix.problems).toEqual([]);
    expect(fix.entries.map(show)).toEqual([
      'VC-RC-000042-RECEIVED-MANUAL-R1 2025-04-01 | Dr AP_VENDOR 100 | Cr BANK 50 | Cr BANK_FEES 50',
      'VC-RC-000042-RECEIVED-MANUAL-2 2025-04-01 | Dr BANK 50 | Cr AP_VENDOR 50',
    ]);
    expect(fix.entries.every((e) => !e.exportedBatch)).toBe(true);
    expect(JSON.stringify(old)).toBe(before);
    const books = [...old, ...fix.entries];
    expect(apBalance(books).toFixed(2)).toBe('50.00');
    expect(sum(books.flatMap((e) => e.lines.filter((l) => l.role === 'BANK_FEES').map((l) => l.debit.minus(l.credit)))).toFixed()).toBe('0');
    // Run again: nothing new, still reported short.
    const again = runTol([facts], books);
    expect(again.entries).toEqual([]);
    expect(again.shortPaid.map((s) => s.caseId)).toEqual(['RC-000042']);
    // Written off afterwards: the receipt entry stands, the open 50.00 is written off, AP ends at 0.
    const off = runTol([{ ...facts, status: 'Written off', closedOn: '2025-04-02' }], books);
    expect(off.entries.map(show)).toEqual(['VC-RC-000042-WRITEOFF 2025-04-02 | Dr WRITE_OFF 50 | Cr AP_VENDOR 50']);
    expect(apBalance([...books, ...off.entries]).toFixed()).toBe('0');
    expect(off.shortPaid).toEqual([]);
  });
});
