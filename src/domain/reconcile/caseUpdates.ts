// What a run changes on `Cases` (DESIGN §4): Received Amount / Currency and Matched
// Transactions follow the live allocations; a case whose money is all there moves to Received
// (if it was not yet) and on to Reconciled, with Actual Completion and Reconciled On set.
// Every change is an audit entry. A case whose allocations did not change is not touched, so
// a second run with no new data writes nothing.
import type { CaseRecord } from '../caseRecord';
import { Decimal, formatAmount } from '../money';
import type { CaseOutcome } from './types';

export interface CaseChange {
  caseId: string;
  record: CaseRecord;
  audit: { field: string; oldValue: string; newValue: string }[];
}

const OPEN = new Set(['Logged', 'Requested', 'Disputed', 'Agreed', 'Received']);

/** `reopen`: the user just unmatched this case's money, so a Reconciled case goes back to
 *  Agreed (money expected again) if what is left does not settle it. */
export function caseChange(before: CaseRecord, outcome: CaseOutcome, today: string, reopen = false): CaseChange | null {
  const after: CaseRecord = { ...before };
  const single = outcome.received.length === 1 ? outcome.received[0] : null;
  if (outcome.received.length === 0) {
    // Only what reconciliation wrote is taken back; an amount a clerk typed stays.
    if (before.matchedTransactions) {
      after.receivedAmount = '';
      after.receivedCurrency = '';
    }
  } else if (single) {
    after.receivedAmount = formatAmount(single.amount, single.currency);
    after.receivedCurrency = single.currency === before.currency ? '' : single.currency;
  } else {
    // Paid in several currencies: what it covers, in the case's own currency.
    after.receivedAmount = formatAmount(outcome.covered, before.currency);
    after.receivedCurrency = '';
  }
  // Keep the earlier text when the received amount is the same number ("12.5" vs "12.50").
  if (sameAmount(before.receivedAmount, after.receivedAmount) && before.receivedCurrency === after.receivedCurrency) after.receivedAmount = before.receivedAmount;
  after.matchedTransactions = outcome.lineIds.join(', ');
  if (outcome.settled && OPEN.has(before.status)) {
    after.status = 'Reconciled';
    if (!after.actualCompletion) after.actualCompletion = outcome.lastPaymentDate || today;
    after.reconciledOn = today;
  }
  if (reopen && !outcome.settled && before.status === 'Reconciled') {
    after.status = 'Agreed';
    after.reconciledOn = '';
  }
  const audit: CaseChange['audit'] = [];
  const note = (field: string, a: string, b: string) => {
    if (a !== b) audit.push({ field, oldValue: a, newValue: b });
  };
  if (after.status === 'Agreed' && before.status === 'Reconciled') note('Status', before.status, after.status);
  else if (after.status !== before.status) {
    // Received first: the money came in; Reconciled: it is matched to the statement.
    if (before.status !== 'Received') note('Status', before.status, 'Received');
    note('Status', 'Received', 'Reconciled');
  }
  note('Received Amount', before.receivedAmount, after.receivedAmount);
  note('Received Currency', before.receivedCurrency, after.receivedCurrency);
  note('Matched Transactions', before.matchedTransactions, after.matchedTransactions);
  note('Actual Completion', before.actualCompletion, after.actualCompletion);
  note('Reconciled On', before.reconciledOn, after.reconciledOn);
  return audit.length ? { caseId: before.caseId, record: after, audit } : null;
}

function sameAmount(a: string, b: string): boolean {
  const num = /^-?\d+(\.\d+)?$/;
  return num.test(a) && num.test(b) ? new Decimal(a).eq(new Decimal(b)) : a === b;
}
