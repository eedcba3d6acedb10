// The Journal tab (DESIGN §6): one row per journal line, the rows of an entry sharing its
// Journal Ref. Rows are only ever appended; the one cell the add-on changes later is Exported
// Batch. Columns are found by header name (people may reorder them or add their own).
//
//   readJournal(ss, zone): JournalTable            one read (values + display values)
//   journalEntries(table, settings, caseInfo)      rows → entries, problems naming the rows
//   journalCellsToAdd(table, rows): number         grid growth of an append (for assertCellRoom)
//   appendJournal(table, entries): number          one block write below the last row
//   markExported(table, refs, batchId): number     Exported Batch of those refs' rows, one write
//   saveExportFile(ss, file): SavedFile            the export in Drive, next to the evidence folder
//   discardExportFiles(saved)                      trashes files of an export that did not complete
import { amountFormat } from '../domain/caseCells';
import {
  JOURNAL_COLUMNS, entriesFromJournalRows, journalRows,
  type AccountingSettings, type CaseInfoOf, type ExportFile, type JournalColumn, type JournalEntry, type JournalRowIn,
} from '../domain/accounting';
import { cellsToAppend } from './grid';
import { DATE_FORMAT, TAB, TEXT_FORMAT } from './layout';
import { NOT_SET_UP, readTab, requireSheet } from './tabs';
import { appendBlock, writeBlock, type Cell } from './writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface JournalRowRead {
  /** Sheet row (header is row 1). */
  row: number;
  values: JournalRowIn;
}

export interface JournalTable {
  sheet: Sheet;
  /** Header texts of row 1, as many as the tab's used width. */
  header: string[];
  /** 0-based column of each Journal column; -1 when the tab lacks it (an older tab). */
  cols: Record<JournalColumn, number>;
  /** Non-blank data rows in sheet order. */
  rows: JournalRowRead[];
}

/** A Journal row that could not be read back as part of an entry. */
export interface JournalProblem {
  /** Sheet rows of the entry (or the single row) at fault. */
  rows: number[];
  ref: string;
  caseId: string;
  message: string;
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

export function readJournal(ss: Spreadsheet, zone: string): JournalTable {
  const sheet = requireSheet(ss, TAB.journal);
  const tab = readTab(sheet, true);
  const lower = tab.header.map((h) => h.toLowerCase());
  const cols = {} as Record<JournalColumn, number>;
  for (const h of JOURNAL_COLUMNS) cols[h] = lower.indexOf(h.toLowerCase());
  const rows: JournalRowRead[] = [];
  const memo = new Map<number, string>();
  tab.rows.forEach((cells, i) => {
    if (cells.every((c) => c === '' || c === null || c === undefined)) return;
    const shown = tab.display?.[i] ?? [];
    const values: JournalRowIn = {};
    for (const h of JOURNAL_COLUMNS) {
      const c = cols[h];
      if (c < 0) continue;
      const v = cells[c];
      if (isDate(v)) {
        // A date typed or written as YYYY-MM-DD comes back as a Date: the calendar day it shows.
        const d = String(shown[c] ?? '');
        if (/^\d{4}-\d{2}-\d{2}$/.test(d)) values[h] = d;
        else {
          let s = memo.get(v.getTime());
          if (s === undefined) memo.set(v.getTime(), (s = Utilities.formatDate(v, zone, 'yyyy-MM-dd')));
          values[h] = s;
        }
      } else values[h] = v;
    }
    rows.push({ row: i + 2, values });
  });
  return { sheet, header: tab.header, cols, rows };
}

/** Throws unless the tab has every Journal column (posting writes all of them). */
export function requireJournalColumns(table: JournalTable): void {
  const missing = JOURNAL_COLUMNS.filter((h) => table.cols[h] < 0);
  if (missing.length) {
    throw new Error(`${NOT_SET_UP} (the "${TAB.journal}" tab has no column ${missing.map((m) => `"${m}"`).join(', ')}). Nothing was changed.`);
  }
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

export function rowsLabel(rows: readonly number[]): string {
  if (!rows.length) return `${TAB.journal}`;
  if (rows.length === 1) return `${TAB.journal} row ${rows[0]}`;
  const sorted = [...rows].sort((a, b) => a - b);
  const contiguous = sorted.every((r, i) => i === 0 || r === sorted[i - 1] + 1);
  return contiguous ? `${TAB.journal} rows ${sorted[0]}–${sorted[sorted.length - 1]}` : `${TAB.journal} rows ${sorted.join(', ')}`;
}

/**
 * The entries on the tab. An entry whose rows cannot be read is left out and named with its
 * sheet rows; so is a row with content but no Journal Ref.
 */
export function journalEntries(
  table: JournalTable,
  settings: AccountingSettings,
  caseInfo: CaseInfoOf,
): { entries: JournalEntry[]; problems: JournalProblem[] } {
  const rowsOf = new Map<string, number[]>();
  const caseOf = new Map<string, string>();
  const problems: JournalProblem[] = [];
  for (const r of table.rows) {
    const ref = text(r.values['Journal Ref']);
    if (!ref) {
      problems.push({ rows: [r.row], ref: '', caseId: text(r.values['Case ID']), message: `${rowsLabel([r.row])} has no Journal Ref (a row of the journal must belong to an entry)` });
      continue;
    }
    let list = rowsOf.get(ref);
    if (!list) rowsOf.set(ref, (list = []));
    list.push(r.row);
    if (!caseOf.has(ref)) caseOf.set(ref, text(r.values['Case ID']));
  }
  const read = entriesFromJournalRows(table.rows.map((r) => r.values), settings, caseInfo);
  for (const p of read.problems) {
    const rows = rowsOf.get(p.ref) ?? [];
    problems.push({ rows, ref: p.ref, caseId: caseOf.get(p.ref) ?? '', message: `${rowsLabel(rows)}: ${p.message}` });
  }
  return { entries: read.entries, problems };
}

function rowFormats(table: JournalTable, width: number, entry: JournalEntry, original: string): string[] {
  const out = new Array<string>(width).fill(TEXT_FORMAT);
  out[table.cols.Date] = DATE_FORMAT;
  out[table.cols.Debit] = amountFormat(entry.baseCurrency);
  out[table.cols.Credit] = amountFormat(entry.baseCurrency);
  out[table.cols['Original Amount']] = amountFormat(original);
  return out;
}

/** Width an append writes: up to the last Journal column (columns people added after ours stay untouched). */
function appendWidth(table: JournalTable): number {
  return Math.max(...JOURNAL_COLUMNS.map((h) => table.cols[h])) + 1;
}

export function journalCellsToAdd(table: JournalTable, rows: number): number {
  if (!rows) return 0;
  return cellsToAppend(table.sheet, rows, appendWidth(table));
}

/** Appends the entries' rows in one write (the grid grown first). Returns the number of rows. */
export function appendJournal(table: JournalTable, entries: readonly JournalEntry[]): number {
  requireJournalColumns(table);
  const width = appendWidth(table);
  const values: Cell[][] = [];
  const formats: string[][] = [];
  for (const e of entries) {
    for (const r of journalRows(e)) {
      const row = new Array<Cell>(width).fill('');
      for (const h of JOURNAL_COLUMNS) row[table.cols[h]] = r[h];
      values.push(row);
      formats.push(rowFormats(table, width, e, String(r['Original Currency'])));
    }
  }
  if (!values.length) return 0;
  appendBlock(table.sheet, values, formats, width);
  return values.length;
}

/**
 * Writes `batchId` into Exported Batch on every row of the given refs, found by Journal Ref
 * now (people may have sorted since the read): one read of the two columns' span, one write
 * of the Exported Batch cells between the first and last row that change.
 */
export function markExported(table: JournalTable, refs: readonly string[], batchId: string): number {
  if (!refs.length) return 0;
  const refCol = table.cols['Journal Ref'];
  const batchCol = table.cols['Exported Batch'];
  if (refCol < 0 || batchCol < 0) throw new Error(`${NOT_SET_UP} (the "${TAB.journal}" tab has no Journal Ref or Exported Batch column). Nothing was changed.`);
  const sheet = table.sheet;
  const last = sheet.getLastRow();
  if (last < 2) return 0;
  const wanted = new Set(refs);
  const from = Math.min(refCol, batchCol);
  const span = sheet.getRange(2, from + 1, last - 1, Math.abs(refCol - batchCol) + 1).getValues();
  const batch = span.map((r) => [text(r[batchCol - from])]);
  let first = -1;
  let end = -1;
  const found = new Set<string>();
  span.forEach((r, i) => {
    const ref = text(r[refCol - from]);
    if (!wanted.has(ref)) return;
    found.add(ref);
    if (batch[i][0] === batchId) return;
    batch[i][0] = batchId;
    if (first < 0) first = i;
    end = i;
  });
  const lost = refs.filter((r) => !found.has(r));
  if (lost.length) throw new Error(`The Journal rows of ${lost.slice(0, 5).join(', ')}${lost.length > 5 ? ` and ${lost.length - 5} more` : ''} are no longer on the ${TAB.journal} tab.`);
  if (first < 0) return 0;
  const block = batch.slice(first, end + 1);
  writeBlock(sheet.getRange(first + 2, batchCol + 1, block.length, 1), block, [[TEXT_FORMAT]]);
  return block.filter((b) => b[0] === batchId).length;
}

/** `EXP-2026-12-03-001`: the next batch number of the day, from the batches already on the tab. */
export function nextBatchId(table: JournalTable, today: string): string {
  const prefix = `EXP-${today}-`;
  let max = 0;
  for (const r of table.rows) {
    const b = text(r.values['Exported Batch']);
    if (!b.startsWith(prefix)) continue;
    const n = Number(b.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${prefix}${String(max + 1).padStart(3, '0')}`;
}

// ---- the export file in Drive ----

const EXPORT_FOLDER_KEY = 'rcl.exportFolderId';

export interface SavedFile {
  name: string;
  url: string;
  fileId: string;
  folderName: string;
  folderUrl: string;
}

/**
 * The spreadsheet's export folder, a sibling of its evidence folder in My Drive
 * (`Refund Case Log exports – <spreadsheet>`), made on first use; its id is kept in document
 * properties (scope drive.file: the add-on can only find folders it made).
 */
function exportFolder(ss: Spreadsheet): GoogleAppsScript.Drive.Folder {
  const props = PropertiesService.getDocumentProperties();
  const id = props.getProperty(EXPORT_FOLDER_KEY);
  if (id) {
    try {
      const folder = DriveApp.getFolderById(id);
      if (!folder.isTrashed()) return folder;
    } catch {
      // deleted or no longer ours: make a new one below
    }
  }
  const folder = DriveApp.createFolder(`Refund Case Log exports – ${ss.getName()}`.replace(/[\r\n\t/\\]+/g, ' ').slice(0, 200));
  props.setProperty(EXPORT_FOLDER_KEY, folder.getId());
  return folder;
}

export function saveExportFile(ss: Spreadsheet, file: ExportFile): SavedFile {
  const folder = exportFolder(ss);
  const blob = Utilities.newBlob(file.text, file.mimeType, file.fileName);
  const saved = folder.createFile(blob);
  return { name: saved.getName(), url: saved.getUrl(), fileId: saved.getId(), folderName: folder.getName(), folderUrl: folder.getUrl() };
}

/**
 * Trashes files saved by an export that then failed (a later part refused by Drive), so the
 * folder holds no file of a batch the Journal never marked. Best effort: a file already gone is
 * skipped.
 */
export function discardExportFiles(saved: readonly SavedFile[]): void {
  for (const f of saved) {
    try {
      DriveApp.getFileById(f.fileId).setTrashed(true);
    } catch {
      // already gone
    }
  }
}
