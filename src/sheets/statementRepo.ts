// Statement tabs (`Stmt <source> <period>`) and the user's saved import profiles. The only
// statement code that touches SpreadsheetApp / Utilities. Service calls per import do not
// depend on the number of lines: one read of the Line ID column per existing Stmt tab, the grid
// size of every tab (the cell limit), one setNumberFormats and one setValues for the new tab.
import { formatAmount, toSheetNumber } from '../domain/money';
import type { StatementLine } from '../domain/statements/line';
import type { Charset, Decode } from '../domain/statements/encoding';
import type { SavedProfile } from '../domain/statements/types';
import { DATE_FORMAT, STATEMENT_HEADERS, STATEMENT_TAB_PREFIX, TEXT_FORMAT } from './layout';
import { writeBlock, type Cell } from './writer';
import { cellsInUse, fitColumns, NEW_SHEET_COLUMNS, NEW_SHEET_ROWS, SPREADSHEET_CELL_LIMIT, thousands } from './grid';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const PROFILES_TAB = 'Import Profiles';
export const PROFILE_HEADERS = ['Name', 'Header Row', 'Mapping', 'Date Order', 'Decimal Mark', 'Currency', 'Sign', 'Saved At'] as const;
const AMOUNT_FORMAT = '#,##0.00##';

/** Base64 → bytes (0..255) → text, the Apps Script way. */
export function base64Bytes(contentBase64: string): number[] {
  const signed = Utilities.base64Decode(contentBase64);
  const out = new Array<number>(signed.length);
  for (let i = 0; i < signed.length; i++) out[i] = signed[i] & 0xff;
  return out;
}

export const decodeWithUtilities: Decode = (bytes: ArrayLike<number>, charset: Charset) => {
  const signed: number[] = new Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) signed[i] = (bytes[i] << 24) >> 24; // Java bytes are signed
  return Utilities.newBlob(signed).getDataAsString(charset);
};

/** Every Line ID already in a `Stmt …` tab: one header read and one column read per tab. */
export function existingLineIds(ss: Spreadsheet): Set<string> {
  const ids = new Set<string>();
  for (const sheet of ss.getSheets()) {
    if (!sheet.getName().startsWith(STATEMENT_TAB_PREFIX)) continue;
    const lastRow = sheet.getLastRow();
    const lastCol = sheet.getLastColumn();
    if (lastRow < 2 || lastCol < 1) continue;
    const header = sheet.getRange(1, 1, 1, lastCol).getValues()[0].map((h) => String(h).trim());
    const col = header.indexOf('Line ID');
    if (col < 0) continue;
    for (const [v] of sheet.getRange(2, col + 1, lastRow - 1, 1).getValues()) if (v !== '') ids.add(String(v));
  }
  return ids;
}

/** Excel's limit on a sheet name (Google Sheets allows 100): longer names are cut when the
 *  workbook is saved as .xlsx, so a tab could come back under another name. */
export const MAX_TAB_NAME = 31;

/** The period part of a statement tab name: `2026-09`, `2026-09..11` (one year) or `2025-12..2026-02`. */
export function periodLabel(from: string, to: string): string {
  const a = from.slice(0, 7);
  const b = (to || from).slice(0, 7);
  if (!/^\d{4}-\d{2}$/.test(a)) return 'undated';
  if (!/^\d{4}-\d{2}$/.test(b) || a === b) return a;
  return a.slice(0, 4) === b.slice(0, 4) ? `${a}..${b.slice(5)}` : `${a}..${b}`;
}

/** The months a statement tab's name says it covers (the inverse of periodLabel): `Stmt CMB
 *  2026-09..11` → 2026-09, 2026-10, 2026-11; [] when the name carries no period. */
export function periodMonths(tabName: string): string[] {
  const m = /(\d{4})-(\d{2})(?:\.\.(?:(\d{4})-)?(\d{2}))?(?: \(\d+\))?$/.exec(tabName);
  if (!m) return [];
  const from = Number(m[1]) * 12 + Number(m[2]) - 1;
  const to = m[4] ? Number(m[3] ?? m[1]) * 12 + Number(m[4]) - 1 : from;
  const out: string[] = [];
  for (let k = from; k <= to && out.length < 120; k++) out.push(`${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`);
  return out;
}

const clean = (s: string) => s.replace(/[\[\]*?:\\/']/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * A free tab name of at most 31 characters: `head tail` (e.g. "Stmt PayPal" + "2026-09..11"),
 * the head shortened when it does not fit, then " (2)", " (3)"… on a collision (tab names are
 * compared case-insensitively, as Sheets and Excel do). The tail (the period) is kept whole.
 */
export function fitTabName(taken: Iterable<string>, head: string, tail = ''): string {
  const names = new Set([...taken].map((n) => n.toLowerCase()));
  const h = clean(head);
  const t = clean(tail);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const room = MAX_TAB_NAME - suffix.length - (t ? t.length + 1 : 0);
    const name = `${[h.slice(0, Math.max(room, 1)).trim(), t].filter(Boolean).join(' ')}${suffix}`.slice(0, MAX_TAB_NAME);
    if (!names.has(name.toLowerCase())) return name;
  }
}

/** A free statement tab name: "Stmt PayPal 2016-01", "Stmt PayPal 2015-12..2016-11", "Stmt PayPal 2016-01 (2)". */
export function freeStatementTabName(ss: Spreadsheet, head: string, tail = ''): string {
  return fitTabName(ss.getSheets().map((s) => s.getName()), head, tail);
}

const TEXT_COLUMNS = new Set(['Line ID', 'Currency', 'Counterparty', 'Counterparty Account', 'Reference', 'Description', 'Original Currency', 'Kind', 'Match Status', 'Matched Cases', 'Match Signals']);
const DATE_COLUMNS = new Set(['Booking Date', 'Value Date']);
const AMOUNT_COLUMNS = new Set(['Amount', 'Fee', 'Original Amount', 'Allocated Amount']);

export function statementRow(l: StatementLine): Cell[] {
  const byHeader: Record<string, Cell> = {
    'Line ID': l.lineId,
    'Booking Date': l.bookingDate,
    'Value Date': l.valueDate,
    Amount: toSheetNumber(l.amount, l.currency),
    Currency: l.currency,
    Counterparty: l.counterparty,
    'Counterparty Account': l.counterpartyAccount,
    Reference: l.reference,
    Description: l.description,
    Fee: l.fee ? toSheetNumber(l.fee, l.currency) : '',
    'Original Amount': l.originalAmount && l.originalCurrency ? Number(formatAmountSafe(l.originalAmount, l.originalCurrency)) : '',
    'Original Currency': l.originalCurrency,
    Kind: l.kind,
    'Source Row': l.sourceRow,
  };
  return STATEMENT_HEADERS.map((h) => (h in byHeader ? byHeader[h] : ''));
}

function formatAmountSafe(v: StatementLine['amount'], currency: string): string {
  try { return formatAmount(v, currency); } catch { return v.toString(); }
}

/** The grid a statement tab of this many lines gets (header row included). */
export function statementTabGrid(lineCount: number): { rows: number; columns: number; cells: number } {
  const rows = Math.max(lineCount + 1, NEW_SHEET_ROWS);
  const columns = STATEMENT_HEADERS.length;
  return { rows, columns, cells: rows * columns };
}

/**
 * Creates the tab and writes header + lines in one setValues: all or nothing. Apps Script keeps
 * whatever an execution changed before it failed (nothing is rolled back), so the cell limit is
 * checked before the tab exists, and a write that fails anyway removes the tab it created.
 */
export function writeStatementTab(ss: Spreadsheet, name: string, lines: StatementLine[]): GoogleAppsScript.Spreadsheet.Sheet {
  const grid = statementTabGrid(lines.length);
  const used = cellsInUse(ss);
  // A new tab is 1000 × 26 until it is fitted to the statement's columns: that peak counts too.
  const needed = Math.max(grid.cells, NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
  if (used + needed > SPREADSHEET_CELL_LIMIT) {
    throw new Error(
      `Nothing was imported: the ${thousands(lines.length)} lines need a tab of ${thousands(grid.cells)} cells ` +
        `(${thousands(grid.rows)} rows × ${grid.columns} columns${needed > grid.cells ? `; ${thousands(needed)} while it is made` : ''}), but this spreadsheet already uses ${thousands(used)} ` +
        `of its ${thousands(SPREADSHEET_CELL_LIMIT)} cells, so only ${thousands(Math.max(0, SPREADSHEET_CELL_LIMIT - used))} are free. ` +
        'Import the statement in smaller periods, or delete tabs you no longer need.',
    );
  }
  const rows: Cell[][] = [[...STATEMENT_HEADERS], ...lines.map(statementRow)];
  const sheet = ss.insertSheet(name);
  try {
    fitColumns(sheet, STATEMENT_HEADERS.length);
    const needRows = rows.length - sheet.getMaxRows();
    if (needRows > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needRows);
    const formatRow = STATEMENT_HEADERS.map((h) => (TEXT_COLUMNS.has(h) ? TEXT_FORMAT : DATE_COLUMNS.has(h) ? DATE_FORMAT : AMOUNT_COLUMNS.has(h) ? AMOUNT_FORMAT : '0'));
    const formats = rows.map((_, i) => (i === 0 ? STATEMENT_HEADERS.map(() => TEXT_FORMAT) : formatRow));
    writeBlock(sheet.getRange(1, 1, rows.length, STATEMENT_HEADERS.length), rows, formats);
    sheet.setFrozenRows(1);
  } catch (e) {
    try {
      ss.deleteSheet(sheet);
    } catch (cleanup) {
      throw new Error(`${(e as Error).message} (the half-written tab "${name}" could not be removed: ${(cleanup as Error).message})`);
    }
    throw e;
  }
  return sheet;
}

// ---- saved profiles (the "Import Profiles" tab) ----

export function readSavedProfiles(ss: Spreadsheet): SavedProfile[] {
  const sheet = ss.getSheetByName(PROFILES_TAB);
  if (!sheet || sheet.getLastRow() < 2) return [];
  const values = sheet.getRange(1, 1, sheet.getLastRow(), PROFILE_HEADERS.length).getValues();
  const out: SavedProfile[] = [];
  for (const r of values.slice(1)) {
    try {
      const name = String(r[0]).trim();
      if (!name) continue;
      out.push({
        name,
        headers: JSON.parse(String(r[1])) as string[],
        mapping: JSON.parse(String(r[2])),
        dateOrder: r[3] === 'DMY' || r[3] === 'MDY' ? r[3] : undefined,
        decimalMark: r[4] === ',' || r[4] === '.' ? r[4] : undefined,
        currency: String(r[5] || '') || undefined,
        signConvention: r[6] === 'spend-positive' ? 'spend-positive' : undefined,
      });
    } catch { /* a row someone edited into bad JSON is skipped, not fatal */ }
  }
  return out;
}

/** Adds or replaces a profile by name (one read, one write). */
export function saveProfile(ss: Spreadsheet, p: SavedProfile, now: string): void {
  let sheet = ss.getSheetByName(PROFILES_TAB);
  if (!sheet) {
    sheet = ss.insertSheet(PROFILES_TAB);
    writeBlock(sheet.getRange(1, 1, 1, PROFILE_HEADERS.length), [[...PROFILE_HEADERS]], [PROFILE_HEADERS.map(() => TEXT_FORMAT)]);
    sheet.setFrozenRows(1);
  }
  const last = sheet.getLastRow();
  const names = last >= 2 ? sheet.getRange(2, 1, last - 1, 1).getValues().map((r) => String(r[0]).trim()) : [];
  const at = names.indexOf(p.name);
  const row = last >= 2 && at >= 0 ? at + 2 : last + 1;
  if (row > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), 1);
  writeBlock(sheet.getRange(row, 1, 1, PROFILE_HEADERS.length), [[p.name, JSON.stringify(p.headers), JSON.stringify(p.mapping), p.dateOrder ?? '', p.decimalMark ?? '', p.currency ?? '', p.signConvention ?? '', now]], [PROFILE_HEADERS.map(() => TEXT_FORMAT)]);
}
