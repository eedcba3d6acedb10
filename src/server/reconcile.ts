// Entry points for monthly reconciliation (menus, triggers and google.script.run); see
// docs/api-reconcile.md. Only callables live here (each export becomes a global of Code.js);
// the work is in reconcileRun.ts (runs) and reconcileReview.ts (review and decisions).
import { showDialogView, showSidebarView } from './pages';
import { readRunState, runOnce, runRequestSchema, type RunOutcome } from './reconcileRun';
import { validateRequest } from './request';
import {
  close, confirm, importVendor, jump, manual, options, reject, reviewItems, unmatchPair,
  type CloseResult, type ReconcileOptions, type ReviewItems, type VendorImportResult,
} from './reconcileReview';

/** Reconcile ▸ Run reconciliation… */
export function showRunReconciliation(): void {
  showDialogView('runReconciliation', { title: 'Run reconciliation', width: 560, height: 520 });
}

/** Reconcile ▸ Review matches */
export function showReviewMatches(): void {
  showSidebarView('review', { title: 'Review matches' });
}

/** Months, statement tabs, closed months and a run in progress, for the dialog. */
export function getReconcileOptions(): ReconcileOptions {
  return options();
}

/** `{month: 'YYYY-MM', statementSheets?: string[], budgetMs?: number}` → the run's outcome. */
export function runReconciliation(request: unknown): RunOutcome {
  return runOnce(validateRequest(runRequestSchema, request), null);
}

/** Continues a run that ran out of time (time trigger or the dialog's Continue button). */
export function continueReconciliation(): RunOutcome | null {
  const state = readRunState();
  if (!state) return null;
  return runOnce({ month: state.month, statementSheets: state.statementSheets.length ? state.statementSheets : undefined }, state);
}

/** Suggested and ambiguous pairs of a month, with both sides and their signals. */
export function getReviewItems(month: unknown): ReviewItems {
  return reviewItems(month);
}

/** `{month, caseId, lineId, note?}` */
export function confirmMatch(request: unknown): RunOutcome {
  return confirm(request);
}

/** `{month, caseId, lineId, note?}`: never suggested again. */
export function rejectMatch(request: unknown): RunOutcome {
  return reject(request);
}

/** `{month, caseId, lineIds: string[], note?}`: the user's own pairing. */
export function manualMatch(request: unknown): RunOutcome {
  return manual(request);
}

/** `{month, caseId, lineId, note?}`: undoes a match; earlier rows stay in Matches as evidence. */
export function unmatch(request: unknown): RunOutcome {
  return unmatchPair(request);
}

/** Closes a month: its matches are fixed; later edits of its cases are flagged. */
export function closeMonth(month: unknown): CloseResult {
  return close(month);
}

/** `{caseId}` or `{lineId, statement?}` or `{month}`: selects the row (or report) in the grid. */
export function jumpToRow(request: unknown): boolean {
  return jump(request);
}

/** `{vendorId, csv}`: a vendor's credit notes into a `Stmt Vendor <ID> …` tab. */
export function importVendorStatement(request: unknown): VendorImportResult {
  return importVendor(request);
}
