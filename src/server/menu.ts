// The add-on menu and the actions behind its items (docs/api.md). onOpen may run in AuthMode
// NONE (add-on installed but not yet used in this document): it builds the menu and touches
// nothing else.
import { TAB } from '../sheets/layout';
import { setupWorkbook as runSetup, SetupResult } from '../sheets/setup';
import { showDialogView, showSidebarView } from './pages';
import { checkLog, verifyAuditTrail } from './logIntegrity';

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  ui.createAddonMenu()
    .addItem('Log a refund…', 'showLogRefund')
    .addItem('Find a case…', 'showFindCase')
    .addItem('Import existing cases…', 'showImportCases')
    .addItem('Check the log', 'runCheckLog')
    .addItem('Verify audit trail', 'runVerifyAuditTrail')
    .addItem('Refresh vendor scorecard', 'refreshScorecard')
    .addItem('Set up workbook', 'setupWorkbook')
    .addSeparator()
    .addSubMenu(
      ui.createMenu('Reconcile')
        .addItem('Import statement…', 'showImportStatement')
        .addItem('Run reconciliation…', 'showRunReconciliation')
        .addItem('Review matches', 'showReviewMatches'),
    )
    .addSubMenu(
      ui.createMenu('Accounting')
        .addItem('Post to journal', 'runPostJournal')
        .addItem('Export journal…', 'runExportJournal'),
    )
    .addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showLogRefund(): void {
  showSidebarView('log', { title: 'Log a refund' });
}

export function showFindCase(): void {
  showSidebarView('find', { title: 'Find a case' });
}

export function showImportCases(): void {
  showDialogView('importCases', { title: 'Import existing cases', width: 760, height: 560 });
}

/** Refund Case Log ▸ Set up workbook. Returns what it created or changed (empty on a re-run). */
export function setupWorkbook(): SetupResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const result = runSetup(ss);
  if (result.created.includes(TAB.cases)) {
    // insertSheet leaves the last tab it made active (Settings): show the new user the log.
    ss.getSheetByName(TAB.cases)?.activate();
    ss.toast(`Created the tabs ${result.created.join(', ')}. Next: Extensions ▸ Refund Case Log ▸ Log a refund… (add vendors from its Vendor field).`, 'Workbook set up', 10);
    return result;
  }
  const what = [...result.created.map((t) => `created ${t}`), ...result.changed, ...(result.triggerCreated ? ['edit tracking turned on'] : [])];
  ss.toast(what.length ? what.slice(0, 5).join('; ') + (what.length > 5 ? ` … (+${what.length - 5})` : '') : 'Everything was already set up; nothing changed.', 'Set up workbook', 8);
  return result;
}

const ALERT_LINES = 30;

export function runCheckLog(): void {
  const result = checkLog();
  const ui = SpreadsheetApp.getUi();
  if (!result.problems.length) {
    ui.alert('Check the log', `All ${result.checked} cases follow the rules.`, ui.ButtonSet.OK);
    return;
  }
  const lines = result.problems.slice(0, ALERT_LINES).map((p) => `Row ${p.row}${p.caseId ? ` (${p.caseId})` : ''}: ${p.message}`);
  const more = result.problems.length > ALERT_LINES ? `\n… and ${result.problems.length - ALERT_LINES} more.` : '';
  const rows = new Set(result.problems.map((p) => p.row)).size;
  const head = `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${rows} of ${result.checked} case${result.checked === 1 ? '' : 's'}`;
  ui.alert('Check the log', `${head}:\n\n${lines.join('\n')}${more}`, ui.ButtonSet.OK);
}

export function runVerifyAuditTrail(): void {
  const result = verifyAuditTrail();
  const ui = SpreadsheetApp.getUi();
  ui.alert('Verify audit trail', result.message, ui.ButtonSet.OK);
}
