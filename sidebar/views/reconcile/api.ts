// Reconciliation's server calls (docs/api-reconcile.md), typed; names are string literals so
// build.mjs can check each one is exported.
import { callServer } from '../../server';
import type { FindResult } from '../../../src/server/caseQueries';

export interface ReportSummary {
  month: string;
  byCurrency: { currency: string; matchedCases: number; matchedAmount: string; waitingCases: number; waitingAmount: string; unexplainedLines: number; unexplainedAmount: string }[];
  base: { currency: string; matchedAmount: string; waitingAmount: string; unexplainedAmount: string; missingRates: string[] };
  counts: Record<string, number>;
}
export interface RunOutcome {
  status: 'done' | 'continuing';
  month: string;
  summary: ReportSummary;
  phasesDone: number;
  phasesTotal: number;
  wrote: string[];
  message: string;
  scheduled: boolean;
}
export interface ReconcileOptions {
  today: string;
  months: string[];
  defaultMonth: string;
  statementTabs: string[];
  closedMonths: string[];
  runInProgress: { month: string; done: number } | null;
}
export interface ReviewItem {
  state: 'suggested' | 'ambiguous';
  score: number;
  signals: string[];
  amount: string;
  covers: string;
  case: { caseId: string; vendor: string; orderNo: string; amount: string; currency: string; dateLogged: string; expected: string; status: string };
  line: { lineId: string; statement: string; date: string; amount: string; currency: string; counterparty: string; reference: string; description: string };
  alternatives: string[];
  alternativeLines?: { lineId: string; label: string }[];
}
/** A live pairing of the month (auto, confirmed or manual) that can be unmatched. */
export interface MatchedPair {
  /** 'matched' when only the case's Matched Transactions are known (no server list yet). */
  state: 'auto' | 'confirmed' | 'manual' | 'matched';
  score?: number;
  signals?: string[];
  amount?: string;
  covers?: string;
  case: { caseId: string; vendor: string; amount: string; currency: string; status: string };
  line: { lineId: string; statement?: string; date?: string; amount?: string; currency?: string; counterparty?: string; reference?: string; description?: string };
}
export interface ReviewItems {
  month: string;
  closed: boolean;
  items: ReviewItem[];
  counts: Record<string, number>;
  /** The month's live pairs, once getReviewItems returns them (asked of the server's owner). */
  matched?: MatchedPair[];
}

export const reconApi = {
  options: () => callServer<ReconcileOptions>('getReconcileOptions'),
  run: (month: string, statementSheets: string[]) => callServer<RunOutcome>('runReconciliation', { month, statementSheets }),
  continueRun: () => callServer<RunOutcome | null>('continueReconciliation'),
  review: (month: string) => callServer<ReviewItems>('getReviewItems', month),
  confirm: (month: string, caseId: string, lineId: string) => callServer<RunOutcome>('confirmMatch', { month, caseId, lineId }),
  reject: (month: string, caseId: string, lineId: string) => callServer<RunOutcome>('rejectMatch', { month, caseId, lineId }),
  manual: (month: string, caseId: string, lineIds: string[]) => callServer<RunOutcome>('manualMatch', { month, caseId, lineIds }),
  unmatch: (month: string, caseId: string, lineId: string) => callServer<RunOutcome>('unmatch', { month, caseId, lineId }),
  /** Cases with Matched Transactions (Line IDs written by reconciliation), for the matched list until getReviewItems returns pairs. */
  matchedCases: () => callServer<FindResult>('findCases', { limit: 1000 }),
  close: (month: string) => callServer<{ month: string; closedAt: string; matchedCases: number }>('closeMonth', month),
  jump: (target: { caseId?: string; lineId?: string; statement?: string; month?: string }) => callServer<boolean>('jumpToRow', target),
  openReview: () => callServer<void>('showReviewMatches'),
};
