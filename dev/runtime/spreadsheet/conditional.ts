// Conditional-format rules: kept, saved, and evaluated for the local grid (the Apps Script side
// only stores them: reference/spreadsheet/conditional-format-rule-builder).
import type { SheetModel, WorkbookModel } from './model';
import { evaluateFormula } from './formula';
import { dateToSerial } from './tz';

export function evaluateConditionalFormats(wb: WorkbookModel, sheet: SheetModel): Map<string, { background?: string; fontColor?: string; bold?: boolean }> {
  const out = new Map<string, { background?: string; fontColor?: string; bold?: boolean }>();
  for (const rule of sheet.cfRules) {
    if (!rule.condition) continue;
    const { type, args } = rule.condition;
    for (const rect of rule.ranges) {
      const lastRow = Math.min(rect.row + rect.numRows - 1, Math.max(sheet.lastRow(), rect.row));
      for (let r = rect.row; r <= lastRow; r++) {
        for (let c = rect.col; c < rect.col + rect.numCols; c++) {
          const key = `${r},${c}`;
          if (out.has(key)) continue; // first matching rule wins (Sheets applies rules in order)
          const v = wb.rawValue(sheet, r, c);
          let hit = false;
          const n = typeof v === 'number' ? v : undefined;
          const s = v === null ? '' : String(v);
          const a0 = args[0];
          const num0 = typeof a0 === 'number' ? a0 : Number(a0);
          switch (type) {
            case 'CELL_EMPTY': hit = v === null; break;
            case 'CELL_NOT_EMPTY': hit = v !== null; break;
            case 'TEXT_EQ': hit = s.toLowerCase() === String(a0).toLowerCase(); break;
            case 'TEXT_NOT_EQ': hit = s.toLowerCase() !== String(a0).toLowerCase(); break;
            case 'TEXT_CONTAINS': hit = s.toLowerCase().includes(String(a0).toLowerCase()); break;
            case 'TEXT_NOT_CONTAINS': hit = !s.toLowerCase().includes(String(a0).toLowerCase()); break;
            case 'TEXT_STARTS_WITH': hit = s.toLowerCase().startsWith(String(a0).toLowerCase()); break;
            case 'TEXT_ENDS_WITH': hit = s.toLowerCase().endsWith(String(a0).toLowerCase()); break;
            case 'NUMBER_GREATER_THAN': hit = n !== undefined && n > num0; break;
            case 'NUMBER_GREATER_THAN_OR_EQUAL_TO': hit = n !== undefined && n >= num0; break;
            case 'NUMBER_LESS_THAN': hit = n !== undefined && n < num0; break;
            case 'NUMBER_LESS_THAN_OR_EQUAL_TO': hit = n !== undefined && n <= num0; break;
            case 'NUMBER_EQUAL_TO': hit = n !== undefined && n === num0; break;
            case 'NUMBER_NOT_EQUAL_TO': hit = n !== undefined && n !== num0; break;
            case 'NUMBER_BETWEEN': hit = n !== undefined && n >= num0 && n <= Number(args[1]); break;
            case 'NUMBER_NOT_BETWEEN': hit = n !== undefined && (n < num0 || n > Number(args[1])); break;
            case 'DATE_BEFORE': hit = n !== undefined && a0 instanceof Date && n < Math.floor(dateToSerial(a0, wb.timeZone)); break;
            case 'DATE_AFTER': hit = n !== undefined && a0 instanceof Date && Math.floor(n) > Math.floor(dateToSerial(a0, wb.timeZone)); break;
            case 'CUSTOM_FORMULA': hit = customFormula(wb, sheet, String(a0), rect.row, rect.col, r, c); break;
            default: hit = false;
          }
          if (hit) out.set(key, { ...rule.format });
        }
      }
    }
  }
  return out;
}

/** Relative references in a custom formula are written for the range's top-left cell and shift
 *  with each cell (Sheets help "Use conditional formatting rules": custom formula). */
function customFormula(wb: WorkbookModel, sheet: SheetModel, f: string, r0: number, c0: number, r: number, c: number): boolean {
  const dr = r - r0;
  const dc = c - c0;
  const shifted = f.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g, (_m, cabs, col, rabs, row) => {
    let cc = col as string;
    if (!cabs) {
      let n = 0;
      for (const ch of cc) n = n * 26 + ch.charCodeAt(0) - 64;
      n += dc;
      cc = '';
      while (n > 0) {
        cc = String.fromCharCode(65 + ((n - 1) % 26)) + cc;
        n = Math.floor((n - 1) / 26);
      }
    }
    const rr = rabs ? Number(row) : Number(row) + dr;
    return `${cc}${rr}`;
  });
  const v = evaluateFormula(shifted, {
    value: (sn, rr, cc) => {
      const s = sn ? wb.sheetByNameCI(sn) : sheet;
      return s ? wb.rawValue(s, rr, cc) : { error: '#REF!' };
    },
    bounds: (sn) => (sn ? wb.sheetByNameCI(sn) : sheet),
    now: () => Date.now(),
    timeZone: wb.timeZone,
  });
  return v === true || (typeof v === 'number' && v !== 0);
}
