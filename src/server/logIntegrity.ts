// Check the log and Verify audit trail: read-only inspections that never edit a cell.
import { verifyAudit } from '../sheets/auditLog';
import { readCases } from '../sheets/caseRepo';
import { readSettings } from '../sheets/settings';
import { readVendors } from '../sheets/vendorRepo';
import { VerifyResult } from '../domain/audit';
import { checkCaseRows, LogProblem } from '../domain/logCheck';
import { closedMonthProblems } from '../domain/reconcile/closeMonth';
import type { CaseRecord } from '../domain/caseRecord';
import { readMatches } from '../sheets/reconRepo';

export interface CheckResult {
  checked: number;
  problems: LogProblem[];
}

export function checkLog(): CheckResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const table = readCases(ss);
  const vendors = readVendors(ss);
  const settings = readSettings(ss);
  const problems = checkCaseRows(table.rows, {
    vendorIds: new Set(vendors.byId.keys()),
    vendorTags: new Map(vendors.vendors.map((v) => [v.vendorId, v.tag])),
    reasons: settings.reasons,
  });
  problems.push(...closedMonthEdits(table.rows));
  return { checked: table.rows.length, problems };
}

/** Cases whose facts changed after the month they were matched in was closed (Matches tab). */
function closedMonthEdits(rows: ReturnType<typeof readCases>['rows']): LogProblem[] {
  const { rows: matchRows } = readMatches(SpreadsheetApp.getActiveSpreadsheet());
  if (!matchRows.length) return [];
  const records = new Map<string, CaseRecord>();
  const rowOf = new Map<string, number>();
  for (const r of rows) {
    if (!r.record.caseId || records.has(r.record.caseId)) continue;
    records.set(r.record.caseId, r.record);
    rowOf.set(r.record.caseId, r.row);
  }
  return closedMonthProblems(matchRows, records).map((p) => ({
    row: rowOf.get(p.caseId) ?? 0,
    caseId: p.caseId,
    field: 'Closed month',
    message: p.message,
  }));
}

export function verifyAuditTrail(): VerifyResult {
  return verifyAudit(SpreadsheetApp.getActiveSpreadsheet());
}
