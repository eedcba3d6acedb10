// A normalised statement line (DESIGN §5): what every profile (bank CSV, PayPal, OFX, CAMT,
// MT940, ...) turns its rows into, and what reconciliation matches cases against.
import type { Decimal } from '../money';

export type LineKind = 'credit' | 'debit' | 'refund' | 'reversal' | 'fee' | 'pending' | 'closed';

export interface StatementLine {
  /** Stable fingerprint: source + date + amount + reference + occurrence index. */
  lineId: string;
  /** Calendar dates, `YYYY-MM-DD`. */
  bookingDate: string;
  valueDate: string;
  /** Signed: positive is money in. */
  amount: Decimal;
  currency: string;
  counterparty: string;
  counterpartyAccount: string;
  reference: string;
  description: string;
  /** Fee charged on this line, as a positive decimal, or null. */
  fee: Decimal | null;
  originalAmount: Decimal | null;
  originalCurrency: string;
  kind: LineKind;
  /** 1-based row (or record) number in the source file, for error messages and review. */
  sourceRow: number;
}
