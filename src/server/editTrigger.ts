// The installable onEdit trigger (created by Set up workbook): a person's edit of the Cases tab
// is recorded in the Audit Log. Script writes never fire it (Apps Script rule), so the add-on's
// own changes are not recorded twice.
import { appendAudit, AuditEntry } from '../sheets/auditLog';
import { currentUser, timestampIn } from '../sheets/clock';
import { TAB } from '../sheets/layout';
import { withDocumentLock } from '../sheets/lock';

/** Past this many cells one summary entry is written (a paste over thousands of cells). */
const CELLS_LISTED = 500;

export function onCasesEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  const range = e.range;
  const sheet = range.getSheet();
  if (sheet.getName() !== TAB.cases) return;
  const ss = sheet.getParent();
  const zone = ss.getSpreadsheetTimeZone();
  const time = timestampIn(zone);
  const user = (e.user && typeof e.user.getEmail === 'function' && e.user.getEmail()) || currentUser();
  const row0 = range.getRow();
  const col0 = range.getColumn();
  const rows = range.getNumRows();
  const cols = range.getNumColumns();
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn() || 1).getValues()[0].map((h) => String(h));
  const idCol = header.findIndex((h) => h.trim() === 'Case ID');
  const firstDataRow = Math.max(row0, 2);
  const dataRows = row0 + rows - firstDataRow;
  const entries: AuditEntry[] = [];
  if (row0 === 1) entries.push({ time, user, caseId: '', action: 'manual edit', field: 'header row', oldValue: String(e.oldValue ?? ''), newValue: String(e.value ?? '') });
  if (dataRows > 0) {
    const ids = idCol >= 0 ? sheet.getRange(firstDataRow, idCol + 1, dataRows, 1).getDisplayValues().map((r) => r[0]) : [];
    if (dataRows * cols > CELLS_LISTED) {
      entries.push({ time, user, caseId: '', action: 'manual edit', field: `${range.getA1Notation()}`, oldValue: '', newValue: `${dataRows * cols} cells changed (pasted)` });
    } else {
      const values = sheet.getRange(firstDataRow, col0, dataRows, cols).getDisplayValues();
      const single = rows === 1 && cols === 1;
      values.forEach((r, i) => r.forEach((v, j) => {
        entries.push({
          time, user,
          caseId: ids[i] || `row ${firstDataRow + i}`,
          action: 'manual edit',
          field: header[col0 - 1 + j] || `column ${col0 + j}`,
          // Apps Script gives the old value only for a single-cell edit.
          oldValue: single ? String(e.oldValue ?? '') : '',
          newValue: v,
        });
      }));
    }
  }
  if (!entries.length) return;
  withDocumentLock(() => appendAudit(ss, entries));
}
