// The workbook held by the main thread: sheets of cells (value, formula, style, note, rich text),
// protections, filters, conditional-format rules. Apps Script objects (app.ts) and the local
// app's grid (sheetView) both work on this one model.
import { Rect, cellA1, containsCell, intersects, parseA1 } from './a1';
import { LocaleInfo, displayValue, formatKind, isDateKind, localeInfo, parseUserEntered } from './format';
import { dateToSerial, serialFields, serialToDate } from './tz';
import { evaluateFormula, FormulaContext } from './formula';
import { Foreign } from '../host/marshal';

export type Scalar = string | number | boolean;

export interface DataValidationModel {
  /** Apps Script criteria name (SpreadsheetApp.DataValidationCriteria), e.g. VALUE_IN_LIST. */
  criteria: string;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

/** Immutable; shared between cells (copy on change). */
export interface Style {
  nf?: string;
  bg?: string;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  family?: string;
  size?: number;
  hAlign?: string;
  vAlign?: string;
  wrap?: string;
  border?: string;
  dv?: DataValidationModel;
}

export interface RichRun {
  start: number;
  end: number;
  url?: string;
  bold?: boolean;
}
export interface RichText {
  text: string;
  runs: RichRun[];
}

export interface Row {
  v: (Scalar | null | undefined)[];
  f?: (string | undefined)[];
  s?: (Style | undefined)[];
  n?: (string | undefined)[];
  r?: (RichText | undefined)[];
}

export interface FilterCriteriaModel {
  hiddenValues?: string[];
  visibleValues?: string[];
  /** BooleanCriteria name + args, e.g. TEXT_EQUAL_TO ['x']. */
  condition?: { type: string; args: unknown[] };
}
export interface FilterModel {
  rect: Rect;
  criteria: Record<number, FilterCriteriaModel>; // by column (1-based, absolute)
}

export interface ConditionalRuleModel {
  ranges: Rect[];
  condition?: { type: string; args: unknown[] };
  gradient?: boolean;
  format: { background?: string; fontColor?: string; bold?: boolean; italic?: boolean; strikethrough?: boolean; underline?: boolean };
}

export interface ProtectionModel {
  id: number;
  type: 'RANGE' | 'SHEET';
  sheetId: number;
  rect?: Rect;
  description: string;
  /** null: never changed by a script, so it mirrors the file's permissions (= unprotected). */
  editors: string[] | null;
  warningOnly: boolean;
  domainEdit: boolean;
  unprotected: Rect[];
  rangeName?: string;
}

export class SheetModel {
  rows: Row[] = [];
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  frozenCols = 0;
  colWidths: Record<number, number> = {};
  rowHeights: Record<number, number> = {};
  hiddenCols = new Set<number>();
  hiddenRows = new Set<number>();
  hidden = false;
  tabColor: string | null = null;
  filter: FilterModel | null = null;
  cfRules: ConditionalRuleModel[] = [];
  merges: Rect[] = [];
  constructor(public id: number, public name: string) {}

  row(r: number): Row | undefined {
    return this.rows[r - 1];
  }
  ensureRow(r: number): Row {
    let row = this.rows[r - 1];
    if (!row) {
      while (this.rows.length < r - 1) this.rows.push(undefined as unknown as Row);
      row = { v: [] };
      this.rows[r - 1] = row;
    }
    return row;
  }
  hasContent(r: number, c: number): boolean {
    const row = this.rows[r - 1];
    if (!row) return false;
    const v = row.v[c - 1];
    return (v !== null && v !== undefined && v !== '') || !!row.f?.[c - 1];
  }
  /** Last row with a value or formula; 0 when the sheet is empty (reference/spreadsheet/sheet#getLastRow). */
  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      const row = this.rows[r - 1];
      if (!row) continue;
      if (row.v.some((v) => v !== null && v !== undefined && v !== '') || row.f?.some((f) => !!f)) return r;
    }
    return 0;
  }
  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = Math.max(row.v.length, row.f?.length ?? 0); c > last; c--) {
        const v = row.v[c - 1];
        if ((v !== null && v !== undefined && v !== '') || row.f?.[c - 1]) {
          last = c;
          break;
        }
      }
    }
    return last;
  }
  style(r: number, c: number): Style | undefined {
    return this.rows[r - 1]?.s?.[c - 1];
  }
  setStyle(r: number, c: number, s: Style | undefined): void {
    const row = this.ensureRow(r);
    (row.s ??= [])[c - 1] = s;
  }
}

export interface WorkbookOptions {
  timeZone?: string;
  locale?: string;
  name?: string;
  /** The file's owner: can always edit protected ranges and is not listed by getEditors(). */
  owner?: string;
  id?: string;
}

export const LIMITS = {
  /** guides/services/quotas + Sheets help "Files you can store in Google Drive": 10 million cells. */
  cells: 10_000_000,
  /** Same help page: 18,278 columns (ZZZ). */
  columns: 18_278,
  /** Reported (tanaikech, research note §3.5/§4; not in official docs): 200 sheets. */
  sheets: 200,
  /** Sheets help: 50,000 characters in a single cell. */
  cellChars: 50_000,
  /** Widely reported sheet-name limit (research note §3.5). */
  sheetName: 100,
};

export const MSG = {
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  tooManyChars: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  tooManyCells: (n: number) =>
    `This action would increase the number of cells in the workbook above the limit of 10000000 cells.${n ? '' : ''}`,
};

let idCounter = 0;
function newId(): string {
  idCounter++;
  const base = 'LocalRcl' + Date.now().toString(36) + idCounter.toString(36);
  return (base + 'x'.repeat(44)).slice(0, 44);
}

export interface UserEditOutcome {
  ok: boolean;
  message?: string;
  oldValue?: unknown;
  value?: unknown;
  /** e.value / e.oldValue as an onEdit event carries them: strings of the raw cell value
   *  ('TRUE'/'FALSE', a date as its serial number, '' when empty). */
  eventValue?: string;
  eventOldValue?: string;
}

/** A raw cell value as the onEdit event's text. */
function eventText(v: Scalar | null): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export class WorkbookModel {
  id: string;
  name: string;
  owner: string;
  timeZone: string;
  locale: string;
  sheets: SheetModel[] = [];
  activeSheetId = 0;
  /** The range last activated by Range.activate (not saved; Sheets keeps selections per user). */
  activeRange: { sheetId: number; rect: Rect } | null = null;
  protections: ProtectionModel[] = [];
  nextSheetId = 0;
  nextProtectionId = 1;
  /** Bumped on every change; the local app polls it. */
  version = 0;

  constructor(opts: WorkbookOptions = {}) {
    this.timeZone = opts.timeZone ?? 'Asia/Shanghai';
    this.locale = opts.locale ?? 'en_US';
    this.name = opts.name ?? 'Refund Case Log';
    this.owner = opts.owner ?? 'owner@example.com';
    this.id = opts.id ?? newId();
  }

  /** A new spreadsheet: one empty `Sheet1` of 1000 × 26 (what Sheets creates). */
  static empty(opts: WorkbookOptions = {}): WorkbookModel {
    const wb = new WorkbookModel(opts);
    const s = wb.addSheet('Sheet1');
    wb.activeSheetId = s.id;
    return wb;
  }

  static async load(path: string): Promise<WorkbookModel> {
    return loadXlsx(path);
  }

  /** Writes the .xlsx and its sidecar, on the save worker (the snapshot is taken now). */
  async save(path: string): Promise<void> {
    await saveXlsxOffThread(this, path);
  }

  get li(): LocaleInfo {
    return localeInfo(this.locale);
  }

  touch(): void {
    this.version++;
  }

  addSheet(name: string, index?: number): SheetModel {
    // Sheets gives the first sheet gid 0 and later ones large numbers (reference/spreadsheet/sheet#getSheetId).
    const id = this.nextSheetId === 0 ? 0 : 100000000 + this.nextSheetId * 7919;
    this.nextSheetId++;
    const s = new SheetModel(id, name);
    if (index === undefined || index >= this.sheets.length) this.sheets.push(s);
    else this.sheets.splice(Math.max(0, index), 0, s);
    this.touch();
    return s;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }
  sheetByNameCI(name: string): SheetModel | undefined {
    const l = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === l);
  }
  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }
  mustSheet(name: string): SheetModel {
    const s = this.sheetByName(name);
    if (!s) throw new Error(`No sheet named "${name}"`);
    return s;
  }
  activeSheet(): SheetModel {
    return this.sheetById(this.activeSheetId) ?? this.sheets.find((s) => !s.hidden) ?? this.sheets[0];
  }
  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
  }

  // ------------------------------------------------------------------------- cell reads

  /** The stored (or computed, for a formula) value: null when empty. */
  rawValue(sheet: SheetModel, r: number, c: number, depth = 0): Scalar | null {
    const row = sheet.rows[r - 1];
    if (!row) return null;
    const f = row.f?.[c - 1];
    if (f) {
      if (depth > 50) return '#REF!';
      return this.evalFormula(sheet, r, c, f, depth);
    }
    const v = row.v[c - 1];
    return v === undefined || v === '' ? null : v;
  }

  private evalFormula(sheet: SheetModel, r: number, c: number, f: string, depth: number): Scalar | null {
    const ctx: FormulaContext = {
      value: (sheetName, rr, cc) => {
        const s = sheetName === undefined ? sheet : this.sheetByNameCI(sheetName);
        if (!s) return { error: '#REF!' };
        if (s === sheet && rr === r && cc === c) return { error: '#REF!' };
        const v = this.rawValue(s, rr, cc, depth + 1);
        return v;
      },
      bounds: (sheetName) => {
        const s = sheetName === undefined ? sheet : this.sheetByNameCI(sheetName);
        return s ? { maxRows: s.maxRows, maxCols: s.maxCols } : undefined;
      },
      now: () => Date.now(),
      timeZone: this.timeZone,
    };
    const out = evaluateFormula(f, ctx);
    const row = sheet.rows[r - 1];
    if (row) row.v[c - 1] = out === null ? null : out; // cached result, saved into the .xlsx
    return out;
  }

  /** What getValues gives: '' for empty, Date for date-formatted numbers (reference/spreadsheet/range#getValues). */
  outValue(sheet: SheetModel, r: number, c: number): unknown {
    const v = this.rawValue(sheet, r, c);
    if (v === null) return '';
    if (typeof v === 'number') {
      const nf = sheet.style(r, c)?.nf;
      if (nf && isDateKind(formatKind(nf))) return serialToDate(v, this.timeZone);
    }
    return v;
  }

  displayValue(sheet: SheetModel, r: number, c: number): string {
    const v = this.rawValue(sheet, r, c);
    if (v === null) return '';
    return displayValue(v, sheet.style(r, c)?.nf, this.li);
  }

  formula(sheet: SheetModel, r: number, c: number): string {
    return sheet.rows[r - 1]?.f?.[c - 1] ?? '';
  }

  readValues(sheetName: string): unknown[][] {
    const s = this.mustSheet(sheetName);
    const nr = Math.max(1, s.lastRow());
    const nc = Math.max(1, s.lastColumn());
    const out: unknown[][] = [];
    for (let r = 1; r <= nr; r++) {
      const row: unknown[] = [];
      for (let c = 1; c <= nc; c++) row.push(this.outValue(s, r, c));
      out.push(row);
    }
    return out;
  }

  readDisplayValues(sheetName: string): string[][] {
    const s = this.mustSheet(sheetName);
    const nr = Math.max(1, s.lastRow());
    const nc = Math.max(1, s.lastColumn());
    const out: string[][] = [];
    for (let r = 1; r <= nr; r++) {
      const row: string[] = [];
      for (let c = 1; c <= nc; c++) row.push(this.displayValue(s, r, c));
      out.push(row);
    }
    return out;
  }

  // ------------------------------------------------------------------------- cell writes

  /** This year in the spreadsheet's zone (for dates typed without a year). */
  private readonly yearFn = (): number => serialFields(dateToSerial(new Date(), this.timeZone)).y;

  /** Writes one value as Range.setValue does (USER_ENTERED). Returns nothing; throws on limits. */
  writeInput(sheet: SheetModel, r: number, c: number, input: unknown): void {
    const row = sheet.ensureRow(r);
    const style = row.s?.[c - 1];
    if (row.f) row.f[c - 1] = undefined;
    if (row.r) row.r[c - 1] = undefined;
    if (input === null || input === undefined || input === '') {
      row.v[c - 1] = null;
      return;
    }
    if (typeof input === 'number') {
      row.v[c - 1] = isFinite(input) ? input : input !== input ? '#NUM!' : '#NUM!';
      return;
    }
    if (typeof input === 'boolean') {
      row.v[c - 1] = input;
      return;
    }
    if (input instanceof Date || Object.prototype.toString.call(input) === '[object Date]') {
      // A JS Date is stored as the wall time it has in the *spreadsheet's* zone, formatted as a
      // date-time unless the cell already has a date format (reference/spreadsheet/range#setValue;
      // research note §3.1).
      const d = input as Date;
      if (isNaN(d.getTime())) {
        row.v[c - 1] = null;
        return;
      }
      row.v[c - 1] = dateToSerial(d, this.timeZone);
      if (!style?.nf || !isDateKind(formatKind(style.nf))) this.patchStyle(sheet, r, c, { nf: this.li.dateTimeFormat });
      return;
    }
    // An instance of the script's own class (a Decimal, a Money) or a function: the local host
    // used to write its toString() — "12.50", parsed back as a number — while Apps Script does
    // not hand a cell the object's toString (research note §3.3: objects → "[object Object]"-ish;
    // exact text unverified). Stricter reading: refuse, so the missing conversion shows.
    if (input instanceof Foreign)
      throw new Error(`Cannot write ${input.kind === 'instance' ? `an instance of ${input.name}` : `a ${input.kind}`} to a cell: convert it to a string, number, boolean or Date first.`);
    const text = typeof input === 'string' ? input : String(input);
    if (text.length > LIMITS.cellChars) throw new Error(MSG.tooManyChars);
    const parsed = parseUserEntered(text, style?.nf, this.li, this.yearFn);
    if (parsed.type === 'empty') row.v[c - 1] = null;
    else if (parsed.type === 'formula') {
      (row.f ??= [])[c - 1] = parsed.formula;
      row.v[c - 1] = null;
    } else {
      row.v[c - 1] = parsed.value;
      if (parsed.format) this.patchStyle(sheet, r, c, { nf: parsed.format });
    }
  }

  /** Raw write (no parsing), used by sort and loading. */
  setRaw(sheet: SheetModel, r: number, c: number, v: Scalar | null, f?: string): void {
    const row = sheet.ensureRow(r);
    row.v[c - 1] = v;
    if (f || row.f) (row.f ??= [])[c - 1] = f;
  }

  /** Styles are shared: the same (old style, number-format patch) gives the same object. */
  private nfCache = new WeakMap<object, Map<string, Style>>();
  private static readonly NO_STYLE = {};
  patchStyle(sheet: SheetModel, r: number, c: number, patch: Partial<Style>): void {
    const old = sheet.style(r, c);
    const keys = Object.keys(patch);
    if (keys.length === 1 && keys[0] === 'nf' && typeof patch.nf === 'string') {
      const holder = old ?? WorkbookModel.NO_STYLE;
      let m = this.nfCache.get(holder);
      if (!m) this.nfCache.set(holder, (m = new Map()));
      let next = m.get(patch.nf);
      if (!next) m.set(patch.nf, (next = { ...(old ?? {}), nf: patch.nf }));
      sheet.setStyle(r, c, next);
      return;
    }
    const next: Style = { ...(old ?? {}), ...patch };
    for (const k of Object.keys(next) as (keyof Style)[]) if (next[k] === undefined) delete next[k];
    sheet.setStyle(r, c, Object.keys(next).length ? next : undefined);
  }

  /** Apply a style patch to every cell of a rectangle, sharing one new style per old style. */
  patchStyleRect(sheet: SheetModel, rect: Rect, patch: Partial<Style>): void {
    const cache = new Map<Style | undefined, Style | undefined>();
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      for (let c = rect.col; c < rect.col + rect.numCols; c++) {
        const old = sheet.style(r, c);
        let next = cache.get(old);
        if (!cache.has(old)) {
          const n: Style = { ...(old ?? {}), ...patch };
          for (const k of Object.keys(n) as (keyof Style)[]) if (n[k] === undefined) delete n[k];
          next = Object.keys(n).length ? n : undefined;
          cache.set(old, next);
        }
        if (next !== old) sheet.setStyle(r, c, next);
      }
    }
  }

  // ------------------------------------------------------------------------- protection

  /** Whether `user` may change cells of `rect` (most restrictive protection wins; the owner always
   *  may; warning-only protections never block a script — reference/spreadsheet/protection). */
  blockingProtection(sheet: SheetModel, rect: Rect, user: string): ProtectionModel | undefined {
    if (user && user.toLowerCase() === this.owner.toLowerCase()) return undefined;
    for (const p of this.protections) {
      if (p.sheetId !== sheet.id || p.warningOnly || p.editors === null) continue;
      if (p.editors.some((e) => e.toLowerCase() === user.toLowerCase())) continue;
      if (p.type === 'RANGE') {
        if (p.rect && intersects(p.rect, rect)) return p;
      } else {
        // a sheet protection blocks every cell outside its unprotected ranges
        if (!p.unprotected.length) return p;
        for (let r = rect.row; r < rect.row + rect.numRows; r++)
          for (let c = rect.col; c < rect.col + rect.numCols; c++)
            if (!p.unprotected.some((u) => containsCell(u, r, c))) return p;
      }
    }
    return undefined;
  }

  sheetProtectionBlocks(sheet: SheetModel, user: string): boolean {
    if (user.toLowerCase() === this.owner.toLowerCase()) return false;
    return this.protections.some(
      (p) => p.sheetId === sheet.id && p.type === 'SHEET' && !p.warningOnly && p.editors !== null && !p.editors.some((e) => e.toLowerCase() === user.toLowerCase()),
    );
  }

  // ------------------------------------------------------------------------- user edits

  /** A person typing into a cell in the grid: parsed as user-entered text; protection and data
   *  validation with "Reject input" enforced (Sheets help "Create an in-cell dropdown list": Reject
   *  the input; "Protect, hide, and edit sheets"). */
  applyUserEdit(sheetName: string, a1: string, input: string, user: string): UserEditOutcome {
    const sheet = this.sheetByName(sheetName);
    if (!sheet) return { ok: false, message: `No sheet named "${sheetName}"` };
    const ref = parseA1(a1, sheet.maxRows, sheet.maxCols);
    if (!ref || ref.rect.numRows !== 1 || ref.rect.numCols !== 1) return { ok: false, message: `Not a cell: ${a1}` };
    const { row: r, col: c } = ref.rect;
    if (r > sheet.maxRows || c > sheet.maxCols) return { ok: false, message: `Not a cell: ${a1}` };
    if (this.blockingProtection(sheet, ref.rect, user)) return { ok: false, message: MSG.protectedCell };
    if (input.length > LIMITS.cellChars) return { ok: false, message: MSG.tooManyChars };
    const oldValue = this.outValue(sheet, r, c);
    const eventOldValue = eventText(this.rawValue(sheet, r, c));
    const style = sheet.style(r, c);
    const parsed = parseUserEntered(input, style?.nf, this.li, this.yearFn);
    if (style?.dv && !style.dv.allowInvalid && parsed.type !== 'formula') {
      const candidate = parsed.type === 'empty' ? null : parsed.value;
      if (candidate !== null && !this.validates(style.dv, candidate, sheet, r, c)) {
        return { ok: false, message: validationMessage(style.dv, cellA1(r, c)) };
      }
    }
    this.writeInput(sheet, r, c, input);
    this.touch();
    return { ok: true, oldValue, value: this.outValue(sheet, r, c), eventOldValue, eventValue: eventText(this.rawValue(sheet, r, c)) };
  }

  /** Whether a value satisfies a data-validation rule (used for user edits and the grid's marks). */
  validates(dv: DataValidationModel, v: Scalar | null, sheet: SheetModel, r: number, c: number): boolean {
    return checkValidation(this, dv, v, sheet, r, c);
  }

  rangeValues(sheet: SheetModel, rect: Rect): (Scalar | null)[][] {
    const out: (Scalar | null)[][] = [];
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      const row: (Scalar | null)[] = [];
      for (let c = rect.col; c < rect.col + rect.numCols; c++) row.push(this.rawValue(sheet, r, c));
      out.push(row);
    }
    return out;
  }

  resolveRef(ref: string, defaultSheet: SheetModel): { sheet: SheetModel; rect: Rect } | undefined {
    const bang = ref.lastIndexOf('!');
    let sheet = defaultSheet;
    if (bang >= 0) {
      let n = ref.slice(0, bang);
      if (n.startsWith("'")) n = n.slice(1, -1).replace(/''/g, "'");
      const s = this.sheetByName(n);
      if (!s) return undefined;
      sheet = s;
    }
    const p = parseA1(ref.slice(bang + 1), sheet.maxRows, sheet.maxCols);
    return p ? { sheet, rect: p.rect } : undefined;
  }

  // The grid view of the local app is built in view.ts.
  sheetView(sheetName: string): import('./view').SheetView {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    return buildView(this, this.mustSheet(sheetName));
  }
}

// Late-bound helpers (avoid import cycles at module-evaluation time).
import { buildView } from './view';
import { checkValidation, validationMessage } from './validation';
import { loadXlsx, saveXlsxOffThread } from './xlsx';
