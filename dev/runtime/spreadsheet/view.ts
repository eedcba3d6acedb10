// What the local app's grid needs to draw one tab: everything is plain JSON.
import type { SheetModel, WorkbookModel } from './model';
import { formatKind, isDateKind } from './format';
import { dropdownItems } from './validation';
import { rectA1 } from './a1';
import { evaluateConditionalFormats } from './conditional';

export type CellType = 'empty' | 'number' | 'string' | 'boolean' | 'date' | 'error';

export interface CellView {
  /** 1-based row/col. */
  row: number;
  col: number;
  display: string;
  type: CellType;
  /** The raw value as getValues gives it, dates as ISO strings. */
  value: string | number | boolean | null;
  formula?: string;
  numberFormat?: string;
  background?: string;
  fontWeight?: 'bold';
  fontColor?: string;
  italic?: boolean;
  hAlign?: string;
  wrap?: string;
  note?: string;
  /** First link of rich text or HYPERLINK(). */
  link?: string;
  validation?: {
    criteria: string;
    /** Dropdown items (VALUE_IN_LIST / VALUE_IN_RANGE). */
    items?: string[];
    allowInvalid: boolean;
    helpText: string;
    /** The current value breaks the rule (Sheets marks such a cell with a red corner). */
    invalid: boolean;
  };
  /** A conditional-format rule's colours that apply now. */
  conditional?: { background?: string; fontColor?: string; bold?: boolean };
}

export interface SheetView {
  name: string;
  sheetId: number;
  index: number;
  hidden: boolean;
  tabColor: string | null;
  maxRows: number;
  maxColumns: number;
  lastRow: number;
  lastColumn: number;
  frozenRows: number;
  frozenColumns: number;
  /** Column widths in pixels by 1-based column (default 100). */
  columnWidths: Record<number, number>;
  hiddenColumns: number[];
  /** Rows hidden by the filter (1-based). */
  hiddenRowsByFilter: number[];
  /** Rows hidden by the user / hideRows. */
  hiddenRows: number[];
  filter: { range: string; columnsWithCriteria: number[] } | null;
  protectedRanges: { range: string; description: string; editors: string[] | null; warningOnly: boolean; type: 'RANGE' | 'SHEET'; unprotected: string[] }[];
  merges: string[];
  /** Cells with content or formatting, row-major; cells absent here are empty and unformatted. */
  cells: CellView[];
}

export function buildView(wb: WorkbookModel, sheet: SheetModel): SheetView {
  const cells: CellView[] = [];
  const cf = evaluateConditionalFormats(wb, sheet);
  sheet.rows.forEach((row, ri) => {
    if (!row) return;
    const r = ri + 1;
    const n = Math.max(row.v.length, row.f?.length ?? 0, row.s?.length ?? 0, row.n?.length ?? 0, row.r?.length ?? 0);
    for (let c = 1; c <= n; c++) {
      const st = row.s?.[c - 1];
      const f = row.f?.[c - 1];
      const note = row.n?.[c - 1];
      const rich = row.r?.[c - 1];
      const raw = wb.rawValue(sheet, r, c);
      const cond = cf.get(`${r},${c}`);
      if (raw === null && !st && !f && !note && !rich && !cond) continue;
      let type: CellType = raw === null ? 'empty' : typeof raw === 'number' ? 'number' : typeof raw === 'boolean' ? 'boolean' : 'string';
      let value: CellView['value'] = raw;
      if (type === 'number' && st?.nf && isDateKind(formatKind(st.nf))) {
        type = 'date';
        value = (wb.outValue(sheet, r, c) as Date).toISOString();
      }
      if (typeof raw === 'string' && f && /^#[A-Z/0!?]+[!?]?$/.test(raw)) type = 'error';
      const cell: CellView = { row: r, col: c, display: wb.displayValue(sheet, r, c), type, value };
      if (f) cell.formula = f;
      if (st?.nf) cell.numberFormat = st.nf;
      if (st?.bg) cell.background = st.bg;
      if (st?.bold) cell.fontWeight = 'bold';
      if (st?.color) cell.fontColor = st.color;
      if (st?.italic) cell.italic = true;
      if (st?.hAlign) cell.hAlign = st.hAlign;
      if (st?.wrap) cell.wrap = st.wrap;
      if (note) cell.note = note;
      const link = rich?.runs.find((x) => x.url)?.url ?? (f ? /^=\s*HYPERLINK\(\s*"([^"]*)"/i.exec(f)?.[1] : undefined);
      if (link) cell.link = link;
      if (st?.dv) {
        cell.validation = {
          criteria: st.dv.criteria,
          items: dropdownItems(wb, st.dv, sheet),
          allowInvalid: st.dv.allowInvalid,
          helpText: st.dv.helpText,
          invalid: !wb.validates(st.dv, raw, sheet, r, c),
        };
      }
      if (cond) cell.conditional = cond;
      cells.push(cell);
    }
  });
  return {
    name: sheet.name,
    sheetId: sheet.id,
    index: wb.sheets.indexOf(sheet) + 1,
    hidden: sheet.hidden,
    tabColor: sheet.tabColor,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxCols,
    lastRow: sheet.lastRow(),
    lastColumn: sheet.lastColumn(),
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenCols,
    columnWidths: { ...sheet.colWidths },
    hiddenColumns: [...sheet.hiddenCols].sort((a, b) => a - b),
    hiddenRowsByFilter: filterHiddenRows(wb, sheet),
    hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b),
    filter: sheet.filter ? { range: rectA1(sheet.filter.rect), columnsWithCriteria: Object.keys(sheet.filter.criteria).map(Number) } : null,
    protectedRanges: wb.protections
      .filter((p) => p.sheetId === sheet.id)
      .map((p) => ({
        range: p.rect ? rectA1(p.rect) : rectA1({ row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols }),
        description: p.description,
        editors: p.editors ? [...p.editors] : null,
        warningOnly: p.warningOnly,
        type: p.type,
        unprotected: p.unprotected.map(rectA1),
      })),
    merges: sheet.merges.map(rectA1),
    cells,
  };
}

import { filterHiddenRows } from './filter';
