// The Cases tab. Other modules (statement import, reconciliation, scorecard) use these four:
//
//   readCases(ss): CaseTable
//       One read of the whole tab (getValues + getDisplayValues of one range). Records have
//       dates as `YYYY-MM-DD` (spreadsheet zone) and amounts as text with the currency's
//       decimals. `table.byId.get('RC-000042')` → { row, record, cells }.
//   writeCases(ss, records): void
//       Writes whole records back, each to the row that holds its Case ID *at write time*
//       (people sort and filter between our read and our write). One read of the Case ID
//       column, one read of the span of touched rows, and one write either side of the
//       Evidence column (whose rich-text link a plain write would erase). Throws if a Case ID
//       is no longer in the sheet. Call it under withDocumentLock (sheets/lock.ts).
//   appendCases(ss, records): number
//       Adds rows below the last one (formats set first so Order # keeps its zeros); returns the
//       first row written.
//   writeEvidenceCell(ss, caseId, label, folderUrl): void
//       The Evidence cell's link to the case's Drive folder.
//
// Writes go through sheets/writer.ts, so text that looks like a formula stays text.
import { CaseRecord } from '../domain/caseRecord';
import { amountFormat, CASE_FIELDS, Cell, cellsFromRecord, recordFromCells } from '../domain/caseCells';
import { CASE_HEADERS, CaseHeader, caseColumnFormat, TAB } from './layout';
import { headerIndex, readTab, requireSheet } from './tabs';
import { appendBlock, writeBlock, writeLink, Cell as WriteCell } from './writer';

export interface CaseRow {
  /** Sheet row at read time (header is row 1). Never keep it across a write: use the Case ID. */
  row: number;
  record: CaseRecord;
  /** The cells in CASE_FIELDS order, dates as YYYY-MM-DD (for Check the log). */
  cells: Cell[];
}

export interface CaseTable {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  zone: string;
  header: string[];
  width: number;
  /** 0-based sheet column of each of our headers. */
  cols: Record<CaseHeader, number>;
  /** Non-blank data rows, in sheet order. */
  rows: CaseRow[];
  /** First row of each Case ID. */
  byId: Map<string, CaseRow>;
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** A date cell as a calendar day in the spreadsheet zone; the display text when it is already ISO. */
function dayOf(value: Date, display: string, zone: string, memo: Map<number, string>): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(display)) return display;
  const t = value.getTime();
  let s = memo.get(t);
  if (s === undefined) {
    s = Utilities.formatDate(value, zone, 'yyyy-MM-dd');
    memo.set(t, s);
  }
  return s;
}

export function caseSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  return requireSheet(ss, TAB.cases);
}

export function readCases(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): CaseTable {
  const sheet = caseSheet(ss);
  const zone = ss.getSpreadsheetTimeZone();
  const tab = readTab(sheet, true);
  const cols = headerIndex(TAB.cases, tab.header, CASE_HEADERS);
  const memo = new Map<number, string>();
  const rows: CaseRow[] = [];
  const byId = new Map<string, CaseRow>();
  const idCol = cols['Case ID'];
  tab.rows.forEach((values, i) => {
    // Values and display values are two calls; if someone sorted in between, the display row
    // belongs to another case and its dates must not be used.
    const shown = tab.display![i];
    const display = shown && String(shown[idCol]).trim() === String(values[idCol]).trim() ? shown : [];
    const cells: Cell[] = CASE_FIELDS.map(({ header }) => {
      const c = cols[header as CaseHeader];
      const v = values[c];
      if (isDate(v)) return dayOf(v, display[c] ?? '', zone, memo);
      if (v === null || v === undefined) return '';
      return v as Cell;
    });
    if (cells.every((c) => c === '')) return;
    const row: CaseRow = { row: i + 2, record: recordFromCells(cells), cells };
    rows.push(row);
    if (row.record.caseId && !byId.has(row.record.caseId)) byId.set(row.record.caseId, row);
  });
  return { sheet, zone, header: tab.header, width: tab.width, cols, rows, byId };
}

/** Number format of each sheet column for a record (text, date, or the currency's decimals). */
function rowFormats(table: Pick<CaseTable, 'width' | 'cols'>, r: Pick<CaseRecord, 'currency' | 'receivedCurrency'>): string[] {
  const out = new Array<string>(table.width).fill('General');
  for (const h of CASE_HEADERS) {
    const c = table.cols[h];
    if (h === 'Refund Amount') out[c] = amountFormat(r.currency);
    else if (h === 'Received Amount') out[c] = amountFormat(r.receivedCurrency || r.currency);
    else out[c] = caseColumnFormat(h);
  }
  return out;
}

/** Record → values in the sheet's column order; `base` keeps columns that are not ours. */
function rowValues(table: Pick<CaseTable, 'width' | 'cols'>, r: CaseRecord, base?: readonly unknown[]): WriteCell[] {
  const out: WriteCell[] = base ? (base.map((v) => (v === undefined ? '' : v)) as WriteCell[]) : new Array<WriteCell>(table.width).fill('');
  const cells = cellsFromRecord(r);
  CASE_FIELDS.forEach(({ header }, i) => {
    out[table.cols[header as CaseHeader]] = cells[i];
  });
  return out;
}

export function appendCases(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, table: CaseTable, records: readonly CaseRecord[]): number {
  if (!records.length) return table.sheet.getLastRow() + 1;
  const values = records.map((r) => rowValues(table, r));
  const formats = records.map((r) => rowFormats(table, r));
  return appendBlock(table.sheet, values, formats, table.width);
}

/** Rows (1-based) holding each Case ID right now. */
function locate(sheet: GoogleAppsScript.Spreadsheet.Sheet, idCol: number): Map<string, number> {
  const last = sheet.getLastRow();
  const out = new Map<string, number>();
  if (last < 2) return out;
  const ids = sheet.getRange(2, idCol + 1, last - 1, 1).getValues();
  ids.forEach(([v], i) => {
    const id = String(v).trim();
    if (id && !out.has(id)) out.set(id, i + 2);
  });
  return out;
}

export function writeCases(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, table: CaseTable, records: readonly CaseRecord[]): void {
  if (!records.length) return;
  const { sheet, cols, width } = table;
  const idCol = cols['Case ID'];
  let byRow = new Map<number, CaseRecord>();
  let first = 0;
  let current: unknown[][] = [];
  // Locate, read the span, and check the span still holds those IDs (a sort may land between).
  for (let attempt = 0; ; attempt++) {
    const where = locate(sheet, idCol);
    byRow = new Map<number, CaseRecord>();
    for (const r of records) {
      const row = where.get(r.caseId);
      if (!row) throw new Error(`${r.caseId} is no longer on the Cases tab (was its row deleted?). Nothing was saved.`);
      byRow.set(row, r);
    }
    first = Math.min(...byRow.keys());
    const last = Math.max(...byRow.keys());
    current = sheet.getRange(first, 1, last - first + 1, width).getValues();
    const moved = [...byRow].some(([row, r]) => String(current[row - first][idCol]).trim() !== r.caseId);
    if (!moved) break;
    if (attempt >= 2) throw new Error('The Cases tab kept changing order while saving (a sort in progress?). Nothing was saved; try again.');
  }
  // The write covers our columns only up to the last of them, so columns people added after
  // ours are never touched. A column people inserted between ours is rewritten with the span:
  // its formulas and number formats are read first and written back as they were.
  const ours = new Set<number>(CASE_HEADERS.map((h) => cols[h]));
  const end = Math.max(...ours) + 1;
  const foreign = ours.size < end;
  const span = foreign ? sheet.getRange(first, 1, current.length, end) : null;
  const formulas = span ? span.getFormulas() : null;
  const ownFormats = span ? span.getNumberFormats() : null;
  const keepFormula = (i: number, c: number, touched: boolean): string => {
    const f = formulas?.[i]?.[c] ?? '';
    return f && (!touched || !ours.has(c)) ? f : '';
  };
  const values = current.map((row, i) => {
    const r = byRow.get(first + i);
    const out = r ? rowValues(table, r, row) : (row as WriteCell[]).slice();
    if (formulas) out.forEach((_v, c) => {
      const f = keepFormula(i, c, !!r);
      if (f) out[c] = { formula: f };
    });
    return out;
  });
  const formats = current.map((row, i) => {
    const r = byRow.get(first + i);
    // An untouched row in the span keeps its own currency's format.
    const ccy = String(row[cols.Currency] ?? '').trim().toUpperCase();
    const rccy = String(row[cols['Received Currency']] ?? '').trim().toUpperCase();
    const out = rowFormats(table, r ?? { currency: ccy, receivedCurrency: rccy });
    if (ownFormats) out.forEach((_f, c) => {
      if (!ours.has(c)) out[c] = ownFormats[i][c];
    });
    return out;
  });
  // Left and right of Evidence: its rich-text folder link must survive.
  const ev = cols.Evidence;
  const parts: [number, number][] = [[0, ev], [ev + 1, end]];
  for (const [from, to] of parts) {
    if (to <= from) continue;
    writeBlock(
      sheet.getRange(first, from + 1, values.length, to - from),
      values.map((row) => row.slice(from, to)),
      formats.map((row) => row.slice(from, to)),
    );
  }
}

export function writeEvidenceCell(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, table: CaseTable, caseId: string, label: string, folderUrl: string): void {
  const row = locate(table.sheet, table.cols['Case ID']).get(caseId);
  if (!row) throw new Error(`${caseId} is no longer on the Cases tab.`);
  writeLink(table.sheet.getRange(row, table.cols.Evidence + 1), label, folderUrl);
}

/** The folder link in a case's Evidence cell ('' when none). */
export function readEvidenceLink(table: CaseTable, caseId: string): string {
  const row = locate(table.sheet, table.cols['Case ID']).get(caseId);
  if (!row) return '';
  const rich = table.sheet.getRange(row, table.cols.Evidence + 1).getRichTextValue();
  return (rich && rich.getLinkUrl()) || '';
}
