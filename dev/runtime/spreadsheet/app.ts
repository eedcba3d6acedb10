// The main-side SpreadsheetApp of one execution: Spreadsheet, Sheet and Range objects whose public
// methods are the Apps Script methods (reference/spreadsheet/*). Each class names itself in
// `__class` (used for call counting: `Range.getValues`).
import type { ServiceHost } from '../contract';
import { Rect, cellA1, columnToLetters, parseA1, rectA1 } from './a1';
import { signatureError, isInt } from './errors';
import { LIMITS, MSG, Scalar, SheetModel, Style, WorkbookModel } from './model';
import { Ui, BUTTON, BUTTON_SET } from './ui';
import { isValidTimeZone } from './tz';
import {
  ConditionalFormatRule, ConditionalFormatRuleBuilder, DataValidation, DataValidationBuilder, ENUMS, Filter,
  FilterCriteria, FilterCriteriaBuilder, Protection, RichTextValue, RichTextValueBuilder, TextFinder,
  TextStyleBuilder,
} from './builders';
import { isRowHiddenByFilter } from './filter';
import { formatKind } from './format';

export interface SpreadsheetAppOptions {
  /** Caption of createAddonMenu(): the add-on's name. */
  addonName?: string;
}

/** Inserts n `undefined` items at index i, in place, without spreading them into one call's
 *  arguments (which overflows the stack for large n). */
function insertBlanks(arr: unknown[], i: number, n: number): void {
  const tail = arr.splice(i);
  for (let k = 0; k < n; k++) arr.push(undefined);
  for (let k = 0; k < tail.length; k++) arr.push(tail[k]);
}

export function userOf(host: ServiceHost): string {
  return host.execution.effectiveUserEmail || host.execution.activeUserEmail || '';
}

export class SpreadsheetApp {
  readonly __class = 'SpreadsheetApp';
  readonly ENUMS: Record<string, Record<string, string>> = { ...ENUMS, ButtonSet: BUTTON_SET, Button: BUTTON };
  private ss: Spreadsheet;
  constructor(private host: ServiceHost, private model: WorkbookModel, private opts: SpreadsheetAppOptions = {}) {
    this.ss = new Spreadsheet(host, model);
  }
  getActive(): Spreadsheet {
    return this.ss;
  }
  getActiveSpreadsheet(): Spreadsheet {
    return this.ss;
  }
  getActiveSheet(): Sheet {
    return this.ss.getActiveSheet();
  }
  getActiveRange(): Range {
    return this.ss.getActiveSheet().getActiveRange();
  }
  setActiveSheet(sheet: Sheet): Sheet {
    return this.ss.setActiveSheet(sheet);
  }
  getUi(): Ui {
    return new Ui(this.host, this.opts.addonName ?? this.model.name);
  }
  /** Applies pending changes; this model applies every change at once, so nothing to do. */
  flush(): void {}
  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder(this.model);
  }
  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder();
  }
  newFilterCriteria(): FilterCriteriaBuilder {
    return new FilterCriteriaBuilder();
  }
  newRichTextValue(): RichTextValueBuilder {
    return new RichTextValueBuilder();
  }
  newTextStyle(): TextStyleBuilder {
    return new TextStyleBuilder();
  }
}

export class Spreadsheet {
  readonly __class = 'Spreadsheet';
  private sheetObjs = new Map<SheetModel, Sheet>();
  constructor(readonly host: ServiceHost, readonly model: WorkbookModel) {}

  _wrap(s: SheetModel): Sheet {
    let o = this.sheetObjs.get(s);
    if (!o) {
      o = new Sheet(this, s);
      this.sheetObjs.set(s, o);
    }
    return o;
  }
  get _user(): string {
    return userOf(this.host);
  }

  getId(): string {
    return this.model.id;
  }
  getName(): string {
    return this.model.name;
  }
  rename(name: string): void {
    this.model.name = String(name);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.model.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this.model.timeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    if (typeof tz !== 'string' || !isValidTimeZone(tz)) throw new Error(`Invalid argument: timeZone`);
    this.model.timeZone = tz;
    this.model.touch();
  }
  getSpreadsheetLocale(): string {
    return this.model.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.model.locale = String(locale);
    this.model.touch();
  }
  getOwner(): { getEmail(): string } {
    return new User(this.model.owner);
  }
  getEditors(): User[] {
    return [];
  }
  getSheets(): Sheet[] {
    return this.model.sheets.map((s) => this._wrap(s));
  }
  getNumSheets(): number {
    return this.model.sheets.length;
  }
  /** Exact, case-sensitive lookup; null when absent (reference/spreadsheet/spreadsheet#getSheetByName). */
  getSheetByName(name: string): Sheet | null {
    if (typeof name !== 'string') throw signatureError('SpreadsheetApp.Spreadsheet.getSheetByName', [name]);
    const s = this.model.sheetByName(name);
    return s ? this._wrap(s) : null;
  }
  getSheetById(id: number): Sheet | null {
    const s = this.model.sheetById(Number(id));
    return s ? this._wrap(s) : null;
  }
  /** insertSheet(), insertSheet(name), insertSheet(index), insertSheet(name, index). Names are
   *  unique regardless of case (Sheets UI refuses "sheet1" beside "Sheet1"; research note §3.5). */
  insertSheet(...args: unknown[]): Sheet {
    let name: string | undefined;
    let index: number | undefined;
    if (args.length === 1 && typeof args[0] === 'string') name = args[0];
    else if (args.length === 1 && isInt(args[0])) index = args[0];
    else if (args.length === 2 && typeof args[0] === 'string' && isInt(args[1])) [name, index] = [args[0], args[1]];
    else if (args.length === 2 && typeof args[0] === 'string' && args[1] && typeof args[1] === 'object') name = args[0];
    else if (args.length !== 0) throw signatureError('SpreadsheetApp.Spreadsheet.insertSheet', args);
    if (this.model.sheets.length >= LIMITS.sheets) throw new Error(`This spreadsheet already has the maximum of ${LIMITS.sheets} sheets.`);
    if (this.model.totalCells() + 1000 * 26 > LIMITS.cells) throw new Error(MSG.tooManyCells(0));
    if (name === undefined) {
      let k = this.model.sheets.length + 1;
      while (this.model.sheetByNameCI(`Sheet${k}`)) k++;
      name = `Sheet${k}`;
    }
    checkSheetName(this.model, name);
    if (index !== undefined && (index < 0 || index > this.model.sheets.length)) throw new Error(`Index ${index} is out of range.`);
    const s = this.model.addSheet(name, index);
    // insertSheet makes the new sheet active (reference/spreadsheet/spreadsheet#insertSheet)
    this.model.activeSheetId = s.id;
    return this._wrap(s);
  }
  deleteSheet(sheet: Sheet): void {
    if (!(sheet instanceof Sheet)) throw signatureError('SpreadsheetApp.Spreadsheet.deleteSheet', [sheet]);
    const visible = this.model.sheets.filter((s) => !s.hidden);
    if (this.model.sheets.length === 1 || (visible.length === 1 && visible[0] === sheet.model))
      throw new Error("You can't remove all the visible sheets in a document.");
    if (this.model.sheetProtectionBlocks(sheet.model, this._user)) throw new Error(MSG.protectedCell);
    const i = this.model.sheets.indexOf(sheet.model);
    if (i < 0) throw new Error('Sheet not found');
    this.model.sheets.splice(i, 1);
    this.model.protections = this.model.protections.filter((p) => p.sheetId !== sheet.model.id);
    if (this.model.activeSheetId === sheet.model.id) this.model.activeSheetId = (this.model.sheets[Math.max(0, i - 1)] ?? this.model.sheets[0]).id;
    this.model.touch();
  }
  getActiveSheet(): Sheet {
    return this._wrap(this.model.activeSheet());
  }
  setActiveSheet(sheet: Sheet): Sheet {
    if (!(sheet instanceof Sheet)) throw signatureError('SpreadsheetApp.Spreadsheet.setActiveSheet', [sheet]);
    this.model.activeSheetId = sheet.model.id;
    return sheet;
  }
  /** Moves the active sheet to a 1-based position (reference/spreadsheet/spreadsheet#moveActiveSheet). */
  moveActiveSheet(pos: number): void {
    if (!isInt(pos) || pos < 1 || pos > this.model.sheets.length) throw new Error(`Index ${pos} is out of range.`);
    const s = this.model.activeSheet();
    this.model.sheets.splice(this.model.sheets.indexOf(s), 1);
    this.model.sheets.splice(pos - 1, 0, s);
    this.model.touch();
  }
  /** getRange('Sheet!A1:B2'); without a sheet name, the active sheet. */
  getRange(a1: string): Range {
    if (typeof a1 !== 'string') throw signatureError('SpreadsheetApp.Spreadsheet.getRange', [a1]);
    const res = this.model.resolveRef(a1, this.model.activeSheet());
    if (!res) throw new Error('Range not found');
    return this._wrap(res.sheet)._rangeFromRect(res.rect);
  }
  getActiveRange(): Range {
    return this.getActiveSheet().getActiveRange();
  }
  toast(msg: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this.host.ui.emit({
      type: 'toast',
      message: String(msg ?? ''),
      title: title === undefined || title === null ? '' : String(title),
      timeoutSeconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : 5,
    });
  }
  /** getProtections(SpreadsheetApp.ProtectionType.RANGE | SHEET). */
  getProtections(type: string): Protection[] {
    if (type !== 'RANGE' && type !== 'SHEET') throw signatureError('SpreadsheetApp.Spreadsheet.getProtections', [type]);
    return this.model.protections.filter((p) => p.type === type).map((p) => new Protection(this, p));
  }
  getMaxIterativeCalculationCycles(): number {
    return 50;
  }
  getSheetProtection(): never {
    throw new Error('getSheetProtection is deprecated; use Sheet.getProtections');
  }
}

export class User {
  readonly __class = 'User';
  constructor(private email: string) {}
  getEmail(): string {
    return this.email;
  }
}

export function checkSheetName(model: WorkbookModel, name: string, self?: SheetModel): void {
  if (name.trim() === '') throw new Error('Sheet names cannot be empty.');
  if (name.length > LIMITS.sheetName) throw new Error(`The sheet name cannot be longer than ${LIMITS.sheetName} characters.`);
  const other = model.sheetByNameCI(name);
  if (other && other !== self) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
}

export class Sheet {
  readonly __class = 'Sheet';
  constructor(readonly ss: Spreadsheet, readonly model: SheetModel) {}
  get _wb(): WorkbookModel {
    return this.ss.model;
  }
  private _alive(): SheetModel {
    if (!this._wb.sheets.includes(this.model)) throw new Error('The sheet has been deleted.'); // not exact wording
    return this.model;
  }
  _rangeFromRect(rect: Rect): Range {
    const s = this._alive();
    if (rect.row + rect.numRows - 1 > s.maxRows || rect.col + rect.numCols - 1 > s.maxCols)
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    return new Range(this, rect);
  }

  getName(): string {
    return this._alive().name;
  }
  setName(name: string): Sheet {
    if (typeof name !== 'string') throw signatureError('SpreadsheetApp.Sheet.setName', [name]);
    checkSheetName(this._wb, name, this.model);
    this.model.name = name;
    this._wb.touch();
    return this;
  }
  getIndex(): number {
    return this._wb.sheets.indexOf(this._alive()) + 1;
  }
  getSheetId(): number {
    return this._alive().id;
  }
  getParent(): Spreadsheet {
    return this.ss;
  }
  getLastRow(): number {
    return this._alive().lastRow();
  }
  getLastColumn(): number {
    return this._alive().lastColumn();
  }
  getMaxRows(): number {
    return this._alive().maxRows;
  }
  getMaxColumns(): number {
    return this._alive().maxCols;
  }
  /** getRange(a1) | getRange(row, col) | getRange(row, col, numRows) | getRange(row, col, numRows, numCols). */
  getRange(...args: unknown[]): Range {
    const s = this._alive();
    if (args.length === 1 && typeof args[0] === 'string') {
      // `Other!A1` given to Sheet.getRange names the other sheet (as in Sheets).
      const res = this._wb.resolveRef(args[0], s);
      if (!res) throw new Error('Range not found');
      return this.ss._wrap(res.sheet)._rangeFromRect(res.rect);
    }
    if (args.length < 2 || args.length > 4 || !args.every(isInt)) throw signatureError('SpreadsheetApp.Sheet.getRange', args);
    const [row, col, numRows = 1, numCols = 1] = args as number[];
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (col < 1) throw new Error('The starting column of the range is too small.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numCols < 1) throw new Error('The number of columns in the range must be at least 1.');
    return this._rangeFromRect({ row: Math.floor(row), col: Math.floor(col), numRows: Math.floor(numRows), numCols: Math.floor(numCols) });
  }
  /** A1 to the last row/column with content; A1 on an empty sheet (reference/spreadsheet/sheet#getDataRange). */
  getDataRange(): Range {
    const s = this._alive();
    return new Range(this, { row: 1, col: 1, numRows: Math.max(1, s.lastRow()), numCols: Math.max(1, s.lastColumn()) });
  }
  /** The range last activated on this sheet (Range.activate), else A1. */
  getActiveRange(): Range {
    const a = this._wb.activeRange;
    if (a && a.sheetId === this._alive().id) return new Range(this, { ...a.rect });
    return this.getRange('A1');
  }
  /** Appends below the last row with content, growing the grid; strings parsed as by setValues
   *  (reference/spreadsheet/sheet#appendRow). */
  appendRow(rowContents: unknown[]): Sheet {
    if (!Array.isArray(rowContents)) throw signatureError('SpreadsheetApp.Sheet.appendRow', [rowContents]);
    const s = this._alive();
    const r = s.lastRow() + 1;
    const n = rowContents.length;
    if (n === 0) return this;
    const rect = { row: r, col: 1, numRows: 1, numCols: n };
    this._checkProtection(rect);
    const addRows = Math.max(0, r - s.maxRows);
    const addCols = Math.max(0, n - s.maxCols);
    if (addRows || addCols) this._grow(addRows, addCols); // checked as a whole, then applied
    rowContents.forEach((v, i) => this._wb.writeInput(s, r, i + 1, v));
    this._wb.touch();
    return this;
  }
  _grow(rows: number, cols: number): void {
    this._checkGrow(rows, cols);
    this.model.maxRows += rows;
    this.model.maxCols += cols;
  }
  /** Throws when the grid may not grow by this much (10,000,000 cells per spreadsheet, 18,278
   *  columns: support.google.com/drive/answer/37603 "Files you can store in Google Drive").
   *  Changes nothing, so callers check first and change the sheet only when it will succeed. */
  _checkGrow(rows: number, cols: number): void {
    const s = this.model;
    if (s.maxCols + cols > LIMITS.columns) throw new Error(`This action would increase the number of columns in the sheet above the limit of ${LIMITS.columns}.`);
    if (this._wb.totalCells() + rows * s.maxCols + cols * (s.maxRows + rows) > LIMITS.cells) throw new Error(MSG.tooManyCells(0));
  }
  _checkProtection(rect: Rect): void {
    if (this._wb.blockingProtection(this.model, rect, this.ss._user)) throw new Error(MSG.protectedCell);
  }
  private _checkStructure(): void {
    if (this._wb.sheetProtectionBlocks(this.model, this.ss._user)) throw new Error(MSG.protectedCell);
  }

  // ---- rows and columns
  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    this._insertRowsAt(afterPosition + 1, howMany, afterPosition);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    this._insertRowsAt(beforePosition, howMany, beforePosition);
    return this;
  }
  insertRowAfter(afterPosition: number): Sheet {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowBefore(beforePosition: number): Sheet {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this._insertRowsAt(rowIndex, numRows, rowIndex);
  }
  /** New rows take the formatting of the row they are inserted next to (Sheets behaviour). */
  private _insertRowsAt(at: number, n: number, styleFrom: number): void {
    const s = this._alive();
    if (!isInt(at) || !isInt(n)) throw signatureError('SpreadsheetApp.Sheet.insertRows', [at, n]);
    if (at < 1 || at > s.maxRows + 1) throw new Error('Those rows are out of bounds.');
    if (n < 1) throw new Error('The number of rows to insert must be at least 1.');
    this._checkStructure();
    this._checkGrow(n, 0);
    // All or nothing: the new row list is built aside and swapped in with the new row count, so
    // a failure (e.g. out of memory) leaves the sheet as it was, never grown without its rows.
    // No spread into splice(): a call's arguments live on the stack, and a few hundred
    // thousand of them overflow it ("Maximum call stack size exceeded").
    const tmpl = s.rows[styleFrom - 1]?.s;
    const blank = () => (tmpl ? { v: [], s: tmpl.map((st) => (st ? { ...st } : undefined)) } : (undefined as unknown as { v: [] }));
    let rows = s.rows;
    if (tmpl || at - 1 < rows.length) {
      // Rows past the end of the list are empty already; only formatted rows or rows that move
      // down need entries.
      rows = s.rows.slice(0, at - 1);
      while (rows.length < at - 1) rows.push(undefined as never);
      for (let k = 0; k < n; k++) rows.push(blank());
      for (let k = at - 1; k < s.rows.length; k++) rows.push(s.rows[k]);
    }
    s.rows = rows;
    s.maxRows += n;
    this._shiftRows(at, n);
    this._wb.touch();
  }
  deleteRow(rowPosition: number): Sheet {
    return this.deleteRows(rowPosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number): Sheet {
    const s = this._alive();
    if (!isInt(rowPosition) || !isInt(howMany)) throw signatureError('SpreadsheetApp.Sheet.deleteRows', [rowPosition, howMany]);
    if (rowPosition < 1 || rowPosition + howMany - 1 > s.maxRows) throw new Error('Those rows are out of bounds.');
    if (howMany >= s.maxRows) throw new Error("You can't delete all the rows on the sheet.");
    // Sheets keeps at least one row below the frozen ones (the UI refuses too): the Sheets API's
    // deleteDimension answers 400 with this text (node-google-spreadsheet#186,
    // talendcomp_tGoogleSheet#19), and Apps Script's deleteRows goes through the same check.
    if (s.frozenRows > 0 && rowPosition > s.frozenRows && s.maxRows - howMany <= s.frozenRows) throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    this._checkStructure();
    this._checkProtection({ row: rowPosition, col: 1, numRows: howMany, numCols: s.maxCols });
    s.rows.splice(rowPosition - 1, howMany);
    s.maxRows -= howMany;
    this._shiftRows(rowPosition, -howMany);
    this._wb.touch();
    return this;
  }
  /** Moves protections, filters and rules below an insertion/deletion point. */
  private _shiftRows(at: number, delta: number): void {
    const s = this.model;
    const shift = (rect: Rect) => {
      if (delta > 0) {
        if (rect.row >= at) rect.row += delta;
        else if (rect.row + rect.numRows - 1 >= at) rect.numRows += delta;
      } else {
        const del0 = at;
        const del1 = at - delta - 1;
        const r0 = rect.row;
        const r1 = rect.row + rect.numRows - 1;
        const overlap = Math.max(0, Math.min(r1, del1) - Math.max(r0, del0) + 1);
        if (r0 > del1) rect.row += delta;
        else if (r0 >= del0) rect.row = del0;
        rect.numRows = Math.max(1, rect.numRows - overlap);
      }
    };
    for (const p of this._wb.protections) if (p.sheetId === s.id && p.rect) shift(p.rect);
    if (s.filter) shift(s.filter.rect);
    for (const r of s.cfRules) r.ranges.forEach(shift);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    this._insertColumnsAt(afterPosition + 1, howMany);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    this._insertColumnsAt(beforePosition, howMany);
    return this;
  }
  insertColumnAfter(afterPosition: number): Sheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnBefore(beforePosition: number): Sheet {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this._insertColumnsAt(columnIndex, numColumns);
  }
  private _insertColumnsAt(at: number, n: number): void {
    const s = this._alive();
    if (at < 1 || at > s.maxCols + 1) throw new Error('Those columns are out of bounds.');
    if (n < 1) throw new Error('The number of columns to insert must be at least 1.');
    this._checkStructure();
    this._checkGrow(0, n);
    for (const row of s.rows) {
      if (!row) continue;
      for (const key of ['v', 'f', 's', 'n', 'r'] as const) {
        const arr = row[key] as unknown[] | undefined;
        if (arr && arr.length >= at) insertBlanks(arr, at - 1, n);
      }
    }
    s.maxCols += n;
    const shift = (rect: Rect) => {
      if (rect.col >= at) rect.col += n;
      else if (rect.col + rect.numCols - 1 >= at) rect.numCols += n;
    };
    for (const p of this._wb.protections) if (p.sheetId === s.id && p.rect) shift(p.rect);
    if (s.filter) {
      shift(s.filter.rect);
      const moved: typeof s.filter.criteria = {};
      for (const [c, v] of Object.entries(s.filter.criteria)) moved[Number(c) >= at ? Number(c) + n : Number(c)] = v;
      s.filter.criteria = moved;
    }
    this._wb.touch();
  }
  deleteColumn(columnPosition: number): Sheet {
    return this.deleteColumns(columnPosition, 1);
  }
  deleteColumns(columnPosition: number, howMany = 1): Sheet {
    const s = this._alive();
    if (columnPosition < 1 || columnPosition + howMany - 1 > s.maxCols) throw new Error('Those columns are out of bounds.');
    if (howMany >= s.maxCols) throw new Error("You can't delete all the columns on the sheet.");
    this._checkStructure();
    for (const row of s.rows) {
      if (!row) continue;
      for (const key of ['v', 'f', 's', 'n', 'r'] as const) (row[key] as unknown[] | undefined)?.splice(columnPosition - 1, howMany);
    }
    s.maxCols -= howMany;
    this._wb.touch();
    return this;
  }

  // ---- view
  setFrozenRows(rows: number): void {
    if (!isInt(rows) || rows < 0) throw signatureError('SpreadsheetApp.Sheet.setFrozenRows', [rows]);
    if (rows >= this._alive().maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
    this.model.frozenRows = rows;
    this._wb.touch();
  }
  getFrozenRows(): number {
    return this._alive().frozenRows;
  }
  setFrozenColumns(columns: number): void {
    if (!isInt(columns) || columns < 0) throw signatureError('SpreadsheetApp.Sheet.setFrozenColumns', [columns]);
    if (columns >= this._alive().maxCols) throw new Error("You can't freeze all visible columns on the sheet.");
    this.model.frozenCols = columns;
    this._wb.touch();
  }
  getFrozenColumns(): number {
    return this._alive().frozenCols;
  }
  /** Default column width is 100 px (reference/spreadsheet/sheet#getColumnWidth). */
  setColumnWidth(columnPosition: number, width: number): Sheet {
    if (!isInt(columnPosition) || !isInt(width)) throw signatureError('SpreadsheetApp.Sheet.setColumnWidth', [columnPosition, width]);
    this.model.colWidths[columnPosition] = width;
    this._wb.touch();
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.model.colWidths[c] = width;
    this._wb.touch();
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this.model.colWidths[columnPosition] ?? 100;
  }
  setRowHeight(rowPosition: number, height: number): Sheet {
    this.model.rowHeights[rowPosition] = height;
    return this;
  }
  getRowHeight(rowPosition: number): number {
    return this.model.rowHeights[rowPosition] ?? 21;
  }
  autoResizeColumns(_start: number, _n: number): Sheet {
    return this;
  }
  autoResizeColumn(_c: number): Sheet {
    return this;
  }
  /** hideColumns(index) | hideColumns(index, n); showColumns, hideRows, showRows likewise. */
  hideColumns(columnIndex: number, numColumns = 1): void {
    this._setHidden(this.model.hiddenCols, columnIndex, numColumns, true);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    this._setHidden(this.model.hiddenCols, columnIndex, numColumns, false);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.model.hiddenCols.has(columnPosition);
  }
  hideRows(rowIndex: number, numRows = 1): void {
    this._setHidden(this.model.hiddenRows, rowIndex, numRows, true);
  }
  showRows(rowIndex: number, numRows = 1): void {
    this._setHidden(this.model.hiddenRows, rowIndex, numRows, false);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    return this.model.hiddenRows.has(rowPosition);
  }
  _setHidden(set: Set<number>, from: number, count: number, hidden: boolean): void {
    for (let i = from; i < from + count; i++) {
      if (hidden) set.add(i);
      else set.delete(i);
    }
    this._wb.touch();
  }
  isRowHiddenByFilter(rowPosition: number): boolean {
    return isRowHiddenByFilter(this._wb, this._alive(), rowPosition);
  }
  activate(): Sheet {
    this._wb.activeSheetId = this._alive().id;
    return this;
  }
  setTabColor(color: string | null): Sheet {
    this.model.tabColor = color === null ? null : normColor(color);
    this._wb.touch();
    return this;
  }
  getTabColor(): string | null {
    return this.model.tabColor;
  }
  hideSheet(): Sheet {
    const visible = this._wb.sheets.filter((s) => !s.hidden);
    if (visible.length === 1 && visible[0] === this.model) throw new Error("You can't hide all the sheets in a document.");
    this.model.hidden = true;
    if (this._wb.activeSheetId === this.model.id) this._wb.activeSheetId = this._wb.sheets.find((s) => !s.hidden)!.id;
    this._wb.touch();
    return this;
  }
  showSheet(): Sheet {
    this.model.hidden = false;
    this._wb.touch();
    return this;
  }
  isSheetHidden(): boolean {
    return this.model.hidden;
  }

  // ---- content
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): Sheet {
    this._getWholeRange().clear(options);
    return this;
  }
  clearContents(): Sheet {
    this._getWholeRange().clearContent();
    return this;
  }
  clearFormats(): Sheet {
    this._getWholeRange().clearFormat();
    return this;
  }
  clearNotes(): Sheet {
    this._getWholeRange().clearNote();
    return this;
  }
  private _getWholeRange(): Range {
    const s = this._alive();
    return new Range(this, { row: 1, col: 1, numRows: s.maxRows, numCols: s.maxCols });
  }
  /** Sorts all rows below the frozen rows by one column (reference/spreadsheet/sheet#sort). */
  sort(columnPosition: number, ascending = true): Sheet {
    const s = this._alive();
    const start = s.frozenRows + 1;
    const last = s.lastRow();
    if (last < start) return this;
    new Range(this, { row: start, col: 1, numRows: last - start + 1, numCols: Math.max(1, s.lastColumn()) }).sort({ column: columnPosition, ascending });
    return this;
  }
  getFilter(): Filter | null {
    return this._alive().filter ? new Filter(this) : null;
  }
  protect(): Protection {
    const p = this._wb.protections.find((x) => x.sheetId === this.model.id && x.type === 'SHEET');
    if (p) return new Protection(this.ss, p);
    const np = {
      id: this._wb.nextProtectionId++,
      type: 'SHEET' as const,
      sheetId: this.model.id,
      description: '',
      editors: null,
      warningOnly: false,
      domainEdit: true,
      unprotected: [],
    };
    this._wb.protections.push(np);
    this._wb.touch();
    return new Protection(this.ss, np);
  }
  getProtections(type: string): Protection[] {
    return this.ss.getProtections(type).filter((p) => p._sheetId === this.model.id);
  }
  createTextFinder(findText: string): TextFinder {
    if (typeof findText !== 'string') throw signatureError('SpreadsheetApp.Sheet.createTextFinder', [findText]);
    return new TextFinder(this, this._getDataRangeRect(), findText);
  }
  _getDataRangeRect(): Rect {
    const s = this.model;
    return { row: 1, col: 1, numRows: Math.max(1, s.lastRow()), numCols: Math.max(1, s.lastColumn()) };
  }
  getConditionalFormatRules(): ConditionalFormatRule[] {
    return this._alive().cfRules.map((r) => ConditionalFormatRule.fromModel(this, r));
  }
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    if (!Array.isArray(rules) || !rules.every((r) => r instanceof ConditionalFormatRule)) throw signatureError('SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
    this._alive().cfRules = rules.map((r) => r._toModel(this.model));
    this._wb.touch();
  }
  clearConditionalFormatRules(): void {
    this.model.cfRules = [];
    this._wb.touch();
  }
  getType(): string {
    return 'GRID';
  }
}

const DEFAULT_FONT = { family: 'Arial', size: 10, color: '#000000', weight: 'normal' };

export function normColor(c: string): string {
  const named: Record<string, string> = { white: '#ffffff', black: '#000000', red: '#ff0000', green: '#008000', blue: '#0000ff', yellow: '#ffff00', gray: '#808080', grey: '#808080', orange: '#ffa500' };
  const l = c.trim().toLowerCase();
  if (named[l]) return named[l];
  if (/^#[0-9a-f]{3}$/.test(l)) return '#' + l.slice(1).split('').map((x) => x + x).join('');
  return l;
}

export class Range {
  readonly __class = 'Range';
  constructor(readonly sheet: Sheet, readonly rect: Rect) {}
  private get _wb(): WorkbookModel {
    return this.sheet._wb;
  }
  private get _sm(): SheetModel {
    return this.sheet.model;
  }
  private _forEachCell(fn: (r: number, c: number, i: number, j: number) => void): void {
    const { row, col, numRows, numCols } = this.rect;
    for (let i = 0; i < numRows; i++) for (let j = 0; j < numCols; j++) fn(row + i, col + j, i, j);
  }
  private _grid<T>(fn: (r: number, c: number) => T): T[][] {
    const { row, col, numRows, numCols } = this.rect;
    const out: T[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const line: T[] = new Array(numCols);
      for (let j = 0; j < numCols; j++) line[j] = fn(row + i, col + j);
      out[i] = line;
    }
    return out;
  }
  private _checkWrite(): void {
    this.sheet._checkProtection(this.rect);
  }
  private _checkDims(method: string, data: unknown): unknown[][] {
    if (!Array.isArray(data) || !data.every((r) => Array.isArray(r))) throw signatureError(`SpreadsheetApp.Range.${method}`, [data]);
    const rows = data as unknown[][];
    if (rows.length !== this.rect.numRows)
      throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${this.rect.numRows}.`);
    for (const r of rows)
      if (r.length !== this.rect.numCols)
        throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${this.rect.numCols}.`);
    return rows;
  }
  private _first(): { r: number; c: number } {
    return { r: this.rect.row, c: this.rect.col };
  }

  // ---- geometry
  getA1Notation(): string {
    return rectA1(this.rect);
  }
  getRow(): number {
    return this.rect.row;
  }
  getRowIndex(): number {
    return this.rect.row;
  }
  getColumn(): number {
    return this.rect.col;
  }
  getNumRows(): number {
    return this.rect.numRows;
  }
  getNumColumns(): number {
    return this.rect.numCols;
  }
  getLastRow(): number {
    return this.rect.row + this.rect.numRows - 1;
  }
  getLastColumn(): number {
    return this.rect.col + this.rect.numCols - 1;
  }
  getSheet(): Sheet {
    return this.sheet;
  }
  getGridId(): number {
    return this._sm.id;
  }
  getHeight(): number {
    return this.rect.numRows;
  }
  getWidth(): number {
    return this.rect.numCols;
  }
  /** offset(rowOffset, columnOffset[, numRows[, numColumns]]). */
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const args = [rowOffset, columnOffset, numRows, numColumns].filter((x) => x !== undefined);
    if (!args.every(isInt)) throw signatureError('SpreadsheetApp.Range.offset', args);
    const nr = numRows ?? this.rect.numRows;
    const nc = numColumns ?? this.rect.numCols;
    if (nr < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (nc < 1) throw new Error('The number of columns in the range must be at least 1.');
    const row = this.rect.row + rowOffset;
    const col = this.rect.col + columnOffset;
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (col < 1) throw new Error('The starting column of the range is too small.');
    return this.sheet._rangeFromRect({ row, col, numRows: nr, numCols: nc });
  }
  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this.rect.numRows || column > this.rect.numCols) throw new Error('Cell reference out of range');
    return new Range(this.sheet, { row: this.rect.row + row - 1, col: this.rect.col + column - 1, numRows: 1, numCols: 1 });
  }
  getDataRegion(): Range {
    return this.sheet.getDataRange();
  }
  /** "Sets the specified range as the active range, with the top left cell in the range as the
   *  current cell" (reference/spreadsheet/range#activate); the sheet becomes the active sheet. The
   *  local app selects and scrolls to it after the execution, as the Sheets UI does. */
  activate(): Range {
    this.sheet.activate();
    this._wb.activeRange = { sheetId: this.sheet.model.id, rect: { ...this.rect } };
    return this;
  }
  isBlank(): boolean {
    let blank = true;
    this._forEachCell((r, c) => {
      if (this._sm.hasContent(r, c)) blank = false;
    });
    return blank;
  }

  // ---- values
  getValues(): unknown[][] {
    return this._grid((r, c) => this._wb.outValue(this._sm, r, c));
  }
  getValue(): unknown {
    const { r, c } = this._first();
    return this._wb.outValue(this._sm, r, c);
  }
  getDisplayValues(): string[][] {
    return this._grid((r, c) => this._wb.displayValue(this._sm, r, c));
  }
  getDisplayValue(): string {
    const { r, c } = this._first();
    return this._wb.displayValue(this._sm, r, c);
  }
  /** Each cell parsed like typed input (USER_ENTERED): reference/spreadsheet/range#setValues. */
  setValues(values: unknown[][]): Range {
    const rows = this._checkDims('setValues', values);
    this._checkWrite();
    for (const line of rows)
      for (const v of line) if (typeof v === 'string' && v.length > LIMITS.cellChars) throw new Error(MSG.tooManyChars);
    this._forEachCell((r, c, i, j) => this._wb.writeInput(this._sm, r, c, rows[i][j]));
    this._wb.touch();
    return this;
  }
  /** Sets every cell of the range to the value (reference/spreadsheet/range#setValue). */
  setValue(value: unknown): Range {
    if (Array.isArray(value)) throw signatureError('SpreadsheetApp.Range.setValue', [value]);
    this._checkWrite();
    if (typeof value === 'string' && value.length > LIMITS.cellChars) throw new Error(MSG.tooManyChars);
    this._forEachCell((r, c) => this._wb.writeInput(this._sm, r, c, value));
    this._wb.touch();
    return this;
  }
  getFormulas(): string[][] {
    return this._grid((r, c) => this._wb.formula(this._sm, r, c));
  }
  getFormula(): string {
    const { r, c } = this._first();
    return this._wb.formula(this._sm, r, c);
  }
  /** setFormula writes the formula even into a plain-text cell (it is not typed input). */
  setFormula(formula: string): Range {
    if (typeof formula !== 'string') throw signatureError('SpreadsheetApp.Range.setFormula', [formula]);
    this._checkWrite();
    this._forEachCell((r, c) => this._writeFormula(r, c, formula));
    this._wb.touch();
    return this;
  }
  setFormulas(formulas: string[][]): Range {
    const rows = this._checkDims('setFormulas', formulas);
    this._checkWrite();
    this._forEachCell((r, c, i, j) => this._writeFormula(r, c, String(rows[i][j] ?? '')));
    this._wb.touch();
    return this;
  }
  private _writeFormula(r: number, c: number, f: string): void {
    if (f === '') return this._wb.writeInput(this._sm, r, c, null);
    if (!f.startsWith('=')) return this._wb.writeInput(this._sm, r, c, f);
    const row = this._sm.ensureRow(r);
    (row.f ??= [])[c - 1] = f;
    row.v[c - 1] = null;
    if (row.r) row.r[c - 1] = undefined;
  }

  // ---- clearing
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; commentsOnly?: boolean }): Range {
    const o = options ?? {};
    const contents = !o.formatOnly && !o.validationsOnly && !o.commentsOnly;
    const formats = !o.contentsOnly && !o.validationsOnly && !o.commentsOnly;
    if (contents) this._checkWrite();
    this._forEachCell((r, c) => {
      const row = this._sm.rows[r - 1];
      if (!row) return;
      if (contents) {
        row.v[c - 1] = null;
        if (row.f) row.f[c - 1] = undefined;
        if (row.r) row.r[c - 1] = undefined;
      }
      if (formats && row.s?.[c - 1]) {
        const dv = row.s[c - 1]?.dv;
        row.s[c - 1] = dv && o.formatOnly ? { dv } : undefined;
      }
      if (o.validationsOnly && row.s?.[c - 1]) this._wb.patchStyle(this._sm, r, c, { dv: undefined });
      if ((o.commentsOnly || (!o.contentsOnly && !o.formatOnly && !o.validationsOnly)) && row.n) row.n[c - 1] = undefined;
    });
    this._wb.touch();
    return this;
  }
  clearContent(): Range {
    return this.clear({ contentsOnly: true });
  }
  clearFormat(): Range {
    return this.clear({ formatOnly: true });
  }
  clearNote(): Range {
    this._checkWrite();
    this._forEachCell((r, c) => {
      const row = this._sm.rows[r - 1];
      if (row?.n) row.n[c - 1] = undefined;
    });
    return this;
  }
  clearDataValidations(): Range {
    this._checkWrite();
    this._wb.patchStyleRect(this._sm, this.rect, { dv: undefined });
    this._wb.touch();
    return this;
  }

  // ---- formats (formatting a protected range is an edit too)
  private _styleAll(patch: Partial<Style>): Range {
    this._checkWrite();
    this._wb.patchStyleRect(this._sm, this.rect, patch);
    this._wb.touch();
    return this;
  }
  private _styleEach<T>(method: string, data: unknown, fn: (v: T) => Partial<Style>): Range {
    const rows = this._checkDims(method, data);
    this._checkWrite();
    this._forEachCell((r, c, i, j) => this._wb.patchStyle(this._sm, r, c, fn(rows[i][j] as T)));
    this._wb.touch();
    return this;
  }
  private _styleGrid<T>(fn: (s: Style | undefined) => T): T[][] {
    return this._grid((r, c) => fn(this._sm.style(r, c)));
  }
  private _styleFirst<T>(fn: (s: Style | undefined) => T): T {
    const { r, c } = this._first();
    return fn(this._sm.style(r, c));
  }
  /** `@` plain text, `yyyy-mm-dd`, `#,##0.00`, `0.000`, `General` (resets)… */
  setNumberFormat(numberFormat: string): Range {
    if (typeof numberFormat !== 'string') throw signatureError('SpreadsheetApp.Range.setNumberFormat', [numberFormat]);
    return this._styleAll({ nf: normFormat(numberFormat) });
  }
  setNumberFormats(numberFormats: string[][]): Range {
    return this._styleEach<string>('setNumberFormats', numberFormats, (f) => ({ nf: normFormat(String(f)) }));
  }
  /** A cell never formatted reports `0.###############` (gas-fakes notes/oddities.md, live-checked there). */
  getNumberFormat(): string {
    return this._styleFirst((s) => s?.nf ?? '0.###############');
  }
  getNumberFormats(): string[][] {
    return this._styleGrid((s) => s?.nf ?? '0.###############');
  }
  setBackground(color: string | null): Range {
    return this._styleAll({ bg: color === null ? undefined : normColor(color) });
  }
  setBackgrounds(colors: (string | null)[][]): Range {
    return this._styleEach<string | null>('setBackgrounds', colors, (c) => ({ bg: c === null || c === '' ? undefined : normColor(c) }));
  }
  setBackgroundRGB(red: number, green: number, blue: number): Range {
    const h = (n: number) => n.toString(16).padStart(2, '0');
    return this.setBackground(`#${h(red)}${h(green)}${h(blue)}`);
  }
  getBackground(): string {
    return this._styleFirst((s) => s?.bg ?? '#ffffff');
  }
  getBackgrounds(): string[][] {
    return this._styleGrid((s) => s?.bg ?? '#ffffff');
  }
  setFontWeight(fontWeight: string | null): Range {
    return this._styleAll({ bold: fontWeight === 'bold' ? true : undefined });
  }
  setFontWeights(weights: (string | null)[][]): Range {
    return this._styleEach<string | null>('setFontWeights', weights, (w) => ({ bold: w === 'bold' ? true : undefined }));
  }
  getFontWeight(): string {
    return this._styleFirst((s) => (s?.bold ? 'bold' : DEFAULT_FONT.weight));
  }
  getFontWeights(): string[][] {
    return this._styleGrid((s) => (s?.bold ? 'bold' : DEFAULT_FONT.weight));
  }
  setFontStyle(fontStyle: string | null): Range {
    return this._styleAll({ italic: fontStyle === 'italic' ? true : undefined });
  }
  getFontStyle(): string {
    return this._styleFirst((s) => (s?.italic ? 'italic' : 'normal'));
  }
  setFontColor(color: string | null): Range {
    return this._styleAll({ color: color === null ? undefined : normColor(color) });
  }
  setFontColors(colors: (string | null)[][]): Range {
    return this._styleEach<string | null>('setFontColors', colors, (c) => ({ color: c === null ? undefined : normColor(c) }));
  }
  getFontColor(): string {
    return this._styleFirst((s) => s?.color ?? DEFAULT_FONT.color);
  }
  getFontColors(): string[][] {
    return this._styleGrid((s) => s?.color ?? DEFAULT_FONT.color);
  }
  setFontFamily(fontFamily: string | null): Range {
    return this._styleAll({ family: fontFamily ?? undefined });
  }
  getFontFamily(): string {
    return this._styleFirst((s) => s?.family ?? DEFAULT_FONT.family);
  }
  setFontSize(size: number): Range {
    return this._styleAll({ size });
  }
  getFontSize(): number {
    return this._styleFirst((s) => s?.size ?? DEFAULT_FONT.size);
  }
  setHorizontalAlignment(alignment: string | null): Range {
    return this._styleAll({ hAlign: alignment ?? undefined });
  }
  getHorizontalAlignment(): string {
    return this._styleFirst((s) => s?.hAlign ?? 'general');
  }
  setVerticalAlignment(alignment: string | null): Range {
    return this._styleAll({ vAlign: alignment ?? undefined });
  }
  setWrap(isWrapEnabled: boolean): Range {
    return this._styleAll({ wrap: isWrapEnabled ? 'WRAP' : 'OVERFLOW' });
  }
  setWrapStrategy(strategy: string): Range {
    return this._styleAll({ wrap: strategy });
  }
  getWrap(): boolean {
    return this._styleFirst((s) => s?.wrap === 'WRAP');
  }
  /** Borders are recorded (one flag per cell), not drawn per side. */
  setBorder(...args: unknown[]): Range {
    return this._styleAll({ border: args.some((a) => a === true) ? 'solid' : undefined });
  }
  /** Merges are recorded; values stay where they are (a simplification). */
  merge(): Range {
    this._checkWrite();
    this._sm.merges.push({ ...this.rect });
    this._wb.touch();
    return this;
  }
  breakApart(): Range {
    this._checkWrite();
    this._sm.merges = this._sm.merges.filter((m) => rectA1(m) !== rectA1(this.rect));
    return this;
  }

  // ---- notes
  // Notes, merges and validation rules are edits of the cells too: a protected range refuses them
  // like values and formats (reference/spreadsheet/protection; docs silent per method — stricter).
  setNote(note: string | null): Range {
    this._checkWrite();
    this._forEachCell((r, c) => {
      const row = this._sm.ensureRow(r);
      (row.n ??= [])[c - 1] = note === null || note === '' ? undefined : String(note);
    });
    this._wb.touch();
    return this;
  }
  setNotes(notes: (string | null)[][]): Range {
    const rows = this._checkDims('setNotes', notes);
    this._checkWrite();
    this._forEachCell((r, c, i, j) => {
      const row = this._sm.ensureRow(r);
      const n = rows[i][j];
      (row.n ??= [])[c - 1] = n === null || n === '' ? undefined : String(n);
    });
    this._wb.touch();
    return this;
  }
  getNote(): string {
    const { r, c } = this._first();
    return this._sm.rows[r - 1]?.n?.[c - 1] ?? '';
  }
  getNotes(): string[][] {
    return this._grid((r, c) => this._sm.rows[r - 1]?.n?.[c - 1] ?? '');
  }

  // ---- rich text
  setRichTextValue(value: RichTextValue): Range {
    if (!(value instanceof RichTextValue)) throw signatureError('SpreadsheetApp.Range.setRichTextValue', [value]);
    this._checkWrite();
    this._forEachCell((r, c) => this._writeRich(r, c, value));
    this._wb.touch();
    return this;
  }
  setRichTextValues(values: RichTextValue[][]): Range {
    const rows = this._checkDims('setRichTextValues', values);
    this._checkWrite();
    this._forEachCell((r, c, i, j) => this._writeRich(r, c, rows[i][j] as RichTextValue));
    this._wb.touch();
    return this;
  }
  /** Rich text is always text: no parsing (reference/spreadsheet/rich-text-value). */
  private _writeRich(r: number, c: number, v: RichTextValue): void {
    const row = this._sm.ensureRow(r);
    if (row.f) row.f[c - 1] = undefined;
    row.v[c - 1] = v.text === '' ? null : v.text;
    (row.r ??= [])[c - 1] = v.runs.some((x) => x.url || x.bold) ? { text: v.text, runs: v.runs.map((x) => ({ ...x })) } : undefined;
  }
  /** Null for a formula or non-text cell? Sheets returns a value for text cells; numbers give their display text. */
  getRichTextValue(): RichTextValue | null {
    const { r, c } = this._first();
    return this._richAt(r, c);
  }
  getRichTextValues(): (RichTextValue | null)[][] {
    return this._grid((r, c) => this._richAt(r, c));
  }
  private _richAt(r: number, c: number): RichTextValue | null {
    const rich = this._sm.rows[r - 1]?.r?.[c - 1];
    if (rich) return new RichTextValue(rich.text, rich.runs);
    const f = this._wb.formula(this._sm, r, c);
    const text = this._wb.displayValue(this._sm, r, c);
    const m = f ? /^=\s*HYPERLINK\(\s*"([^"]*)"/i.exec(f) : null;
    return new RichTextValue(text, m ? [{ start: 0, end: text.length, url: m[1] }] : []);
  }

  // ---- data validation (kept; enforced only on user edits — validation.ts)
  setDataValidation(rule: DataValidation | null): Range {
    if (rule !== null && !(rule instanceof DataValidation)) throw signatureError('SpreadsheetApp.Range.setDataValidation', [rule]);
    return this._styleAll({ dv: rule ? rule.model : undefined });
  }
  setDataValidations(rules: (DataValidation | null)[][]): Range {
    return this._styleEach<DataValidation | null>('setDataValidations', rules, (r) => ({ dv: r ? r.model : undefined }));
  }
  getDataValidation(): DataValidation | null {
    return this._styleFirst((s) => (s?.dv ? new DataValidation(this._wb, s.dv) : null));
  }
  getDataValidations(): (DataValidation | null)[][] {
    return this._styleGrid((s) => (s?.dv ? new DataValidation(this._wb, s.dv) : null));
  }

  // ---- protection, filter, sort, find
  protect(): Protection {
    const np = {
      id: this._wb.nextProtectionId++,
      type: 'RANGE' as const,
      sheetId: this._sm.id,
      rect: { ...this.rect },
      description: '',
      editors: null,
      warningOnly: false,
      domainEdit: true,
      unprotected: [],
    };
    this._wb.protections.push(np);
    this._wb.touch();
    return new Protection(this.sheet.ss, np);
  }
  /** One filter per sheet (reference/spreadsheet/range#createFilter: throws if the sheet has one). */
  createFilter(): Filter {
    if (this._sm.filter) throw new Error('You can\'t create a filter in a sheet that already has a filter.');
    this._sm.filter = { rect: { ...this.rect }, criteria: {} };
    this._wb.touch();
    return new Filter(this.sheet);
  }
  getFilter(): Filter | null {
    return this.sheet.getFilter();
  }
  /** sort(col) | sort({column, ascending}) | sort([{...}, col]) — columns are absolute sheet columns. */
  sort(sortSpecObj: unknown): Range {
    const specs = (Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj]).map((s) =>
      typeof s === 'number' ? { column: s, ascending: true } : { column: Number((s as { column: number }).column), ascending: (s as { ascending?: boolean }).ascending !== false },
    );
    for (const s of specs)
      if (!(s.column >= this.rect.col && s.column < this.rect.col + this.rect.numCols))
        throw new Error(`Sort column ${s.column} is outside the range ${this.getA1Notation()}`);
    this._checkWrite();
    const { row, numRows } = this.rect;
    const c0 = this.rect.col - 1;
    const c1 = c0 + this.rect.numCols;
    type Line = { v: unknown[]; f: unknown[]; s: unknown[]; n: unknown[]; r: unknown[]; key: (Scalar | null)[] };
    const lines: Line[] = [];
    for (let i = 0; i < numRows; i++) {
      const rr = row + i;
      const src = this._sm.rows[rr - 1];
      const pick = (a?: unknown[]) => (a ? a.slice(c0, c1) : []);
      lines.push({
        v: pick(src?.v),
        f: pick(src?.f),
        s: pick(src?.s),
        n: pick(src?.n),
        r: pick(src?.r),
        key: specs.map((s) => this._wb.rawValue(this._sm, rr, s.column)),
      });
    }
    const li = new Intl.Collator('en', { sensitivity: 'base', numeric: false });
    const rank = (v: Scalar | null) => (v === null ? 3 : typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
    lines.sort((a, b) => {
      for (let k = 0; k < specs.length; k++) {
        const x = a.key[k];
        const y = b.key[k];
        // empty cells go last in both directions (Sheets behaviour)
        if (x === null || y === null) {
          if (x === y) continue;
          return x === null ? 1 : -1;
        }
        let d = rank(x) - rank(y);
        if (d === 0) d = typeof x === 'string' ? li.compare(x, y as string) : x < y ? -1 : x > y ? 1 : 0;
        if (d !== 0) return specs[k].ascending ? d : -d;
      }
      return 0;
    });
    lines.forEach((ln, i) => {
      const row2 = this._sm.ensureRow(row + i);
      const put = (key: 'v' | 'f' | 's' | 'n' | 'r', vals: unknown[]) => {
        if (!vals.length && !row2[key]) return;
        const arr = ((row2[key] as unknown[]) ??= []) as unknown[];
        (row2 as unknown as Record<string, unknown[]>)[key] = arr;
        for (let j = 0; j < c1 - c0; j++) arr[c0 + j] = vals[j];
      };
      put('v', ln.v);
      put('f', ln.f);
      put('s', ln.s);
      put('n', ln.n);
      put('r', ln.r);
    });
    this._wb.touch();
    return this;
  }
  createTextFinder(findText: string): TextFinder {
    return new TextFinder(this.sheet, this.rect, String(findText));
  }
  /** Copies values and formats to another range (same sheet or another). */
  copyTo(destination: Range, options?: { contentsOnly?: boolean; formatOnly?: boolean }): void {
    if (!(destination instanceof Range)) throw signatureError('SpreadsheetApp.Range.copyTo', [destination]);
    destination._checkWrite();
    const vals = this._grid((r, c) => ({ v: this._sm.rows[r - 1]?.v[c - 1] ?? null, f: this._sm.rows[r - 1]?.f?.[c - 1], s: this._sm.style(r, c) }));
    vals.forEach((line, i) =>
      line.forEach((cell, j) => {
        const r = destination.rect.row + i;
        const c = destination.rect.col + j;
        if (r > destination._sm.maxRows || c > destination._sm.maxCols) return;
        if (!options?.formatOnly) destination._wb.setRaw(destination._sm, r, c, cell.v as Scalar | null, cell.f);
        if (!options?.contentsOnly) destination._sm.setStyle(r, c, cell.s);
      }),
    );
    this._wb.touch();
  }
  getMergedRanges(): Range[] {
    return [];
  }
  isPartOfMerge(): boolean {
    return false;
  }
  getFormulasR1C1(): string[][] {
    return this.getFormulas();
  }
  check(): Range {
    return this.setValue(true);
  }
  uncheck(): Range {
    return this.setValue(false);
  }
  isChecked(): boolean | null {
    const v = this.getValue();
    return typeof v === 'boolean' ? v : null;
  }
  insertCheckboxes(): Range {
    const dv = new DataValidationBuilder(this._wb).requireCheckbox().build();
    this._styleAll({ dv: dv.model });
    this._forEachCell((r, c) => {
      if (!this._sm.hasContent(r, c)) this._wb.setRaw(this._sm, r, c, false);
    });
    return this;
  }
  removeCheckboxes(): Range {
    return this.clearDataValidations();
  }
  toString(): string {
    return 'Range';
  }
}

/** `General`/`general` resets; Sheets stores `@` as is; other patterns kept verbatim. */
function normFormat(f: string): string | undefined {
  if (/^general$/i.test(f.trim()) || f === '') return undefined;
  void formatKind;
  void columnToLetters;
  void cellA1;
  void parseA1;
  return f;
}

export function createSpreadsheetApp(host: ServiceHost, model: WorkbookModel, opts?: SpreadsheetAppOptions): SpreadsheetApp {
  return new SpreadsheetApp(host, model, opts);
}
