// The installable onEdit trigger (created by Set up workbook): a person's edit of the Cases tab
// is recorded in the Audit Log. Script writes never fire it (Apps Script rule), so the add-on's
// own changes are not recorded twice.
//
// A Status picked from the grid's dropdown goes through the same workflow as the sidebar's
// Change status (domain/workflow.ts): an illegal move, a missing evidence gate or a closing
// without a reason is put back to the old status with a toast saying why; a legal move gets the
// same side effects (Actual Completion, Reconciled On, Updated At/By) and audit rows.
//
// A Case ID typed over (IDs come from the add-on's counter; a second RC-000001 would break every
// lookup) and a Refund Amount the sidebar would refuse (12.345 CNY: Sheets validation only knows
// "a number > 0", not the row's currency decimals) are put back the same way (server/refusedEdits.ts).
// Only single-cell edits are checked: Apps Script gives e.oldValue only for those, so a paste
// has no old value to put back and is only recorded.
import { appendAudit, AuditEntry } from '../sheets/auditLog';
import { readCases, writeCases } from '../sheets/caseRepo';
import { currentUser, timestampIn, todayIn } from '../sheets/clock';
import { readEvidence } from '../sheets/evidenceRepo';
import { TAB, TEXT_FORMAT } from '../sheets/layout';
import { withDocumentLock } from '../sheets/lock';
import { diffEntries } from '../domain/audit';
import { CaseRecord, isCaseStatus } from '../domain/caseRecord';
import { CASE_FIELDS } from '../domain/caseCells';
import { sheetNumberText } from '../domain/money';
import { checkTransition } from '../domain/workflow';
import { caseIdRefusal, CellEdit, putBack, refundAmountRefusal, refuse, settledCaseRefusal } from './refusedEdits';
import { SETTLED_FIELDS } from '../domain/gridEdits';

/** Past this many cells one summary entry is written (a paste over thousands of cells). */
const CELLS_LISTED = 500;

const AUDITED = CASE_FIELDS.filter((f) => f.key !== 'updatedAt' && f.key !== 'updatedBy' && f.key !== 'evidence').map((f) => ({ key: f.key, label: f.header }));

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What a cell holds, as text for the audit row: the stored value, not its rounded display. */
function auditText(v: unknown, zone: string): string {
  if (v === null || v === undefined) return '';
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const d = v as Date;
    const time = Utilities.formatDate(d, zone, 'HH:mm:ss');
    return Utilities.formatDate(d, zone, time === '00:00:00' ? 'yyyy-MM-dd' : "yyyy-MM-dd'T'HH:mm:ssXXX");
  }
  if (typeof v === 'number') return sheetNumberText(v);
  return String(v);
}

export function onCasesEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  const range = e.range;
  const sheet = range.getSheet();
  if (sheet.getName() !== TAB.cases) return;
  const ss = sheet.getParent();
  const zone = ss.getSpreadsheetTimeZone();
  const now = new Date();
  const time = timestampIn(zone, now);
  const user = (e.user && typeof e.user.getEmail === 'function' && e.user.getEmail()) || currentUser();
  const row0 = range.getRow();
  const col0 = range.getColumn();
  const rows = range.getNumRows();
  const cols = range.getNumColumns();
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn() || 1).getValues()[0].map((h) => String(h));
  const idCol = header.findIndex((h) => h.trim() === 'Case ID');
  const single = rows === 1 && cols === 1;
  const field = (header[col0 - 1] ?? '').trim();

  if (single && row0 >= 2 && (field === 'Case ID' || SETTLED_FIELDS.includes(field))) {
    // The stored value, not e.value: the amount is checked as the cell holds it.
    const cells = sheet.getRange(row0, 1, 1, header.length).getValues()[0];
    const cellOf = (h: string) => {
      const i = header.findIndex((x) => x.trim() === h);
      return i >= 0 ? String(cells[i] ?? '').trim() : '';
    };
    const edit: CellEdit = {
      row: row0, col: col0, oldValue: String(e.oldValue ?? ''), typed: auditText(cells[col0 - 1], zone),
      caseId: cellOf('Case ID'), currency: cellOf('Currency').toUpperCase(), time, user,
    };
    const refusal = field === 'Case ID'
      ? caseIdRefusal(edit)
      : settledCaseRefusal(edit, cellOf('Status'), field) ?? (field === 'Refund Amount' ? refundAmountRefusal(edit) : null);
    if (refusal) {
      refuse(ss, sheet, refusal);
      return;
    }
  }

  if (single && row0 >= 2 && field === 'Status') {
    const id = idCol >= 0 ? String(sheet.getRange(row0, idCol + 1).getValue()).trim() : '';
    const from = String(e.oldValue ?? '').trim();
    const to = String(e.value ?? '').trim();
    // A row typed by hand (no Case ID, no previous status) is left to Check the log.
    if (id && isCaseStatus(from) && from !== to) {
      statusEdit(ss, sheet, { row: row0, col: col0, id, from, to, time, user, today: todayIn(zone, now) });
      return;
    }
  }

  const firstDataRow = Math.max(row0, 2);
  const dataRows = row0 + rows - firstDataRow;
  const entries: AuditEntry[] = [];
  if (row0 === 1) entries.push({ time, user, caseId: '', action: 'manual edit', field: 'header row', oldValue: String(e.oldValue ?? ''), newValue: String(e.value ?? '') });
  let ids: string[] = [];
  if (dataRows > 0) {
    ids = idCol >= 0 ? sheet.getRange(firstDataRow, idCol + 1, dataRows, 1).getDisplayValues().map((r) => r[0]) : [];
    if (dataRows * cols > CELLS_LISTED) {
      entries.push({ time, user, caseId: '', action: 'manual edit', field: `${range.getA1Notation()}`, oldValue: '', newValue: `${dataRows * cols} cells changed (pasted)` });
    } else {
      const values = sheet.getRange(firstDataRow, col0, dataRows, cols).getValues();
      values.forEach((r, i) => r.forEach((v, j) => {
        entries.push({
          time, user,
          caseId: ids[i] || `row ${firstDataRow + i}`,
          action: 'manual edit',
          field: header[col0 - 1 + j] || `column ${col0 + j}`,
          // Apps Script gives the old value only for a single-cell edit.
          oldValue: single ? String(e.oldValue ?? '') : '',
          newValue: auditText(v, zone),
        });
      }));
    }
  }
  if (!entries.length) return;
  withDocumentLock(() => {
    appendAudit(ss, entries);
    if (ids.some((id) => id.trim())) stampEditedRows(sheet, header, firstDataRow, ids, col0, cols, time, user);
  });
}

/**
 * A case edited in the grid shows who changed it last and when, as one changed from the sidebar
 * does: Updated At / Updated By of the edited rows that hold a case (one read, one write). An
 * edit of those two columns themselves is left as typed. Script writes do not fire onEdit, so
 * this write does not come back as an edit.
 */
function stampEditedRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, header: string[], first: number, ids: string[], col0: number, cols: number, time: string, user: string): void {
  const at = header.findIndex((h) => h.trim() === 'Updated At');
  if (at < 0 || header[at + 1]?.trim() !== 'Updated By') return;
  if (col0 - 1 <= at + 1 && at <= col0 - 1 + cols - 1) return;
  const range = sheet.getRange(first, at + 1, ids.length, 2);
  range.setValues(range.getValues().map((r, i) => (ids[i].trim() ? [time, user] : r)));
}

interface StatusEdit {
  row: number;
  col: number;
  id: string;
  from: string;
  to: string;
  time: string;
  user: string;
  today: string;
}

function statusEdit(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, sheet: Sheet, x: StatusEdit): void {
  const refused = withDocumentLock((): string | null => {
    const table = readCases(ss);
    const current = table.byId.get(x.id);
    const evidence = readEvidence(ss, x.id);
    const decision = current
      ? checkTransition(x.id, x.from, x.to, '', { evidenceTypes: evidence.map((ev) => ev.type), hasStatementMatch: current.record.matchedTransactions !== '' })
      : { ok: false as const, message: `${x.id} is not on the Cases tab.` };
    if (!decision.ok || !current) {
      // Put the old status back, in the cell the person edited; the toast follows the lock.
      putBack(ss, sheet, { row: x.row, col: x.col, caseId: x.id, field: 'Status', oldValue: x.from, newValue: x.to, restore: x.from, format: TEXT_FORMAT, time: x.time, user: x.user });
      return decision.ok ? '' : decision.message;
    }
    const before: CaseRecord = { ...current.record, status: x.from };
    const after: CaseRecord = { ...current.record, status: x.to, updatedAt: x.time, updatedBy: x.user };
    if (decision.setActualCompletion && !after.actualCompletion) after.actualCompletion = x.today;
    if (x.to === 'Reconciled' && !after.reconciledOn) after.reconciledOn = x.today;
    writeCases(ss, table, [after]);
    appendAudit(ss, diffEntries(before, after, AUDITED, { time: x.time, user: x.user, caseId: x.id, action: 'status' }));
    return null;
  });
  if (refused !== null) {
    const how = /needs a reason/.test(refused) ? ' Close it from Refund Case Log ▸ Find a case… with the reason.' : '';
    ss.toast(`${refused}${how} The status was put back to ${x.from}.`, 'Status not changed', 10);
  }
}
