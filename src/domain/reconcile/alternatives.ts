// "Pick another line" in the review: for a case waiting on a proposal, the month's other lines
// that could pay what it still waits for. The engine keeps one proposal per case (its best, or
// the tie that made it ambiguous); the reviewer also wants the near misses beside it — money in,
// not yet allocated, whose amount is within the fee tolerance of the open amount — closest amount
// first. A line in another currency is offered only when its counterparty is the case's vendor
// (within the FX tolerance): by amount alone, every currency holds some stranger's transfer
// worth about as much. A line whose payer is identified as another vendor is never offered.
import { Decimal } from '../money';
import type { StatementLine } from '../statements/line';
import type { FxTable } from './fx';

export interface AlternativeLinesInput {
  /** The month's money lines (any currency); lines out or of another month are skipped. */
  lines: readonly StatementLine[];
  month: string;
  /** Live allocations per Line ID (line currency). */
  allocated: ReadonlyMap<string, Decimal>;
  /** The vendor each line's counterparty identifies (Line ID → Vendor ID), for other currencies. */
  vendorOf: ReadonlyMap<string, string>;
  fx: FxTable;
  feeTolerancePercent: Decimal;
  fxTolerancePercent: Decimal;
}

interface Free {
  lineId: string;
  remaining: Decimal;
}

const HUNDRED = new Decimal(100);

export class AlternativeLines {
  /** Per currency, the lines with money left, by remaining amount (then Line ID): one binary search per ask. */
  private readonly byCurrency = new Map<string, Free[]>();

  constructor(private readonly input: AlternativeLinesInput) {
    for (const l of input.lines) {
      if (l.bookingDate.slice(0, 7) !== input.month || !l.amount.gt(0)) continue;
      const remaining = l.amount.minus(input.allocated.get(l.lineId) ?? 0);
      if (!remaining.gt(0)) continue;
      let list = this.byCurrency.get(l.currency);
      if (!list) this.byCurrency.set(l.currency, (list = []));
      list.push({ lineId: l.lineId, remaining });
    }
    for (const list of this.byCurrency.values()) list.sort((a, b) => a.remaining.comparedTo(b.remaining) || (a.lineId < b.lineId ? -1 : 1));
  }

  /** Up to `limit` Line IDs for `open` (> 0) of `currency` owed by `vendorId`, valued on `date`, leaving out `exclude`. */
  find(open: Decimal, currency: string, vendorId: string, date: string, exclude: ReadonlySet<string>, limit = 5): string[] {
    if (!open.gt(0)) return [];
    const found: { lineId: string; gap: Decimal }[] = [];
    for (const [cur, list] of this.byCurrency) {
      const rate = this.input.fx.rate(currency, cur, date);
      if (!rate) continue;
      const target = open.times(rate);
      const pct = cur === currency ? this.input.feeTolerancePercent : this.input.fxTolerancePercent;
      const slack = target.times(pct).div(HUNDRED);
      const low = target.minus(slack);
      const high = target.plus(slack);
      for (let i = lowerBound(list, low); i < list.length && list[i].remaining.lte(high); i++) {
        if (exclude.has(list[i].lineId)) continue;
        // Another currency: only from the case's vendor. Any currency: never a line whose payer
        // is identified as another vendor (matching scores those down as vendor:other too).
        const payer = this.input.vendorOf.get(list[i].lineId);
        if (cur !== currency ? payer !== vendorId : payer !== undefined && payer !== '' && payer !== vendorId) continue;
        // The gap in the case's currency, so lines of different currencies rank together.
        found.push({ lineId: list[i].lineId, gap: list[i].remaining.minus(target).abs().div(rate) });
      }
    }
    found.sort((a, b) => a.gap.comparedTo(b.gap) || (a.lineId < b.lineId ? -1 : 1));
    return found.slice(0, limit).map((f) => f.lineId);
  }
}

/** First index whose remaining is ≥ `low`. */
function lowerBound(list: readonly Free[], low: Decimal): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].remaining.lt(low)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
