// Statement tab names carry the period they cover (src/sheets/statementRepo.ts): the
// reconciliation dialog offers those months even when they are older than the last twelve.
import { periodLabel, periodMonths } from '../../src/sheets/statementRepo';

describe('the months a statement tab covers', () => {
  test.each([
    ['Stmt CMB 2026-09..11', ['2026-09', '2026-10', '2026-11']],
    ['Stmt Wise 2025-12..2026-02', ['2025-12', '2026-01', '2026-02']],
    ['Stmt Vendor V005 2026-11', ['2026-11']],
    ['Stmt PayPal 2026-09..11 (2)', ['2026-09', '2026-10', '2026-11']],
    ['Stmt Pasted undated', []],
  ])('%s', (name, months) => {
    expect(periodMonths(name)).toEqual(months);
  });

  test('reads back every label periodLabel writes', () => {
    for (const [from, to] of [['2026-01-05', '2026-01-31'], ['2025-11-01', '2026-03-31'], ['2026-02-01', '2026-12-31']]) {
      const months = periodMonths(`Stmt X ${periodLabel(from, to)}`);
      expect([months[0], months[months.length - 1]]).toEqual([from.slice(0, 7), to.slice(0, 7)]);
    }
  });
});
