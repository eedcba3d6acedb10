// Set up workbook (DESIGN §3): creates what is missing and repairs what was removed, and
// never deletes or moves data. Every step first looks at what is there, so a second run makes
// no change at all (and says so). The one thing it removes is a new spreadsheet's untouched
// default `Sheet1` (removeBlankDefaultSheet), which holds nothing.
import { CASE_STATUSES, DEFAULT_REASONS, EVIDENCE_TYPES } from '../domain/caseRecord';
import { CURRENCY_CODES } from '../domain/currency';
import { fitColumns } from './grid';
import {
  AMOUNT_FORMAT, AUDIT_HEADERS, CASE_HEADERS, CASE_SYSTEM_COLUMNS, CaseHeader, caseColumnFormat,
  DATE_FORMAT, EVIDENCE_HEADERS, FX_HEADERS, JOURNAL_HEADERS, PROTECTION_PREFIX, REASONS_HEADER,
  SCORECARD_HEADERS, SETTINGS_DEFAULTS, SETTINGS_HEADERS, SETTINGS_LAYOUT, TAB, TEXT_FORMAT, VENDOR_HEADERS,
} from './layout';
import { writeBlock } from './writer';
import { currentUser } from './clock';
import { editTriggerUser, setEditTriggerUser } from './documentState';

export const EDIT_TRIGGER_HANDLER = 'onCasesEdit';

export interface SetupResult {
  created: string[];
  changed: string[];
  triggerCreated: boolean;
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const HEADER_BACKGROUND = '#e8eaed';

/** New tabs are added in this order: the log first, where a clerk looks; Settings last. */
export const TAB_ORDER: readonly string[] = [TAB.cases, TAB.vendors, TAB.evidence, TAB.journal, TAB.scorecard, TAB.audit, TAB.settings];

/**
 * Column widths (px) of a tab this run creates, so headers and values can be read without
 * resizing; a tab that already exists keeps the widths people gave it. Others stay 100 px.
 */
export const COLUMN_WIDTHS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  [TAB.cases]: {
    'Case ID': 95, 'Date Logged': 100, 'Order #': 120, 'Vendor Name': 190, 'Vendor ID': 85, 'Vendor Tag': 190,
    Reason: 130, 'Reason Detail': 200, 'Refund Amount': 115, Currency: 75, Status: 100,
    'Expected Completion': 145, 'Actual Completion': 135, Evidence: 80, 'Received Amount': 125,
    'Received Currency': 130, 'Matched Transactions': 165, 'Reconciled On': 110, 'Journal Ref': 150,
    Tags: 130, Notes: 260, 'Updated At': 175, 'Updated By': 170,
  },
  [TAB.vendors]: { 'Vendor ID': 85, Name: 220, Tag: 200, 'Default Currency': 125, 'SLA Days': 80, 'Accounting Contact': 180, 'AP Account': 110, Aliases: 280 },
  [TAB.evidence]: { 'Case ID': 95, Type: 160, 'File Name': 200, 'Drive Link': 280, 'SHA-256': 130, 'Added At': 175, 'Added By': 170 },
  [TAB.audit]: { Seq: 55, Time: 175, User: 170, 'Case ID': 95, Action: 130, Field: 150, 'Old Value': 220, 'New Value': 300, Hash: 130 },
  [TAB.journal]: {
    'Journal Ref': 250, Date: 95, 'Case ID': 95, Event: 135, Account: 210, Debit: 100, Credit: 100, Currency: 75,
    Memo: 380, 'Vendor ID': 85, 'Exported Batch': 160, 'Account Code': 105, 'Account Role': 190,
    'Original Amount': 120, 'Original Currency': 125, 'FX Rate': 90, 'Source Ref': 150,
  },
  [TAB.settings]: { Setting: 270, Value: 170, Meaning: 430, Currency: 80, 'Rate to Base': 100, 'As Of': 100, Reasons: 150 },
};
const OVERDUE_BACKGROUND = '#f4c7c3';

function letter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

class Setup {
  result: SetupResult = { created: [], changed: [], triggerCreated: false };
  constructor(readonly ss: Spreadsheet) {}

  changed(what: string): void {
    // A tab created by this run is reported once, as created, not step by step.
    if (this.result.created.some((t) => what.startsWith(`${t}:`))) return;
    if (!this.result.changed.includes(what)) this.result.changed.push(what);
  }

  sheet(name: string): Sheet {
    const existing = this.ss.getSheetByName(name);
    if (existing) return existing;
    this.result.created.push(name);
    return this.ss.insertSheet(name, this.ss.getNumSheets());
  }

  /** Writes the header row when blank, or appends our headers that are missing; returns header → column (1-based). */
  headers(sheet: Sheet, headers: readonly string[]): Map<string, number> {
    // A tab fitted to fewer columns than the headers (an 11-column Journal made before the
    // accounting columns) is read as wide as it is; the missing headers are added below.
    const width = Math.max(1, Math.min(Math.max(sheet.getLastColumn(), headers.length), sheet.getMaxColumns()));
    const row = sheet.getRange(1, 1, 1, width).getValues()[0].map((v) => String(v).trim());
    const at = new Map<string, number>();
    row.forEach((h, i) => {
      if (h && !at.has(h.toLowerCase())) at.set(h.toLowerCase(), i + 1);
    });
    const missing = headers.filter((h) => !at.has(h.toLowerCase()));
    if (missing.length) {
      const blank = row.every((h) => h === '');
      const start = blank ? 1 : row.reduce((last, h, i) => (h ? i + 1 : last), 0) + 1;
      if (start + missing.length - 1 > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), start + missing.length - 1 - sheet.getMaxColumns());
      const range = sheet.getRange(1, start, 1, missing.length);
      writeBlock(range, [missing], [missing.map(() => TEXT_FORMAT)]);
      range.setFontWeight('bold').setBackground(HEADER_BACKGROUND);
      missing.forEach((h, i) => at.set(h.toLowerCase(), start + i));
      if (!blank) this.changed(`${sheet.getName()}: added columns ${missing.join(', ')}`);
    }
    const out = new Map<string, number>();
    for (const h of headers) out.set(h, at.get(h.toLowerCase())!);
    return out;
  }

  frozen(sheet: Sheet, rows: number): void {
    if (sheet.getFrozenRows() !== rows) {
      sheet.setFrozenRows(rows);
      this.changed(`${sheet.getName()}: frozen header`);
    }
  }

  /** Column formats from row 2 down; amount columns accept any currency's format already there. */
  formats(sheet: Sheet, cols: Map<string, number>, formatOf: (h: string) => string): void {
    const width = Math.max(...cols.values());
    const current = sheet.getRange(2, 1, 1, width).getNumberFormats()[0];
    const rows = sheet.getMaxRows() - 1;
    for (const [h, c] of cols) {
      const want = formatOf(h);
      const have = current[c - 1];
      const ok = want === AMOUNT_FORMAT ? /^#,##0/.test(have) : have === want;
      if (!ok && rows > 0) {
        sheet.getRange(2, c, rows, 1).setNumberFormat(want);
        this.changed(`${sheet.getName()}: format of ${h}`);
      }
    }
  }

  validations(sheet: Sheet, cols: Map<string, number>, rules: Record<string, () => GoogleAppsScript.Spreadsheet.DataValidation>): void {
    const width = Math.max(...cols.values());
    const current = sheet.getRange(2, 1, 1, width).getDataValidations()[0];
    const rows = sheet.getMaxRows() - 1;
    for (const [h, build] of Object.entries(rules)) {
      const c = cols.get(h)!;
      if (current[c - 1] || rows <= 0) continue;
      sheet.getRange(2, c, rows, 1).setDataValidation(build());
      this.changed(`${sheet.getName()}: validation of ${h}`);
    }
  }

  /** Warning-only protections (see docs/workbook.md: the add-on writes as the clicking user). */
  protections(sheet: Sheet, wanted: { description: string; range: () => GoogleAppsScript.Spreadsheet.Range }[]): void {
    const have = new Set(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).map((p) => p.getDescription()));
    for (const w of wanted) {
      if (have.has(w.description)) continue;
      w.range().protect().setDescription(w.description).setWarningOnly(true);
      this.changed(`${sheet.getName()}: protection ${w.description.slice(PROTECTION_PREFIX.length)}`);
    }
  }

  /** Readable column widths, only on a tab created by this run (never overrides people's widths). */
  widths(sheet: Sheet): void {
    const widths = COLUMN_WIDTHS[sheet.getName()];
    if (!widths || !this.result.created.includes(sheet.getName())) return;
    const header = sheet.getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1)).getValues()[0];
    header.forEach((h, i) => {
      const w = widths[String(h).trim()];
      if (w) sheet.setColumnWidth(i + 1, w);
    });
  }

  sheetProtection(sheet: Sheet, description: string): void {
    const have = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).some((p) => p.getDescription() === description);
    if (have) return;
    sheet.protect().setDescription(description).setWarningOnly(true);
    this.changed(`${sheet.getName()}: protection`);
  }
}

const list = (values: readonly string[], allowInvalid = false) => () =>
  SpreadsheetApp.newDataValidation().requireValueInList([...values], true).setAllowInvalid(allowInvalid).build();
const date = () => SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(false).setHelpText('A date, YYYY-MM-DD').build();

/**
 * A Setting label compared as accountingSettings() reads it: case, spacing and dash style aside
 * ("Account: AP-vendor" typed by a person is the add-on's "Account: AP–vendor"), so a re-run
 * never adds a second row for a key that is already there.
 */
function settingKey(key: string): string {
  return key.toLowerCase().replace(/[\u2010-\u2015-]/g, '-').replace(/\s+/g, ' ').trim();
}

function setupSettings(s: Setup): Sheet {
  const sheet = s.sheet(TAB.settings);
  const isNew = s.result.created.includes(TAB.settings);
  const width = SETTINGS_LAYOUT.reasonsColumn;
  const last = Math.max(sheet.getLastRow(), 1);
  const values = sheet.getRange(1, 1, last, width).getValues();
  if (isNew || values.every((r) => r.every((v) => v === ''))) {
    const rows = Math.max(SETTINGS_DEFAULTS.length, DEFAULT_REASONS.length) + 1;
    const block: (string | number)[][] = [];
    const formats: string[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: (string | number)[] = new Array(width).fill('');
      const fmt = new Array<string>(width).fill(TEXT_FORMAT);
      if (r === 0) {
        SETTINGS_HEADERS.forEach((h, i) => (row[SETTINGS_LAYOUT.settingsColumn - 1 + i] = h));
        FX_HEADERS.forEach((h, i) => (row[SETTINGS_LAYOUT.fxColumn - 1 + i] = h));
        row[SETTINGS_LAYOUT.reasonsColumn - 1] = REASONS_HEADER;
      } else {
        const d = SETTINGS_DEFAULTS[r - 1];
        if (d) {
          row[0] = d.key;
          row[1] = d.value;
          row[2] = d.meaning;
          if (typeof d.value === 'number') fmt[1] = '0.##';
        }
        const reason = DEFAULT_REASONS[r - 1];
        if (reason) row[SETTINGS_LAYOUT.reasonsColumn - 1] = reason;
      }
      block.push(row);
      formats.push(fmt);
    }
    // FX rate and As Of columns take numbers and dates, not text.
    for (const f of formats) {
      f[SETTINGS_LAYOUT.fxColumn] = '0.######';
      f[SETTINGS_LAYOUT.fxColumn + 1] = DATE_FORMAT;
    }
    writeBlock(sheet.getRange(1, 1, rows, width), block, formats);
    sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
    sheet.setFrozenRows(1);
    return sheet;
  }
  // Existing Settings: add any setting the add-on knows and the tab lacks (below the last
  // setting, e.g. the accounting rows on a workbook set up before them); values stay as typed.
  const keys = new Set(values.slice(1).map((r) => settingKey(String(r[0]))).filter(Boolean));
  const missing = SETTINGS_DEFAULTS.filter((d) => !keys.has(settingKey(d.key)));
  if (missing.length) {
    const lastKeyRow = values.reduce((acc, r, i) => (String(r[0]).trim() ? i + 1 : acc), 1);
    const below = sheet.getMaxRows() - lastKeyRow;
    if (below < missing.length) sheet.insertRowsAfter(sheet.getMaxRows(), missing.length - below);
    writeBlock(
      sheet.getRange(lastKeyRow + 1, 1, missing.length, 3),
      missing.map((d) => [d.key, d.value, d.meaning]),
      missing.map((d) => [TEXT_FORMAT, typeof d.value === 'number' ? '0.##' : TEXT_FORMAT, TEXT_FORMAT]),
    );
    s.changed(`Settings: added ${missing.map((d) => d.key).join(', ')}`);
  }
  s.frozen(sheet, 1);
  return sheet;
}

function setupCases(s: Setup, settings: Sheet): void {
  const sheet = s.sheet(TAB.cases);
  const cols = s.headers(sheet, CASE_HEADERS);
  s.frozen(sheet, 1);
  s.formats(sheet, cols, (h) => caseColumnFormat(h as CaseHeader));
  const reasonsRange = settings.getRange(2, SETTINGS_LAYOUT.reasonsColumn, Math.max(settings.getMaxRows() - 1, 1), 1);
  s.validations(sheet, cols, {
    Status: list(CASE_STATUSES),
    // The dropdown follows the Settings list, so adding a reason there is enough.
    Reason: () => SpreadsheetApp.newDataValidation().requireValueInRange(reasonsRange, true).setAllowInvalid(false).build(),
    Currency: list(CURRENCY_CODES),
    'Received Currency': list(CURRENCY_CODES),
    'Date Logged': date,
    'Expected Completion': date,
    'Actual Completion': date,
    'Reconciled On': date,
    'Refund Amount': () => SpreadsheetApp.newDataValidation().requireNumberGreaterThan(0).setAllowInvalid(false).setHelpText('An amount greater than 0').build(),
    'Received Amount': () => SpreadsheetApp.newDataValidation().requireNumberGreaterThanOrEqualTo(0).setAllowInvalid(false).build(),
  });
  const width = CASE_HEADERS.length;
  const rows = sheet.getMaxRows() - 1;
  s.protections(sheet, [
    { description: `${PROTECTION_PREFIX}Cases header`, range: () => sheet.getRange(1, 1, 1, Math.max(width, sheet.getLastColumn())) },
    ...CASE_SYSTEM_COLUMNS.map((h) => ({
      description: `${PROTECTION_PREFIX}Cases ${h} (written by the add-on)`,
      range: () => sheet.getRange(2, cols.get(h)!, rows, 1),
    })),
  ]);
  // Overdue open cases: expected date passed and the money has not arrived.
  const status = letter(cols.get('Status')!);
  const expected = letter(cols.get('Expected Completion')!);
  const formula = `=AND($${expected}2<>"",$${expected}2<TODAY(),OR($${status}2="Logged",$${status}2="Requested",$${status}2="Disputed",$${status}2="Agreed"))`;
  const rules = sheet.getConditionalFormatRules();
  const has = rules.some((r) => {
    const c = r.getBooleanCondition();
    return !!c && c.getCriteriaValues().some((v) => String(v) === formula);
  });
  if (!has) {
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(formula)
      .setBackground(OVERDUE_BACKGROUND)
      .setRanges([sheet.getRange(2, 1, rows, width)])
      .build();
    sheet.setConditionalFormatRules([...rules, rule]);
    s.changed('Cases: overdue highlighting');
  }
}

function setupVendors(s: Setup): void {
  const sheet = s.sheet(TAB.vendors);
  const cols = s.headers(sheet, VENDOR_HEADERS);
  s.frozen(sheet, 1);
  s.formats(sheet, cols, (h) => (h === 'SLA Days' ? '0' : TEXT_FORMAT));
  s.validations(sheet, cols, {
    'Default Currency': list(CURRENCY_CODES),
    'SLA Days': () => SpreadsheetApp.newDataValidation().requireNumberBetween(0, 365).setAllowInvalid(false).setHelpText('Whole days, 0–365; blank = Settings default').build(),
  });
  s.protections(sheet, [
    { description: `${PROTECTION_PREFIX}Vendors header`, range: () => sheet.getRange(1, 1, 1, VENDOR_HEADERS.length) },
    { description: `${PROTECTION_PREFIX}Vendors Tag (written by the add-on)`, range: () => sheet.getRange(2, cols.get('Tag')!, sheet.getMaxRows() - 1, 1) },
  ]);
}

function setupSimple(s: Setup, name: string, headers: readonly string[], formatOf?: (h: string) => string): { sheet: Sheet; cols: Map<string, number> } {
  const sheet = s.sheet(name);
  const cols = s.headers(sheet, headers);
  s.frozen(sheet, 1);
  if (formatOf) s.formats(sheet, cols, formatOf);
  return { sheet, cols };
}

function setupTrigger(s: Setup): void {
  // getUserTriggers: this user's triggers for this document (an add-on may hold one per user and document).
  const mine = ScriptApp.getUserTriggers(s.ss).some((t) => t.getHandlerFunction() === EDIT_TRIGGER_HANDLER);
  if (mine) return;
  // An installable onEdit trigger fires for every editor's edits; a second one (another user
  // running setup) would record each edit twice. Others' triggers are invisible to this user,
  // so the owner is remembered in document properties.
  const user = currentUser();
  const owner = editTriggerUser();
  if (owner && owner !== user) return;
  ScriptApp.newTrigger('onCasesEdit').forSpreadsheet(s.ss).onEdit().create();
  setEditTriggerUser(user);
  s.result.triggerCreated = true;
}

/** The tab a new spreadsheet comes with (en locale; Sheets names it so, see test/runtime/spreadsheet.test.ts). */
export const DEFAULT_SHEET = 'Sheet1';

/**
 * On the run that creates the log (Cases did not exist before), removes the spreadsheet's
 * default `Sheet1` when it is completely empty: no value or formula (getLastRow and
 * getLastColumn 0), no note, no protection. A new user otherwise starts on a blank tab beside the log.
 * A Sheet1 with anything in it, one of ours, or one left on a later run (someone may have
 * made it on purpose) is kept.
 */
function removeBlankDefaultSheet(s: Setup): void {
  if (!s.result.created.includes(TAB.cases) || TAB_ORDER.includes(DEFAULT_SHEET)) return;
  const sheet = s.ss.getSheetByName(DEFAULT_SHEET);
  if (!sheet || sheet.getLastRow() !== 0 || sheet.getLastColumn() !== 0) return;
  const notes = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).getNotes();
  if (notes.some((row) => row.some((n) => n !== ''))) return;
  if (sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length) return; // protected on purpose
  s.ss.deleteSheet(sheet);
  s.result.changed.push(`${DEFAULT_SHEET}: removed (it was empty)`);
}

const FITTED_TABS: readonly string[] = [TAB.audit, TAB.journal];

export function setupWorkbook(ss: Spreadsheet): SetupResult {
  const s = new Setup(ss);
  // Missing tabs are created up front, in TAB_ORDER; existing ones stay where people put them.
  for (const name of TAB_ORDER) s.sheet(name);
  const settings = setupSettings(s);
  setupCases(s, settings);
  setupVendors(s);
  const evidence = setupSimple(s, TAB.evidence, EVIDENCE_HEADERS, () => TEXT_FORMAT);
  s.validations(evidence.sheet, evidence.cols, { Type: list(EVIDENCE_TYPES) });
  setupSimple(s, TAB.journal, JOURNAL_HEADERS);
  setupSimple(s, TAB.scorecard, SCORECARD_HEADERS);
  const audit = setupSimple(s, TAB.audit, AUDIT_HEADERS, (h) => (h === 'Seq' ? '0' : TEXT_FORMAT));
  s.sheetProtection(audit.sheet, `${PROTECTION_PREFIX}Audit Log (append-only; Verify audit trail detects edits)`);
  for (const name of s.result.created) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    s.widths(sheet);
    // The tabs only the add-on writes, and that grow by a row per event, are cut to their columns
    // when made (grid.ts: every cell counts against the spreadsheet's limit). Tabs people work in
    // keep A–Z to add their own columns.
    if (FITTED_TABS.includes(name)) fitColumns(sheet, Math.max(1, sheet.getLastColumn()));
  }
  removeBlankDefaultSheet(s);
  setupTrigger(s);
  return s.result;
}
