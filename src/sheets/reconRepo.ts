// Reconciliation's tabs and state: reading `Stmt …` tabs as statement lines, writing their
// match columns, the `Matches` tab (decisions), the `Recon YYYY-MM` report, and the document
// properties for closed months and a run in progress. Service calls per run do not depend on
// the number of rows: per Stmt tab one read of values and one of display values, and at write
// time one read of the Line ID column and the match block plus at most one write.
import { fromSheetNumber } from '../domain/money';
import { isCurrencyCode, minorUnits } from '../domain/currency';
import type { LineKind, StatementLine } from '../domain/statements/line';
import { MATCHES_TAB, MATCH_HEADERS, matchRowCells, matchRowFromCells, type MatchRow } from '../domain/reconcile/decisions';
import { VENDOR_TAB_PREFIX } from '../domain/reconcile/vendorStatement';
import { REPORT_WIDTH, type ReportCell } from '../domain/reconcile/report';
import { AUDIT_HEADERS, RECON_TAB_PREFIX, STATEMENT_HEADERS, STATEMENT_TAB_PREFIX, TAB } from './layout';
import { cellsToAdd, cellsToAppend, fitColumns, fitRows } from './grid';
import { headerIndex, readTab } from './tabs';
import { writeBlock, type Cell } from './writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type StatementHeader = (typeof STATEMENT_HEADERS)[number];

export const MATCH_COLUMNS = ['Match Status', 'Matched Cases', 'Allocated Amount', 'Match Signals'] as const;

export interface StatementTab {
  name: string;
  sheet: Sheet;
  isVendor: boolean;
  lines: StatementLine[];
  /** Line ID → the match cells as they are now (for "changed?" checks). */
  current: Map<string, Cell[]>;
  /** Rows that could not be read as a line (bad currency or amount), with the reason. */
  skipped: { row: number; reason: string }[];
}

const KINDS = new Set<LineKind>(['credit', 'debit', 'refund', 'reversal', 'fee', 'pending', 'closed']);
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

export function statementTabNames(ss: Spreadsheet): string[] {
  return ss.getSheets().map((s) => s.getName()).filter((n) => n.startsWith(STATEMENT_TAB_PREFIX));
}

/** Reads the named Stmt tabs (all when `names` is empty), one values + one display read each. */
export function readStatementTabs(ss: Spreadsheet, zone: string, names?: readonly string[]): StatementTab[] {
  const wanted = names && names.length ? names : statementTabNames(ss);
  const out: StatementTab[] = [];
  const memo = new Map<number, string>();
  for (const name of wanted) {
    // Only Stmt tabs carry Line IDs and take match columns; any other tab named here is a mistake.
    if (!name.startsWith(STATEMENT_TAB_PREFIX)) throw new Error(`"${name}" is not a statement tab (their names start with "${STATEMENT_TAB_PREFIX}"). Nothing was changed.`);
    const sheet = ss.getSheetByName(name);
    if (!sheet) throw new Error(`No statement tab "${name}". Nothing was changed.`);
    const tab = readTab(sheet, true);
    if (!tab.header.length) continue;
    const cols = headerIndex(name, tab.header, STATEMENT_HEADERS);
    const lines: StatementLine[] = [];
    const current = new Map<string, Cell[]>();
    const skipped: StatementTab['skipped'] = [];
    tab.rows.forEach((values, i) => {
      const shown = tab.display![i] || [];
      const v = (h: StatementHeader) => values[cols[h]];
      const t = (h: StatementHeader) => {
        const x = v(h);
        return x === null || x === undefined ? '' : String(x).trim();
      };
      const date = (h: StatementHeader) => {
        const x = v(h);
        if (isDate(x)) {
          const d = String(shown[cols[h]] ?? '');
          if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
          let s = memo.get(x.getTime());
          if (s === undefined) memo.set(x.getTime(), (s = Utilities.formatDate(x, zone, 'yyyy-MM-dd')));
          return s;
        }
        return t(h).slice(0, 10);
      };
      const lineId = t('Line ID');
      if (!lineId) return;
      const currency = t('Currency').toUpperCase();
      const amount = v('Amount');
      if (!isCurrencyCode(currency) || typeof amount !== 'number') {
        skipped.push({ row: i + 2, reason: !isCurrencyCode(currency) ? `currency "${currency}"` : `amount "${String(amount)}"` });
        return;
      }
      const fee = v('Fee');
      const origCcy = t('Original Currency').toUpperCase();
      const orig = v('Original Amount');
      const kind = t('Kind') as LineKind;
      lines.push({
        lineId,
        bookingDate: date('Booking Date'),
        valueDate: date('Value Date'),
        amount: fromSheetNumber(amount, currency),
        currency,
        counterparty: t('Counterparty'),
        counterpartyAccount: t('Counterparty Account'),
        reference: t('Reference'),
        description: t('Description'),
        fee: typeof fee === 'number' ? fromSheetNumber(fee, currency) : null,
        originalAmount: typeof orig === 'number' && isCurrencyCode(origCcy) ? fromSheetNumber(orig, origCcy) : null,
        originalCurrency: isCurrencyCode(origCcy) ? origCcy : '',
        kind: KINDS.has(kind) ? kind : amount >= 0 ? 'credit' : 'debit',
        sourceRow: Number(v('Source Row')) || i + 2,
      });
      current.set(lineId, MATCH_COLUMNS.map((h) => normaliseCell(v(h))));
    });
    out.push({ name, sheet, isVendor: name.startsWith(VENDOR_TAB_PREFIX), lines, current, skipped });
  }
  return out;
}

function normaliseCell(x: unknown): Cell {
  if (x === null || x === undefined) return '';
  if (typeof x === 'number' || typeof x === 'boolean') return x;
  return String(x);
}

export function sameCells(a: readonly Cell[] | undefined, b: readonly Cell[]): boolean {
  if (!a) return b.every((x) => x === '');
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Where a Stmt tab's Line ID and match columns are now. */
export interface MatchLayout {
  idCol: number;
  first: number;
}

/** Reads a Stmt tab's header and checks its match columns can be written (side by side, in
 *  order); throws otherwise. A run checks every tab it will write before its first write. */
export function statementMatchLayout(tab: StatementTab): MatchLayout {
  const sheet = tab.sheet;
  const header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0].map((h) => String(h).trim());
  const idCol = header.indexOf('Line ID');
  const first = header.indexOf(MATCH_COLUMNS[0]);
  if (idCol < 0 || first < 0 || MATCH_COLUMNS.some((h, i) => header[first + i] !== h)) {
    throw new Error(`The "${tab.name}" tab's match columns were moved or renamed; put ${MATCH_COLUMNS.join(', ')} back side by side. Nothing was changed.`);
  }
  return { idCol, first };
}

/**
 * Writes the match columns of one Stmt tab: rows are found by Line ID now (the user may have
 * sorted since the read). One read of the Line ID column, one of the match block, one write
 * (plus one of the header unless `layout` was checked before).
 */
export function writeStatementMatches(tab: StatementTab, cells: Map<string, Cell[]>, layout?: MatchLayout): number {
  const sheet = tab.sheet;
  const last = sheet.getLastRow();
  if (last < 2 || !cells.size) return 0;
  const { idCol, first } = layout ?? statementMatchLayout(tab);
  const ids = sheet.getRange(2, idCol + 1, last - 1, 1).getValues();
  const range = sheet.getRange(2, first + 1, last - 1, MATCH_COLUMNS.length);
  const block = range.getValues().map((r) => r.map(normaliseCell));
  let changed = 0;
  ids.forEach(([id], i) => {
    const next = cells.get(String(id).trim());
    if (next && !sameCells(block[i], next)) {
      block[i] = next;
      changed++;
    }
  });
  if (!changed) return 0;
  const formats = block.map(() => ['@', '@', '#,##0.00##', '@']);
  writeBlock(range, block, formats);
  return changed;
}

// ---- Matches tab ----

export function readMatches(ss: Spreadsheet): { sheet: Sheet | null; rows: MatchRow[] } {
  const sheet = ss.getSheetByName(MATCHES_TAB);
  if (!sheet) return { sheet: null, rows: [] };
  const tab = readTab(sheet);
  const rows: MatchRow[] = [];
  for (const r of tab.rows) {
    const m = matchRowFromCells(r);
    if (m) rows.push(m);
  }
  return { sheet, rows };
}

/** Rewrites the tab in one write, the grid fitted to its rows first. */
export function writeMatches(ss: Spreadsheet, rows: readonly MatchRow[]): void {
  let sheet = ss.getSheetByName(MATCHES_TAB);
  if (!sheet) {
    sheet = ss.insertSheet(MATCHES_TAB);
    fitColumns(sheet, MATCH_HEADERS.length);
    sheet.setFrozenRows(1);
  }
  const values: Cell[][] = [[...MATCH_HEADERS], ...rows.map(matchRowCells)];
  // Cut or grown to its rows (rows left over from a longer version go with the cut).
  fitRows(sheet, values.length);
  const textRow = MATCH_HEADERS.map((h) => (h === 'Score' ? '0' : '@'));
  writeBlock(sheet.getRange(1, 1, values.length, MATCH_HEADERS.length), values, values.map(() => textRow));
}

/**
 * Cells a run's writes add to the grid: the report tab, the Matches tab and the Audit Log rows
 * (a run never adds rows to Cases or to a statement tab). Checked before the first write, so a
 * month too big for the spreadsheet writes nothing.
 */
export function cellsForRunWrites(ss: Spreadsheet, month: string, rows: { report: number; matches: number; audit: number }): number {
  let cells = 0;
  if (rows.report) cells += cellsToAdd(ss.getSheetByName(reportTabName(month)), rows.report, REPORT_WIDTH);
  if (rows.matches) cells += cellsToAdd(ss.getSheetByName(MATCHES_TAB), rows.matches + 1, MATCH_HEADERS.length);
  if (rows.audit) {
    const audit = ss.getSheetByName(TAB.audit);
    if (audit) cells += cellsToAppend(audit, rows.audit, AUDIT_HEADERS.length);
  }
  return cells;
}

// ---- the report ----

export function reportTabName(month: string): string {
  return `${RECON_TAB_PREFIX}${month}`;
}

/** Months after `month` that have a report tab and are not closed: a decision in `month` can
 *  change what they show (a case paid now is no longer waiting there), and they are drawn only
 *  when their month is run. */
export function laterOpenReports(ss: Spreadsheet, month: string, closed: readonly string[]): string[] {
  const months: string[] = [];
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    const m = name.startsWith(RECON_TAB_PREFIX) ? name.slice(RECON_TAB_PREFIX.length) : '';
    if (/^\d{4}-\d{2}$/.test(m) && m > month && !closed.includes(m)) months.push(m);
  }
  return months.sort();
}

/** Writes the report unless it already holds exactly these cells. Returns whether it wrote. */
export function writeReport(ss: Spreadsheet, month: string, cells: ReportCell[][]): boolean {
  const name = reportTabName(month);
  let sheet = ss.getSheetByName(name);
  if (sheet) {
    const last = sheet.getLastRow();
    if (last === cells.length && sheet.getLastColumn() <= REPORT_WIDTH) {
      const now = sheet.getRange(1, 1, last, REPORT_WIDTH).getValues().map((r) => r.map(normaliseCell));
      if (now.every((r, i) => sameCells(r, cells[i]))) return false;
    }
    sheet.clearContents();
  } else {
    sheet = ss.insertSheet(name);
    fitColumns(sheet, REPORT_WIDTH);
    // Wide enough for Case and Line IDs, statement names and signals (a new tab's columns are 100 px).
    REPORT_COLUMN_WIDTHS.forEach((w, i) => sheet!.setColumnWidth(i + 1, w));
  }
  fitRows(sheet, cells.length);
  const needCols = REPORT_WIDTH - sheet.getMaxColumns();
  if (needCols > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needCols);
  // Text cells stay text (statement references may start with "=" or "-").
  const formats = reportFormats(cells);
  writeBlock(sheet.getRange(1, 1, cells.length, REPORT_WIDTH), cells, formats);
  return true;
}

// Wide enough for the headers of every section ("Cases waiting", "Unexplained credits", "Partly matched to").
const REPORT_COLUMN_WIDTHS = [150, 190, 150, 190, 110, 130, 130, 120, 120, 140, 320];

const COUNT_HEADER = /^(Cases |Unexplained credits|Score|Age)/;

/** Number formats of the report: counts, scores and ages as whole numbers; amounts with their
 *  currency's decimals (JPY 0, KWD 3), the currency read from the row; text cells as text. */
export function reportFormats(cells: readonly ReportCell[][]): string[][] {
  let header: string[] = [];
  return cells.map((r) => {
    const texts = r.filter((c) => c !== '' && c !== null && c !== undefined);
    if (texts.length >= 2 && texts.every((c) => typeof c === 'string')) header = r.map((c) => String(c ?? ''));
    const ccyAt = header.indexOf('Currency');
    const rowCcy = ccyAt >= 0 && isCurrencyCode(String(r[ccyAt] ?? '')) ? String(r[ccyAt]) : '';
    return r.map((c, i) => {
      if (typeof c !== 'number') return '@';
      const h = header[i] ?? '';
      if (COUNT_HEADER.test(h)) return '0';
      const m = /^In ([A-Z]{3})$/.exec(h) ?? /in ([A-Z]{3})$/.exec(String(r[0] ?? ''));
      const ccy = m && isCurrencyCode(m[1]) ? m[1] : rowCcy || (isCurrencyCode(String(r[0] ?? '')) ? String(r[0]) : '');
      if (!ccy) return '#,##0.00##';
      const d = minorUnits(ccy);
      return d ? `#,##0.${'0'.repeat(d)}` : '#,##0';
    });
  });
}

// ---- document properties: closed months and a run in progress ----

const CLOSED_KEY = 'rcl.closedMonths';
const RUN_KEY = 'rcl.reconRun';

export interface ClosedMonth {
  month: string;
  closedAt: string;
  closedBy: string;
}

/** Closed months, oldest first. Documented for Check the log in docs/reconciliation.md. */
export function readClosedMonths(): ClosedMonth[] {
  try {
    const v = JSON.parse(PropertiesService.getDocumentProperties().getProperty(CLOSED_KEY) || '[]');
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

export function writeClosedMonths(list: ClosedMonth[]): void {
  PropertiesService.getDocumentProperties().setProperty(CLOSED_KEY, JSON.stringify(list));
}

export interface RunState {
  month: string;
  statementSheets: string[];
  /** Write phases already done, by name. */
  done: string[];
  startedAt: string;
  budgetMs: number;
  executions: number;
}

export function readRunState(): RunState | null {
  try {
    const raw = PropertiesService.getDocumentProperties().getProperty(RUN_KEY);
    return raw ? (JSON.parse(raw) as RunState) : null;
  } catch {
    return null;
  }
}

export function writeRunState(state: RunState | null): void {
  const p = PropertiesService.getDocumentProperties();
  if (state) p.setProperty(RUN_KEY, JSON.stringify(state));
  else p.deleteProperty(RUN_KEY);
}

/** Schedules `continueReconciliation` in a minute (one trigger at a time). */
export function scheduleContinuation(): boolean {
  try {
    for (const t of ScriptApp.getProjectTriggers()) if (t.getHandlerFunction() === 'continueReconciliation') ScriptApp.deleteTrigger(t);
    ScriptApp.newTrigger('continueReconciliation').timeBased().after(60 * 1000).create();
    return true;
  } catch {
    return false; // no trigger service (or not allowed): the dialog's Continue button remains
  }
}

export function clearContinuation(): void {
  try {
    for (const t of ScriptApp.getProjectTriggers()) if (t.getHandlerFunction() === 'continueReconciliation') ScriptApp.deleteTrigger(t);
  } catch {
    /* nothing scheduled */
  }
}

/** Selects a row of a tab for the user (the review's "jump to the row"). */
export function activateRow(ss: Spreadsheet, tabName: string, column: string, key: string): boolean {
  const sheet = ss.getSheetByName(tabName);
  if (!sheet || sheet.getLastRow() < 2) return false;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map((h) => String(h).trim());
  const col = header.indexOf(column);
  if (col < 0) return false;
  const ids = sheet.getRange(2, col + 1, sheet.getLastRow() - 1, 1).getValues();
  const i = ids.findIndex(([v]) => String(v).trim() === key);
  if (i < 0) return false;
  sheet.activate();
  sheet.getRange(i + 2, 1, 1, sheet.getLastColumn()).activate();
  return true;
}
