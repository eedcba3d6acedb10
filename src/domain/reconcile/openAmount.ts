// How much of a case is still open, and how close counts as paid. Tolerances are in the case
// currency's minor units and computed exactly with Decimal once per case (not per comparison).
import type { ReconSettings } from './types';
import { basisPoints, decimalToMinorInt, minorScale, percentOfMinor } from './minor';

/** A short payment up to this (minor units) still pays the case; the gap is a fee write-off.
 *  max(percent, flat floor), but never more than the cap percent: a 2 USD wire fee floor must
 *  not let a 0.10 instalment "pay" a 1.00 case. */
export function feeToleranceMinor(openMinor: number, currency: string, s: ReconSettings): number {
  const t = tolerances(s);
  let floor = t.floors.get(currency);
  if (floor === undefined) {
    const min = s.feeToleranceMinimum[currency] ?? s.feeToleranceMinimum['*'];
    t.floors.set(currency, (floor = min ? decimalToMinorInt(min.times(minorScale(currency))) : 0));
  }
  return Math.min(Math.max(percentOfMinor(openMinor, t.feeBp), floor), percentOfMinor(openMinor, t.capBp));
}

/** How far short of the refund (minor units of the case currency) the money a case received may
 *  be and still settle it: the fee tolerance of the refund, plus the FX band when any of the
 *  money came in another currency. The one rule for "covered within tolerance": reconciliation
 *  moves a case to Reconciled by it, and the journal books only such a gap as fee or FX.
 *  `feeTol` is the refund's fee tolerance when the caller already has it. */
export function settleToleranceMinor(refundMinor: number, currency: string, converted: boolean, s: ReconSettings, feeTol = feeToleranceMinor(refundMinor, currency, s)): number {
  return feeTol + (converted ? fxToleranceMinor(refundMinor, s) : 0);
}

/** Cross-currency band half-width around an expected converted amount (minor units). */
export function fxToleranceMinor(expectedMinor: number, s: ReconSettings): number {
  return percentOfMinor(expectedMinor, tolerances(s).fxBp);
}

// Settings' percentages as basis points, worked out once per settings object.
interface Tolerances {
  feeBp: number;
  capBp: number;
  fxBp: number;
  floors: Map<string, number>;
}
const cache = new WeakMap<ReconSettings, Tolerances>();
let lastSettings: ReconSettings | null = null;
let lastTolerances: Tolerances | null = null;
function tolerances(s: ReconSettings): Tolerances {
  if (s === lastSettings && lastTolerances) return lastTolerances;
  let t = cache.get(s);
  if (!t) {
    t = { feeBp: basisPoints(s.feeTolerancePercent), capBp: basisPoints(s.feeToleranceMaxPercent), fxBp: basisPoints(s.fxTolerancePercent), floors: new Map() };
    cache.set(s, t);
  }
  lastSettings = s;
  lastTolerances = t;
  return t;
}

/** Statuses in which money is no longer expected: such cases are not matched. */
export const CLOSED_STATUSES = new Set(['Reconciled', 'Rejected', 'Cancelled', 'Written off']);
