// Importing an existing refund log (CSV or a pasted tab). Headers are matched by name, so both
// our own export and the plain names of a hand-kept log work. Every row is validated before
// anything is written: the caller writes all rows or none.
// The browser build: papaparse's Node build requires 'stream', which the neutral bundle lacks
// (module declaration in domain/statements/papaparse.d.ts).
import Papa from 'papaparse/papaparse.min.js';
import { amountProblem, CaseRecord, expectedCompletionProblem, CASE_ID_PATTERN, CASE_STATUSES, caseIdNumber, formatCaseId, parseTags } from './caseRecord';
import { Cell } from './caseCells';
import { isCurrencyCode } from './currency';
import { addDays, parseImportDate } from './dates';
import { formatAmount, parseAmount, sheetNumberText } from './money';
import { nextVendorId, Vendor, vendorTag } from './vendors';

type ImportKey =
  | 'caseId' | 'dateLogged' | 'orderNo' | 'vendorName' | 'vendorId' | 'reason' | 'reasonDetail'
  | 'amount' | 'currency' | 'status' | 'expectedCompletion' | 'actualCompletion'
  | 'receivedAmount' | 'receivedCurrency' | 'tags' | 'notes';

/** Accepted header names (lower case) per field: ours first, then plain names of hand-kept logs. */
export const IMPORT_HEADERS: Record<ImportKey, string[]> = {
  caseId: ['case id', 'case', 'case #', 'legacy id'],
  dateLogged: ['date logged', 'logged', 'date'],
  orderNo: ['order #', 'original order #', 'order', 'order no', 'order no.', 'order number'],
  vendorName: ['vendor name', 'vendor', 'supplier'],
  vendorId: ['vendor id', 'supplier id'],
  reason: ['reason', 'reason for refund'],
  reasonDetail: ['reason detail', 'details'],
  amount: ['refund amount', 'amount'],
  currency: ['currency', 'ccy'],
  status: ['status'],
  expectedCompletion: ['expected completion', 'expected completion date'],
  actualCompletion: ['actual completion', 'actual completion date'],
  receivedAmount: ['received amount'],
  receivedCurrency: ['received currency'],
  tags: ['tags'],
  notes: ['notes', 'note', 'comments'],
};

export interface ImportContext {
  vendors: readonly Vendor[];
  reasons: readonly string[];
  today: string;
  defaultSlaDays: number;
  existingCaseIds: ReadonlySet<string>;
  /**
   * The cases already in the log. A row whose Case ID names one of them (its Case ID, or the
   * legacy ID an earlier import kept in its Notes) with the same Order # and vendor is that case
   * imported again, and is refused: importing a file twice must not double the log.
   */
  existingCases?: readonly { caseId: string; orderNo: string; vendorId: string; notes: string }[];
  /** The next sequence number the Case ID counter would give. */
  nextSeq: number;
  user: string;
  now: string;
}

export interface ImportRowError {
  row: number;
  message: string;
}

export type ImportOutcome =
  | { ok: true; records: CaseRecord[]; newVendors: Vendor[]; legacyIds: number; lastSeq: number }
  | { ok: false; errors: ImportRowError[] };

/** CSV text → rows of strings (BOM and blank lines dropped). */
export function parseCsv(csv: string): { rows: string[][]; errors: ImportRowError[] } {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const errors = parsed.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({ row: (e.row ?? 0) + 1, message: `CSV: ${e.message}` }));
  return { rows: parsed.data, errors };
}

function cellText(c: Cell | undefined): string {
  if (c === undefined || c === null) return '';
  return typeof c === 'string' ? c.trim() : String(c);
}

/** "1,234.50" → "1234.50": thousands commas only in their proper places, never a decimal comma. */
function amountText(c: Cell | undefined): string {
  if (typeof c === 'number') return sheetNumberText(c);
  const t = cellText(c).replace(/\s/g, '');
  return /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replace(/,/g, '') : t;
}

/**
 * Validates and converts every row. `table[0]` is the header row; rows are numbered as in the
 * source (header = 1). Returns all problems, or the records with Case IDs assigned.
 */
export function buildImport(table: readonly (readonly Cell[])[], ctx: ImportContext): ImportOutcome {
  if (table.length < 2) return { ok: false, errors: [{ row: 1, message: 'No rows to import (the first row must be the header row)' }] };
  const header = table[0].map((h) => cellText(h).toLowerCase());
  const col: Partial<Record<ImportKey, number>> = {};
  for (const key of Object.keys(IMPORT_HEADERS) as ImportKey[]) {
    const i = header.findIndex((h) => IMPORT_HEADERS[key].includes(h));
    if (i >= 0) col[key] = i;
  }
  const missing: string[] = [];
  if (col.orderNo === undefined) missing.push('Order # (or "Original Order #")');
  if (col.vendorName === undefined && col.vendorId === undefined) missing.push('Vendor Name or Vendor ID');
  if (col.reason === undefined) missing.push('Reason (or "Reason for Refund")');
  if (col.amount === undefined) missing.push('Refund Amount');
  if (col.currency === undefined) missing.push('Currency');
  if (missing.length) return { ok: false, errors: [{ row: 1, message: `Missing columns: ${missing.join(', ')}` }] };

  const vendorsById = new Map(ctx.vendors.map((v) => [v.vendorId.toLowerCase(), v]));
  const vendorsByName = new Map<string, Vendor>();
  for (const v of ctx.vendors) {
    vendorsByName.set(v.name.toLowerCase(), v);
    for (const a of v.aliases) if (!vendorsByName.has(a.toLowerCase())) vendorsByName.set(a.toLowerCase(), v);
  }
  const takenTags = ctx.vendors.map((v) => v.tag);
  const newVendorId = nextVendorId(ctx.vendors.map((v) => v.vendorId));
  const newVendors: Vendor[] = [];
  const reasonByLower = new Map(ctx.reasons.map((r) => [r.toLowerCase(), r]));
  const otherReason = reasonByLower.get('other') ?? 'Other';
  const statusByLower = new Map(CASE_STATUSES.map((s) => [s.toLowerCase(), s]));

  const known = new Map<string, { caseId: string; orderNo: string; vendorId: string }>();
  for (const c of ctx.existingCases ?? []) {
    known.set(c.caseId, c);
    const legacy = /^Legacy ID: (.+)$/m.exec(c.notes)?.[1]?.trim();
    if (legacy && !known.has(legacy)) known.set(legacy, c);
  }

  const errors: ImportRowError[] = [];
  const keptIds = new Set<string>();
  type Pending = { record: CaseRecord; keepId: boolean; legacy: string };
  const pending: Pending[] = [];

  for (let i = 1; i < table.length; i++) {
    const cells = table[i];
    const rowNo = i + 1;
    if (cells.every((c) => cellText(c) === '')) continue;
    const get = (k: ImportKey) => (col[k] === undefined ? '' : cellText(cells[col[k]!]));
    const rowErrors: string[] = [];

    const orderNo = get('orderNo');
    if (!orderNo) rowErrors.push('Order # is missing');

    // Vendor: by ID, else by name or alias; unknown ones are created once and reused.
    let vendor: Vendor | undefined;
    const vid = get('vendorId');
    const vname = get('vendorName');
    if (vid) vendor = vendorsById.get(vid.toLowerCase());
    else if (vname) vendor = vendorsByName.get(vname.toLowerCase());
    if (!vendor && (vid || vname)) {
      const id = vid || newVendorId();
      vendor = {
        vendorId: id, name: vname || id, tag: '', defaultCurrency: '', slaDays: null,
        accountingContact: '', apAccount: '', aliases: [],
      };
      vendor.tag = vendorTag(vendor.name, id, takenTags);
      takenTags.push(vendor.tag);
      newVendors.push(vendor);
      vendorsById.set(id.toLowerCase(), vendor);
      vendorsByName.set(vendor.name.toLowerCase(), vendor);
    }
    if (!vendor) rowErrors.push('Vendor Name or Vendor ID is missing');

    const currency = get('currency').toUpperCase();
    let amount = '';
    const raw = col.amount === undefined ? '' : amountText(cells[col.amount]);
    if (!currency || !isCurrencyCode(currency)) {
      rowErrors.push(currency ? `Currency "${currency}" is not an ISO 4217 code` : 'Currency is missing');
      // Only the decimals need the currency: a missing or non-numeric amount is listed now, so
      // one round of fixes is enough.
      const problem = amountProblem(raw, null);
      if (problem) rowErrors.push(`Refund Amount "${raw}": ${problem}`);
    } else {
      const problem = amountProblem(raw, currency);
      if (problem) rowErrors.push(`Refund Amount "${raw}": ${problem}`);
      else amount = formatAmount(parseAmount(raw, currency), currency);
    }

    const reasonText = get('reason');
    let reason = '';
    let reasonDetail = get('reasonDetail');
    if (!reasonText) rowErrors.push('Reason is missing');
    else if (reasonByLower.has(reasonText.toLowerCase())) reason = reasonByLower.get(reasonText.toLowerCase())!;
    else {
      // A hand-kept log's free-text reason is kept word for word in the detail.
      reason = otherReason;
      reasonDetail = reasonDetail ? `${reasonText}: ${reasonDetail}` : reasonText;
    }

    const statusText = get('status');
    const status = statusText ? statusByLower.get(statusText.toLowerCase()) : 'Logged';
    if (!status) rowErrors.push(`Status "${statusText}" is not one of: ${CASE_STATUSES.join(', ')}`);

    const date = (k: ImportKey, label: string): string => {
      const t = get(k);
      if (!t) return '';
      const iso = parseImportDate(t);
      if (!iso) rowErrors.push(`${label} "${t}" is not a date YYYY-MM-DD`);
      return iso ?? '';
    };
    const givenLogged = date('dateLogged', 'Date Logged');
    const dateLogged = givenLogged || ctx.today;
    const slaDays = vendor?.slaDays ?? ctx.defaultSlaDays;
    const givenExpected = date('expectedCompletion', 'Expected Completion');
    const expectedCompletion = givenExpected || addDays(dateLogged, slaDays);
    // An old log's cases were logged in the past, so past dates are fine; what the form refuses
    // is an expected date before the case's own Date Logged (a typo). A row without a Date
    // Logged is logged today, so its expected date is held to today; the message says so.
    if (givenExpected && expectedCompletionProblem(givenExpected, dateLogged)) {
      rowErrors.push(givenLogged
        ? `Expected Completion "${get('expectedCompletion')}" can't be before the row's Date Logged (${dateLogged})`
        : `Expected Completion "${get('expectedCompletion')}" can't be before the Date Logged, which is today (${dateLogged}) as the row has none: add the row's Date Logged`);
    }
    const actualCompletion = date('actualCompletion', 'Actual Completion');

    const receivedCurrency = get('receivedCurrency').toUpperCase();
    let receivedAmount = '';
    const receivedRaw = col.receivedAmount === undefined ? '' : amountText(cells[col.receivedAmount]);
    if (receivedCurrency && !isCurrencyCode(receivedCurrency)) rowErrors.push(`Received Currency "${receivedCurrency}" is not an ISO 4217 code`);
    else if (receivedRaw) {
      const rc = receivedCurrency || currency;
      try {
        receivedAmount = formatAmount(parseAmount(receivedRaw, rc), rc);
      } catch (e) {
        rowErrors.push(`Received Amount "${receivedRaw}": ${(e as Error).message}`);
      }
    }

    const tags = parseTags(get('tags').replace(/\s+/g, ','));
    const givenId = get('caseId');
    const prior = givenId ? known.get(givenId) : undefined;
    if (prior && prior.orderNo === orderNo && vendor && prior.vendorId === vendor.vendorId) {
      rowErrors.push(`Case "${givenId}" is already in the log as ${prior.caseId} (same Order # and vendor): this file, or this row, was imported before`);
    }
    const keepId = CASE_ID_PATTERN.test(givenId) && !ctx.existingCaseIds.has(givenId) && !keptIds.has(givenId);
    if (keepId) keptIds.add(givenId);

    if (rowErrors.length) {
      errors.push(...rowErrors.map((m) => ({ row: rowNo, message: m })));
      continue;
    }
    const legacy = givenId && !keepId ? givenId : '';
    const notes = get('notes');
    pending.push({
      keepId,
      legacy,
      record: {
        caseId: keepId ? givenId : '',
        dateLogged,
        orderNo,
        vendorName: vendor!.name,
        vendorId: vendor!.vendorId,
        vendorTag: vendor!.tag,
        reason,
        reasonDetail,
        amount,
        currency,
        status: status!,
        expectedCompletion,
        actualCompletion,
        evidence: '',
        receivedAmount,
        receivedCurrency: receivedAmount ? receivedCurrency || currency : '',
        matchedTransactions: '',
        reconciledOn: '',
        journalRef: '',
        tags,
        notes: legacy ? `Legacy ID: ${legacy}${notes ? `\n${notes}` : ''}` : notes,
        updatedAt: ctx.now,
        updatedBy: ctx.user,
      },
    });
  }
  if (errors.length) return { ok: false, errors };
  if (!pending.length) return { ok: false, errors: [{ row: 2, message: 'No rows to import' }] };

  // New IDs continue the counter; a kept ID above it moves the counter on, so none is reused.
  let seq = ctx.nextSeq - 1;
  for (const id of keptIds) seq = Math.max(seq, caseIdNumber(id)!);
  for (const p of pending) {
    if (p.keepId) continue;
    do seq += 1;
    while (keptIds.has(formatCaseId(seq)) || ctx.existingCaseIds.has(formatCaseId(seq)));
    p.record.caseId = formatCaseId(seq);
  }
  return {
    ok: true,
    records: pending.map((p) => p.record),
    newVendors,
    legacyIds: pending.filter((p) => p.legacy).length,
    lastSeq: Math.max(seq, ctx.nextSeq - 1),
  };
}
