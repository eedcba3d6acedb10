// Stable Line IDs: the same file imported twice gives the same IDs (so re-importing adds
// nothing), and two genuine identical transfers in one file stay two (the occurrence index).
import { formatAmount } from '../money';
import { isCurrencyCode } from '../currency';
import { fnv1a64 } from './hash';
import type { StatementLine } from './line';
import type { DraftLine } from './types';

export function fingerprint(source: string, d: DraftLine): string {
  const amount = isCurrencyCode(d.currency) ? formatAmount(d.amount, d.currency) : d.amount.toString();
  return [source, d.bookingDate || d.valueDate, amount, d.currency, d.reference].join('|');
}

/** "L" + 16 hex digits of FNV-1a 64 over source|date|amount|currency|reference|occurrence. */
export function assignLineIds(source: string, drafts: DraftLine[]): StatementLine[] {
  const seen = new Map<string, number>();
  return drafts.map((d) => {
    const fp = fingerprint(source, d);
    const n = (seen.get(fp) ?? 0) + 1;
    seen.set(fp, n);
    return { lineId: `L${fnv1a64(`${fp}|${n}`)}`, ...d };
  });
}
