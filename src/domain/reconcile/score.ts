// A pair's score is the sum of its named signals' weights (signals.ts); nothing hidden. The
// names are kept as a few fields per pair (not a list), and spelled out only for the pairs
// that are kept: a month has hundreds of thousands of candidates.
import type { PCase, PLine } from './model';
import type { AmountFit, Assessment } from './allocation';
import { WEIGHTS, dateSignal, type SignalName } from './signals';

export interface Scored {
  score: number;
  refCase: boolean;
  refOrder: boolean;
  hasReference: boolean;
  contradicts: boolean;
  vendorSignal: SignalName | null;
  fit: AmountFit;
  dateDistance: number;
  unmatched: boolean;
}

/** A scored candidate pair: indexes of its case and line in the engine's arrays. */
export interface Scoring extends Scored {
  ci: number;
  li: number;
}

export function scorePair(pc: PCase, pl: PLine, a: Assessment, refCase: boolean, refOrder: boolean, contradicts: boolean, unmatchedBefore: boolean): Scoring {
  const vendorSignal: SignalName | null = pl.vendor ? (pl.vendor.vendorId === pc.c.vendorId ? (`vendor:${pl.vendor.how}` as SignalName) : 'vendor:other') : null;
  const distance = pl.day - pc.expDay;
  let score = WEIGHTS[a.fit] + WEIGHTS[dateSignal(distance)];
  if (refCase) score += WEIGHTS['ref:case'];
  if (refOrder) score += WEIGHTS['ref:order'];
  if (contradicts) score += WEIGHTS['ref:contradicts'];
  if (vendorSignal) score += WEIGHTS[vendorSignal];
  if (unmatchedBefore) score += WEIGHTS['decision:unmatched'];
  // One object per candidate, built whole (a month has hundreds of thousands).
  return { score, refCase, refOrder, hasReference: refCase || refOrder, contradicts, vendorSignal, fit: a.fit, dateDistance: distance, unmatched: unmatchedBefore, ci: pc.idx, li: pl.idx };
}

/** Display form, e.g. ['ref:case', 'vendor:account', 'amount:exact', 'date:near +2d']. */
export function signalsOf(s: Scored): string[] {
  const out: string[] = [];
  if (s.refCase) out.push('ref:case');
  if (s.refOrder) out.push('ref:order');
  if (s.contradicts) out.push('ref:contradicts');
  if (s.vendorSignal) out.push(s.vendorSignal);
  out.push(s.fit);
  const d = s.dateDistance;
  out.push(`${dateSignal(d)} ${d >= 0 ? '+' : ''}${d}d`);
  if (s.unmatched) out.push('decision:unmatched');
  return out;
}

/** The weight of a display signal ('date:near +2d' → 10). */
export function signalWeight(display: string): number {
  const name = display.split(' ')[0] as SignalName;
  return WEIGHTS[name] ?? 0;
}
