// What the matching engine reads and returns. Amounts cross this boundary as project Decimals;
// inside the engine they are exact integer minor units (see minor.ts) so the hot path never
// allocates a Decimal per comparison and never touches a binary float.
import type { Decimal } from '../money';
import type { StatementLine } from '../statements/line';

/** A case as reconciliation sees it (one row of `Cases`). */
export interface ReconCase {
  caseId: string;
  /** `YYYY-MM-DD` */
  dateLogged: string;
  orderNo: string;
  vendorId: string;
  vendorName: string;
  amount: Decimal;
  currency: string;
  status: string;
  /** `YYYY-MM-DD`, or '' (then Date Logged + the default SLA is used). */
  expectedCompletion: string;
}

export interface ReconVendor {
  vendorId: string;
  name: string;
  /** Names and account numbers as they appear on statements (Vendors ▸ Aliases). */
  aliases: string[];
}

/** One dated rate: 1 `from` = `rate` `to`, valid from `date` until the next rate of the pair. */
export interface FxRate {
  date: string;
  from: string;
  to: string;
  rate: Decimal;
}

/** Decision states persisted in the `Matches` tab. Live allocations: auto, confirmed, manual. */
export type DecisionState = 'auto' | 'confirmed' | 'manual' | 'rejected' | 'unmatched';

export interface Decision {
  caseId: string;
  lineId: string;
  state: DecisionState;
  /** Line-currency amount allocated (live allocations only). */
  amount?: Decimal;
  /** Case-currency amount the allocation covers (differs from `amount` across currencies). */
  covers?: Decimal;
  /** The statement's counterparty when the user confirmed: a learned vendor alias. */
  counterparty?: string;
  /** Score and signals when the pair was made (shown again for kept pairs). */
  score?: number;
  signals?: string[];
}

export interface ReconSettings {
  baseCurrency: string;
  /** Short payment still "paid" (fee deducted): max(percent of the open amount, minimum[ccy]). */
  feeTolerancePercent: Decimal;
  feeToleranceMinimum: Record<string, Decimal>;
  /** Upper bound of the fee tolerance, percent of the open amount. */
  feeToleranceMaxPercent: Decimal;
  /** Cross-currency match: |converted − expected| ≤ percent of expected. */
  fxTolerancePercent: Decimal;
  /** Refunds arrive after logging; a few days before allow for late logging. */
  windowDaysBefore: number;
  /** Days after Expected Completion a refund is still looked for. */
  windowDaysAfter: number;
  /** Used when a case has no Expected Completion. */
  defaultSlaDays: number;
  autoConfirmScore: number;
  suggestScore: number;
  /** Two candidates closer than this are "ambiguous" rather than one suggestion. */
  ambiguityMargin: number;
}

export interface ReconInput {
  /** `YYYY-MM`: lines booked in this month are matched. */
  month: string;
  cases: ReconCase[];
  lines: StatementLine[];
  vendors: ReconVendor[];
  fxRates: FxRate[];
  decisions: Decision[];
  settings: ReconSettings;
  /** `YYYY-MM-DD`, the day of the run (for ages). */
  today: string;
}

export type PairState = 'auto' | 'confirmed' | 'manual' | 'suggested' | 'ambiguous';

/** A case ⇄ line pairing with the evidence behind it. */
export interface Pair {
  caseId: string;
  lineId: string;
  state: PairState;
  score: number;
  signals: string[];
  /** Line-currency amount allocated to (or, when suggested, proposed for) the case. */
  amount: Decimal;
  currency: string;
  /** Case-currency amount it covers. */
  covers: Decimal;
  caseCurrency: string;
  /** True when the pair was decided in an earlier run (kept as it was). */
  kept: boolean;
}

export type DifferenceKind = 'fee' | 'fx' | 'short' | 'over';

export interface Difference {
  caseId: string;
  kind: DifferenceKind;
  /** Case currency; positive = we received less than the refund. */
  amount: Decimal;
  currency: string;
  /** In base currency, or null when no rate is known. */
  baseAmount: Decimal | null;
  /** What to book: a write-off, an FX line, or a chase. */
  proposal: string;
}

export type CaseMatchStatus = 'matched' | 'partial' | 'suggested' | 'ambiguous' | 'waiting';

export interface CaseOutcome {
  caseId: string;
  matchStatus: CaseMatchStatus;
  /** Covered by live allocations (auto/confirmed/manual), case currency. */
  covered: Decimal;
  open: Decimal;
  /** Sum of live allocations per line currency. */
  received: { amount: Decimal; currency: string }[];
  lineIds: string[];
  /** Live allocations cover the refund within tolerance: ready for Received → Reconciled. */
  settled: boolean;
  /** Latest booking date of its allocated lines. */
  lastPaymentDate: string;
  ageDays: number;
  /**
   * The case as it stood at the month's end, when money booked after it is among its live
   * allocations (a past month re-run after later months were matched); absent otherwise. The
   * report's waiting list and differences use it, so a month's report does not change because a
   * later month paid; the Cases tab is written from the fields above (what is true now).
   */
  atMonthEnd?: { open: Decimal; settled: boolean; matchStatus: CaseMatchStatus };
}

export type LineMatchStatus = 'matched' | 'partial' | 'suggested' | 'ambiguous' | 'unexplained' | 'not a refund';

export interface LineOutcome {
  lineId: string;
  matchStatus: LineMatchStatus;
  caseIds: string[];
  allocated: Decimal;
  currency: string;
  signals: string[];
  /** Vendor the line's counterparty identifies, or ''. */
  vendorId: string;
}

export interface ReconResult {
  month: string;
  pairs: Pair[];
  cases: CaseOutcome[];
  lines: LineOutcome[];
  differences: Difference[];
}
