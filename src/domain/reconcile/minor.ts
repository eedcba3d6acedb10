// Exact integer minor units for the hot path. A Decimal is turned into its currency's minor
// units through its decimal string (never through a float), so 19.99 CNY is exactly 1999.
// Integers stay exact in a JS number up to 2^53, far above any refund; we refuse beyond.
import { Decimal, roundToCurrency } from '../money';
import { minorUnits } from '../currency';

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];

export function toMinor(amount: Decimal, currency: string): number {
  const places = minorUnits(currency);
  let text = amount.toString();
  const dot = text.indexOf('.');
  if (dot >= 0 && text.length - dot - 1 > places) {
    text = roundToCurrency(amount, currency).toString();
  }
  const negative = text.charCodeAt(0) === 45; // '-'
  if (negative) text = text.slice(1);
  const [int, frac = ''] = text.split('.');
  const digits = int + frac.padEnd(places, '0');
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) throw new Error(`Amount ${amount.toString()} ${currency} is too large to reconcile`);
  return negative ? -n : n;
}

export function fromMinor(minor: number, currency: string): Decimal {
  const places = minorUnits(currency);
  return new Decimal(minor).div(POW10[places] ?? Math.pow(10, places));
}

/** Rounds an exact Decimal count of minor units (e.g. a converted amount) to an integer. */
export function decimalToMinorInt(value: Decimal): number {
  const n = Number(value.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toString());
  if (!Number.isSafeInteger(n)) throw new Error(`Amount ${value.toString()} is too large to reconcile`);
  return n;
}

export function minorScale(currency: string): Decimal {
  return new Decimal(10).pow(minorUnits(currency));
}
