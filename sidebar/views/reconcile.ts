// Reconciliation's pages: the Run reconciliation dialog and the Review matches sidebar
// (src/server/reconcile.ts opens them).
import type { View } from './index';
import { runReconciliationView } from './reconcile/run';
import { reviewView } from './reconcile/review';

export const reconcileViews: Record<string, View> = {
  runReconciliation: runReconciliationView,
  review: reviewView,
};
