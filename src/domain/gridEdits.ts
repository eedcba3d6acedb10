// The sidebar's rules for a Cases cell typed in the grid. Sheets' own data validation cannot say
// "at most as many decimals as this row's currency allows", and a warning-only protection lets a
// Case ID be overwritten, so the onEdit trigger asks these and puts a refused value back at once
// instead of leaving it to Check the log. Pure: the trigger reads the cells and writes back.
import { amountProblem, amountText, isOpenStatus } from './caseRecord';
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

/** What a case owes and who owes it: fixed once the case is no longer open (updateCase's rule). */
export const SETTLED_FIELDS: readonly string[] = ['Refund Amount', 'Currency', 'Vendor ID', 'Vendor Name'];

/**
 * Why `field` of a case in `status` may not change from `oldValue` to `typed`, as updateCase
 * says it; null for an open case, another field, or no change. Money already received, matched
 * or booked was for the amount and vendor the case had: changing them would rewrite a closed
 * reconciliation and the journal behind it.
 */
export function settledCaseEditProblem(caseId: string, status: string, field: string, oldValue: string, typed: string): string | null {
  if (!caseId || !SETTLED_FIELDS.includes(field) || isOpenStatus(status) || oldValue === typed) return null;
  return `${caseId} is ${status}: its amount, currency and vendor can no longer change`;
}

/** An amount for a message, with the currency's decimals ("12.50"); as given if it is not one. */
export function amountForMessage(text: string, currency: string): string {
  try {
    return formatAmount(parseAmount(text, currency), currency);
  } catch {
    return text;
  }
}
