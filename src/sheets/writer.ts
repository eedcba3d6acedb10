// The one way the add-on writes cells. Sheets parses every string written by setValues as if a
// person typed it: `=...` becomes a formula, `004512` a number, `1/2` a date. So each write says
// which cells are plain text: those get the plain-text format `@` first (Sheets then keeps the
// string as typed), and any other string that would be parsed or could start a formula gets a
// leading `'` (Sheets stores the rest as text and hides the apostrophe).
//
//   writeBlock(range, values, formats?)   setNumberFormats (if given) + one setValues
//   appendBlock(sheet, values, formats?)  below the last row, the grid grown by the rows written
//   writeLink(range, text, url)           one rich-text cell (a link that keeps its label)

export type Cell = string | number | boolean | null | FormulaCell;

/** A formula to write back as a formula (a person's own formula kept when a row is rewritten). */
export interface FormulaCell {
  formula: string;
}

export function isFormulaCell(v: unknown): v is FormulaCell {
  return !!v && typeof v === 'object' && typeof (v as FormulaCell).formula === 'string';
}

export const TEXT_FORMAT = '@';

/** Starts a formula in Sheets or in a spreadsheet that opens an export (OWASP CSV injection). */
export function isFormulaLike(s: string): boolean {
  return /^[=+\-@\t\r]/.test(s);
}

// Text Sheets would turn into a number, date, time, percent, currency or boolean.
const PARSED = [
  /^\s*[-+(]?\s*[$€£¥]?\s*[\d.,\s]+%?\s*\)?\s*$/,
  /^\s*\d{1,4}\s*[-/.]\s*\d{1,2}(\s*[-/.]\s*\d{1,4})?/,
  /^\s*\d{1,2}:\d{2}/,
  /^\s*(true|false)\s*$/i,
  /^\s*[-+]?\d+(\.\d+)?e[-+]?\d+\s*$/i,
];

/** The value to hand to setValues so that the cell ends up holding exactly `value`. */
export function cellInput(value: Cell | undefined, textFormatted: boolean): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (isFormulaCell(value)) return value.formula;
  if (typeof value !== 'string') return value;
  if (value === '' || textFormatted) return value;
  if (isFormulaLike(value) || value.startsWith("'") || PARSED.some((re) => re.test(value))) return `'${value}`;
  return value;
}

/** Intentional values (ISO dates in date columns) are written as-is except formula-like text. */
export function valueInput(value: Cell | undefined): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (isFormulaCell(value)) return value.formula;
  if (typeof value === 'string' && isFormulaLike(value)) return `'${value}`;
  return value;
}

/**
 * Writes a block. `formats` (same shape, or one row applied to every row) are set first; cells
 * whose format is `@` are written literally, others are guarded by `cellInput`, except cells of
 * date/number formats, which take the value as given (ISO dates must be parsed into dates).
 */
export function writeBlock(range: GoogleAppsScript.Spreadsheet.Range, values: readonly (readonly Cell[])[], formats?: readonly (readonly string[])[]): void {
  if (!values.length) return;
  const full = formats ? (formats.length === values.length ? formats : values.map(() => formats[0])) : null;
  if (full) range.setNumberFormats(full as string[][]);
  const input = values.map((row, r) => row.map((v, c) => {
    const f = full?.[r][c];
    if (f === TEXT_FORMAT) return cellInput(v, true);
    if (f && f !== TEXT_FORMAT && typeof v === 'string' && v !== '' && !isFormulaLike(v) && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
    return cellInput(v, false);
  }));
  range.setValues(input);
}

/**
 * Appends rows below the sheet's last row; returns the first written row. setValues never grows
 * the grid (appendRow does, one row per call), so the grid is grown once, by exactly the rows
 * written, whatever room is left below the last row: an append makes the same service calls on
 * a tab of ten rows as on one of a hundred thousand (DESIGN §11), and the empty room below the
 * data stays what it was (grid.cellsToAppend counts it so).
 */
export function appendBlock(sheet: GoogleAppsScript.Spreadsheet.Sheet, values: readonly (readonly Cell[])[], formats?: readonly (readonly string[])[], width?: number): number {
  const first = sheet.getLastRow() + 1;
  if (!values.length) return first;
  const cols = width ?? values[0].length;
  sheet.insertRowsAfter(sheet.getMaxRows(), values.length);
  writeBlock(sheet.getRange(first, 1, values.length, cols), values, formats);
  return first;
}

/** A cell showing `text` that links to `url` (rich text keeps the label sortable and plain). */
export function writeLink(range: GoogleAppsScript.Spreadsheet.Range, text: string, url: string): void {
  const rich = SpreadsheetApp.newRichTextValue().setText(text).setLinkUrl(url).build();
  range.setRichTextValue(rich);
}
