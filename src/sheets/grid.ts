// The spreadsheet's cell budget. Every tab's whole grid counts against it, empty cells included,
// so the tabs the add-on creates are cut to the columns they use, and a write that would pass
// the limit is refused before anything is written (Apps Script rolls nothing back).

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** "Up to 10 million cells or 18,278 columns" per spreadsheet, counting every tab's whole grid,
 *  empty cells included (support.google.com/drive/answer/37603, "Files you can store in Google
 *  Drive" ▸ Spreadsheets). Going over fails with "This action would increase the number of
 *  cells in the workbook above the limit of 10000000 cells." */
export const SPREADSHEET_CELL_LIMIT = 10_000_000;
/** A sheet made by insertSheet() has 1000 rows and 26 columns (A–Z). */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

export const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Cells the spreadsheet's tabs take against the limit: each tab's rows × columns. */
export function cellsInUse(ss: Spreadsheet): number {
  return ss.getSheets().reduce((n, sh) => n + sh.getMaxRows() * sh.getMaxColumns(), 0);
}

/**
 * Makes a tab the add-on owns exactly `columns` wide. A new tab's A–Z would otherwise cost 26
 * cells a row: at 100k cases the Cases, Audit Log and statement tabs alone passed 8 million
 * cells, and the month's report no longer fit.
 */
export function fitColumns(sheet: Sheet, columns: number): void {
  const max = sheet.getMaxColumns();
  if (max > columns) sheet.deleteColumns(columns + 1, max - columns);
  else if (max < columns) sheet.insertColumnsAfter(max, columns - max);
}

/** Cells a write adds to the grid: a new tab (made 1000 × 26, then fitted to `columns`) or the
 *  rows an existing tab must grow by. The peak counts: the new tab is full width until fitted. */
export function cellsToAdd(sheet: Sheet | null, rows: number, columns: number): number {
  if (!sheet) return Math.max(NEW_SHEET_ROWS * NEW_SHEET_COLUMNS, Math.max(rows, NEW_SHEET_ROWS) * columns);
  const growRows = Math.max(0, rows - sheet.getMaxRows());
  const width = Math.max(sheet.getMaxColumns(), columns);
  return growRows * width + Math.max(0, columns - sheet.getMaxColumns()) * sheet.getMaxRows();
}

/** Cells an append of `rows` rows adds: writer.appendBlock grows the grid by the rows it
 *  writes, whatever room is left, so it is the grid grown by `rows` (and widened to `columns`). */
export function cellsToAppend(sheet: Sheet, rows: number, columns: number): number {
  return rows ? cellsToAdd(sheet, sheet.getMaxRows() + rows, columns) : 0;
}

/**
 * Makes a tab the add-on rewrites whole exactly `rows` tall (at least one row below the frozen
 * ones: Sheets refuses to delete all non-frozen rows). One call, growing or cutting, so a
 * rewrite makes the same service calls at any size (DESIGN §11), and a report that got shorter
 * leaves no empty rows behind to count against the cell limit.
 */
export function fitRows(sheet: Sheet, rows: number): void {
  const target = Math.max(rows, sheet.getFrozenRows() + 1, 1);
  const max = sheet.getMaxRows();
  if (max > target) sheet.deleteRows(target + 1, max - target);
  else if (max < target) sheet.insertRowsAfter(max, target - max);
}

/** Throws, before any write, when `needed` more cells would pass the limit. */
export function assertCellRoom(ss: Spreadsheet, needed: number, refusal: string): void {
  const used = cellsInUse(ss);
  if (used + needed <= SPREADSHEET_CELL_LIMIT) return;
  throw new Error(
    `${refusal}: it needs ${thousands(needed)} more cells, but this spreadsheet already uses ${thousands(used)} ` +
      `of its ${thousands(SPREADSHEET_CELL_LIMIT)} cells, so only ${thousands(Math.max(0, SPREADSHEET_CELL_LIMIT - used))} are free. ` +
      'Delete tabs you no longer need (reports and statements of closed months), then run it again.',
  );
}
