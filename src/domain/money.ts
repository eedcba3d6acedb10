// Money is a decimal with its currency's minor units, never a binary float: 0.1 + 0.2 must be
// 0.3 in a ledger. Every module that touches an amount goes through this one.
import DecimalBase from 'decimal.js';
import { minorUnits } from './currency';

/** The project's Decimal: enough precision for any ledger, and plain notation when printed. */
export const Decimal = DecimalBase.clone({
  precision: 40,
  rounding: DecimalBase.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

export class MoneyError extends Error {}

/**
 * Reads a user-typed or sheet amount for a currency. Refuses more decimals than the currency
 * has (12.345 CNY is an error, not 12.35: a typo must not be rounded away silently).
 * Accepts a number read from a sheet (converted through its shortest string form).
 */
export function parseAmount(value: string | number, currency: string): Decimal {
  const text = typeof value === 'number' ? String(value) : value.trim();
  if (typeof value === 'number' && !Number.isFinite(value)) throw new MoneyError(`Amount "${text}" is not a number`);
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(text)) throw new MoneyError(`Amount "${text}" is not a number`);
  const amount = new Decimal(text);
  const allowed = minorUnits(currency);
  if (amount.decimalPlaces() > allowed) {
    throw new MoneyError(`Amount ${text} has more than ${allowed} decimal${allowed === 1 ? '' : 's'}, which ${currency} allows`);
  }
  return amount;
}

/**
 * The decimal a sheet number stands for, without binary noise: a double carries 15 reliable
 * significant digits, so 0.1 + 0.2 (0.30000000000000004) reads as 0.3 while 12.345 stays 12.345 and
 * can still be refused for a 2-decimal currency.
 */
export function sheetNumberText(value: number): string {
  return new Decimal(String(value)).toSignificantDigits(15).toString();
}

/** A number read from a sheet cell, rounded to the currency's minor units (float noise removed). */
export function fromSheetNumber(value: number, currency: string): Decimal {
  const text = String(value);
  const exact = new Decimal(text);
  // Most sheet numbers already have no more decimals than the currency: rounding would only
  // copy them into a second Decimal (twice the allocations on a 100k-line month). The test is
  // on the text JavaScript prints, the same text the Decimal was read from.
  const dot = text.indexOf('.');
  if (dot < 0 ? text.indexOf('e') < 0 : text.length - dot - 1 <= minorUnits(currency) && text.indexOf('e') < 0) return exact;
  return roundToCurrency(exact, currency);
}

export function roundToCurrency(amount: Decimal, currency: string): Decimal {
  return amount.toDecimalPlaces(minorUnits(currency), Decimal.ROUND_HALF_UP);
}

/** Fixed-decimals text for a currency ("12.50", "500", "31.422"), the form we store and export. */
export function formatAmount(amount: Decimal, currency: string): string {
  const places = minorUnits(currency);
  const rounded = roundToCurrency(amount, currency);
  const negative = rounded.isNegative() && !rounded.isZero();
  const [int, frac = ''] = rounded.abs().toString().split('.');
  const body = places === 0 ? int : `${int}.${frac.padEnd(places, '0')}`;
  return negative ? `-${body}` : body;
}

/**
 * An amount as people read it, grouped in thousands like the sheets' amount formats
 * (`#,##0.00`, caseCells.amountFormat): "2,809.20", JPY "1,500", "-12,345.678". For text next
 * to formatted number cells (report columns, the sidebar); never parsed back or stored.
 */
export function formatAmountGrouped(amount: Decimal, currency: string): string {
  const plain = formatAmount(amount, currency);
  const sign = plain.startsWith('-') ? '-' : '';
  const [int, frac] = plain.slice(sign.length).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/** A plain JS number for writing to a sheet cell; exact because it comes from a rounded decimal. */
export function toSheetNumber(amount: Decimal, currency: string): number {
  return Number(formatAmount(amount, currency));
}

export function sum(amounts: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const a of amounts) total = total.plus(a);
  return total;
}
