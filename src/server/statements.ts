// Entry points for statement import (menus and google.script.run); see docs/api.md.
import { showDialogView } from './pages';

/** Reconcile ▸ Import statement… */
export function showImportStatement(): void {
  showDialogView('importStatement', { title: 'Import statement', width: 760, height: 560 });
}
