// Entry points for accounting (DESIGN §6; docs/api-accounting.md): post every case's due
// entries to the Journal tab, and export the entries not yet exported in the format of
// Settings ▸ Export Format. The books are computed by the pure core (domain/accounting); this
// module reads the tabs once each, builds each case's facts (Cases, Vendors, Matches, statement
// lines, Audit Log), checks everything it will write, and writes each block once.
// Only callables are exported (each export becomes a global of Code.js).
import {
  EXPORT_FORMATS, SettingsError, accountingSettings, exportFormatOf, exportJournalFiles, journalFor, liveEntries, totals,
  type AccountingSettings, type BaseRate, type CaseFacts, type CaseInfoOf, type JournalEntry, type JournalEvent, type ReceiptFact, type ShortPaid,
} from '../domain/accounting';
import { BaseRates, MissingRateError } from '../domain/accounting/rates';
import type { AuditEntry, AuditRow } from '../domain/audit';
import { isCaseStatus, type CaseRecord } from '../domain/caseRecord';
import { Decimal, formatAmount, roundToCurrency } from '../domain/money';
import { LIVE_STATES, MATCHES_TAB, type MatchRow } from '../domain/reconcile/decisions';
import type { StatementLine } from '../domain/statements/line';
import { appendAudit, auditEntry, readAudit } from '../sheets/auditLog';
import { readCases, writeCases, type CaseTable } from '../sheets/caseRepo';
import { assertCellRoom, cellsToAppend } from '../sheets/grid';
import {
  appendJournal, discardExportFiles, journalCellsToAdd, journalEntries, markExported, nextBatchId, readJournal, requireJournalColumns, rowsLabel, saveExportFile,
  type JournalProblem, type JournalTable, type SavedFile,
} from '../sheets/journalRepo';
import { AUDIT_HEADERS, SETTING, TAB } from '../sheets/layout';
import { withDocumentLock } from '../sheets/lock';
import { readMatches, readStatementTabs, statementTabNames } from '../sheets/reconRepo';
import { readSettings, type Settings } from '../sheets/settings';
import { readVendors, type VendorTable } from '../sheets/vendorRepo';
import { stamp, type Stamp } from './context';
import { reconSettingsFrom } from './reconcileRun';

// ---- results (plain JSON: google.script.run carries them) ----

export interface PostingProblem {
  caseId: string;
  /** Cases row of the case when read (informational: people sort). */
  row: number | null;
  /** What is at fault, in the core's terms (`agreedOn`, `receipts[0].currency`, `rates`, `amount`, `Journal`). */
  field: string;
  /** Where a person fixes it (`Refund Amount`, `Settings ▸ FX rates`, `Matches (L1a2b…)`). */
  where: string;
  message: string;
}

/**
 * A Received or Reconciled case whose money is short of its credit by more than the fee
 * tolerance (plus the FX band for converted money) reconciliation accepts: the gap was not
 * booked as Bank fees or FX but left open on AP–vendor. Amounts in the case currency, as text.
 */
export interface ShortPayment {
  caseId: string;
  row: number | null;
  currency: string;
  /** The credit (Refund Amount). */
  amount: string;
  /** What the money received covers. */
  covered: string;
  /** Left open on AP–vendor: write the case off or match the rest. */
  open: string;
  /** The most a gap may be and still be booked as a fee (or FX). */
  tolerance: string;
  message: string;
}

export interface PostJournalResult {
  /** Entries appended, per event. */
  posted: Record<JournalEvent, number>;
  entries: number;
  lines: number;
  /** Cases that got at least one entry. */
  cases: number;
  /** Journal Refs appended, in order. */
  refs: string[];
  /** Cases whose Journal Ref cell was rewritten. */
  journalRefsUpdated: number;
  /** Cases that posted nothing because of a problem (the others posted). */
  problems: PostingProblem[];
  /** Received or Reconciled cases short beyond the tolerance: their rest stays open on AP–vendor (every run, while they are short). */
  shortPaid: ShortPayment[];
  message: string;
}

export interface ExportedFile {
  name: string;
  url: string;
  fileId: string;
  mimeType: string;
  folderName: string;
  folderUrl: string;
  /** Journal Refs in this file. */
  entries: number;
}

export interface ExportJournalResult {
  format: string;
  batchId: string;
  entries: number;
  refs: string[];
  /** The first (or only) file; null when nothing was exported. */
  file: ExportedFile | null;
  /** Every file of the batch, in order (several parts where the format limits lines per file). */
  files: ExportedFile[];
  /** Entries left out (unbalanced, unreadable rows, …): one line each, still unexported, offered again once fixed. */
  warnings: string[];
  /** Remarks that leave nothing out (the default format used, the file split in parts, a name cut). */
  notes: string[];
  message: string;
}

const EVENT_WORDS: Record<JournalEvent, [string, string]> = {
  CREDIT_AGREED: ['vendor credit agreed', 'vendor credits agreed'],
  REFUND_RECEIVED: ['refund received', 'refunds received'],
  WRITE_OFF: ['write-off', 'write-offs'],
  REVERSAL: ['reversal', 'reversals'],
};
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// ---- reading what the books need ----

function accountsOf(settings: Settings): AccountingSettings {
  try {
    return accountingSettings(settings.values);
  } catch (e) {
    if (e instanceof SettingsError) throw new Error(`${e.message}. Nothing was changed.`);
    throw e;
  }
}

function ratesOf(settings: Settings): BaseRate[] {
  return settings.fxRates.map((r) => ({ currency: r.currency, rate: r.rate, asOf: /^\d{4}-\d{2}-\d{2}/.test(r.asOf) ? r.asOf.slice(0, 10) : '' }));
}

/**
 * Per case, from the Audit Log: when it last became Agreed, when it first became Received or
 * Reconciled, when it reached each closing status, and when it was imported and with which status.
 */
interface CaseDates {
  agreedOn?: string;
  paidOn?: string;
  closedOn: Map<string, string>;
  importedOn?: string;
  importedStatus?: string;
}

/** Statuses that mean the vendor agreed the credit (Agreed, or beyond it on the way to being paid). */
const AGREED_OR_BEYOND = new Set(['Agreed', 'Received', 'Reconciled']);

function caseDates(audit: readonly AuditRow[]): Map<string, CaseDates> {
  const out = new Map<string, CaseDates>();
  const of = (id: string) => {
    let d = out.get(id);
    if (!d) out.set(id, (d = { closedOn: new Map() }));
    return d;
  };
  for (const a of audit) {
    if (!a.caseId) continue;
    const day = a.time.slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) continue;
    if (a.action === 'imported') {
      const d = of(a.caseId);
      if (d.importedOn === undefined) {
        d.importedOn = day;
        // New is `V1 · order SZ-1 · 100.00 CNY · Requested`: the status it was imported with comes last.
        const status = a.newValue.split(' · ').pop()?.trim() ?? '';
        if (isCaseStatus(status)) d.importedStatus = status;
      }
    }
    if (a.field !== 'Status') continue;
    // Unmatch puts a Reconciled case back to Agreed: that is not the vendor agreeing again.
    if (a.newValue === 'Agreed' && a.action !== 'Unmatch') of(a.caseId).agreedOn = day;
    else if (a.newValue === 'Received' || a.newValue === 'Reconciled') of(a.caseId).paidOn ??= day;
    else if (a.newValue === 'Written off' || a.newValue === 'Rejected' || a.newValue === 'Cancelled') of(a.caseId).closedOn.set(a.newValue, day);
  }
  return out;
}

/** The reason given when the case was closed: `2026-12-03 Written off: vendor went bust` in Notes (changeStatus writes it). */
function closeReasonOf(notes: string, status: string): string | undefined {
  let reason: string | undefined;
  for (const line of notes.split('\n')) {
    const m = /^\d{4}-\d{2}-\d{2} (.+?): (.*)$/.exec(line.trim());
    if (m && m[1] === status) reason = m[2].trim();
  }
  return reason;
}

interface Allocation {
  row: MatchRow;
  line?: StatementLine;
}


/** Live allocations per case: for each (case, line) pair the last decided Matches row, when it allocates money. */
function liveAllocations(rows: readonly MatchRow[]): Map<string, MatchRow[]> {
  const last = new Map<string, MatchRow>();
  for (const r of rows) if (['auto', 'confirmed', 'manual', 'rejected', 'unmatched'].includes(r.state)) last.set(`${r.caseId}\u0001${r.lineId}`, r);
  const out = new Map<string, MatchRow[]>();
  for (const r of last.values()) {
    if (!LIVE_STATES.has(r.state)) continue;
    let list = out.get(r.caseId);
    if (!list) out.set(r.caseId, (list = []));
    list.push(r);
  }
  return out;
}

class FactProblem extends Error {
  constructor(readonly field: string, readonly where: string, message: string) {
    super(message);
  }
}

function decimalOf(text: string, what: string, field: string, where: string): Decimal {
  const t = text.trim();
  if (!/^-?\d+(\.\d+)?$/.test(t)) throw new FactProblem(field, where, `${what} "${t}" is not a number`);
  return new Decimal(t);
}

/**
 * What `amount` of `from` received on `date` is worth in `to`, through the base currency at
 * Settings ▸ FX rates (the books' rule: the latest rate on or before the day), rounded to `to`;
 * null when a rate is missing (the core then names the missing rate).
 */
function convertedOn(amount: Decimal, from: string, to: string, date: string, rates: BaseRates): Decimal | null {
  try {
    return roundToCurrency(amount.times(rates.rate(from, date)).div(rates.rate(to, date)), to);
  } catch (e) {
    if (e instanceof MissingRateError) return null;
    throw e;
  }
}

function receiptsOf(rec: CaseRecord, allocations: readonly Allocation[], linesAllocated: Map<string, number>, rates: BaseRates): ReceiptFact[] {
  const currency = rec.currency.toUpperCase();
  if (allocations.length) {
    return allocations.map(({ row, line }, i) => {
      const where = `${MATCHES_TAB} (${row.lineId})`;
      if (!line) throw new FactProblem(`receipts[${i}]`, where, `statement line ${row.lineId} (${row.statement || 'no statement named'}) is not on any Stmt tab, so the date the money arrived is unknown`);
      const date = line.valueDate || line.bookingDate;
      const receiptCurrency = (row.currency || line.currency).toUpperCase();
      const amount = decimalOf(row.amount, `allocated amount of ${row.lineId}`, `receipts[${i}].amount`, where);
      const covers = decimalOf(row.covers || row.amount, `amount of the refund ${row.lineId} covers`, `receipts[${i}].covers`, where);
      const fact: ReceiptFact = { receiptId: row.lineId, date, amount, currency: receiptCurrency, covers };
      // A fee the statement states belongs to the whole line: only when the line pays this case alone.
      if (line.fee && !line.fee.isZero() && linesAllocated.get(row.lineId) === 1 && line.currency === receiptCurrency) fact.fee = line.fee.abs();
      return fact;
    });
  }
  // No statement match: money a clerk recorded in Received Amount.
  if (!rec.receivedAmount.trim()) return [];
  const rc = (rec.receivedCurrency || rec.currency).toUpperCase();
  const amount = decimalOf(rec.receivedAmount, 'Received Amount', 'receivedAmount', 'Received Amount');
  if (!amount.gt(0)) return [];
  const date = rec.actualCompletion;
  if (!date) throw new FactProblem('receipts[0].date', 'Actual Completion', `Received Amount ${rec.receivedAmount} ${rc} has no date: fill in Actual Completion (the day the money arrived)`);
  const settled = rec.status === 'Received' || rec.status === 'Reconciled';
  let covers: Decimal;
  const refund = new Decimal(rec.amount);
  if (rc === currency) {
    covers = amount.gt(refund) ? refund : amount;
  } else if (settled) {
    // Converted: what it is worth in the case currency on the day, at most the refund. Within
    // the fee and FX tolerance the core books the gap as FX; a larger one stays on AP–vendor.
    const worth = convertedOn(amount, rc, currency, date, rates);
    if (worth && !worth.gt(0)) throw new FactProblem('receipts[0].covers', 'Received Amount', `Received Amount ${rec.receivedAmount} ${rc} is worth less than the smallest ${currency} amount on ${date}: correct it or match the statement line`);
    covers = !worth || worth.gt(refund) ? refund : worth;
  } else throw new FactProblem('receipts[0].covers', 'Received Amount', `Received Amount is in ${rc} but the case is in ${currency} and still ${rec.status}: the part of the refund it covers is unknown (match the statement line instead)`);
  return [{ receiptId: 'MANUAL', date, amount, currency: rc, covers }];
}

/** Where a person fixes a field the core names. */
function whereOf(field: string, facts: CaseFacts | undefined): string {
  const m = /^receipts\[(\d+)\]/.exec(field);
  if (m) {
    const r = facts?.receipts[Number(m[1])];
    return r ? (r.receiptId === 'MANUAL' ? 'Received Amount / Actual Completion' : `${MATCHES_TAB} (${r.receiptId})`) : 'Matched Transactions';
  }
  const map: Record<string, string> = {
    status: 'Status', vendorId: 'Vendor ID', currency: 'Currency', amount: 'Refund Amount', caseId: 'Case ID',
    agreedOn: 'Status (the day it became Agreed, from the Audit Log)', closedOn: 'Actual Completion', receipts: 'Matched Transactions',
    rates: 'Settings ▸ FX rates', entries: 'Journal', case: 'Case',
  };
  return map[field] ?? field;
}

interface Books {
  s: Stamp;
  settings: Settings;
  accounts: AccountingSettings;
  cases: CaseTable;
  vendors: VendorTable;
  journal: JournalTable;
  posted: JournalEntry[];
  journalProblems: JournalProblem[];
}

/**
 * An entry's vendor name and tag are those of the vendor it was booked to (its Vendor ID):
 * the case's own while the case still has that vendor, else from Vendors. So the reversal of
 * an entry booked before the case moved to another vendor names the first vendor in the export.
 */
function caseInfoFrom(cases: CaseTable, vendors: VendorTable): CaseInfoOf {
  return (caseId, vendorId) => {
    const r = cases.byId.get(caseId)?.record;
    const orderNo = r?.orderNo || undefined;
    if (r && r.vendorId === vendorId) return { vendorName: r.vendorName || r.vendorId, vendorTag: r.vendorTag || undefined, orderNo };
    const v = vendors.byId.get(vendorId);
    if (v) return { vendorName: v.name || vendorId, vendorTag: v.tag || undefined, orderNo };
    return r ? { vendorName: vendorId, orderNo } : undefined;
  };
}

/** Settings, Cases, Vendors and the Journal, each read once. */
function readBooks(s: Stamp, settings: Settings = readSettings(s.ss)): Books {
  const accounts = accountsOf(settings);
  const cases = readCases(s.ss);
  const vendors = readVendors(s.ss);
  const journal = readJournal(s.ss, s.zone);
  const read = journalEntries(journal, accounts, caseInfoFrom(cases, vendors));
  return { s, settings, accounts, cases, vendors, journal, posted: read.entries, journalProblems: read.problems };
}

/** The Journal Refs that stand for a case now: per event, its latest version not reversed. */
function liveRefs(entries: readonly JournalEntry[]): string {
  return liveEntries(entries).map((e) => e.ref).join(', ');
}

// ---- Post to journal ----

/**
 * Refund Cases ▸ Accounting ▸ Post to journal: appends every case's due entries (vendor credit
 * agreed, refund received per receipt, write-off, reversals of entries whose facts changed) to
 * the Journal tab, updates each case's Journal Ref, and records `journal posted` audit rows.
 * A case with a problem posts nothing; the others post. A second run posts nothing.
 */
export function postJournal(): PostJournalResult {
  const s = stamp();
  return withDocumentLock(() => {
    const books = readBooks(s);
    requireJournalColumns(books.journal);
    const { cases, accounts, settings, vendors } = books;
    const matches = readMatches(s.ss);
    const audit = readAudit(s.ss);

    const allocations = liveAllocations(matches.rows);
    const linesAllocated = new Map<string, number>();
    const statements = new Set<string>();
    for (const list of allocations.values()) {
      for (const r of list) {
        linesAllocated.set(r.lineId, (linesAllocated.get(r.lineId) ?? 0) + 1);
        if (r.statement) statements.add(r.statement);
      }
    }
    const lineById = new Map<string, StatementLine>();
    if (statements.size) {
      const tabs = statementTabNames(s.ss).filter((n) => statements.has(n));
      for (const tab of readStatementTabs(s.ss, s.zone, tabs)) for (const l of tab.lines) if (!lineById.has(l.lineId)) lineById.set(l.lineId, l);
    }
    const dates = caseDates(audit);

    const baseRates = new BaseRates(ratesOf(settings), accounts.baseCurrency);
    const problems: PostingProblem[] = [];
    const blocked = new Set<string>();
    const rowOf = new Map<string, number>();
    for (const r of cases.rows) if (r.record.caseId && !rowOf.has(r.record.caseId)) rowOf.set(r.record.caseId, r.row);
    const problem = (caseId: string, field: string, where: string, message: string) => {
      blocked.add(caseId);
      problems.push({ caseId, row: rowOf.get(caseId) ?? null, field, where, message });
    };
    // A case whose posted entries cannot be read would be posted twice: it waits until the rows are fixed.
    for (const p of books.journalProblems) if (p.caseId) problem(p.caseId, 'Journal', rowsLabel(p.rows), p.message);

    const facts: CaseFacts[] = [];
    const factsById = new Map<string, CaseFacts>();
    for (const { record: rec } of cases.rows) {
      if (!rec.caseId || blocked.has(rec.caseId)) continue;
      try {
        const currency = rec.currency.toUpperCase();
        const vendor = vendors.byId.get(rec.vendorId);
        const d = dates.get(rec.caseId);
        const list = (allocations.get(rec.caseId) ?? []).map((row) => ({ row, line: lineById.get(row.lineId) }));
        const amountText = rec.amount.trim();
        if (!/^\d+(\.\d+)?$/.test(amountText)) throw new FactProblem('amount', 'Refund Amount', `Refund Amount "${amountText}" is not an amount`);
        const receipts = receiptsOf(rec, list, linesAllocated, baseRates);
        // Without a move to Agreed, the credit still existed if the case went on to Received or
        // Reconciled, or was imported as Agreed (or beyond): the import is the first day the log
        // knew of it. The core uses that day only when no E1 is posted and no money arrived, so
        // unmatching a receipt does not re-date a posted credit. A case imported as Requested
        // and later written off was never agreed, so it gets no date and its write-off posts
        // nothing (as for a sidebar case).
        let assumedAgreedOn: string | undefined;
        if (!d?.agreedOn) {
          const importedAs = d?.importedStatus ?? (d?.importedOn ? rec.status : undefined);
          if (d?.importedOn && importedAs && AGREED_OR_BEYOND.has(importedAs)) assumedAgreedOn = d.importedOn;
          else if (d?.paidOn) assumedAgreedOn = d.paidOn;
        }
        const closed = rec.status === 'Written off' || rec.status === 'Rejected' || rec.status === 'Cancelled';
        const f: CaseFacts = {
          caseId: rec.caseId,
          status: rec.status,
          vendorId: rec.vendorId,
          vendorName: rec.vendorName || vendor?.name || rec.vendorId,
          vendorTag: rec.vendorTag || vendor?.tag || undefined,
          apAccount: vendor?.apAccount || undefined,
          orderNo: rec.orderNo || undefined,
          reason: rec.reason || undefined,
          amount: new Decimal(amountText),
          currency,
          agreedOn: d?.agreedOn,
          assumedAgreedOn,
          receipts,
          closedOn: closed ? d?.closedOn.get(rec.status) || rec.actualCompletion || undefined : undefined,
          closeReason: closed ? closeReasonOf(rec.notes, rec.status) : undefined,
        };
        facts.push(f);
        factsById.set(f.caseId, f);
      } catch (e) {
        if (e instanceof FactProblem) problem(rec.caseId, e.field, e.where, `${rec.caseId}, ${e.where}: ${e.message}`);
        else throw e;
      }
    }

    // Settings' fee (and FX) tolerance, as reconciliation reads it: only a gap within it is a fee.
    const result = journalFor({ cases: facts, posted: books.posted, settings: accounts, rates: ratesOf(settings), today: s.today, tolerance: reconSettingsFrom(settings) });
    for (const p of result.problems) problem(p.caseId, p.field, whereOf(p.field, factsById.get(p.caseId)), p.message);
    // journalFor skips a case with a problem entirely; drop anything of a blocked case to be sure.
    const entries = result.entries.filter((e) => !blocked.has(e.caseId));

    // Journal Ref of each case: the refs that stand for it after this run.
    const byCase = new Map<string, JournalEntry[]>();
    for (const e of [...books.posted, ...entries]) {
      let list = byCase.get(e.caseId);
      if (!list) byCase.set(e.caseId, (list = []));
      list.push(e);
    }
    // Audit: one row per entry posted, then each case's Journal Ref change.
    const auditRows: AuditEntry[] = entries.map((e) =>
      auditEntry(s, e.caseId, 'journal posted', e.ref, '', `${e.event} ${e.date} ${formatAmount(totals(e).debit, e.baseCurrency)} ${e.baseCurrency}${e.reverses ? ` (reverses ${e.reverses})` : ''}`),
    );
    const changedCases: CaseRecord[] = [];
    for (const { record } of cases.rows) {
      // Only the first row of a Case ID (readCases' byId); duplicates are for Check the log.
      if (!record.caseId || blocked.has(record.caseId) || cases.byId.get(record.caseId)?.record !== record) continue;
      const refs = liveRefs(byCase.get(record.caseId) ?? []);
      if (refs === record.journalRef) continue;
      changedCases.push({ ...record, journalRef: refs });
      auditRows.push(auditEntry(s, record.caseId, 'journal posted', 'Journal Ref', record.journalRef, refs));
    }

    const lines = entries.reduce((n, e) => n + e.lines.length, 0);
    // Check the room before the first write: Apps Script keeps whatever a failed run wrote.
    if (lines || auditRows.length) {
      const auditSheet = s.ss.getSheetByName(TAB.audit);
      const auditCells = auditSheet ? cellsToAppend(auditSheet, auditRows.length, AUDIT_HEADERS.length) : 0;
      assertCellRoom(s.ss, journalCellsToAdd(books.journal, lines) + auditCells, 'Nothing was changed: posting to the journal would take the spreadsheet over its cell limit');
    }
    // writeCases refuses (before writing) when a case's row vanished, so it goes first.
    if (changedCases.length) writeCases(s.ss, cases, changedCases);
    appendJournal(books.journal, entries);
    appendAudit(s.ss, auditRows);

    const posted: Record<JournalEvent, number> = { CREDIT_AGREED: 0, REFUND_RECEIVED: 0, WRITE_OFF: 0, REVERSAL: 0 };
    for (const e of entries) posted[e.event]++;
    const caseCount = new Set(entries.map((e) => e.caseId)).size;
    const what = (Object.keys(posted) as JournalEvent[]).filter((k) => posted[k]).map((k) => `${posted[k]} ${EVENT_WORDS[k][posted[k] === 1 ? 0 : 1]}`);
    const problemCases = new Set(problems.map((p) => p.caseId)).size;
    const head = entries.length
      ? `Posted ${plural(entries.length, 'entry', 'entries')} (${plural(lines, 'line')}) for ${plural(caseCount, 'case')}: ${what.join(', ')}.`
      : problemCases
        ? 'Nothing new to post.'
        : 'Nothing new to post: the journal already holds every entry the cases call for.';
    const shortPaid = result.shortPaid.filter((p) => !blocked.has(p.caseId)).map((p) => shortPayment(p, rowOf.get(p.caseId) ?? null));
    const tail = `${shortTail(shortPaid)}${problemCases ? ` ${plural(problemCases, 'case')} could not be posted (see the list).` : ''}`;
    s.ss.toast(`${head}${tail}`, 'Post to journal', 10);
    return {
      posted,
      entries: entries.length,
      lines,
      cases: caseCount,
      refs: entries.map((e) => e.ref),
      journalRefsUpdated: changedCases.length,
      problems,
      shortPaid,
      message: `${head}${tail}`,
    };
  });
}

function shortPayment(p: ShortPaid, row: number | null): ShortPayment {
  const f = (v: Decimal) => formatAmount(v, p.currency);
  return {
    caseId: p.caseId, row, currency: p.currency, amount: f(p.amount), covered: f(p.covered), open: f(p.open), tolerance: f(p.tolerance),
    message: `${p.caseId}: ${p.currency} ${f(p.covered)} received of ${f(p.amount)}; ${p.currency} ${f(p.open)} left open on AP–vendor, more than the ${p.converted ? 'fee and FX tolerance' : 'fee tolerance'} of ${p.currency} ${f(p.tolerance)} (write it off, or match the rest when it comes)`,
  };
}

const SHORT_IN_MESSAGE = 5;

/** The message's sentence about cases left short: which ones, and by how much. */
function shortTail(short: readonly ShortPayment[]): string {
  if (!short.length) return '';
  const named = short.slice(0, SHORT_IN_MESSAGE).map((p) => `${p.caseId} ${p.currency} ${p.open}`);
  const more = short.length > SHORT_IN_MESSAGE ? ` and ${short.length - SHORT_IN_MESSAGE} more (see the list)` : '';
  const verb = short.length === 1 ? 'was' : 'were';
  return ` ${plural(short.length, 'case')} ${verb} received short and left open on AP–vendor, not booked as Bank fees: ${named.join(', ')}${more}.`;
}

// ---- Export journal ----

/** The export format, and a note when Settings ▸ Export Format is blank (the default is written). */
function formatFrom(settings: Settings) {
  const typed = String(settings.values[SETTING.exportFormat] ?? '').trim();
  const text = typed || settings.exportFormat;
  const format = exportFormatOf(text);
  if (!format) {
    throw new Error(`Settings ▸ ${SETTING.exportFormat}: "${text}" is not a format the add-on can write. Use one of: ${EXPORT_FORMATS.join(', ')}. Nothing was exported.`);
  }
  const notes = typed ? [] : [`Export Format is blank: wrote ${format}`];
  return { format, notes };
}

/**
 * Refund Cases ▸ Accounting ▸ Export journal…: the journal entries not yet exported, in
 * Settings ▸ Export Format, saved in the spreadsheet's export folder in Drive: one file, or
 * several parts of one batch where the format limits the lines per file (Xero: 300); the
 * entries' rows get the batch id in Exported Batch, so a re-export exports nothing new. Either
 * every file is saved and every entry marked, or nothing is marked and no file is kept.
 */
export function exportJournal(): ExportJournalResult {
  const s = stamp();
  return withDocumentLock(() => {
    const settings = readSettings(s.ss);
    const { format, notes: formatNotes } = formatFrom(settings);
    const books = readBooks(s, settings);
    const pending = books.posted.filter((e) => !e.exportedBatch);
    const unreadable = books.journalProblems.map((p) => `Left out: ${p.message}`);
    const none = (message: string, warnings = unreadable): ExportJournalResult => {
      s.ss.toast(message, 'Export journal', 8);
      return { format, batchId: '', entries: 0, refs: [], file: null, files: [], warnings, notes: formatNotes, message };
    };
    if (!pending.length) return none(`Nothing to export: every journal entry is already in an export batch${books.posted.length ? '' : ' (the journal is empty: run Accounting ▸ Post to journal first)'}.`);

    const batchId = nextBatchId(books.journal, s.today);
    const batch = exportJournalFiles(format, pending, { batchId, settings: books.accounts });
    const warnings = [...unreadable, ...batch.warnings];
    if (!batch.journalRefs.length) return none(`Nothing to export: ${warnings[0] ?? 'no entry could be exported'}.`, warnings);
    const parts = batch.files.length;
    const notes = [...formatNotes, ...(parts > 1 ? [`${format} takes a limited number of lines per file: the batch is in ${parts} files; import each of them`] : []), ...batch.notes];

    const auditSheet = s.ss.getSheetByName(TAB.audit);
    if (auditSheet) assertCellRoom(s.ss, cellsToAppend(auditSheet, 1, AUDIT_HEADERS.length), 'Nothing was exported: recording the export would take the spreadsheet over its cell limit');
    // The files first: if Drive refuses one, the ones saved are trashed, no entry is marked, and
    // the next export offers them again.
    const saved: SavedFile[] = [];
    try {
      for (const f of batch.files) saved.push(saveExportFile(s.ss, f));
    } catch (e) {
      discardExportFiles(saved);
      throw e;
    }
    markExported(books.journal, batch.journalRefs, batchId);
    const names = saved.map((f) => f.name);
    appendAudit(s.ss, [auditEntry(s, '', 'journal exported', batchId, '', `${plural(batch.journalRefs.length, 'entry', 'entries')} · ${format} · ${names.join(', ')}`)]);

    const files: ExportedFile[] = saved.map((f, i) => ({ ...f, mimeType: batch.files[i].mimeType, entries: batch.files[i].journalRefs.length }));
    const where = parts > 1 ? `to ${parts} files (${names.map((n) => `"${n}"`).join(', ')})` : `to "${names[0]}"`;
    const leftOut = warnings.length ? ` ${plural(warnings.length, 'entry', 'entries')} left out: see the list.` : '';
    const noted = formatNotes.length ? ` ${formatNotes.join('. ')}.` : '';
    const message = `Exported ${plural(batch.journalRefs.length, 'entry', 'entries')} as ${format} (batch ${batchId}) ${where} in the Drive folder "${saved[0].folderName}".${noted}${leftOut}`;
    s.ss.toast(message, 'Export journal', 10);
    return { format, batchId, entries: batch.journalRefs.length, refs: batch.journalRefs, file: files[0], files, warnings, notes, message };
  });
}

// ---- menu handlers ----

const ALERT_LINES = 30;

/** Menu: Post to journal, then the problems (if any) in an alert; the toast says what was posted. */
export function runPostJournal(): void {
  const r = postJournal();
  if (!r.problems.length && !r.shortPaid.length) return;
  const ui = SpreadsheetApp.getUi();
  const list = (items: readonly { row: number | null; message: string }[]) => {
    const lines = items.slice(0, ALERT_LINES).map((p) => `${p.row ? `Row ${p.row} ` : ''}${p.message}`);
    return `${lines.join('\n')}${items.length > ALERT_LINES ? `\n… and ${items.length - ALERT_LINES} more.` : ''}`;
  };
  const sections = [r.message];
  if (r.problems.length) sections.push(`Not posted (fix these, then post again; nothing of these cases was written):\n\n${list(r.problems)}`);
  if (r.shortPaid.length) sections.push(`Received short (posted what came in; the rest stays on the vendor's payable, not an expense):\n\n${list(r.shortPaid)}`);
  ui.alert('Post to journal', sections.join('\n\n'), ui.ButtonSet.OK);
}

const html = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Menu: Export journal…, then a dialog with the file's link (or an alert saying why there is none). */
export function runExportJournal(): void {
  const r = exportJournal();
  const ui = SpreadsheetApp.getUi();
  if (!r.file) {
    ui.alert('Export journal', [r.message, ...r.warnings.slice(0, ALERT_LINES)].join('\n\n'), ui.ButtonSet.OK);
    return;
  }
  const warnings = r.warnings.length
    ? `<p><b>Left out</b> (still unexported; fix and export again):</p><ul>${r.warnings.slice(0, ALERT_LINES).map((w) => `<li>${html(w)}</li>`).join('')}</ul>`
    : '';
  const notes = r.notes.length ? `<ul>${r.notes.map((n) => `<li>${html(n)}</li>`).join('')}</ul>` : '';
  const several = r.files.length > 1;
  const links = r.files
    .map((f) => `<li><a href="${html(f.url)}" target="_blank" rel="noopener">${html(f.name)}</a> (${f.entries === 1 ? '1 entry' : `${f.entries} entries`})</li>`)
    .join('');
  const page = `<div style="font-family:Arial,sans-serif;font-size:13px;line-height:1.5">
<p>${html(`${r.entries === 1 ? '1 entry' : `${r.entries} entries`} exported as ${r.format}, batch ${r.batchId}${several ? `, in ${r.files.length} files` : ''}.`)}</p>
<ul>${links}</ul>
<p>in <a href="${html(r.file.folderUrl)}" target="_blank" rel="noopener">${html(r.file.folderName)}</a></p>${notes}
<p>Import ${several ? 'each file' : 'it'} in your accounting package. The entries are marked with the batch on the Journal tab, so the next export leaves them out.</p>${warnings}
</div>`;
  const height = 220 + (several ? 22 * r.files.length : 0) + (r.notes.length ? 60 : 0) + (r.warnings.length ? 140 : 0);
  ui.showModalDialog(HtmlService.createHtmlOutput(page).setWidth(560).setHeight(Math.min(height, 600)), 'Journal exported');
}
