// The Audit Log tab: append-only and hash-chained (domain/audit.ts).
//
//   appendAudit(ss, entries): void
//       One write for any number of entries. Continues the chain from the head recorded in
//       document properties by the previous append (so deleting the last rows stays detected)
//       and records the new head. Call it
//       under withDocumentLock (sheets/lock.ts), in the same lock as the change it records.
//   readAudit(ss, caseId?): AuditRow[]      one read (a case's timeline, or all rows)
//   verifyAudit(ss): VerifyResult           Verify audit trail
//
// Entries carry time (ISO with the spreadsheet zone's offset), user, Case ID, action, field,
// old and new value; build them with auditEntry() so the time and user are filled the same way.
import { AuditEntry, AuditRow, chain, GENESIS, verifyChain, VerifyResult } from '../domain/audit';
import { sha256Text } from './clock';
import { auditHead, setAuditHead } from './documentState';
import { AUDIT_HEADERS, TAB } from './layout';
import { readTab, requireSheet } from './tabs';
import { appendBlock } from './writer';

export type { AuditEntry, AuditRow } from '../domain/audit';

const WIDTH = AUDIT_HEADERS.length;

function rowToAudit(row: readonly unknown[]): AuditRow {
  const t = (i: number) => (row[i] === null || row[i] === undefined ? '' : String(row[i]));
  return {
    seq: typeof row[0] === 'number' ? row[0] : /^\d+$/.test(t(0)) ? Number(t(0)) : NaN,
    time: t(1), user: t(2), caseId: t(3), action: t(4), field: t(5), oldValue: t(6), newValue: t(7), hash: t(8),
  };
}

export function appendAudit(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, entries: readonly AuditEntry[]): void {
  if (!entries.length) return;
  const sheet = requireSheet(ss, TAB.audit);
  // Continue from the recorded head, not from whatever is now the last row: otherwise deleting
  // the last rows and letting the next append re-chain would hide the deletion.
  let head = auditHead();
  if (!head) {
    const last = sheet.getLastRow();
    head = GENESIS;
    if (last >= 2) {
      const prev = rowToAudit(sheet.getRange(last, 1, 1, WIDTH).getValues()[0]);
      head = { seq: Number.isFinite(prev.seq) ? prev.seq : 0, hash: prev.hash };
    }
  }
  const rows = chain(head, entries, sha256Text);
  const formats = ['0', ...AUDIT_HEADERS.slice(1).map(() => '@')];
  appendBlock(sheet, rows.map((r) => [r.seq, r.time, r.user, r.caseId, r.action, r.field, r.oldValue, r.newValue, r.hash]), [formats], WIDTH);
  const end = rows[rows.length - 1];
  setAuditHead({ seq: end.seq, hash: end.hash });
}

export function readAudit(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, caseId?: string): AuditRow[] {
  const tab = readTab(requireSheet(ss, TAB.audit));
  const rows = tab.rows.map(rowToAudit);
  return caseId ? rows.filter((r) => r.caseId === caseId) : rows;
}

export function verifyAudit(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): VerifyResult {
  const tab = readTab(requireSheet(ss, TAB.audit));
  const rows = tab.rows.map(rowToAudit);
  return verifyChain(rows, auditHead(), sha256Text);
}

/** An entry stamped with the execution's time and user. */
export function auditEntry(stamp: { time: string; user: string }, caseId: string, action: string, field = '', oldValue = '', newValue = ''): AuditEntry {
  return { time: stamp.time, user: stamp.user, caseId, action, field, oldValue, newValue };
}
