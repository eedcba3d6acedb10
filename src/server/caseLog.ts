// Logging a refund and the vendor list behind the form (docs/api.md).
import { duplicateWarning, likelyDuplicates } from '../domain/duplicateCases';
import { appendAudit, auditEntry } from '../sheets/auditLog';
import { appendCases, CaseTable, readCases, writeEvidenceCell } from '../sheets/caseRepo';
import { caseForRequest, rememberRequest, reserveCaseNumbers } from '../sheets/documentState';
import { appendEvidence, EvidenceItem } from '../sheets/evidenceRepo';
import { caseFolder, checkUploadSize, storeUpload } from '../sheets/evidenceStore';
import { withDocumentLock } from '../sheets/lock';
import { readSettings } from '../sheets/settings';
import { appendVendors, readVendors, VendorTable } from '../sheets/vendorRepo';
import { writeBlock } from '../sheets/writer';
import {
  CaseRecord, CaseValidationError, caseIdNumber, EVIDENCE_TYPES, formatCaseId, MAX_EVIDENCE_BYTES,
  CASE_STATUSES, validateCaseForm,
} from '../domain/caseRecord';
import { CaseView, evidenceLabel, openTotals, toCaseView } from '../domain/caseView';
import { CURRENCY_CODES, minorUnits } from '../domain/currency';
import { addDays } from '../domain/dates';
import { formatAmount, parseAmount } from '../domain/money';
import { validateVendorInput, Vendor, vendorTag } from '../domain/vendors';
import { stamp } from './context';

export interface VendorView {
  vendorId: string;
  name: string;
  tag: string;
  defaultCurrency: string;
  slaDays: number | null;
  aliases: string[];
  openCount: number;
  openAmounts: { currency: string; amount: string }[];
}

function vendorView(v: Vendor, table: CaseTable | null): VendorView {
  const totals = openTotals(table ? table.rows.filter((r) => r.record.vendorId === v.vendorId).map((r) => r.record) : []);
  return {
    vendorId: v.vendorId, name: v.name, tag: v.tag, defaultCurrency: v.defaultCurrency,
    slaDays: v.slaDays, aliases: v.aliases, ...totals,
  };
}

/** Highest RC- number on the sheet: the counter must stay above IDs pasted or imported by hand. */
export function maxCaseNumber(table: CaseTable): number {
  let max = 0;
  for (const r of table.rows) max = Math.max(max, caseIdNumber(r.record.caseId) ?? 0);
  return max;
}

/** A vendor typed into the tab by hand has no tag yet; give it one (stored) before a case uses it. */
export function ensureTag(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, vendors: VendorTable, v: Vendor & { row: number }): string {
  if (v.tag) return v.tag;
  v.tag = vendorTag(v.name, v.vendorId, vendors.vendors.filter((o) => o !== v).map((o) => o.tag).filter(Boolean));
  writeBlock(vendors.sheet.getRange(v.row, vendors.cols.Tag + 1), [[v.tag]], [['@']]);
  return v.tag;
}

export function listVendors(): VendorView[] {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const vendors = readVendors(ss);
  const cases = readCases(ss);
  return vendors.vendors
    .map((v) => vendorView(v, cases))
    .sort((a, b) => a.name.localeCompare(b.name) || a.vendorId.localeCompare(b.vendorId));
}

export function addVendor(input: unknown): VendorView {
  const v = validateVendorInput(input);
  if (!v.ok) throw new Error(`Invalid vendor: ${JSON.stringify(v.errors)}`);
  const s = stamp();
  return withDocumentLock(() => {
    const vendors = readVendors(s.ss);
    const clash = vendors.vendors.find((o) => o.vendorId.toLowerCase() === v.value.vendorId.toLowerCase());
    if (clash) throw new Error(`Vendor ID "${clash.vendorId}" already exists (${clash.name}).`);
    const vendor: Vendor = {
      ...v.value,
      tag: vendorTag(v.value.name, v.value.vendorId, vendors.vendors.map((o) => o.tag).filter(Boolean)),
    };
    appendVendors(s.ss, vendors, [vendor]);
    appendAudit(s.ss, [auditEntry(s, '', 'vendor added', 'Vendor', '', `${vendor.vendorId} ${vendor.name} (${vendor.tag})`)]);
    return vendorView(vendor, null);
  });
}

export interface FormOptions {
  today: string;
  baseCurrency: string;
  currencies: { code: string; minorUnits: number }[];
  reasons: string[];
  evidenceTypes: string[];
  statuses: string[];
  defaultSlaDays: number;
  defaultExpected: string;
  expectedByVendor: Record<string, string>;
  maxEvidenceBytes: number;
}

export function getFormOptions(): FormOptions {
  const s = stamp();
  const settings = readSettings(s.ss);
  const vendors = readVendors(s.ss);
  const expectedByVendor: Record<string, string> = {};
  for (const v of vendors.vendors) expectedByVendor[v.vendorId] = addDays(s.today, v.slaDays ?? settings.defaultSlaDays);
  return {
    today: s.today,
    baseCurrency: settings.baseCurrency,
    currencies: CURRENCY_CODES.map((code) => ({ code, minorUnits: minorUnits(code) })),
    reasons: settings.reasons,
    evidenceTypes: [...EVIDENCE_TYPES],
    statuses: [...CASE_STATUSES],
    defaultSlaDays: settings.defaultSlaDays,
    defaultExpected: addDays(s.today, settings.defaultSlaDays),
    expectedByVendor,
    maxEvidenceBytes: MAX_EVIDENCE_BYTES,
  };
}

export interface LogCaseResult {
  caseId: string;
  row: number;
  case: CaseView;
  duplicate: boolean;
  evidence: EvidenceItem[];
  /** Set when other open cases have the same vendor, order, amount and currency (duplicateCases.ts). */
  possibleDuplicate: string;
}

export function logCase(form: unknown): LogCaseResult {
  // The stamp comes first: its day is both the Date Logged written below and the earliest
  // Expected Completion the form may give, so the two cannot disagree across midnight.
  const s = stamp();
  const valid = validateCaseForm(form, { dateLogged: s.today });
  if (!valid.ok) throw new CaseValidationError(valid.errors);
  const f = valid.value;
  // Size problems are the user's to fix before anything is reserved or written.
  f.evidence.forEach((e) => checkUploadSize(e));
  return withDocumentLock(() => {
    const prior = caseForRequest(f.requestId);
    const table = readCases(s.ss);
    if (prior) {
      const row = table.byId.get(prior);
      if (row) return { caseId: prior, row: row.row, case: toCaseView(row.record, row.row, s.today), duplicate: true, evidence: [], possibleDuplicate: '' };
    }
    const settings = readSettings(s.ss);
    const vendors = readVendors(s.ss);
    const vendor = vendors.byId.get(f.vendorId) ?? vendors.vendors.find((v) => v.vendorId.toLowerCase() === f.vendorId.toLowerCase());
    if (!vendor) throw new CaseValidationError([{ field: 'vendorId', message: `Unknown vendor "${f.vendorId}": add it first` }]);
    const reason = settings.reasons.find((r) => r.toLowerCase() === f.reason.toLowerCase());
    if (!reason) throw new CaseValidationError([{ field: 'reason', message: `Reason "${f.reason}" is not in the Settings list` }]);
    const tag = ensureTag(s.ss, vendors, vendor);

    const caseId = formatCaseId(reserveCaseNumbers(1, maxCaseNumber(table)));
    const record: CaseRecord = {
      caseId,
      dateLogged: s.today,
      orderNo: f.orderNo,
      vendorName: vendor.name,
      vendorId: vendor.vendorId,
      vendorTag: tag,
      reason,
      reasonDetail: f.reasonDetail,
      amount: formatAmount(parseAmount(f.amount, f.currency), f.currency),
      currency: f.currency,
      status: 'Logged',
      expectedCompletion: f.expectedCompletion || addDays(s.today, vendor.slaDays ?? settings.defaultSlaDays),
      actualCompletion: '',
      evidence: '',
      receivedAmount: '',
      receivedCurrency: '',
      matchedTransactions: '',
      reconciledOn: '',
      journalRef: '',
      tags: f.tags,
      notes: f.notes,
      updatedAt: s.time,
      updatedBy: s.user,
    };

    // Drive first: if an upload fails nothing is on the sheet (the reserved ID is simply skipped).
    const evidence: EvidenceItem[] = [];
    let folderUrl = '';
    if (f.evidence.length) {
      const folder = caseFolder(s.ss, record, '');
      folderUrl = folder.getUrl();
      for (const upload of f.evidence) {
        const stored = storeUpload(folder, upload);
        evidence.push({ caseId, type: upload.type, name: stored.name, url: stored.url, sha256: stored.sha256, addedAt: s.time, addedBy: s.user });
      }
      record.evidence = evidenceLabel(evidence.length);
    }

    const row = appendCases(s.ss, table, [record]);
    const audit = [
      auditEntry(s, caseId, 'created', 'Case', '', `${record.vendorId} · order ${record.orderNo} · ${record.amount} ${record.currency} · ${record.reason}`),
      ...evidence.map((e) => auditEntry(s, caseId, 'evidence added', e.type, '', `${e.name} sha256:${e.sha256}`)),
    ];
    if (evidence.length) {
      appendEvidence(s.ss, evidence);
      writeEvidenceCell(s.ss, table, caseId, record.evidence, folderUrl);
    }
    appendAudit(s.ss, audit);
    rememberRequest(f.requestId, caseId);
    // From the rows already read: no extra read of the sheet.
    const alike = likelyDuplicates(record, table.rows.map((r) => r.record));
    return { caseId, row, case: toCaseView(record, row, s.today, folderUrl), duplicate: false, evidence, possibleDuplicate: duplicateWarning(record, alike) };
  });
}
