// Exact integer minor units for the hot path. A Decimal is turned into its currency's minor
// units through its decimal string (never through a float), so 19.99 CNY is exactly 1999.
// Integers stay exact in a JS number up to 2^53, far above any refund; we refuse beyond.
import { Decimal, roundToCurrency } from '../money';
import { minorUnits } from '../currency';

export function toMinor(amount: Decimal, currency: string): number {
  const places = minorUnits(currency);
  const fast = minorFromDigits(amount, places);
  if (fast !== null) return fast;
  let text = amount.toString();
  const dot = text.indexOf('.');
  if (dot >= 0 && text.length - dot - 1 > places) {
    text = roundToCurrency(amount, currency).toString();
  }
  // Digits read in one pass (no split/pad/concat per amount: this runs for every case and
  // line). Anything but plain `-?digits[.digits]` that fits takes the general path below.
  const negative = text.charCodeAt(0) === 45; // '-'
  let n = 0;
  let fracDigits = -1;
  let plain = text.length > (negative ? 1 : 0);
  for (let i = negative ? 1 : 0; plain && i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 46 && fracDigits < 0) fracDigits = 0; // '.'
    else if (ch >= 48 && ch <= 57) {
      n = n * 10 + (ch - 48);
      if (fracDigits >= 0) fracDigits++;
      if (n > Number.MAX_SAFE_INTEGER) plain = false;
    } else plain = false;
  }
  if (plain && fracDigits <= places) {
    for (let k = fracDigits < 0 ? 0 : fracDigits; k < places; k++) n *= 10;
    if (Number.isSafeInteger(n)) return negative ? -n : n;
  }
  return toMinorText(negative ? text.slice(1) : text, negative, places, amount, currency);
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The exact minor units read off the Decimal's own digits, or null to take the text path.
 * decimal.js documents its value as digits `d` (base 10^7, the first element 1–7 digits, the
 * rest 7 each), exponent `e` and sign `s` (decimal.js API, "INSTANCE PROPERTIES", read-only):
 * the coefficient D has L digits and the value is D × 10^(e − L + 1). Reading them skips a
 * toString() per amount (the hot path: every case and line). Null when the amount has more
 * decimals than the currency (it is rounded on the text path) or leaves the safe range.
 */
function minorFromDigits(amount: Decimal, places: number): number | null {
  const d = amount.d;
  if (!d || d.length === 0 || d.length > 3) return null; // NaN, ±Infinity, or too many digits
  let D = d[0];
  let len0 = 1;
  while (len0 < 7 && D >= POW10[len0]) len0++;
  for (let i = 1; i < d.length; i++) {
    if (D >= 9e8) return null; // D × 10^7 would leave the safe range
    D = D * 1e7 + d[i];
  }
  const shift = amount.e - (len0 + 7 * (d.length - 1)) + 1 + places;
  let n: number;
  if (shift >= 0) {
    if (shift >= POW10.length) return null;
    n = D * POW10[shift];
    if (!Number.isSafeInteger(n)) return null;
  } else {
    if (-shift >= POW10.length) return null;
    const p = POW10[-shift];
    if (D % p !== 0) return null; // finer than the currency's minor unit
    n = D / p;
  }
  return amount.s < 0 && n !== 0 ? -n : n;
}

function toMinorText(text: string, negative: boolean, places: number, amount: Decimal, currency: string): number {
  const [int, frac = ''] = text.split('.');
  const digits = int + frac.padEnd(places, '0');
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) throw new Error(`Amount ${amount.toString()} ${currency} is too large to reconcile`);
  return negative ? -n : n;
}

const zeros = new Map<string, Decimal>();

/** Minor units back to a Decimal, through its decimal text (no division). */
export function fromMinor(minor: number, currency: string): Decimal {
  if (minor === 0) {
    let z = zeros.get(currency);
    if (!z) zeros.set(currency, (z = new Decimal(0)));
    return z;
  }
  const places = minorUnits(currency);
  if (places === 0) return new Decimal(minor);
  const negative = minor < 0;
  const digits = String(negative ? -minor : minor).padStart(places + 1, '0');
  const text = `${negative ? '-' : ''}${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return new Decimal(text);
}

/** round(minor × basisPoints / 10000), half up, in exact integer arithmetic (BigInt when the
 *  product would leave the safe range). Percentages are held as basis points. */
export function percentOfMinor(minor: number, basisPoints: number): number {
  const product = minor * basisPoints;
  if (Number.isSafeInteger(product)) return Math.floor((product + 5000) / 10000);
  const big = (BigInt(minor) * BigInt(basisPoints) + BigInt(5000)) / BigInt(10000);
  return Number(big);
}

/** A percent setting (Decimal, e.g. 1.5) as integer basis points (150); finer is rounded. */
export function basisPoints(percent: Decimal): number {
  return decimalToMinorInt(percent.times(100));
}

/** Rounds an exact Decimal count of minor units (e.g. a converted amount) to an integer. */
export function decimalToMinorInt(value: Decimal): number {
  const n = Number(value.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toString());
  if (!Number.isSafeInteger(n)) throw new Error(`Amount ${value.toString()} is too large to reconcile`);
  return n;
}

const scales = new Map<string, Decimal>();
export function minorScale(currency: string): Decimal {
  let d = scales.get(currency);
  if (!d) scales.set(currency, (d = new Decimal(10).pow(minorUnits(currency))));
  return d;
}
