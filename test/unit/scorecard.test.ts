// The scorecard's metrics on small sets worked out by hand (docs/api-scorecard.md defines them),
// and the tab's layout.
import { CaseRecord } from '../../src/domain/caseRecord';
import { Decimal } from '../../src/domain/money';
import { computeScorecard, lastMonths, latestRates, median, percentile, ScorecardInput, vendorCard } from '../../src/domain/scorecard';
import { SCORECARD_HEADERS } from '../../src/sheets/layout';
import { scorecardBlock, vendorHeaders } from '../../src/sheets/scorecardRepo';

let seq = 0;
const rec = (over: Partial<CaseRecord> = {}): CaseRecord => ({
  caseId: `RC-${String(++seq).padStart(6, '0')}`, dateLogged: '2026-11-01', orderNo: '1', vendorName: 'Alpha', vendorId: 'V1',
  vendorTag: 'Vendor_Alpha', reason: 'Damaged goods', reasonDetail: '', amount: '10.00', currency: 'USD', status: 'Logged',
  expectedCompletion: '2026-11-15', actualCompletion: '', evidence: '', receivedAmount: '', receivedCurrency: '',
  matchedTransactions: '', reconciledOn: '', journalRef: '', tags: [], notes: '', updatedAt: '', updatedBy: '', ...over,
});
const VENDORS = [
  { vendorId: 'V1', name: 'Alpha', tag: 'Vendor_Alpha' },
  { vendorId: 'V2', name: 'Beta', tag: 'Vendor_Beta' },
];
const input = (cases: CaseRecord[], over: Partial<ScorecardInput> = {}): ScorecardInput => ({
  cases, vendors: VENDORS, baseCurrency: 'USD', fxRates: [], today: '2026-12-03', ...over,
});
/** A case completed `days` after logging, expected after `sla` days. */
const done = (days: number, sla: number, over: Partial<CaseRecord> = {}) => {
  const logged = '2026-11-01';
  const at = (n: number) => `2026-11-${String(1 + n).padStart(2, '0')}`;
  return rec({ dateLogged: logged, status: 'Received', actualCompletion: at(days), expectedCompletion: at(sla), ...over });
};

describe('median and p90 (nearest rank)', () => {
  test('by hand', () => {
    expect(median([])).toBeNull();
    expect(percentile([], 90)).toBeNull();
    expect(median([7])).toBe(7);
    expect(percentile([7], 90)).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 10])).toBe(3.5); // (3 + 4) / 2
    // 10 values 1..10: rank ceil(0.9 × 10) = 9 → 9
    expect(percentile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 90)).toBe(9);
    // 4 values: rank ceil(3.6) = 4 → the largest
    expect(percentile([2, 30, 4, 6], 90)).toBe(30);
    // 11 values 0..10: rank ceil(9.9) = 10 → 9
    expect(percentile([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
  });

  test('days from Date Logged to Actual Completion of Received/Reconciled cases only', () => {
    const cases = [
      done(2, 10), done(4, 10), done(9, 10, { status: 'Reconciled' }), done(29, 10),
      rec({ status: 'Written off', actualCompletion: '2026-11-03' }), // closed without money: no days
      rec({ status: 'Received', actualCompletion: '' }), // no date: not counted
    ];
    const v = computeScorecard(input(cases)).vendors[0];
    expect(v.completed).toBe(4);
    expect(v.medianDaysToRefund).toBe(6.5); // 2 4 | 9 29 → (4 + 9) / 2
    expect(v.p90DaysToRefund).toBe(29); // rank ceil(3.6) = 4
  });

  test('a month boundary and a year end count calendar days', () => {
    const cases = [rec({ dateLogged: '2025-12-30', status: 'Reconciled', actualCompletion: '2026-01-02', expectedCompletion: '2026-01-01' })];
    const v = computeScorecard(input(cases)).vendors[0];
    expect(v.medianDaysToRefund).toBe(3);
    expect(v.onTime).toEqual({ count: 0, of: 1, pct: 0 });
  });
});

describe('on-time %', () => {
  test('completed on or before Expected Completion; cases without an expected date are left out', () => {
    const cases = [
      done(5, 5), // on the day: on time
      done(4, 5), // early
      done(6, 5), // late
      done(3, 5, { expectedCompletion: '' }), // not in the denominator
      rec(), // open: not in the denominator
    ];
    const v = computeScorecard(input(cases)).vendors[0];
    expect(v.onTime).toEqual({ count: 2, of: 3, pct: 66.7 });
    expect(v.completed).toBe(4);
  });

  test('no completed case → null, shown blank', () => {
    const v = computeScorecard(input([rec()])).vendors[0];
    expect(v.onTime).toEqual({ count: 0, of: 0, pct: null });
    expect(v.medianDaysToRefund).toBeNull();
  });
});

describe('amounts and FX', () => {
  const rates = [
    { currency: 'CNY', rate: new Decimal('0.14'), asOf: '2026-11-01' },
    { currency: 'CNY', rate: new Decimal('0.15'), asOf: '2026-11-30' }, // latest wins
    { currency: 'CNY', rate: new Decimal('0.99'), asOf: '' }, // undated: oldest
    { currency: 'JPY', rate: new Decimal('0.0067'), asOf: '2026-11-30' },
  ];

  test('the latest rate per currency', () => {
    const m = latestRates(rates, 'USD');
    expect(m.get('CNY')!.rate.toString()).toBe('0.15');
    expect(m.has('EUR')).toBe(false);
  });

  test('claimed, refunded and open per currency; base totals; a missing rate is named, never invented', () => {
    const cases = [
      rec({ amount: '100.00', currency: 'CNY' }), // open 100 CNY
      rec({ amount: '0.10', currency: 'USD' }),
      rec({ amount: '0.20', currency: 'USD', status: 'Agreed', receivedAmount: '0.05', receivedCurrency: 'USD' }), // open 0.15
      rec({ amount: '1000', currency: 'JPY', status: 'Reconciled', receivedAmount: '1000', receivedCurrency: 'JPY' }),
      rec({ amount: '50.00', currency: 'EUR' }), // no EUR rate
      rec({ amount: '7.00', currency: 'USD', status: 'Cancelled' }), // not claimed
      rec({ amount: '12.345', currency: 'KWD', status: 'Rejected' }), // no KWD rate
    ];
    const v = computeScorecard(input(cases, { fxRates: rates })).vendors[0];
    expect(v.claimed).toEqual([
      { currency: 'CNY', amount: '100.00' }, { currency: 'EUR', amount: '50.00' }, { currency: 'JPY', amount: '1000' },
      { currency: 'KWD', amount: '12.345' }, { currency: 'USD', amount: '0.30' },
    ]);
    expect(v.refunded).toEqual([{ currency: 'JPY', amount: '1000' }, { currency: 'USD', amount: '0.05' }]);
    expect(v.open).toEqual([{ currency: 'CNY', amount: '100.00' }, { currency: 'EUR', amount: '50.00' }, { currency: 'USD', amount: '0.25' }]);
    // burden: 100 × 0.15 + 1000 × 0.0067 + 0.30 = 15 + 6.7 + 0.3 = 22.00 (EUR and KWD left out)
    expect(v.burdenBase).toBe('22.00');
    expect(v.refundedBase).toBe('6.75'); // 6.70 + 0.05
    expect(v.openBase).toBe('15.25'); // 15 + 0.25
    expect(v.missingRates).toEqual(['EUR', 'KWD']);
    expect(v.notInBase).toEqual([{ currency: 'EUR', amount: '50.00' }, { currency: 'KWD', amount: '12.345' }]);
  });

  test('decimal sums stay exact', () => {
    const cases = Array.from({ length: 10 }, () => rec({ amount: '0.10' }));
    expect(computeScorecard(input(cases)).vendors[0].burdenBase).toBe('1.00');
  });

  test('a case with an unreadable amount is counted but left out of the money, and listed', () => {
    const card = computeScorecard(input([rec({ amount: 'abc' }), rec({ currency: 'XXY' }), rec()]));
    expect(card.vendors[0].cases).toBe(3);
    expect(card.vendors[0].burdenBase).toBe('10.00');
    expect(card.unreadable.map((u) => u.problem)).toEqual(['Refund Amount "abc" is not a number', 'currency "XXY" is not an ISO 4217 code']);
  });
});

describe('counts, rates, reasons, trend', () => {
  test('open, overdue, dispute and rejection rates, top 3 reasons, six months', () => {
    const cases = [
      rec({ status: 'Logged', expectedCompletion: '2026-12-02', reason: 'Wrong item', dateLogged: '2026-12-01' }), // overdue
      rec({ status: 'Received', expectedCompletion: '2026-12-02', reason: 'Wrong item', dateLogged: '2026-07-31' }), // money in: not overdue
      rec({ status: 'Disputed', expectedCompletion: '2026-12-03', reason: 'Overcharge', dateLogged: '2026-06-30' }), // due today: not overdue; before the window
      rec({ status: 'Agreed', expectedCompletion: '2026-12-10', notes: 'asked\n2026-11-20 Disputed: vendor denies', reason: 'Wrong item' }), // was disputed
      rec({ status: 'Rejected', reason: 'Damaged goods', dateLogged: '2026-07-01' }),
      rec({ status: 'Cancelled', reason: 'Short shipment' }),
    ];
    const v = computeScorecard(input(cases)).vendors[0];
    expect(v.cases).toBe(6);
    expect(v.openCases).toBe(4);
    expect(v.overdueOpen).toBe(1);
    expect(v.disputes).toEqual({ count: 2, of: 6, pct: 33.3 });
    expect(v.rejections).toEqual({ count: 1, of: 6, pct: 16.7 });
    expect(v.topReasons).toEqual([
      { reason: 'Wrong item', count: 3 }, { reason: 'Damaged goods', count: 1 }, { reason: 'Overcharge', count: 1 },
    ]);
    expect(v.trend).toEqual([
      { month: '2026-07', count: 2 }, { month: '2026-08', count: 0 }, { month: '2026-09', count: 0 },
      { month: '2026-10', count: 0 }, { month: '2026-11', count: 2 }, { month: '2026-12', count: 1 },
    ]);
  });

  test('six months across a year end', () => {
    expect(lastMonths('2027-02-10')).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe('ranking', () => {
  test('by burden in base, ties by open cases, then name; vendors without cases last; unknown vendor IDs kept', () => {
    const vendors = [...VENDORS, { vendorId: 'V3', name: 'Gamma', tag: 'Vendor_Gamma' }, { vendorId: 'V4', name: 'Delta', tag: 'Vendor_Delta' }];
    const cases = [
      rec({ vendorId: 'V1', amount: '10.00', status: 'Reconciled' }), // 10, 0 open
      rec({ vendorId: 'V2', amount: '5.00' }), rec({ vendorId: 'V2', amount: '5.00' }), // 10, 2 open
      rec({ vendorId: 'V3', amount: '100', currency: 'CNY' }), // 100 CNY × 0.15 = 15
      rec({ vendorId: 'V9', vendorName: 'Stranger', amount: '1.00' }),
    ];
    const card = computeScorecard(input(cases, { vendors, fxRates: [{ currency: 'CNY', rate: new Decimal('0.15'), asOf: '' }] }));
    expect(card.vendors.map((v) => [v.rank, v.vendorId, v.burdenBase])).toEqual([
      [1, 'V3', '15.00'], [2, 'V2', '10.00'], [3, 'V1', '10.00'], [4, 'V9', '1.00'], [5, 'V4', '0.00'],
    ]);
    expect(card.vendors[3]).toMatchObject({ vendorName: 'Stranger', knownVendor: false });
    expect(card.vendors[4]).toMatchObject({ cases: 0, medianDaysToRefund: null, topReasons: [] });
    expect(vendorCard(card, 'V2')).toMatchObject({ rank: 2, of: 5, asOf: '2026-12-03', baseCurrency: 'USD' });
    expect(vendorCard(card, 'NOPE')).toBeNull();
  });

  test('per free tag: a case with two tags counts in both', () => {
    const cases = [
      rec({ vendorId: 'V1', tags: ['urgent', 'q4'] }), rec({ vendorId: 'V2', tags: ['urgent'], amount: '30.00' }), rec({ vendorId: 'V2' }),
    ];
    const card = computeScorecard(input(cases));
    expect(card.tags.map((t) => [t.tag, t.cases, t.vendors, t.burdenBase])).toEqual([['urgent', 2, 2, '40.00'], ['q4', 1, 1, '10.00']]);
    expect(card.totals.cases).toBe(3);
  });
});

describe('empty workbook', () => {
  test('no vendors and no cases', () => {
    const card = computeScorecard(input([], { vendors: [] }));
    expect(card.vendors).toEqual([]);
    expect(card.tags).toEqual([]);
    expect(card.totals).toMatchObject({ cases: 0, burdenBase: '0.00', medianDaysToRefund: null, onTime: { pct: null }, disputes: { pct: null } });
    const block = scorecardBlock(card, { zone: 'Asia/Shanghai', time: '2026-12-03T10:00:00+08:00' });
    expect(block.values[0].slice(0, 2)).toEqual(['As of', '2026-12-03']);
    expect(block.values[0].slice(3, 6)).toEqual(['Rank', 'Vendor ID', 'Vendor Name']);
  });

  test('a bad today is refused', () => {
    expect(() => computeScorecard(input([], { today: '03/12/2026' }))).toThrow(/not a date/);
  });
});

describe('the tab layout', () => {
  test('row 1 holds every header Set up workbook expects (so a re-run of setup adds nothing)', () => {
    const header = vendorHeaders(lastMonths('2026-12-03'));
    for (const h of SCORECARD_HEADERS) expect(header).toContain(h);
  });

  test('amounts as numbers in base decimals, rates as fractions, text cells formatted as text', () => {
    const cases = [done(3, 10, { amount: '12.50', receivedAmount: '12.50', receivedCurrency: 'USD', tags: ['=cmd'] })];
    const card = computeScorecard(input(cases, { vendors: [VENDORS[0]], baseCurrency: 'JPY', fxRates: [{ currency: 'USD', rate: new Decimal('150'), asOf: '' }] }));
    const block = scorecardBlock(card, { zone: 'UTC', time: 't' });
    const header = block.values[0].slice(3) as string[];
    const row = block.values[1].slice(3);
    const fmt = block.formats[1].slice(3);
    const at = (h: string) => header.indexOf(h);
    expect(row[at('Burden (base)')]).toBe(1875);
    expect(fmt[at('Burden (base)')]).toBe('#,##0');
    expect(row[at('On-time %')]).toBe(1);
    expect(fmt[at('On-time %')]).toBe('0.0%');
    expect(row[at('Claimed by Currency')]).toBe('USD 12.50');
    expect(fmt[at('Vendor Name')]).toBe('@');
    // the tag table follows after a blank row, its header bold like row 1
    expect(block.headerRows).toEqual([1, 4]);
    expect(block.values[3][3 + 1]).toBe('Tag');
    expect(block.values[4][3 + 1]).toBe('=cmd');
    expect(block.formats[4][3 + 1]).toBe('@');
  });
});
