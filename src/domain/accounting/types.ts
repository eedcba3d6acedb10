// The accounting core's vocabulary (DESIGN §6, research/accounting-formats.md §1.3): what a case
// tells the books (CaseFacts), and the balanced entries the books get back (JournalEntry).
// Amounts are project Decimals; every journal amount is in the base currency, rounded to its
// minor units, with the original-currency amount and rate kept beside it for FX lines.
import type { Decimal } from '../money';
import type { AccountRole } from './accounts';

/** Event types as the generic GL export names them (research §2.7). */
export type JournalEvent = 'CREDIT_AGREED' | 'REFUND_RECEIVED' | 'WRITE_OFF' | 'REVERSAL';

/** Money that arrived for a case: one allocation of a statement line (or a clerk-entered receipt). */
export interface ReceiptFact {
  /** Stable id of the money, e.g. the statement Line ID (`L0123456789abcdef`); part of the Journal Ref. */
  receiptId: string;
  /** Bank value (or booking) date, `YYYY-MM-DD`: the E3 date and the settlement-rate date. */
  date: string;
  /** Net amount the bank credited for this case (> 0), in `currency`. */
  amount: Decimal;
  currency: string;
  /** Case-currency amount of the vendor's credit this receipt covers (reconciliation's `covers`). */
  covers: Decimal;
  /**
   * Fee deducted on the way, in `currency`, when the statement states it (Wise, PayPal). Used
   * only for a receipt in another currency than the case's; in the case's own currency the whole
   * shortfall of a settled case is the fee.
   */
  fee?: Decimal;
}

/** What the books need to know about one case. The server builds it from Cases, Vendors, Matches and the Audit Log. */
export interface CaseFacts {
  caseId: string;
  status: string;
  vendorId: string;
  vendorName: string;
  /** `Vendor_ShenzhenBrightLed`: unique ASCII handle, used as the vendor's ledger sub-account. */
  vendorTag?: string;
  /** Vendors ▸ AP Account: this vendor's payable account, overriding the AP–vendor setting. */
  apAccount?: string;
  /** That account's code (Xero, generic GL); without it the AP–vendor code setting is used. */
  apAccountCode?: string;
  orderNo?: string;
  reason?: string;
  /** The agreed credit (Refund Amount), > 0, in `currency`. */
  amount: Decimal;
  currency: string;
  /** Date of the vendor credit (status → Agreed, or the credit note's date); E1's date and booking rate. */
  agreedOn?: string;
  /**
   * Without `agreedOn`: the first day the log knew the credit existed (the import of a case
   * imported as Agreed or beyond, else its first move to Received or Reconciled). E1's date only
   * when no E1 is posted and no money arrived: a posted E1 keeps its date, and money dates the
   * credit no later than its first receipt, so unmatching a receipt never moves the credit.
   */
  assumedAgreedOn?: string;
  /** The vendor's credit-note number, when there is one. */
  creditNoteRef?: string;
  receipts: ReceiptFact[];
  /** Day the case was closed (Written off / Cancelled / Rejected): the write-off date. */
  closedOn?: string;
  closeReason?: string;
}

/** The original-currency side of a line: `amount` of `currency` at `rate` (base per unit) gives the base amount. */
export interface OriginalAmount {
  amount: Decimal;
  currency: string;
  rate: Decimal;
}

/** One journal line. Exactly one of debit/credit is non-zero; both are base-currency and ≥ 0. */
export interface JournalLine {
  role: AccountRole;
  account: string;
  code: string;
  debit: Decimal;
  credit: Decimal;
  original: OriginalAmount;
}

/** One balanced journal entry: a block of rows on the Journal tab sharing a Journal Ref. */
export interface JournalEntry {
  /** Deterministic: `VC-RC-000042-AGREED`, `…-R1` (reversal of version 1), `…-2` (second version). */
  ref: string;
  event: JournalEvent;
  /** For a REVERSAL: the ref of the entry it cancels. */
  reverses?: string;
  date: string;
  caseId: string;
  vendorId: string;
  vendorName: string;
  vendorTag?: string;
  orderNo?: string;
  /** Vendor credit-note number (E1) or statement line (E3), for the exports' Reference columns. */
  reference?: string;
  /** The receipt an E3 (or its reversal) is about. */
  sourceRef?: string;
  memo: string;
  baseCurrency: string;
  lines: JournalLine[];
  /** The export batch that already carried it ('' or absent: not exported yet). */
  exportedBatch?: string;
}

/** Why a case got no entries this run; the other cases still post. */
export interface CaseProblem {
  caseId: string;
  /** The CaseFacts field (or setting) at fault, e.g. `agreedOn`, `receipts[0].currency`, `rates`. */
  field: string;
  message: string;
}

/**
 * A Received or Reconciled case whose money falls short of its credit by more than the
 * tolerance reconciliation accepts. Its receipts clear only what they cover; `open` stays on
 * AP–vendor (the vendor still owes it) until the case is written off or more money arrives.
 * Amounts in the case currency.
 */
export interface ShortPaid {
  caseId: string;
  currency: string;
  amount: Decimal;
  covered: Decimal;
  open: Decimal;
  tolerance: Decimal;
  converted: boolean;
}

export interface JournalResult {
  /** Entries to append to the Journal tab, in order. */
  entries: JournalEntry[];
  problems: CaseProblem[];
  /** Cases left short, in the order given (every run, while they stay short); they post as usual otherwise. */
  shortPaid: ShortPaid[];
}
