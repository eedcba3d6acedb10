// A pair's score is the sum of its named signals' weights (signals.ts); nothing hidden.
import type { PCase, PLine } from './model';
import type { Assessment } from './allocation';
import { WEIGHTS, dateSignal, type SignalName } from './signals';

export interface Scored {
  score: number;
  names: SignalName[];
  hasReference: boolean;
  contradicts: boolean;
  dateDistance: number;
}

export function scorePair(pc: PCase, pl: PLine, a: Assessment, refCase: boolean, refOrder: boolean, contradicts: boolean, unmatchedBefore: boolean): Scored {
  const names: SignalName[] = [];
  if (refCase) names.push('ref:case');
  if (refOrder) names.push('ref:order');
  if (contradicts) names.push('ref:contradicts');
  if (pl.vendor) names.push(pl.vendor.vendorId === pc.c.vendorId ? (`vendor:${pl.vendor.how}` as SignalName) : 'vendor:other');
  names.push(a.fit);
  const distance = pl.day - pc.expDay;
  const date = dateSignal(distance);
  names.push(date);
  if (unmatchedBefore) names.push('decision:unmatched');
  let score = 0;
  for (const n of names) score += WEIGHTS[n];
  return { score, names, hasReference: refCase || refOrder, contradicts, dateDistance: distance };
}

/** Display form, e.g. ['ref:case', 'vendor:account', 'amount:exact', 'date:near +2d'] (built
 *  only for pairs that are kept, not for every candidate). */
export function displaySignals(names: readonly string[], distance: number): string[] {
  return names.map((n) => (n.startsWith('date:') ? `${n} ${distance >= 0 ? '+' : ''}${distance}d` : n));
}

/** The weight of a display signal ('date:near +2d' → 10). */
export function signalWeight(display: string): number {
  const name = display.split(' ')[0] as SignalName;
  return WEIGHTS[name] ?? 0;
}
