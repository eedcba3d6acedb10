// Turns the workbook model's sheetView (dev/runtime/spreadsheet/view.ts) into what the page
// draws: a dense, row-major block of cells starting at A1, plus frozen panes, widths and
// hidden rows/columns. Kept separate so the page stays dumb.
import type { SheetView, CellView } from '../runtime/spreadsheet/view';

export interface GridCell {
  /** Display text (getDisplayValues). */
  t: string;
  /** Right-aligned like Sheets aligns numbers and dates by default. */
  num?: boolean;
  bg?: string;
  b?: boolean;
  i?: boolean;
  color?: string;
  align?: string;
  note?: string;
  link?: string;
  /** Dropdown items from data validation (value in list / in range). */
  list?: string[];
  checkbox?: boolean;
  /** Breaks its validation rule (Sheets marks it with a red corner). */
  invalid?: boolean;
  /** What the edit box starts with (formula, or the plain value). */
  input?: string;
}

export interface GridView {
  sheet: string;
  rows: number;
  cols: number;
  frozenRows: number;
  frozenCols: number;
  colWidths: number[];
  hiddenRows: number[];
  hiddenCols: number[];
  cells: (GridCell | null)[][];
  /** More rows exist than are drawn. */
  truncated: boolean;
}

const MAX_ROWS = 5000;

function toCell(c: CellView): GridCell {
  const cell: GridCell = { t: c.display };
  if (c.type === 'number' || c.type === 'date') cell.num = true;
  const bg = c.conditional?.background ?? c.background;
  if (bg) cell.bg = bg;
  const color = c.conditional?.fontColor ?? c.fontColor;
  if (color) cell.color = color;
  if (c.fontWeight === 'bold' || c.conditional?.bold) cell.b = true;
  if (c.italic) cell.i = true;
  if (c.hAlign) {
    const a = c.hAlign.toLowerCase();
    if (a === 'left' || a === 'center' || a === 'right') cell.align = a;
  }
  if (c.note) cell.note = c.note;
  if (c.link) cell.link = c.link;
  const v = c.validation;
  if (v) {
    if (v.criteria === 'CHECKBOX') cell.checkbox = true;
    else if (v.items && v.items.length) cell.list = v.items;
    if (v.invalid) cell.invalid = true;
  }
  if (c.formula) cell.input = c.formula;
  else if (c.type === 'number' && typeof c.value === 'number') cell.input = String(c.value);
  return cell;
}

export function toGridView(view: SheetView): GridView {
  const rows = Math.min(view.maxRows, Math.max(view.lastRow + 30, view.frozenRows + 1, 60), MAX_ROWS);
  const cols = Math.min(view.maxColumns, Math.max(view.lastColumn + 3, view.frozenColumns + 1, 12));
  const cells: (GridCell | null)[][] = [];
  for (let r = 0; r < rows; r++) cells.push([]);
  for (const c of view.cells) {
    if (c.row > rows || c.col > cols) continue;
    cells[c.row - 1][c.col - 1] = toCell(c);
  }
  const colWidths: number[] = [];
  for (let c = 1; c <= cols; c++) colWidths.push(view.columnWidths[c] ?? 100);
  const hidden = new Set([...view.hiddenRows, ...view.hiddenRowsByFilter]);
  return {
    sheet: view.name,
    rows,
    cols,
    frozenRows: view.frozenRows,
    frozenCols: view.frozenColumns,
    colWidths,
    hiddenRows: [...hidden].sort((a, b) => a - b),
    hiddenCols: view.hiddenColumns,
    cells,
    truncated: Math.max(view.lastRow, view.maxRows) > rows && view.lastRow > rows,
  };
}

/** The grid of one tab of the runtime's workbook model. */
export function gridView(model: unknown, sheet: string): GridView {
  const m = model as { sheetView?: (name: string) => SheetView } | undefined;
  if (!m || typeof m.sheetView !== 'function') throw new Error('The workbook model has no sheetView (spreadsheet layer missing)');
  return toGridView(m.sheetView(sheet));
}
