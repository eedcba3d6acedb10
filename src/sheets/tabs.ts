// Finding tabs and reading them whole. Columns are located by header name in the sheet's own
// header row, so a person inserting or reordering columns does not break the add-on.

export const NOT_SET_UP = 'The workbook is not set up: run Refund Case Log ▸ Set up workbook.';

export function requireSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`${NOT_SET_UP} (no "${name}" tab)`);
  return sheet;
}

export interface TabRead {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** Header texts as in row 1. */
  header: string[];
  /** Data rows (sheet row 2 onwards), as getValues returns them. */
  rows: unknown[][];
  /** Same rows as the person sees them (only when asked). */
  display: string[][] | null;
  width: number;
}

/** One read of a whole tab: values (and display values when `withDisplay`). */
export function readTab(sheet: GoogleAppsScript.Spreadsheet.Sheet, withDisplay = false): TabRead {
  const lastRow = sheet.getLastRow();
  const width = Math.max(sheet.getLastColumn(), 1);
  if (lastRow < 1) return { sheet, header: [], rows: [], display: withDisplay ? [] : null, width };
  const range = sheet.getRange(1, 1, lastRow, width);
  const values = range.getValues();
  const display = withDisplay ? range.getDisplayValues() : null;
  return {
    sheet,
    header: values[0].map((h) => String(h).trim()),
    rows: values.slice(1),
    display: display ? display.slice(1) : null,
    width,
  };
}

/** Column index (0-based) of each wanted header in the sheet's header row; throws naming the missing ones. */
export function headerIndex<H extends string>(tab: string, header: readonly string[], wanted: readonly H[]): Record<H, number> {
  const lower = header.map((h) => h.toLowerCase());
  const out = {} as Record<H, number>;
  const missing: string[] = [];
  for (const h of wanted) {
    const i = lower.indexOf(h.toLowerCase());
    if (i < 0) missing.push(h);
    out[h] = i;
  }
  if (missing.length) throw new Error(`${NOT_SET_UP} (the "${tab}" tab has no column ${missing.map((m) => `"${m}"`).join(', ')})`);
  return out;
}
