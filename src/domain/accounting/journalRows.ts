// The Journal tab's rows ⇄ entries. One row per line; the rows of an entry share its Journal
// Ref. The tab keeps what reversing and exporting need later (account code and role, the
// original amount and rate), so a posted entry can be reversed exactly as it was posted even
// after the Settings' account names change.
import { isCurrencyCode } from '../currency';
import { Decimal, ZERO, roundToCurrency, toSheetNumber } from '../money';
import { isAccountRole, type AccountRole, type AccountingSettings } from './accounts';
import { parseRef, versionRef } from './refs';
import type { JournalEntry, JournalEvent, JournalLine } from './types';

/** Columns of the Journal tab: the existing eleven, then the six accounting needs (proposed). */
export const JOURNAL_COLUMNS = [
  'Journal Ref', 'Date', 'Case ID', 'Event', 'Account', 'Debit', 'Credit', 'Currency',
  'Memo', 'Vendor ID', 'Exported Batch',
  'Account Code', 'Account Role', 'Original Amount', 'Original Currency', 'FX Rate', 'Source Ref',
] as const;
export type JournalColumn = (typeof JOURNAL_COLUMNS)[number];
export type JournalRow = Record<JournalColumn, string | number>;
/** A row as read back: any subset of the columns (an older tab may lack the last six). */
export type JournalRowIn = Partial<Record<JournalColumn, unknown>>;

const EVENTS: readonly JournalEvent[] = ['CREDIT_AGREED', 'REFUND_RECEIVED', 'WRITE_OFF', 'REVERSAL'];

/** The rows of an entry, amounts as sheet numbers (exact: they come from rounded decimals). */
export function journalRows(entry: JournalEntry): JournalRow[] {
  const base = entry.baseCurrency;
  return entry.lines.map((l) => ({
    'Journal Ref': entry.ref,
    Date: entry.date,
    'Case ID': entry.caseId,
    Event: entry.event,
    Account: l.account,
    Debit: l.debit.isZero() ? '' : toSheetNumber(l.debit, base),
    Credit: l.credit.isZero() ? '' : toSheetNumber(l.credit, base),
    Currency: base,
    Memo: entry.memo,
    'Vendor ID': entry.vendorId,
    'Exported Batch': entry.exportedBatch ?? '',
    'Account Code': l.code,
    'Account Role': l.role,
    'Original Amount': toSheetNumber(l.original.amount, l.original.currency),
    'Original Currency': l.original.currency,
    'FX Rate': l.original.rate.toString(),
    'Source Ref': entry.sourceRef ?? '',
  }));
}

/** Descriptive case data the tab does not repeat on every row (from Cases and Vendors). */
export interface CaseInfo {
  /** The name and tag of the vendor the entry was booked to (its rows' Vendor ID), which is not the case's vendor any more once the case moved. */
  vendorName: string;
  vendorTag?: string;
  orderNo?: string;
  reference?: string;
}

export interface JournalRowProblem {
  ref: string;
  message: string;
}

/**
 * What the tab does not say about an entry of `caseId` booked to `vendorId`. The vendor name
 * and tag must be `vendorId`'s: a case moved to another vendor has its old entries reversed,
 * and those reversals must clear the first vendor's payable in the package (QuickBooks Name,
 * the ledgers' vendor sub-account), not the new vendor's.
 */
export type CaseInfoOf = (caseId: string, vendorId: string) => CaseInfo | undefined;

/**
 * Entries from Journal tab rows (grouped by Journal Ref, in first-seen order). Without an
 * Account Role column a line's role is found from the account name in the current settings.
 * A row that cannot be read is a problem naming its ref; its entry is left out.
 */
export function entriesFromJournalRows(
  rows: readonly JournalRowIn[],
  settings: AccountingSettings,
  caseInfo: CaseInfoOf,
): { entries: JournalEntry[]; problems: JournalRowProblem[] } {
  const groups = new Map<string, JournalRowIn[]>();
  for (const r of rows) {
    const ref = text(r['Journal Ref']);
    if (!ref) continue;
    let g = groups.get(ref);
    if (!g) groups.set(ref, (g = []));
    g.push(r);
  }
  const entries: JournalEntry[] = [];
  const problems: JournalRowProblem[] = [];
  for (const [ref, group] of groups) {
    try {
      entries.push(entryOf(ref, group, settings, caseInfo));
    } catch (e) {
      problems.push({ ref, message: `${ref}: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return { entries, problems };
}

function entryOf(ref: string, group: JournalRowIn[], settings: AccountingSettings, caseInfo: CaseInfoOf): JournalEntry {
  const first = group[0];
  const caseId = text(first['Case ID']);
  const event = text(first.Event) as JournalEvent;
  if (!EVENTS.includes(event)) throw new Error(`unknown Event "${event}"`);
  const date = text(first.Date);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`Date "${date}" is not YYYY-MM-DD`);
  const base = text(first.Currency) || settings.baseCurrency;
  if (!isCurrencyCode(base)) throw new Error(`Currency "${base}" is not an ISO 4217 code`);
  // One ref is one entry: rows of it that disagree were hand-edited or pasted from elsewhere,
  // and guessing which row is right could reverse the wrong amounts.
  for (const r of group) {
    if (text(r['Case ID']) !== caseId || text(r.Event) !== event || text(r.Date) !== date) {
      throw new Error(`its rows disagree on Case ID, Event or Date (${text(r['Case ID'])} ${text(r.Event)} ${text(r.Date)} vs ${caseId} ${event} ${date})`);
    }
  }
  const vendorId = text(first['Vendor ID']);
  const info = caseInfo(caseId, vendorId);
  const parsed = parseRef(ref);
  const lines = group.map((r) => lineOf(r, base, settings));
  return {
    ref,
    event,
    reverses: parsed.reversal ? versionRef(parsed.slot, parsed.version) : undefined,
    date,
    caseId,
    vendorId,
    vendorName: info?.vendorName ?? vendorId,
    vendorTag: info?.vendorTag,
    orderNo: info?.orderNo,
    reference: text(first['Source Ref']) || info?.reference,
    sourceRef: text(first['Source Ref']) || undefined,
    memo: text(first.Memo),
    baseCurrency: base,
    lines,
    exportedBatch: text(first['Exported Batch']) || undefined,
  };
}

function lineOf(r: JournalRowIn, base: string, settings: AccountingSettings): JournalLine {
  const account = text(r.Account);
  const debit = amount(r.Debit, base, 'Debit');
  const credit = amount(r.Credit, base, 'Credit');
  const roleText = text(r['Account Role']);
  const role: AccountRole | undefined = isAccountRole(roleText) ? roleText : roleByName(account, settings);
  if (!role) throw new Error(`account "${account}" is not one of the accounts in Settings (add the Account Role column)`);
  const origCurrency = text(r['Original Currency']) || base;
  const origText = text(r['Original Amount']);
  const rateText = text(r['FX Rate']);
  const posted = debit.isZero() ? credit : debit;
  const original = origText && isCurrencyCode(origCurrency)
    ? { amount: roundToCurrency(new Decimal(origText), origCurrency), currency: origCurrency, rate: rateText ? new Decimal(rateText) : new Decimal(1) }
    : { amount: posted, currency: base, rate: new Decimal(1) };
  return { role, account, code: text(r['Account Code']) || settings.accounts[role].code, debit, credit, original };
}

function roleByName(account: string, settings: AccountingSettings): AccountRole | undefined {
  const roles = Object.keys(settings.accounts) as AccountRole[];
  return roles.find((role) => settings.accounts[role].name.toLowerCase() === account.toLowerCase());
}

function amount(v: unknown, currency: string, column: string): Decimal {
  const t = text(v);
  if (!t) return ZERO;
  if (!/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(t)) throw new Error(`${column} "${t}" is not a number`);
  const d = roundToCurrency(new Decimal(t), currency);
  if (d.isNegative()) throw new Error(`${column} ${t} is negative`);
  return d;
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'number' ? new Decimal(String(v)).toSignificantDigits(15).toString() : String(v).trim();
}

