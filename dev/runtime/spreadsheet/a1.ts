// A1 notation: column letters, cell and range references, and the grid rectangle they name.
// Sheets accepts `A1`, `A1:B2`, `A:C` (whole columns), `2:5` (whole rows), `A2:C` (open end)
// and an optional sheet prefix `Sheet1!` or `'My sheet'!` (reference/spreadsheet/sheet#getRange(String)).

/** 1-based, inclusive rectangle. */
export interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export function columnToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, col: number): string {
  return `${columnToLetters(col)}${row}`;
}

/** A1 notation of a rectangle, as Range.getA1Notation gives it (`A1` for a single cell). */
export function rectA1(r: Rect): string {
  const a = cellA1(r.row, r.col);
  if (r.numRows === 1 && r.numCols === 1) return a;
  return `${a}:${cellA1(r.row + r.numRows - 1, r.col + r.numCols - 1)}`;
}

export interface ParsedRef {
  sheet?: string;
  rect: Rect;
}

const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/** Splits `Sheet!A1:B2`; returns undefined when the text is no range. `maxRows`/`maxCols` close
 *  open-ended references (`A:A`, `A2:C`, `1:1`). */
export function parseA1(text: string, maxRows: number, maxCols: number): ParsedRef | undefined {
  let t = text.trim();
  let sheet: string | undefined;
  const bang = t.lastIndexOf('!');
  if (bang >= 0) {
    sheet = t.slice(0, bang);
    t = t.slice(bang + 1);
    if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  const parts = t.split(':');
  if (parts.length < 1 || parts.length > 2) return undefined;
  const ends = parts.map((p) => PART.exec(p));
  if (ends.some((m) => !m || (!m[1] && !m[2]))) return undefined;
  const [a, b] = ends as RegExpExecArray[];
  let c1 = a[1] ? lettersToColumn(a[1]) : undefined;
  let r1 = a[2] ? Number(a[2]) : undefined;
  if (!b) {
    if (c1 === undefined || r1 === undefined) return undefined; // a lone `A` or `3` is no range
    if (r1 < 1) return undefined;
    return { sheet, rect: { row: r1, col: c1, numRows: 1, numCols: 1 } };
  }
  let c2 = b[1] ? lettersToColumn(b[1]) : undefined;
  let r2 = b[2] ? Number(b[2]) : undefined;
  // Whole rows `2:5`: both without letters. Whole columns `A:C`: both without numbers.
  if (c1 === undefined && c2 === undefined) {
    c1 = 1;
    c2 = maxCols;
  } else if (c1 === undefined || c2 === undefined) return undefined;
  if (r1 === undefined && r2 === undefined) {
    r1 = 1;
    r2 = maxRows;
  } else if (r1 === undefined) return undefined;
  else if (r2 === undefined) r2 = maxRows; // `A2:C` runs to the last row
  if (r1 < 1 || r2 < 1) return undefined;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { sheet, rect: { row, col, numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1 } };
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols;
}

export function containsCell(a: Rect, row: number, col: number): boolean {
  return row >= a.row && row < a.row + a.numRows && col >= a.col && col < a.col + a.numCols;
}
