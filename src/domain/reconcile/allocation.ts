// How much of a line goes to a case, and how much of the case that covers. Called when
// candidates are found and again while assigning (amounts left change as pairs are taken).
import type { ReconSettings } from './types';
import type { CaseTable, LineTable } from './model';
import { feeToleranceMinor, fxToleranceMinor } from './openAmount';
import { convertBackMinor, convertMinor, type FxTable } from './fx';

export type AmountFit = 'amount:exact' | 'amount:original' | 'amount:fee' | 'amount:fx' | 'amount:partial';

export interface Assessment {
  fit: AmountFit;
  /** Line-currency minor units taken from the line. */
  alloc: number;
  /** Case-currency minor units covered. */
  covers: number;
  /** Paid in another currency than the case's (the gap is an FX difference). */
  converted: boolean;
}

/**
 * The fit of a line for a case given what is left of both. A line larger than the case only
 * fits when a reference names the case (then it pays the case and keeps the rest for others);
 * a line smaller than the case beyond the fee tolerance is an instalment, again only with a
 * reference (`withReference`). Without one, only whole-amount fits are candidates.
 */
export function assess(C: CaseTable, ci: number, L: LineTable, li: number, open: number, remaining: number, withReference: boolean, fx: FxTable, s: ReconSettings, into?: Assessment): Assessment | null {
  if (open <= 0 || remaining <= 0) return null;
  // Tolerance of what is still open (after instalments it shrinks with the open amount).
  const feeTol = open === C.refund[ci] ? C.feeTol[ci] : feeToleranceMinor(open, C.c[ci].currency, s);
  // Currencies compared by code (columns): the row objects are read only off the common path.
  if (C.currency[ci] === L.currency[li]) {
    if (remaining === open) return fit(into, 'amount:exact', remaining, remaining, false);
    if (remaining < open && remaining >= open - feeTol) return fit(into, 'amount:fee', remaining, remaining, false);
    if (!withReference) return null;
    const take = Math.min(open, remaining);
    return fit(into, 'amount:partial', take, take, false);
  }
  const cc = C.c[ci].currency;
  const l = L.l[li];
  const lc = l.currency;
  // The line says what it was before conversion (Wise, PayPal): compare in the case currency.
  const original = L.original[li];
  if (l.originalCurrency === cc && !Number.isNaN(original) && remaining === L.amount[li]) {
    if (original === open) return fit(into, 'amount:original', remaining, open, false);
    if (original < open && original >= open - feeTol) return fit(into, 'amount:fee', remaining, original, false);
  }
  const rate = fx.exactRateOnDay(cc, lc, L.day[li]);
  if (!rate) return null;
  const expected = convertMinor(open, rate);
  // The FX band, widened by the fee tolerance converted (a converted refund also pays fees).
  const band = fxToleranceMinor(expected, s) + convertMinor(feeTol, rate);
  if (Math.abs(remaining - expected) <= band) {
    return fit(into, 'amount:fx', remaining, Math.min(open, convertBackMinor(remaining, rate)), true);
  }
  if (!withReference) return null;
  if (remaining < expected) return fit(into, 'amount:partial', remaining, Math.min(open, convertBackMinor(remaining, rate)), true);
  return fit(into, 'amount:partial', expected, open, true);
}

/** The assessment, written into `into` when given (a scratch object the caller reads at once:
 *  scoring hundreds of thousands of candidates allocates nothing), else a new object. */
function fit(into: Assessment | undefined, f: AmountFit, alloc: number, covers: number, converted: boolean): Assessment {
  if (!into) return { fit: f, alloc, covers, converted };
  into.fit = f;
  into.alloc = alloc;
  into.covers = covers;
  into.converted = converted;
  return into;
}
