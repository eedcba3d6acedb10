// Reconciliation's server calls (docs/api-reconcile.md), typed; names are string literals so
// build.mjs can check each one is exported.
import { callServer } from '../../server';
// Result shapes are the server's own types (type-only imports: nothing of the server is bundled).
import type { ReportSummary } from '../../../src/domain/reconcile/report';
import type { RunOutcome } from '../../../src/server/reconcileRun';
import type { MatchedPair, ReconcileOptions, ReviewItem, ReviewItems } from '../../../src/server/reconcileReview';

export type { ReportSummary, RunOutcome, MatchedPair, ReconcileOptions, ReviewItem, ReviewItems };

export const reconApi = {
  options: () => callServer<ReconcileOptions>('getReconcileOptions'),
  run: (month: string, statementSheets: string[]) => callServer<RunOutcome>('runReconciliation', { month, statementSheets }),
  continueRun: () => callServer<RunOutcome | null>('continueReconciliation'),
  review: (month: string) => callServer<ReviewItems>('getReviewItems', month),
  confirm: (month: string, caseId: string, lineId: string) => callServer<RunOutcome>('confirmMatch', { month, caseId, lineId }),
  reject: (month: string, caseId: string, lineId: string) => callServer<RunOutcome>('rejectMatch', { month, caseId, lineId }),
  manual: (month: string, caseId: string, lineIds: string[]) => callServer<RunOutcome>('manualMatch', { month, caseId, lineIds }),
  unmatch: (month: string, caseId: string, lineId: string) => callServer<RunOutcome>('unmatch', { month, caseId, lineId }),
  close: (month: string) => callServer<{ month: string; closedAt: string; matchedCases: number }>('closeMonth', month),
  jump: (target: { caseId?: string; lineId?: string; statement?: string; month?: string }) => callServer<boolean>('jumpToRow', target),
  openReview: () => callServer<void>('showReviewMatches'),
};
