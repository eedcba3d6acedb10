// Changing a case: field edits and status moves. Both re-find the row by Case ID under the
// document lock and record every changed field in the Audit Log in the same lock.
import { appendAudit } from '../sheets/auditLog';
import { readCases, writeCases } from '../sheets/caseRepo';
import { readEvidence } from '../sheets/evidenceRepo';
import { withDocumentLock } from '../sheets/lock';
import { readSettings } from '../sheets/settings';
import { readVendors } from '../sheets/vendorRepo';
import { diffEntries } from '../domain/audit';
import { CaseRecord, CaseValidationError, isOpenStatus, validateCasePatch } from '../domain/caseRecord';
import { CASE_FIELDS } from '../domain/caseCells';
import { CaseView, toCaseView } from '../domain/caseView';
import { formatAmount, parseAmount } from '../domain/money';
import { checkTransition } from '../domain/workflow';
import { stamp } from './context';
import { ensureTag } from './caseLog';

const AUDITED = CASE_FIELDS.filter((f) => f.key !== 'updatedAt' && f.key !== 'updatedBy' && f.key !== 'evidence').map((f) => ({ key: f.key, label: f.header }));

export function updateCase(caseId: unknown, patch: unknown): CaseView {
  const id = String(caseId ?? '').trim();
  const s = stamp();
  return withDocumentLock(() => {
    const table = readCases(s.ss);
    const row = table.byId.get(id);
    if (!row) throw new Error(`No case ${id || '(blank ID)'}`);
    const before = row.record;
    const valid = validateCasePatch(patch, before);
    if (!valid.ok) throw new CaseValidationError(valid.errors);
    const p = valid.value;
    const after: CaseRecord = { ...before, tags: [...before.tags] };
    const closed = !isOpenStatus(before.status);
    if (closed && (p.amount !== undefined || p.currency !== undefined || p.vendorId !== undefined)) {
      const money = (p.amount !== undefined && p.amount !== before.amount) || (p.currency !== undefined && p.currency !== before.currency) || (p.vendorId !== undefined && p.vendorId !== before.vendorId);
      if (money) throw new Error(`${id} is ${before.status}: its amount, currency and vendor can no longer change.`);
    }
    if (p.vendorId !== undefined && p.vendorId !== before.vendorId) {
      const vendors = readVendors(s.ss);
      const v = vendors.byId.get(p.vendorId);
      if (!v) throw new CaseValidationError([{ field: 'vendorId', message: `Unknown vendor "${p.vendorId}": add it first` }]);
      after.vendorId = v.vendorId;
      after.vendorName = v.name;
      after.vendorTag = ensureTag(s.ss, vendors, v);
    }
    if (p.reason !== undefined) {
      const reason = readSettings(s.ss).reasons.find((r) => r.toLowerCase() === p.reason!.toLowerCase());
      if (!reason) throw new CaseValidationError([{ field: 'reason', message: `Reason "${p.reason}" is not in the Settings list` }]);
      after.reason = reason;
    }
    if (p.orderNo !== undefined) after.orderNo = p.orderNo;
    if (p.reasonDetail !== undefined) after.reasonDetail = p.reasonDetail;
    if (p.currency !== undefined) after.currency = p.currency;
    if (p.amount !== undefined || p.currency !== undefined) after.amount = formatAmount(parseAmount(p.amount ?? before.amount, after.currency), after.currency);
    if (p.expectedCompletion !== undefined) after.expectedCompletion = p.expectedCompletion;
    if (p.tags !== undefined) after.tags = p.tags;
    if (p.notes !== undefined) after.notes = p.notes;
    const changes = diffEntries(before, after, AUDITED, { time: s.time, user: s.user, caseId: id, action: 'update' });
    if (!changes.length) return toCaseView(before, row.row, s.today);
    after.updatedAt = s.time;
    after.updatedBy = s.user;
    writeCases(s.ss, table, [after]);
    appendAudit(s.ss, changes);
    return toCaseView(after, row.row, s.today);
  });
}

export function changeStatus(caseId: unknown, status: unknown, note: unknown): CaseView {
  const id = String(caseId ?? '').trim();
  const to = String(status ?? '').trim();
  const why = String(note ?? '').trim();
  const s = stamp();
  return withDocumentLock(() => {
    const table = readCases(s.ss);
    const row = table.byId.get(id);
    if (!row) throw new Error(`No case ${id || '(blank ID)'}`);
    const before = row.record;
    const evidence = readEvidence(s.ss, id);
    const decision = checkTransition(id, before.status, to, why, {
      evidenceTypes: evidence.map((e) => e.type),
      hasStatementMatch: before.matchedTransactions !== '',
    });
    if (!decision.ok) throw new Error(decision.message);
    const after: CaseRecord = { ...before, status: to, updatedAt: s.time, updatedBy: s.user };
    if (decision.setActualCompletion && !after.actualCompletion) after.actualCompletion = s.today;
    if (to === 'Reconciled' && !after.reconciledOn) after.reconciledOn = s.today;
    // The reason stays visible on the row, not only in the Audit Log.
    if (why) after.notes = after.notes ? `${after.notes}\n${s.today} ${to}: ${why}` : `${s.today} ${to}: ${why}`;
    const entries = diffEntries(before, after, AUDITED, { time: s.time, user: s.user, caseId: id, action: 'status' });
    writeCases(s.ss, table, [after]);
    appendAudit(s.ss, entries);
    return toCaseView(after, row.row, s.today);
  });
}
