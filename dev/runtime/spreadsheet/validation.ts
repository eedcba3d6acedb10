// Data validation: the rule model, its check, and what Sheets says when it rejects typed input.
// Validation governs what a *person* types; script writes are never checked (reference/
// spreadsheet/data-validation-builder: rules "apply to the cell"; Sheets help "Create an in-cell
// dropdown list": "Reject the input" acts on entry; research note §3.4 — Apps Script writes
// succeed and only mark the cell invalid).
import type { DataValidationModel, Scalar, SheetModel, WorkbookModel } from './model';
import { dateToSerial } from './tz';

/** Apps Script names (SpreadsheetApp.DataValidationCriteria; gas-fakes#55 lists the API mapping). */
export const DATA_VALIDATION_CRITERIA = [
  'DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL', 'VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CUSTOM_FORMULA', 'CHECKBOX', 'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE', 'DATE_EQUAL_TO_RELATIVE',
] as const;

function serialOf(wb: WorkbookModel, a: unknown): number | undefined {
  if (a instanceof Date || Object.prototype.toString.call(a) === '[object Date]') return Math.floor(dateToSerial(a as Date, wb.timeZone));
  if (typeof a === 'number') return a;
  return undefined;
}

function listValues(wb: WorkbookModel, dv: DataValidationModel, sheet: SheetModel): string[] {
  if (dv.criteria === 'VALUE_IN_LIST') return (dv.args[0] as unknown[]).map((x) => String(x));
  // VALUE_IN_RANGE: args[0] is {sheet, a1}
  const ref = dv.args[0] as { sheet: string; a1: string } | undefined;
  if (!ref) return [];
  const s = wb.sheetByName(ref.sheet) ?? sheet;
  const res = wb.resolveRef(ref.a1, s);
  if (!res) return [];
  const out: string[] = [];
  for (let r = res.rect.row; r < res.rect.row + res.rect.numRows; r++)
    for (let c = res.rect.col; c < res.rect.col + res.rect.numCols; c++) {
      const d = wb.displayValue(res.sheet, r, c);
      if (d !== '') out.push(d);
    }
  return out;
}

export function dropdownItems(wb: WorkbookModel, dv: DataValidationModel, sheet: SheetModel): string[] | undefined {
  if (dv.criteria !== 'VALUE_IN_LIST' && dv.criteria !== 'VALUE_IN_RANGE') return undefined;
  return listValues(wb, dv, sheet);
}

export function checkValidation(wb: WorkbookModel, dv: DataValidationModel, v: Scalar | null, sheet: SheetModel, r: number, c: number): boolean {
  if (v === null || v === '') return true;
  const a = dv.args;
  const n = typeof v === 'number' ? v : undefined;
  const nums = a.map((x) => (typeof x === 'number' ? x : Number(x)));
  const isDateCell = typeof v === 'number';
  const dates = a.map((x) => serialOf(wb, x));
  const day = n !== undefined ? Math.floor(n) : undefined;
  switch (dv.criteria) {
    case 'VALUE_IN_LIST':
    case 'VALUE_IN_RANGE': {
      // Judge the candidate value itself, not what the cell shows now (a valid old value must
      // not let any new text through).
      const text = String(v);
      return listValues(wb, dv, sheet).some((x) => x === text);
    }
    case 'CHECKBOX':
      if (a.length) return v === a[0] || v === a[1] || String(v) === String(a[0]) || String(v) === String(a[1]);
      return typeof v === 'boolean';
    case 'NUMBER_BETWEEN':
      return n !== undefined && n >= nums[0] && n <= nums[1];
    case 'NUMBER_NOT_BETWEEN':
      return n !== undefined && (n < nums[0] || n > nums[1]);
    case 'NUMBER_EQUAL_TO':
      return n !== undefined && n === nums[0];
    case 'NUMBER_NOT_EQUAL_TO':
      return n !== undefined && n !== nums[0];
    case 'NUMBER_GREATER_THAN':
      return n !== undefined && n > nums[0];
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n !== undefined && n >= nums[0];
    case 'NUMBER_LESS_THAN':
      return n !== undefined && n < nums[0];
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n !== undefined && n <= nums[0];
    case 'DATE_IS_VALID_DATE':
      return isDateCell;
    case 'DATE_AFTER':
      return day !== undefined && dates[0] !== undefined && day > dates[0];
    case 'DATE_ON_OR_AFTER':
      return day !== undefined && dates[0] !== undefined && day >= dates[0];
    case 'DATE_BEFORE':
      return day !== undefined && dates[0] !== undefined && day < dates[0];
    case 'DATE_ON_OR_BEFORE':
      return day !== undefined && dates[0] !== undefined && day <= dates[0];
    case 'DATE_EQUAL_TO':
      return day !== undefined && day === dates[0];
    case 'DATE_BETWEEN':
      return day !== undefined && day >= (dates[0] ?? Infinity) && day <= (dates[1] ?? -Infinity);
    case 'DATE_NOT_BETWEEN':
      return day !== undefined && (day < (dates[0] ?? -Infinity) || day > (dates[1] ?? Infinity));
    case 'TEXT_CONTAINS':
      return String(v).includes(String(a[0]));
    case 'TEXT_DOES_NOT_CONTAIN':
      return !String(v).includes(String(a[0]));
    case 'TEXT_EQUAL_TO':
      return String(v) === String(a[0]);
    case 'TEXT_IS_VALID_EMAIL':
      return typeof v === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);
    case 'TEXT_IS_VALID_URL':
      return typeof v === 'string' && /^(https?|ftp):\/\/[^\s]+\.[^\s]+/i.test(v);
    case 'CUSTOM_FORMULA':
      return true; // not evaluated locally (documented); never rejects
    default:
      return true;
  }
}

/** What Sheets says when "Reject input" refuses typed text: "The data you entered in cell A1
 *  violates the data validation rules set on this cell." followed by the rule's help text, or a
 *  default description of the rule (Sheets UI wording; the newer UI shows the same reason under
 *  "There was a problem"). */
export function validationMessage(dv: DataValidationModel, a1: string): string {
  const head = `The data you entered in cell ${a1} violates the data validation rules set on this cell.`;
  if (dv.helpText) return `${head} ${dv.helpText}`;
  const a = dv.args;
  const d = (x: unknown) => (x instanceof Date ? x.toISOString().slice(0, 10) : String(x));
  const base: Record<string, string> = {
    VALUE_IN_LIST: 'Input must be an item on the specified list',
    VALUE_IN_RANGE: 'Input must be an item on the specified list',
    CHECKBOX: 'Input must be a checkbox value',
    NUMBER_BETWEEN: `Input must be a number between ${a[0]} and ${a[1]}`,
    NUMBER_NOT_BETWEEN: `Input must be a number not between ${a[0]} and ${a[1]}`,
    NUMBER_GREATER_THAN: `Input must be a number greater than ${a[0]}`,
    NUMBER_GREATER_THAN_OR_EQUAL_TO: `Input must be a number greater than or equal to ${a[0]}`,
    NUMBER_LESS_THAN: `Input must be a number less than ${a[0]}`,
    NUMBER_LESS_THAN_OR_EQUAL_TO: `Input must be a number less than or equal to ${a[0]}`,
    NUMBER_EQUAL_TO: `Input must be equal to ${a[0]}`,
    NUMBER_NOT_EQUAL_TO: `Input must not be equal to ${a[0]}`,
    DATE_IS_VALID_DATE: 'Input must be a valid date',
    DATE_AFTER: `Input must be a date after ${d(a[0])}`,
    DATE_ON_OR_AFTER: `Input must be a date on or after ${d(a[0])}`,
    DATE_BEFORE: `Input must be a date before ${d(a[0])}`,
    DATE_ON_OR_BEFORE: `Input must be a date on or before ${d(a[0])}`,
    DATE_BETWEEN: `Input must be a date between ${d(a[0])} and ${d(a[1])}`,
    TEXT_IS_VALID_EMAIL: 'Input must be a valid email address',
    TEXT_IS_VALID_URL: 'Input must be a valid URL',
  };
  return `${head} ${base[dv.criteria] ?? 'Input violates the data validation rule'}.`;
}
