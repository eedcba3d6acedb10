// A person's single-cell edit of Cases that the add-on refuses: the old value goes back into the
// cell, the attempt is audited as `manual edit refused` (so the Audit Log still shows what was
// typed, and the chain records that the cell did not keep it), and a toast says why.
//
//   putBack(ss, sheet, r)          write back + audit row; call under withDocumentLock
//   refuse(ss, sheet, r)           putBack in the lock, then the toast
//   caseIdRefusal(edit)            any change of a Case ID
//   refundAmountRefusal(edit)      an amount the sidebar would refuse for the row's currency
import { appendAudit } from '../sheets/auditLog';
import { TEXT_FORMAT } from '../sheets/layout';
import { withDocumentLock } from '../sheets/lock';
import { Cell, writeBlock } from '../sheets/writer';
import { amountFormat } from '../domain/caseCells';
import { amountForMessage, caseIdEditProblem, refundAmountEditProblem, settledCaseEditProblem } from '../domain/gridEdits';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The cell to put back and the audit row saying so. */
export interface PutBack {
  row: number;
  col: number;
  caseId: string;
  field: string;
  /** Audit Old Value / New Value: what the cell held, what was typed. */
  oldValue: string;
  newValue: string;
  /** What goes back into the cell, with its number format. */
  restore: Cell;
  format: string;
  time: string;
  user: string;
}

/** A put-back with the toast that tells the person why. */
export interface Refusal extends PutBack {
  title: string;
  message: string;
}

/** A single-cell edit as the trigger saw it: e.oldValue ('' when the cell was empty) and the stored new value as text. */
export interface CellEdit {
  row: number;
  col: number;
  oldValue: string;
  typed: string;
  /** The row's Case ID after the edit and its Currency ('' when the columns are missing). */
  caseId: string;
  currency: string;
  time: string;
  user: string;
}

export function putBack(ss: Spreadsheet, sheet: Sheet, r: PutBack): void {
  writeBlock(sheet.getRange(r.row, r.col), [[r.restore]], [[r.format]]);
  appendAudit(ss, [{ time: r.time, user: r.user, caseId: r.caseId, action: 'manual edit refused', field: r.field, oldValue: r.oldValue, newValue: r.newValue }]);
}

export function refuse(ss: Spreadsheet, sheet: Sheet, r: Refusal): void {
  withDocumentLock(() => putBack(ss, sheet, r));
  // After the lock: the toast is not part of the change, and other edits need not wait for it.
  ss.toast(r.message, r.title, 10);
}

export function caseIdRefusal(x: CellEdit): Refusal | null {
  const problem = caseIdEditProblem(x.oldValue, x.typed);
  if (!problem) return null;
  const outcome = x.oldValue
    ? `Row ${x.row} keeps ${x.oldValue}.`
    : `Row ${x.row}'s Case ID stays empty: log a case with Refund Case Log ▸ Log a refund… or Import existing cases….`;
  return {
    row: x.row, col: x.col,
    // The audit row belongs to the case the row really is, not the ID that was typed.
    caseId: x.oldValue || `row ${x.row}`,
    field: 'Case ID', oldValue: x.oldValue, newValue: x.typed,
    restore: x.oldValue, format: TEXT_FORMAT,
    time: x.time, user: x.user,
    title: 'Case ID not changed',
    message: `${problem}; ${x.typed ? `${x.typed} was not kept` : 'it was not cleared'}. ${outcome}`,
  };
}

export function refundAmountRefusal(x: CellEdit): Refusal | null {
  const problem = refundAmountEditProblem(x.typed, x.currency);
  if (!problem) return null;
  const where = x.caseId ? `Row ${x.row} (${x.caseId}, ${x.currency})` : `Row ${x.row} (${x.currency})`;
  const back = x.oldValue ? `put back to ${amountForMessage(x.oldValue, x.currency)}` : 'left empty';
  return {
    row: x.row, col: x.col,
    caseId: x.caseId || `row ${x.row}`,
    field: 'Refund Amount', oldValue: x.oldValue, newValue: x.typed,
    restore: restoredNumber(x.oldValue), format: amountFormat(x.currency),
    time: x.time, user: x.user,
    title: 'Refund Amount not changed',
    message: `${where}: ${problem}, so ${x.typed || 'an empty amount'} was not kept. The amount was ${back}.`,
  };
}

/** An edit of the amount, currency or vendor of a case that is no longer open (Received, Reconciled, closed). */
export function settledCaseRefusal(x: CellEdit, status: string, field: string): Refusal | null {
  const problem = settledCaseEditProblem(x.caseId, status, field, x.oldValue, x.typed);
  if (!problem) return null;
  const amount = field === 'Refund Amount';
  return {
    row: x.row, col: x.col,
    caseId: x.caseId,
    field, oldValue: x.oldValue, newValue: x.typed,
    restore: amount ? restoredNumber(x.oldValue) : x.oldValue, format: amount ? amountFormat(x.currency) : TEXT_FORMAT,
    time: x.time, user: x.user,
    title: `${field} not changed`,
    message: `Row ${x.row}: ${problem}, so ${x.typed || 'an empty value'} was not kept and ${x.oldValue || 'the empty cell'} was put back.${status === 'Reconciled' ? ' To correct it, unmatch its money first (Reconcile ▸ Review matches).' : ''}`,
  };
}

/**
 * The cell value e.oldValue stands for. For a number it is the shortest text of the stored
 * double, and Number() of that text is the same double: the cell gets back exactly what it held
 * (no arithmetic, no rounding). Text that is not a number goes back as text.
 */
function restoredNumber(old: string): Cell {
  return /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(old) ? Number(old) : old;
}
