// The sidebar's rules for a Cases cell typed in the grid. Sheets' own data validation cannot say
// "at most as many decimals as this row's currency allows", and a warning-only protection lets a
// Case ID be overwritten, so the onEdit trigger asks these and puts a refused value back at once
// instead of leaving it to Check the log. Pure: the trigger reads the cells and writes back.
import { amountProblem, amountText } from './caseRecord';
import { isCurrencyCode } from './currency';
import { formatAmount, parseAmount } from './money';

export const CASE_ID_NOT_EDITABLE = 'Case IDs are assigned by the add-on and never edited';

/** Why a Case ID cell may not go from `oldId` to `newId`; null when it did not change. */
export function caseIdEditProblem(oldId: string, newId: string): string | null {
  // Any change is refused, even one that only adds a space: lookups trim, Check the log does not.
  return oldId === newId ? null : CASE_ID_NOT_EDITABLE;
}

/**
 * Why `typed` (the stored cell as text) is not a Refund Amount for `currency`, with the same
 * wording as the sidebar ("CNY allows at most 2 decimals"). Null when it is one, and when the
 * row's currency is not a known code: then no amount is right, and Check the log names the
 * currency.
 */
export function refundAmountEditProblem(typed: string, currency: string): string | null {
  if (!isCurrencyCode(currency)) return null;
  return amountProblem(amountText(typed), currency);
}

/** An amount for a message, with the currency's decimals ("12.50"); as given if it is not one. */
export function amountForMessage(text: string, currency: string): string {
  try {
    return formatAmount(parseAmount(text, currency), currency);
  } catch {
    return text;
  }
}
