// A past month's report is drawn as the month ended: money booked in a later month (a live
// allocation from a later month's run) does not take a case off its waiting list, nor its
// "short" difference, while the case outcome itself (what Cases is written from) counts it.
import { Decimal } from '../../src/domain/money';
import { FxTable } from '../../src/domain/reconcile/fx';
import { summarize } from '../../src/domain/reconcile/report';
import { kase, line, run } from './reconcileFixtures';

const d = (s: string) => new Decimal(s);

describe('a past month re-run after a later month paid', () => {
  const c = kase(1, '100.00', { dateLogged: '2026-09-10', expectedCompletion: '2026-09-20' });
  const sept = line('50.00', { lineId: 'SEP', bookingDate: '2026-09-25', reference: 'RC-000001 part 1/2' });
  const oct = line('50.00', { lineId: 'OCT', bookingDate: '2026-10-05', reference: 'RC-000001 part 2/2' });
  const live = (lineId: string) => ({ caseId: c.caseId, lineId, state: 'auto' as const, amount: d('50.00'), covers: d('50.00') });
  const ctx = (month: string) => ({
    month, today: '2026-12-03', baseCurrency: 'USD', statements: [], cases: new Map([[c.caseId, c]]),
    lines: new Map([sept, oct].map((l) => [l.lineId, { line: l, statement: 'Stmt X' }])), fx: new FxTable([], 'USD'), vendorComparisons: [],
  });

  it('before the later month: the case waits for 50.00 and is short by 50.00', () => {
    const r = run([c], [sept, oct], { month: '2026-09', decisions: [live('SEP')] });
    const o = r.cases.find((x) => x.caseId === c.caseId)!;
    expect({ open: o.open.toString(), settled: o.settled, atMonthEnd: o.atMonthEnd }).toEqual({ open: '50', settled: false, atMonthEnd: undefined });
    expect(r.differences.map((x) => `${x.kind} ${x.amount.toString()}`)).toEqual(['short 50']);
    expect(summarize(r, ctx('2026-09')).counts.waiting).toBe(1);
  });

  it('after it: the same report — waiting 50.00 as of 30 September, short by 50.00 — while the outcome is settled now', () => {
    const r = run([c], [sept, oct], { month: '2026-09', decisions: [live('SEP'), live('OCT')] });
    const o = r.cases.find((x) => x.caseId === c.caseId)!;
    expect({ open: o.open.toString(), settled: o.settled }).toEqual({ open: '0', settled: true });
    expect(o.atMonthEnd).toEqual({ open: d('50.00'), settled: false, matchStatus: 'partial' });
    expect(r.differences.map((x) => `${x.kind} ${x.amount.toString()}`)).toEqual(['short 50']);
    const s = summarize(r, ctx('2026-09'));
    expect(s.counts.waiting).toBe(1);
    expect(s.byCurrency.find((x) => x.currency === 'USD')!.waitingAmount).toBe('50.00');
  });

  it('the later month itself sees the case settled, with no difference left', () => {
    const r = run([c], [sept, oct], { month: '2026-10', decisions: [live('SEP'), live('OCT')] });
    const o = r.cases.find((x) => x.caseId === c.caseId)!;
    expect({ settled: o.settled, atMonthEnd: o.atMonthEnd }).toEqual({ settled: true, atMonthEnd: undefined });
    expect(r.differences).toEqual([]);
    expect(summarize(r, ctx('2026-10')).counts.waiting).toBe(0);
  });
});
