// Entry points for statement import (menus and google.script.run); see docs/api-statements.md.
// Only callables live here (each export becomes a global of Code.js); the work is in
// statementImport.ts.
import { showDialogView } from './pages';
import { importPastedTab, importUpload, previewUpload, saveMapping, tabsForImport, type ImportResult, type StatementPreview } from './statementImport';

/** Reconcile ▸ Import statement… */
export function showImportStatement(): void {
  showDialogView('importStatement', { title: 'Import statement', width: 760, height: 560 });
}

/** Detected layout, encoding, mapping, first lines, errors and ambiguity of an uploaded file. */
export function previewStatement(request: unknown): StatementPreview {
  return previewUpload(request);
}

/** Imports an uploaded file into one new `Stmt …` tab: `{fileName, contentBase64, profile?, sheetName?, mapping?, dateOrder?, ...}`. */
export function importStatement(request: unknown): ImportResult {
  return importUpload(request);
}

/** Imports a tab where the user pasted an export. */
export function importFromSheet(sheetName: unknown, mapping?: unknown): ImportResult {
  return importPastedTab(sheetName, mapping);
}

/** Saves a column mapping as a named profile (tab "Import Profiles"), recognised next time. */
export function saveImportProfile(request: unknown): { ok: true; name: string } {
  return saveMapping(request);
}

/** Tabs that could hold a pasted export (every tab but the statement tabs). */
export function listImportableTabs(): string[] {
  return tabsForImport();
}
