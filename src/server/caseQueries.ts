// Reading cases for the sidebar: find, one case with its timeline, and the vendor filter.
import { readAudit } from '../sheets/auditLog';
import { readCases, readEvidenceLink } from '../sheets/caseRepo';
import { EvidenceItem, readEvidence } from '../sheets/evidenceRepo';
import { readVendors } from '../sheets/vendorRepo';
import { CaseQuery, CaseView, matchesQuery, openTotals, toCaseView } from '../domain/caseView';
import { AuditEntry } from '../domain/audit';
import { allowedTransitions, missingForNext } from '../domain/workflow';
import { stamp } from './context';

export interface FindResult {
  cases: CaseView[];
  total: number;
  truncated: boolean;
}

const DEFAULT_LIMIT = 200;

export function findCases(query: unknown): FindResult {
  const q = (query && typeof query === 'object' ? query : {}) as CaseQuery;
  const limit = typeof q.limit === 'number' && q.limit > 0 ? Math.min(q.limit, 1000) : DEFAULT_LIMIT;
  const s = stamp();
  const table = readCases(s.ss);
  const hits = table.rows.filter((r) => matchesQuery(r.record, q, s.today));
  // Newest first: most look-ups are about recent cases.
  hits.sort((a, b) => (b.record.dateLogged.localeCompare(a.record.dateLogged)) || b.record.caseId.localeCompare(a.record.caseId));
  return {
    cases: hits.slice(0, limit).map((r) => toCaseView(r.record, r.row, s.today)),
    total: hits.length,
    truncated: hits.length > limit,
  };
}

export interface CaseDetail {
  case: CaseView;
  timeline: AuditEntry[];
  evidence: EvidenceItem[];
  allowedStatuses: string[];
  gates: Record<string, string>;
}

export function getCase(caseId: unknown): CaseDetail {
  const id = String(caseId ?? '').trim();
  const s = stamp();
  const table = readCases(s.ss);
  const row = table.byId.get(id);
  if (!row) throw new Error(`No case ${id || '(blank ID)'}`);
  const evidence = readEvidence(s.ss, id);
  const timeline = readAudit(s.ss, id).map(({ seq: _seq, hash: _hash, ...e }) => e);
  const facts = { evidenceTypes: evidence.map((e) => e.type), hasStatementMatch: row.record.matchedTransactions !== '' };
  return {
    case: toCaseView(row.record, row.row, s.today, readEvidenceLink(table, id)),
    timeline,
    evidence,
    allowedStatuses: allowedTransitions(row.record.status),
    gates: missingForNext(row.record.status, facts),
  };
}

export interface VendorFilterResult {
  vendorId: string;
  vendorName: string;
  vendorTag: string;
  openCount: number;
  openAmounts: { currency: string; amount: string }[];
}

/** Shows only one vendor's rows with the sheet's basic filter (people can clear it as usual). */
export function filterByVendor(vendorId: unknown): VendorFilterResult {
  const id = String(vendorId ?? '').trim();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const vendor = readVendors(ss).byId.get(id);
  if (!vendor) throw new Error(`Unknown vendor "${id}"`);
  const table = readCases(ss);
  const sheet = table.sheet;
  const existing = sheet.getFilter();
  if (existing) existing.remove();
  // Over every row of the grid, not just the rows used now: cases logged while the filter is on
  // land below them and must be filtered too (a script write does not widen a filter's range).
  const rows = Math.max(sheet.getMaxRows(), 2);
  const filter = sheet.getRange(1, 1, rows, table.width).createFilter();
  filter.setColumnFilterCriteria(table.cols['Vendor ID'] + 1, SpreadsheetApp.newFilterCriteria().whenTextEqualTo(id).build());
  const totals = openTotals(table.rows.filter((r) => r.record.vendorId === id).map((r) => r.record));
  return { vendorId: id, vendorName: vendor.name, vendorTag: vendor.tag, ...totals };
}

export function clearCaseFilter(): { cleared: boolean } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName('Cases');
  const filter = sheet?.getFilter();
  if (!filter) return { cleared: false };
  filter.remove();
  return { cleared: true };
}
