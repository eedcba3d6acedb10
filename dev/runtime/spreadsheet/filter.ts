// Basic filter: hides the data rows (below the header row of its range) whose cells fail a
// column's criteria (reference/spreadsheet/filter; Sheet.isRowHiddenByFilter).
import type { FilterCriteriaModel, SheetModel, WorkbookModel } from './model';

export function rowPassesCriteria(wb: WorkbookModel, sheet: SheetModel, r: number, col: number, crit: FilterCriteriaModel): boolean {
  const shown = wb.displayValue(sheet, r, col);
  if (crit.hiddenValues && crit.hiddenValues.includes(shown)) return false;
  if (crit.visibleValues && crit.visibleValues.length && !crit.visibleValues.includes(shown)) return false;
  if (crit.condition) {
    const { type, args } = crit.condition;
    const v = wb.rawValue(sheet, r, col);
    const s = shown.toLowerCase();
    const a = String(args[0] ?? '').toLowerCase();
    const n = typeof v === 'number' ? v : undefined;
    const x = Number(args[0]);
    switch (type) {
      case 'TEXT_EQUAL_TO': case 'TEXT_EQ': return s === a;
      case 'TEXT_NOT_EQUAL_TO': case 'TEXT_NOT_EQ': return s !== a;
      case 'TEXT_CONTAINS': return s.includes(a);
      case 'TEXT_DOES_NOT_CONTAIN': case 'TEXT_NOT_CONTAINS': return !s.includes(a);
      case 'TEXT_STARTS_WITH': return s.startsWith(a);
      case 'TEXT_ENDS_WITH': return s.endsWith(a);
      case 'CELL_EMPTY': return v === null;
      case 'CELL_NOT_EMPTY': return v !== null;
      case 'NUMBER_GREATER_THAN': return n !== undefined && n > x;
      case 'NUMBER_GREATER_THAN_OR_EQUAL_TO': return n !== undefined && n >= x;
      case 'NUMBER_LESS_THAN': return n !== undefined && n < x;
      case 'NUMBER_LESS_THAN_OR_EQUAL_TO': return n !== undefined && n <= x;
      case 'NUMBER_EQUAL_TO': return n !== undefined && n === x;
      case 'NUMBER_NOT_EQUAL_TO': return n === undefined || n !== x;
      case 'NUMBER_BETWEEN': return n !== undefined && n >= x && n <= Number(args[1]);
      default: return true;
    }
  }
  return true;
}

export function isRowHiddenByFilter(wb: WorkbookModel, sheet: SheetModel, r: number): boolean {
  const f = sheet.filter;
  if (!f) return false;
  if (r <= f.rect.row || r >= f.rect.row + f.rect.numRows) return false; // header row never hides
  for (const [col, crit] of Object.entries(f.criteria)) {
    if (!rowPassesCriteria(wb, sheet, r, Number(col), crit)) return true;
  }
  return false;
}

export function filterHiddenRows(wb: WorkbookModel, sheet: SheetModel): number[] {
  const f = sheet.filter;
  if (!f || !Object.keys(f.criteria).length) return [];
  const out: number[] = [];
  const last = Math.min(f.rect.row + f.rect.numRows - 1, sheet.lastRow());
  for (let r = f.rect.row + 1; r <= last; r++) if (isRowHiddenByFilter(wb, sheet, r)) out.push(r);
  return out;
}
