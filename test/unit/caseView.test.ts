import { CaseRecord } from '../../src/domain/caseRecord';
import { isOverdue, matchesQuery, openAmountOf, openTotals, toCaseView, evidenceCountOf } from '../../src/domain/caseView';
import { addDays, daysBetween, parseImportDate } from '../../src/domain/dates';

const rec = (over: Partial<CaseRecord> = {}): CaseRecord => ({
  caseId: 'RC-000001', dateLogged: '2026-01-01', orderNo: '004512', vendorName: 'Alpha', vendorId: 'V1', vendorTag: 'Vendor_Alpha',
  reason: 'Other', reasonDetail: 'cracked screen', amount: '10.10', currency: 'USD', status: 'Logged', expectedCompletion: '2026-01-15',
  actualCompletion: '', evidence: '', receivedAmount: '', receivedCurrency: '', matchedTransactions: '', reconciledOn: '', journalRef: '',
  tags: ['urgent'], notes: '', updatedAt: '', updatedBy: '', ...over,
});

describe('case view', () => {
  test('open amount: refund less what arrived in its currency; zero once closed', () => {
    expect(openAmountOf(rec()).toString()).toBe('10.1');
    expect(openAmountOf(rec({ receivedAmount: '4.05', receivedCurrency: 'USD', status: 'Received' })).toString()).toBe('6.05');
    expect(openAmountOf(rec({ receivedAmount: '4', receivedCurrency: 'EUR' })).toString()).toBe('10.1');
    expect(openAmountOf(rec({ status: 'Written off' })).isZero()).toBe(true);
  });
  test('overdue: open, money not arrived, expected date passed (by calendar day)', () => {
    expect(isOverdue(rec(), '2026-01-15')).toBe(false);
    expect(isOverdue(rec(), '2026-01-16')).toBe(true);
    expect(isOverdue(rec({ status: 'Received' }), '2026-02-01')).toBe(false);
    expect(isOverdue(rec({ status: 'Cancelled' }), '2026-02-01')).toBe(false);
  });
  test('totals per currency are exact decimals', () => {
    const t = openTotals([rec(), rec({ amount: '0.20' }), rec({ amount: '500', currency: 'JPY' }), rec({ status: 'Reconciled' })]);
    expect(t).toEqual({ openCount: 3, openAmounts: [{ currency: 'JPY', amount: '500' }, { currency: 'USD', amount: '10.30' }] });
  });
  test('queries: every criterion must hold, all words of text', () => {
    const c = rec();
    expect(matchesQuery(c, { text: 'alpha CRACKED' }, '2026-01-02')).toBe(true);
    expect(matchesQuery(c, { text: 'alpha beta' }, '2026-01-02')).toBe(false);
    expect(matchesQuery(c, { tag: 'vendor_alpha' }, '2026-01-02')).toBe(true);
    expect(matchesQuery(c, { tag: 'urgent', status: 'open' }, '2026-01-02')).toBe(true);
    expect(matchesQuery(c, { status: 'closed' }, '2026-01-02')).toBe(false);
    expect(matchesQuery(c, { orderNo: '4512' }, '2026-01-02')).toBe(false);
    expect(matchesQuery(c, { overdue: true }, '2026-02-01')).toBe(true);
  });
  test('view has counts and no Date objects', () => {
    const v = toCaseView(rec({ evidence: '3 files' }), 7, '2026-01-02');
    expect(v).toMatchObject({ row: 7, evidenceCount: 3, open: true, overdue: false, openAmount: '10.10' });
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
    expect(evidenceCountOf('1 file')).toBe(1);
  });
});

describe('calendar dates', () => {
  test('add days across month, year and DST changes', () => {
    expect(addDays('2026-01-25', 14)).toBe('2026-02-08');
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
  });
  test('import dates: year first only', () => {
    expect(parseImportDate('2026/1/5')).toBe('2026-01-05');
    expect(parseImportDate('2026-01-05T10:00:00')).toBe('2026-01-05');
    expect(parseImportDate('05/01/2026')).toBeNull();
    expect(parseImportDate('2026-02-30')).toBeNull();
  });
});
