// Check the log and Verify audit trail: read-only inspections that never edit a cell.
import { verifyAudit } from '../sheets/auditLog';
import { readCases } from '../sheets/caseRepo';
import { readSettings } from '../sheets/settings';
import { readVendors } from '../sheets/vendorRepo';
import { VerifyResult } from '../domain/audit';
import { checkCaseRows, LogProblem } from '../domain/logCheck';

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
  return { checked: table.rows.length, problems };
}

export function verifyAuditTrail(): VerifyResult {
  return verifyAudit(SpreadsheetApp.getActiveSpreadsheet());
}
