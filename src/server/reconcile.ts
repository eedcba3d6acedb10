// Entry points for monthly reconciliation (menus and google.script.run); see docs/api.md.
import { showDialogView, showSidebarView } from './pages';

/** Reconcile ▸ Run reconciliation… */
export function showRunReconciliation(): void {
  showDialogView('runReconciliation', { title: 'Run reconciliation', width: 520, height: 420 });
}

/** Reconcile ▸ Review matches */
export function showReviewMatches(): void {
  showSidebarView('review', { title: 'Review matches' });
}
