// How much of a case is still open, and how close counts as paid. Tolerances are in the case
// currency's minor units and computed exactly with Decimal once per case (not per comparison).
import { Decimal } from '../money';
import type { ReconSettings } from './types';
import { decimalToMinorInt, minorScale } from './minor';

/** A short payment up to this (minor units) still pays the case; the gap is a fee write-off.
 *  max(percent, flat floor), but never more than the cap percent: a 2 USD wire fee floor must
 *  not let a 0.10 instalment "pay" a 1.00 case. */
export function feeToleranceMinor(openMinor: number, currency: string, s: ReconSettings): number {
  const open = new Decimal(openMinor);
  const pct = decimalToMinorInt(open.times(s.feeTolerancePercent).div(100));
  const min = s.feeToleranceMinimum[currency] ?? s.feeToleranceMinimum['*'];
  const minMinor = min ? decimalToMinorInt(min.times(minorScale(currency))) : 0;
  const cap = decimalToMinorInt(open.times(s.feeToleranceMaxPercent).div(100));
  return Math.min(Math.max(pct, minMinor), cap);
}

/** Cross-currency band half-width around an expected converted amount (minor units). */
export function fxToleranceMinor(expectedMinor: number, s: ReconSettings): number {
  return decimalToMinorInt(new Decimal(expectedMinor).times(s.fxTolerancePercent).div(100));
}

/** Statuses in which money is no longer expected: such cases are not matched. */
export const CLOSED_STATUSES = new Set(['Reconciled', 'Rejected', 'Cancelled', 'Written off']);
