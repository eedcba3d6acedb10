// How much of a line goes to a case, and how much of the case that covers. Called when
// candidates are found and again while assigning (amounts left change as pairs are taken).
import { Decimal } from '../money';
import type { ReconSettings } from './types';
import type { PCase, PLine } from './model';
import { decimalToMinorInt, minorScale } from './minor';
import { feeToleranceMinor, fxToleranceMinor } from './openAmount';
import type { FxTable } from './fx';
import { isoFromDayNumber } from './dates';

export type AmountFit = 'amount:exact' | 'amount:original' | 'amount:fee' | 'amount:fx' | 'amount:partial';

export interface Assessment {
  fit: AmountFit;
  /** Line-currency minor units taken from the line. */
  alloc: number;
  /** Case-currency minor units covered. */
  covers: number;
  /** FX rate used (case → line currency), null in one currency. */
  rate: Decimal | null;
}

/**
 * The fit of a line for a case given what is left of both. A line larger than the case only
 * fits when a reference names the case (then it pays the case and keeps the rest for others);
 * a line smaller than the case beyond the fee tolerance is an instalment, again only with a
 * reference (`withReference`). Without one, only whole-amount fits are candidates.
 */
export function assess(pc: PCase, pl: PLine, open: number, remaining: number, withReference: boolean, fx: FxTable, s: ReconSettings): Assessment | null {
  if (open <= 0 || remaining <= 0) return null;
  const cc = pc.c.currency;
  // Tolerance of what is still open (after instalments it shrinks with the open amount).
  const feeTol = open === pc.refundMinor ? pc.feeTolMinor : feeToleranceMinor(open, cc, s);
  const lc = pl.l.currency;
  if (cc === lc) {
    if (remaining === open) return { fit: 'amount:exact', alloc: remaining, covers: remaining, rate: null };
    if (remaining < open && remaining >= open - feeTol) return { fit: 'amount:fee', alloc: remaining, covers: remaining, rate: null };
    if (!withReference) return null;
    const take = Math.min(open, remaining);
    return { fit: 'amount:partial', alloc: take, covers: take, rate: null };
  }
  // The line says what it was before conversion (Wise, PayPal): compare in the case currency.
  if (pl.l.originalCurrency === cc && pl.originalMinor !== null && remaining === pl.amountMinor) {
    if (pl.originalMinor === open) return { fit: 'amount:original', alloc: remaining, covers: open, rate: null };
    if (pl.originalMinor < open && pl.originalMinor >= open - feeTol) return { fit: 'amount:fee', alloc: remaining, covers: pl.originalMinor, rate: null };
  }
  const rate = fx.rate(cc, lc, isoFromDayNumber(pl.day));
  if (!rate) return null;
  const scale = minorScale(lc).div(minorScale(cc));
  const expected = decimalToMinorInt(new Decimal(open).times(rate).times(scale));
  // The FX band, widened by the fee tolerance converted (a converted refund also pays fees).
  const band = fxToleranceMinor(expected, s) + decimalToMinorInt(new Decimal(feeTol).times(rate).times(scale));
  const toCase = (lineMinor: number) => decimalToMinorInt(new Decimal(lineMinor).div(rate).div(scale));
  if (Math.abs(remaining - expected) <= band) {
    return { fit: 'amount:fx', alloc: remaining, covers: Math.min(open, toCase(remaining)), rate };
  }
  if (!withReference) return null;
  if (remaining < expected) return { fit: 'amount:partial', alloc: remaining, covers: Math.min(open, toCase(remaining)), rate };
  return { fit: 'amount:partial', alloc: expected, covers: open, rate };
}
