// "Pick another line": the near misses offered beside a proposal (src/domain/reconcile/alternatives.ts).
import { Decimal } from '../../src/domain/money';
import { AlternativeLines } from '../../src/domain/reconcile/alternatives';
import { FxTable } from '../../src/domain/reconcile/fx';
import { line } from './reconcileFixtures';

const MONTH = '2026-10';
const fx = new FxTable([{ date: '2026-01-01', from: 'CNY', to: 'USD', rate: new Decimal('0.14') }], 'USD');
const finder = (lines: ReturnType<typeof line>[], allocated: [string, string][] = []) =>
  new AlternativeLines({
    lines, month: MONTH, fx, feeTolerancePercent: new Decimal(2), fxTolerancePercent: new Decimal(3),
    allocated: new Map(allocated.map(([id, a]) => [id, new Decimal(a)])),
    vendorOf: new Map([['CNY', 'V1'], ['CNYFAR', 'V1']]),
  });
const d = (s: string) => new Decimal(s);

describe('alternative lines for a case under review', () => {
  const lines = [
    line('100.00', { lineId: 'EXACT', bookingDate: '2026-10-05' }),
    line('98.50', { lineId: 'FEE', bookingDate: '2026-10-06' }), // 1.5 % short: within the 2 % fee tolerance
    line('97.00', { lineId: 'FAR', bookingDate: '2026-10-06' }), // 3 % short: outside
    line('101.00', { lineId: 'OVER', bookingDate: '2026-10-07' }),
    line('100.00', { lineId: 'NOV', bookingDate: '2026-11-02' }), // another month
    line('-100.00', { lineId: 'OUT', bookingDate: '2026-10-05' }), // money out
    line('150.00', { lineId: 'PART', bookingDate: '2026-10-08' }), // 50 left after an allocation of 50.00
    line('100.00', { lineId: 'TAKEN', bookingDate: '2026-10-08' }), // fully allocated
    line('715.00', { lineId: 'CNY', bookingDate: '2026-10-09', currency: 'CNY' }), // 100.10 USD: within the 3 % FX tolerance
    line('760.00', { lineId: 'CNYFAR', bookingDate: '2026-10-09', currency: 'CNY' }), // 106.40 USD: outside
  ];
  const f = finder(lines, [['PART', '100.00'], ['TAKEN', '100.00']]);

  it('offers money in of the month within tolerance of the open amount, closest first, and the vendor\'s lines in another currency', () => {
    expect(f.find(d('100.00'), 'USD', 'V1', '2026-10-10', new Set())).toEqual(['EXACT', 'CNY', 'OVER', 'FEE']);
  });

  it('leaves out the lines named, and what is already allocated counts against a line', () => {
    expect(f.find(d('100.00'), 'USD', 'V1', '2026-10-10', new Set(['EXACT', 'CNY']))).toEqual(['OVER', 'FEE']);
    expect(f.find(d('50.00'), 'USD', 'V1', '2026-10-10', new Set())).toEqual(['PART']);
  });

  it('gives at most the limit, and nothing for a case with nothing open', () => {
    expect(f.find(d('100.00'), 'USD', 'V1', '2026-10-10', new Set(), 2)).toEqual(['EXACT', 'CNY']);
    expect(f.find(d('0'), 'USD', 'V1', '2026-10-10', new Set())).toEqual([]);
  });

  it('offers a line in another currency only when it comes from the case\'s vendor', () => {
    expect(f.find(d('100.00'), 'USD', 'V2', '2026-10-10', new Set())).toEqual(['EXACT', 'OVER', 'FEE']);
  });

  it('never offers a line whose payer is identified as another vendor, in any currency', () => {
    const g = new AlternativeLines({
      lines: [line('100.00', { lineId: 'MINE', bookingDate: '2026-10-05' }), line('100.00', { lineId: 'THEIRS', bookingDate: '2026-10-05' }), line('100.00', { lineId: 'NOBODY', bookingDate: '2026-10-05' })],
      month: MONTH, fx, feeTolerancePercent: new Decimal(2), fxTolerancePercent: new Decimal(3), allocated: new Map(),
      vendorOf: new Map([['MINE', 'V1'], ['THEIRS', 'V2']]),
    });
    expect(g.find(d('100.00'), 'USD', 'V1', '2026-10-10', new Set())).toEqual(['MINE', 'NOBODY']);
  });

  it('skips a currency it has no rate for', () => {
    expect(f.find(d('700.00'), 'EUR', 'V1', '2026-10-10', new Set())).toEqual([]);
  });
});
