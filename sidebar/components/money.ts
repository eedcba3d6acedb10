// Amounts as the sheets show them. The server sends plain fixed amounts ("1125.30", what the
// API docs promise and scripts read); the sidebar groups them like the grid's #,##0.00 cells
// ("1,125.30"), in each currency's decimals. No DOM here, so it is unit-tested.
import { Decimal, formatAmountGrouped } from '../../src/domain/money';
import { isCurrencyCode } from '../../src/domain/currency';

/** "1125.30" + "EUR" → "1,125.30 EUR"; text that is not a plain amount is shown as it came. */
export function groupedMoney(amount: string, currency: string): string {
  return `${groupedAmount(amount, currency)} ${currency}`.trim();
}

/** "1125.30 EUR" (amount and currency in one text) → "1,125.30 EUR". */
export function groupedMoneyText(text: string): string {
  const m = /^(-?\d+(?:\.\d+)?) ([A-Z]{3})$/.exec(text.trim());
  return m ? groupedMoney(m[1], m[2]) : text;
}

/** "1125.30" of "EUR" → "1,125.30" (no currency), or the text as it came. */
export function groupedAmount(amount: string, currency: string): string {
  const a = amount.trim();
  return /^-?\d+(\.\d+)?$/.test(a) && isCurrencyCode(currency) ? formatAmountGrouped(new Decimal(a), currency) : amount;
}
