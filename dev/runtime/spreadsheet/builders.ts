// Builders and small value classes of SpreadsheetApp: DataValidation, ConditionalFormatRule,
// FilterCriteria, Filter, Protection, RichTextValue, TextStyle, TextFinder.
import type { Rect } from './a1';
import { containsCell, rectA1 } from './a1';
import { signatureError } from './errors';
import type { ConditionalRuleModel, DataValidationModel, FilterCriteriaModel, ProtectionModel, RichRun, SheetModel, WorkbookModel } from './model';
import { DATA_VALIDATION_CRITERIA } from './validation';
import type { Range, Sheet, Spreadsheet } from './app';
import { userOf } from './app';

const names = (xs: readonly string[]) => Object.fromEntries(xs.map((x) => [x, x]));

export const BOOLEAN_CRITERIA = [
  'CELL_EMPTY', 'CELL_NOT_EMPTY', 'DATE_AFTER', 'DATE_BEFORE', 'DATE_EQUAL_TO', 'DATE_NOT_EQUAL_TO',
  'DATE_AFTER_RELATIVE', 'DATE_BEFORE_RELATIVE', 'DATE_EQUAL_TO_RELATIVE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN', 'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO',
  'TEXT_NOT_EQUAL_TO', 'TEXT_STARTS_WITH', 'TEXT_ENDS_WITH', 'CUSTOM_FORMULA',
] as const;

/** Enum values travel as their names (dev/runtime/contract.ts). */
export const ENUMS: Record<string, Record<string, string>> = {
  DataValidationCriteria: names(DATA_VALIDATION_CRITERIA),
  BooleanCriteria: names(BOOLEAN_CRITERIA),
  ProtectionType: names(['RANGE', 'SHEET']),
  WrapStrategy: names(['WRAP', 'OVERFLOW', 'CLIP']),
  BorderStyle: names(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE']),
  SheetType: names(['GRID', 'OBJECT', 'DATASOURCE']),
  Dimension: names(['COLUMNS', 'ROWS']),
  Direction: names(['UP', 'DOWN', 'PREVIOUS', 'NEXT']),
  RelativeDate: names(['TODAY', 'TOMORROW', 'YESTERDAY', 'PAST_WEEK', 'PAST_MONTH', 'PAST_YEAR']),
  CopyPasteType: names(['PASTE_NORMAL', 'PASTE_NO_BORDERS', 'PASTE_FORMAT', 'PASTE_FORMULA', 'PASTE_DATA_VALIDATION', 'PASTE_VALUES', 'PASTE_CONDITIONAL_FORMATTING', 'PASTE_COLUMN_WIDTHS']),
  InterpolationType: names(['NUMBER', 'PERCENT', 'PERCENTILE', 'MIN', 'MAX']),
  TextDirection: names(['LEFT_TO_RIGHT', 'RIGHT_TO_LEFT']),
};

function isDate(x: unknown): x is Date {
  return x instanceof Date || Object.prototype.toString.call(x) === '[object Date]';
}
function isRange(x: unknown): x is Range {
  return !!x && (x as { __class?: string }).__class === 'Range';
}

// ---------------------------------------------------------------------------------------------
// Data validation (reference/spreadsheet/data-validation-builder)

export class DataValidation {
  readonly __class = 'DataValidation';
  constructor(private _wb: WorkbookModel, readonly model: DataValidationModel) {}
  getCriteriaType(): string {
    return this.model.criteria;
  }
  /** VALUE_IN_RANGE gives back a Range; list criteria give [list, showDropdown]. */
  getCriteriaValues(): unknown[] {
    if (this.model.criteria === 'VALUE_IN_RANGE') {
      const ref = this.model.args[0] as { sheet: string; a1: string };
      return [this._rangeOf(ref), this.model.args[1]];
    }
    return this.model.args.map((a) => (Array.isArray(a) ? [...a] : a));
  }
  private _rangeOf(ref: { sheet: string; a1: string }): unknown {
    return { sheet: ref.sheet, a1: ref.a1 };
  }
  getAllowInvalid(): boolean {
    return this.model.allowInvalid;
  }
  getHelpText(): string {
    return this.model.helpText;
  }
  copy(): DataValidationBuilder {
    const b = new DataValidationBuilder(this._wb);
    b.m = { ...this.model, args: [...this.model.args] };
    return b;
  }
}

export class DataValidationBuilder {
  readonly __class = 'DataValidationBuilder';
  m: DataValidationModel = { criteria: '', args: [], allowInvalid: true, helpText: '' };
  constructor(private _wb: WorkbookModel) {}
  private _set(criteria: string, args: unknown[]): DataValidationBuilder {
    this.m = { ...this.m, criteria, args };
    return this;
  }
  build(): DataValidation {
    if (!this.m.criteria) throw new Error('You must set a criteria type before building a data validation rule.');
    return new DataValidation(this._wb, { ...this.m, args: [...this.m.args] });
  }
  copy(): DataValidationBuilder {
    const b = new DataValidationBuilder(this._wb);
    b.m = { ...this.m, args: [...this.m.args] };
    return b;
  }
  getCriteriaType(): string | null {
    return this.m.criteria || null;
  }
  getCriteriaValues(): unknown[] {
    return [...this.m.args];
  }
  getAllowInvalid(): boolean {
    return this.m.allowInvalid;
  }
  getHelpText(): string | null {
    return this.m.helpText || null;
  }
  /** Default true: an invalid entry is shown with a warning (reference: setAllowInvalid). */
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder {
    this.m.allowInvalid = !!allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): DataValidationBuilder {
    this.m.helpText = String(helpText);
    return this;
  }
  requireValueInList(values: unknown[], showDropdown = true): DataValidationBuilder {
    if (!Array.isArray(values)) throw signatureError('SpreadsheetApp.DataValidationBuilder.requireValueInList', [values]);
    if (values.length > 500) throw new Error('The data validation list must contain 500 items or less.');
    return this._set('VALUE_IN_LIST', [values.map(String), !!showDropdown]);
  }
  requireValueInRange(range: Range, showDropdown = true): DataValidationBuilder {
    if (!isRange(range)) throw signatureError('SpreadsheetApp.DataValidationBuilder.requireValueInRange', [range]);
    return this._set('VALUE_IN_RANGE', [{ sheet: range.getSheet().getName(), a1: range.getA1Notation() }, !!showDropdown]);
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): DataValidationBuilder {
    return this._set('CHECKBOX', checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked]);
  }
  private _num(name: string, args: unknown[]): DataValidationBuilder {
    if (!args.every((a) => typeof a === 'number')) throw signatureError(`SpreadsheetApp.DataValidationBuilder.require${name}`, args);
    return this;
  }
  requireNumberBetween(start: number, end: number) { return this._num('NumberBetween', [start, end])._set('NUMBER_BETWEEN', [start, end]); }
  requireNumberNotBetween(start: number, end: number) { return this._num('NumberNotBetween', [start, end])._set('NUMBER_NOT_BETWEEN', [start, end]); }
  requireNumberEqualTo(n: number) { return this._num('NumberEqualTo', [n])._set('NUMBER_EQUAL_TO', [n]); }
  requireNumberNotEqualTo(n: number) { return this._num('NumberNotEqualTo', [n])._set('NUMBER_NOT_EQUAL_TO', [n]); }
  requireNumberGreaterThan(n: number) { return this._num('NumberGreaterThan', [n])._set('NUMBER_GREATER_THAN', [n]); }
  requireNumberGreaterThanOrEqualTo(n: number) { return this._num('NumberGreaterThanOrEqualTo', [n])._set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]); }
  requireNumberLessThan(n: number) { return this._num('NumberLessThan', [n])._set('NUMBER_LESS_THAN', [n]); }
  requireNumberLessThanOrEqualTo(n: number) { return this._num('NumberLessThanOrEqualTo', [n])._set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]); }
  /** requireDate() takes no argument; the dated variants take Dates only — `requireDate('=I1')`
   *  is refused (research note §3.4). */
  requireDate(...args: unknown[]): DataValidationBuilder {
    if (args.length) throw signatureError('SpreadsheetApp.DataValidationBuilder.requireDate', args);
    return this._set('DATE_IS_VALID_DATE', []);
  }
  private _date(name: string, crit: string, args: unknown[]): DataValidationBuilder {
    if (!args.every(isDate)) throw signatureError(`SpreadsheetApp.DataValidationBuilder.require${name}`, args);
    return this._set(crit, args.map((d) => new Date((d as Date).getTime())));
  }
  requireDateAfter(date: Date) { return this._date('DateAfter', 'DATE_AFTER', [date]); }
  requireDateBefore(date: Date) { return this._date('DateBefore', 'DATE_BEFORE', [date]); }
  requireDateOnOrAfter(date: Date) { return this._date('DateOnOrAfter', 'DATE_ON_OR_AFTER', [date]); }
  requireDateOnOrBefore(date: Date) { return this._date('DateOnOrBefore', 'DATE_ON_OR_BEFORE', [date]); }
  requireDateEqualTo(date: Date) { return this._date('DateEqualTo', 'DATE_EQUAL_TO', [date]); }
  requireDateBetween(start: Date, end: Date) { return this._date('DateBetween', 'DATE_BETWEEN', [start, end]); }
  requireDateNotBetween(start: Date, end: Date) { return this._date('DateNotBetween', 'DATE_NOT_BETWEEN', [start, end]); }
  requireFormulaSatisfied(formula: string): DataValidationBuilder {
    if (typeof formula !== 'string') throw signatureError('SpreadsheetApp.DataValidationBuilder.requireFormulaSatisfied', [formula]);
    return this._set('CUSTOM_FORMULA', [formula]);
  }
  requireTextContains(text: string) { return this._set('TEXT_CONTAINS', [String(text)]); }
  requireTextDoesNotContain(text: string) { return this._set('TEXT_DOES_NOT_CONTAIN', [String(text)]); }
  requireTextEqualTo(text: string) { return this._set('TEXT_EQUAL_TO', [String(text)]); }
  requireTextIsEmail() { return this._set('TEXT_IS_VALID_EMAIL', []); }
  requireTextIsUrl() { return this._set('TEXT_IS_VALID_URL', []); }
  /** withCriteria accepts what the typed builders refuse, e.g. DATE_AFTER with ['=I1'] (research note §3.4). */
  withCriteria(criteria: string, args: unknown[]): DataValidationBuilder {
    if (!(DATA_VALIDATION_CRITERIA as readonly string[]).includes(criteria) || !Array.isArray(args))
      throw signatureError('SpreadsheetApp.DataValidationBuilder.withCriteria', [criteria, args]);
    if (criteria === 'VALUE_IN_RANGE' && isRange(args[0])) return this.requireValueInRange(args[0], args[1] !== false);
    return this._set(criteria, [...args]);
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional format rules (reference/spreadsheet/conditional-format-rule-builder)

export class ConditionalFormatRule {
  readonly __class = 'ConditionalFormatRule';
  constructor(readonly ranges: Range[], readonly condition: { type: string; args: unknown[] } | undefined, readonly format: ConditionalRuleModel['format']) {}
  static fromModel(sheet: Sheet, m: ConditionalRuleModel): ConditionalFormatRule {
    return new ConditionalFormatRule(m.ranges.map((r) => sheet._rangeFromRect(r)), m.condition ? { ...m.condition, args: [...m.condition.args] } : undefined, { ...m.format });
  }
  _toModel(sheet: SheetModel): ConditionalRuleModel {
    return {
      ranges: this.ranges.filter((r) => r.sheet.model === sheet).map((r) => ({ ...r.rect })),
      condition: this.condition ? { ...this.condition, args: [...this.condition.args] } : undefined,
      format: { ...this.format },
    };
  }
  getRanges(): Range[] {
    return [...this.ranges];
  }
  getBooleanCondition(): BooleanCondition | null {
    return this.condition ? new BooleanCondition(this.condition, this.format) : null;
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): ConditionalFormatRuleBuilder {
    const b = new ConditionalFormatRuleBuilder();
    b.ranges = [...this.ranges];
    b.condition = this.condition;
    b.format = { ...this.format };
    return b;
  }
}

export class BooleanCondition {
  readonly __class = 'BooleanCondition';
  constructor(private c: { type: string; args: unknown[] }, private f: ConditionalRuleModel['format']) {}
  getCriteriaType(): string {
    return this.c.type;
  }
  getCriteriaValues(): unknown[] {
    return [...this.c.args];
  }
  getBackground(): string | null {
    return this.f.background ?? null;
  }
  getFontColor(): string | null {
    return this.f.fontColor ?? null;
  }
  getBold(): boolean | null {
    return this.f.bold ?? null;
  }
}

export class ConditionalFormatRuleBuilder {
  readonly __class = 'ConditionalFormatRuleBuilder';
  ranges: Range[] = [];
  condition: { type: string; args: unknown[] } | undefined;
  format: ConditionalRuleModel['format'] = {};
  private _when(type: string, args: unknown[]) {
    this.condition = { type, args };
    return this;
  }
  build(): ConditionalFormatRule {
    if (!this.ranges.length) throw new Error('The rule must have at least one range.');
    if (!this.condition) throw new Error('The rule must have a condition.');
    return new ConditionalFormatRule([...this.ranges], this.condition, { ...this.format });
  }
  copy(): ConditionalFormatRuleBuilder {
    const b = new ConditionalFormatRuleBuilder();
    b.ranges = [...this.ranges];
    b.condition = this.condition;
    b.format = { ...this.format };
    return b;
  }
  setRanges(ranges: Range[]) {
    if (!Array.isArray(ranges) || !ranges.every(isRange)) throw signatureError('SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges', [ranges]);
    this.ranges = [...ranges];
    return this;
  }
  getRanges(): Range[] {
    return [...this.ranges];
  }
  setBackground(color: string | null) { this.format.background = color ?? undefined; return this; }
  setFontColor(color: string | null) { this.format.fontColor = color ?? undefined; return this; }
  setBold(bold: boolean | null) { this.format.bold = bold ?? undefined; return this; }
  setItalic(italic: boolean | null) { this.format.italic = italic ?? undefined; return this; }
  setStrikethrough(s: boolean | null) { this.format.strikethrough = s ?? undefined; return this; }
  setUnderline(u: boolean | null) { this.format.underline = u ?? undefined; return this; }
  whenCellEmpty() { return this._when('CELL_EMPTY', []); }
  whenCellNotEmpty() { return this._when('CELL_NOT_EMPTY', []); }
  whenTextEqualTo(t: string) { return this._when('TEXT_EQ', [t]); }
  whenTextContains(t: string) { return this._when('TEXT_CONTAINS', [t]); }
  whenTextDoesNotContain(t: string) { return this._when('TEXT_NOT_CONTAINS', [t]); }
  whenTextStartsWith(t: string) { return this._when('TEXT_STARTS_WITH', [t]); }
  whenTextEndsWith(t: string) { return this._when('TEXT_ENDS_WITH', [t]); }
  whenNumberGreaterThan(n: number) { return this._when('NUMBER_GREATER_THAN', [n]); }
  whenNumberGreaterThanOrEqualTo(n: number) { return this._when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]); }
  whenNumberLessThan(n: number) { return this._when('NUMBER_LESS_THAN', [n]); }
  whenNumberLessThanOrEqualTo(n: number) { return this._when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]); }
  whenNumberEqualTo(n: number) { return this._when('NUMBER_EQUAL_TO', [n]); }
  whenNumberNotEqualTo(n: number) { return this._when('NUMBER_NOT_EQUAL_TO', [n]); }
  whenNumberBetween(a: number, b: number) { return this._when('NUMBER_BETWEEN', [a, b]); }
  whenNumberNotBetween(a: number, b: number) { return this._when('NUMBER_NOT_BETWEEN', [a, b]); }
  whenDateBefore(d: Date | string) { return this._when('DATE_BEFORE', [d]); }
  whenDateAfter(d: Date | string) { return this._when('DATE_AFTER', [d]); }
  whenDateEqualTo(d: Date | string) { return this._when('DATE_EQUAL_TO', [d]); }
  whenFormulaSatisfied(f: string) { return this._when('CUSTOM_FORMULA', [f]); }
  withCriteria(type: string, args: unknown[]) { return this._when(type, [...args]); }
}

// ---------------------------------------------------------------------------------------------
// Filters (reference/spreadsheet/filter, filter-criteria-builder)

export class FilterCriteria {
  readonly __class = 'FilterCriteria';
  constructor(readonly m: FilterCriteriaModel) {}
  copy(): FilterCriteriaBuilder {
    const b = new FilterCriteriaBuilder();
    b.m = JSON.parse(JSON.stringify(this.m));
    return b;
  }
  getHiddenValues(): string[] {
    return [...(this.m.hiddenValues ?? [])];
  }
  getVisibleValues(): string[] {
    return [...(this.m.visibleValues ?? [])];
  }
  getCriteriaType(): string | null {
    return this.m.condition?.type ?? null;
  }
  getCriteriaValues(): unknown[] {
    return [...(this.m.condition?.args ?? [])];
  }
}

export class FilterCriteriaBuilder {
  readonly __class = 'FilterCriteriaBuilder';
  m: FilterCriteriaModel = {};
  private _when(type: string, args: unknown[]) {
    this.m.condition = { type, args };
    return this;
  }
  build(): FilterCriteria {
    return new FilterCriteria(JSON.parse(JSON.stringify(this.m)));
  }
  copy(): FilterCriteriaBuilder {
    const b = new FilterCriteriaBuilder();
    b.m = JSON.parse(JSON.stringify(this.m));
    return b;
  }
  setHiddenValues(values: string[]) {
    if (!Array.isArray(values)) throw signatureError('SpreadsheetApp.FilterCriteriaBuilder.setHiddenValues', [values]);
    if (this.m.visibleValues?.length) throw new Error('Visible values and hidden values cannot both be set.');
    this.m.hiddenValues = values.map(String);
    return this;
  }
  setVisibleValues(values: string[]) {
    if (!Array.isArray(values)) throw signatureError('SpreadsheetApp.FilterCriteriaBuilder.setVisibleValues', [values]);
    if (this.m.hiddenValues?.length) throw new Error('Visible values and hidden values cannot both be set.');
    this.m.visibleValues = values.map(String);
    return this;
  }
  whenCellEmpty() { return this._when('CELL_EMPTY', []); }
  whenCellNotEmpty() { return this._when('CELL_NOT_EMPTY', []); }
  whenTextEqualTo(t: string) { return this._when('TEXT_EQUAL_TO', [String(t)]); }
  whenTextContains(t: string) { return this._when('TEXT_CONTAINS', [String(t)]); }
  whenTextDoesNotContain(t: string) { return this._when('TEXT_DOES_NOT_CONTAIN', [String(t)]); }
  whenTextStartsWith(t: string) { return this._when('TEXT_STARTS_WITH', [String(t)]); }
  whenTextEndsWith(t: string) { return this._when('TEXT_ENDS_WITH', [String(t)]); }
  whenNumberGreaterThan(n: number) { return this._when('NUMBER_GREATER_THAN', [n]); }
  whenNumberLessThan(n: number) { return this._when('NUMBER_LESS_THAN', [n]); }
  whenNumberEqualTo(n: number) { return this._when('NUMBER_EQUAL_TO', [n]); }
  whenNumberBetween(a: number, b: number) { return this._when('NUMBER_BETWEEN', [a, b]); }
  withCriteria(type: string, args: unknown[]) { return this._when(type, [...args]); }
}

export class Filter {
  readonly __class = 'Filter';
  constructor(private sheet: Sheet) {}
  private _f() {
    const f = this.sheet.model.filter;
    if (!f) throw new Error('This filter has been removed.');
    return f;
  }
  getRange(): Range {
    return this.sheet._rangeFromRect(this._f().rect);
  }
  /** columnPosition is the sheet's 1-based column, inside the filter range. */
  setColumnFilterCriteria(columnPosition: number, filterCriteria: FilterCriteria | null): Filter {
    const f = this._f();
    if (columnPosition < f.rect.col || columnPosition >= f.rect.col + f.rect.numCols)
      throw new Error(`The column ${columnPosition} is out of the filter range.`);
    if (filterCriteria === null) delete f.criteria[columnPosition];
    else if (!(filterCriteria instanceof FilterCriteria)) throw signatureError('SpreadsheetApp.Filter.setColumnFilterCriteria', [columnPosition, filterCriteria]);
    else f.criteria[columnPosition] = JSON.parse(JSON.stringify(filterCriteria.m));
    this.sheet._wb.touch();
    return this;
  }
  getColumnFilterCriteria(columnPosition: number): FilterCriteria | null {
    const c = this._f().criteria[columnPosition];
    return c ? new FilterCriteria(JSON.parse(JSON.stringify(c))) : null;
  }
  removeColumnFilterCriteria(columnPosition: number): Filter {
    delete this._f().criteria[columnPosition];
    this.sheet._wb.touch();
    return this;
  }
  remove(): void {
    this._f();
    this.sheet.model.filter = null;
    this.sheet._wb.touch();
  }
  sort(columnPosition: number, ascending: boolean): Filter {
    const r = this._f().rect;
    if (r.numRows > 1) this.sheet._rangeFromRect({ row: r.row + 1, col: r.col, numRows: r.numRows - 1, numCols: r.numCols }).sort({ column: columnPosition, ascending });
    return this;
  }
}

// ---------------------------------------------------------------------------------------------
// Protection (reference/spreadsheet/protection)

export class Protection {
  readonly __class = 'Protection';
  constructor(private ss: Spreadsheet, private p: ProtectionModel) {}
  get _sheetId(): number {
    return this.p.sheetId;
  }
  private get _wb() {
    return this.ss.model;
  }
  private _alive(): ProtectionModel {
    if (!this._wb.protections.includes(this.p)) throw new Error('This protected range or sheet has been removed.');
    return this.p;
  }
  private _mayManage(): void {
    // Only the owner and the protection's editors may change it.
    if (!this.canEdit()) throw new Error(MSG_PROTECTION_MANAGE);
  }
  getProtectionType(): string {
    return this.p.type;
  }
  getDescription(): string {
    return this.p.description;
  }
  setDescription(description: string): Protection {
    this._mayManage();
    this._alive().description = String(description);
    this._wb.touch();
    return this;
  }
  getRange(): Range {
    const sheet = this._wb.sheetById(this.p.sheetId)!;
    const s = this.ss._wrap(sheet);
    return s._rangeFromRect(this.p.rect ?? { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols });
  }
  setRange(range: Range): Protection {
    this._mayManage();
    if (this.p.type !== 'RANGE') throw new Error('Cannot set the range of a sheet protection.');
    this.p.rect = { ...range.rect };
    return this;
  }
  /** Editors other than the owner (issuetracker 442636162: the owner is not listed). Until the
   *  script sets editors, a protection mirrors the file's editors (Range.protect docs): here the
   *  running user. */
  getEditors(): { getEmail(): string }[] {
    const list = this.p.editors ?? [userOf(this.ss.host)].filter((e) => e && e.toLowerCase() !== this._wb.owner.toLowerCase());
    return list.filter((e) => e.toLowerCase() !== this._wb.owner.toLowerCase()).map((e) => new UserRef(e));
  }
  private _editors(): string[] {
    const p = this._alive();
    if (p.editors === null) p.editors = [userOf(this.ss.host)].filter((e) => e && e.toLowerCase() !== this._wb.owner.toLowerCase());
    return p.editors;
  }
  addEditor(emailAddress: string | { getEmail(): string }): Protection {
    this._mayManage();
    const e = emailOf(emailAddress);
    const list = this._editors();
    if (!list.some((x) => x.toLowerCase() === e.toLowerCase())) list.push(e);
    this._wb.touch();
    return this;
  }
  addEditors(emailAddresses: string[]): Protection {
    if (!Array.isArray(emailAddresses)) throw signatureError('SpreadsheetApp.Protection.addEditors', [emailAddresses]);
    emailAddresses.forEach((e) => this.addEditor(e));
    return this;
  }
  /** The user running the script stays an editor (the reference sample adds the current user
   *  before `removeEditors(getEditors())` "removing others"): removing yourself is ignored. */
  removeEditor(emailAddress: string | { getEmail(): string }): Protection {
    this._mayManage();
    const e = emailOf(emailAddress).toLowerCase();
    const me = userOf(this.ss.host).toLowerCase();
    const list = this._editors();
    if (e !== me) this._alive().editors = list.filter((x) => x.toLowerCase() !== e);
    this._wb.touch();
    return this;
  }
  removeEditors(emailAddresses: (string | { getEmail(): string })[]): Protection {
    if (!Array.isArray(emailAddresses)) throw signatureError('SpreadsheetApp.Protection.removeEditors', [emailAddresses]);
    this._editors();
    emailAddresses.forEach((e) => this.removeEditor(e));
    return this;
  }
  canDomainEdit(): boolean {
    return this.p.domainEdit;
  }
  setDomainEdit(editable: boolean): Protection {
    this._mayManage();
    this._editors();
    this.p.domainEdit = !!editable;
    return this;
  }
  /** The owner can always edit; editors can; a warning-only protection lets everyone edit. */
  canEdit(): boolean {
    const p = this._alive();
    const me = userOf(this.ss.host).toLowerCase();
    if (me === this._wb.owner.toLowerCase()) return true;
    if (p.warningOnly || p.editors === null) return true;
    return p.editors.some((e) => e.toLowerCase() === me);
  }
  isWarningOnly(): boolean {
    return this.p.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): Protection {
    this._mayManage();
    this._alive().warningOnly = !!warningOnly;
    if (warningOnly) this.p.editors = this.p.editors ?? null;
    this._wb.touch();
    return this;
  }
  setUnprotectedRanges(ranges: Range[]): Protection {
    this._mayManage();
    if (this.p.type !== 'SHEET') throw new Error('Unprotected ranges can only be set on a sheet protection.');
    this._alive().unprotected = ranges.map((r) => ({ ...r.rect }));
    this._wb.touch();
    return this;
  }
  getUnprotectedRanges(): Range[] {
    const sheet = this.ss._wrap(this._wb.sheetById(this.p.sheetId)!);
    return this.p.unprotected.map((r) => sheet._rangeFromRect(r));
  }
  remove(): void {
    this._mayManage();
    this._wb.protections = this._wb.protections.filter((x) => x !== this.p);
    this._wb.touch();
  }
  getRangeName(): string | null {
    return this.p.rangeName ?? null;
  }
  setRangeName(name: string): Protection {
    this.p.rangeName = name;
    return this;
  }
}

const MSG_PROTECTION_MANAGE = "You don't have permission to edit this protected range or sheet.";

class UserRef {
  readonly __class = 'User';
  constructor(private email: string) {}
  getEmail(): string {
    return this.email;
  }
}
function emailOf(x: string | { getEmail(): string }): string {
  if (typeof x === 'string') return x;
  if (x && typeof x.getEmail === 'function') return x.getEmail();
  throw signatureError('SpreadsheetApp.Protection.addEditor', [x]);
}

// ---------------------------------------------------------------------------------------------
// Rich text (reference/spreadsheet/rich-text-value-builder, text-style-builder)

export class TextStyle {
  readonly __class = 'TextStyle';
  constructor(readonly bold?: boolean) {}
  isBold(): boolean | null {
    return this.bold ?? null;
  }
  copy(): TextStyleBuilder {
    const b = new TextStyleBuilder();
    b.bold = this.bold;
    return b;
  }
}
export class TextStyleBuilder {
  readonly __class = 'TextStyleBuilder';
  bold?: boolean;
  setBold(bold: boolean) {
    this.bold = !!bold;
    return this;
  }
  setItalic(_i: boolean) { return this; }
  setForegroundColor(_c: string) { return this; }
  setFontSize(_n: number) { return this; }
  setFontFamily(_f: string) { return this; }
  setUnderline(_u: boolean) { return this; }
  setStrikethrough(_s: boolean) { return this; }
  build(): TextStyle {
    return new TextStyle(this.bold);
  }
}

export class RichTextValue {
  readonly __class = 'RichTextValue';
  constructor(readonly text: string, readonly runs: RichRun[]) {}
  getText(): string {
    return this.text;
  }
  /** The URL of the whole value when one link covers it all, else null. */
  getLinkUrl(startOffset?: number, endOffset?: number): string | null {
    const s = startOffset ?? 0;
    const e = endOffset ?? this.text.length;
    const run = this.runs.find((r) => r.url && r.start <= s && r.end >= e);
    return run?.url ?? null;
  }
  getRuns(): RichTextValue[] {
    if (!this.runs.length) return [this];
    const cuts = new Set<number>([0, this.text.length]);
    this.runs.forEach((r) => {
      cuts.add(r.start);
      cuts.add(r.end);
    });
    const pts = [...cuts].sort((a, b) => a - b);
    const out: RichTextValue[] = [];
    for (let i = 0; i + 1 < pts.length; i++) {
      const [a, b] = [pts[i], pts[i + 1]];
      const run = this.runs.find((r) => r.start <= a && r.end >= b);
      out.push(new RichTextValue(this.text.slice(a, b), run ? [{ ...run, start: 0, end: b - a }] : []));
    }
    return out;
  }
  getStartIndex(): number {
    return 0;
  }
  getEndIndex(): number {
    return this.text.length;
  }
  getTextStyle(): TextStyle {
    return new TextStyle(this.runs.find((r) => r.bold)?.bold);
  }
  copy(): RichTextValueBuilder {
    const b = new RichTextValueBuilder();
    b.text = this.text;
    b.runs = this.runs.map((r) => ({ ...r }));
    return b;
  }
}
export class RichTextValueBuilder {
  readonly __class = 'RichTextValueBuilder';
  text = '';
  runs: RichRun[] = [];
  setText(text: string) {
    this.text = String(text);
    return this;
  }
  /** setLinkUrl(url) | setLinkUrl(start, end, url). */
  setLinkUrl(...args: unknown[]) {
    if (args.length === 1) this.runs.push({ start: 0, end: this.text.length, url: args[0] === null ? undefined : String(args[0]) });
    else if (args.length === 3 && typeof args[0] === 'number' && typeof args[1] === 'number') {
      if (args[0] < 0 || (args[1] as number) > this.text.length || args[0] > (args[1] as number)) throw new Error('Invalid offsets for the text.');
      this.runs.push({ start: args[0], end: args[1] as number, url: args[2] === null ? undefined : String(args[2]) });
    } else throw signatureError('SpreadsheetApp.RichTextValueBuilder.setLinkUrl', args);
    return this;
  }
  setTextStyle(...args: unknown[]) {
    const style = args[args.length - 1] as TextStyle;
    const [s, e] = args.length === 3 ? [args[0] as number, args[1] as number] : [0, this.text.length];
    if (style?.bold) this.runs.push({ start: s, end: e, bold: true });
    return this;
  }
  build(): RichTextValue {
    return new RichTextValue(this.text, this.runs.map((r) => ({ ...r })));
  }
}

// ---------------------------------------------------------------------------------------------
// TextFinder (reference/spreadsheet/text-finder): case-insensitive substring match of the
// cell's display text by default; matchFormulaText searches formulas instead.

export class TextFinder {
  readonly __class = 'TextFinder';
  private caseSensitive = false;
  private entire = false;
  private regex = false;
  private formulas = false;
  private cursor = -1;
  constructor(private sheet: Sheet, private rect: Rect, private text: string) {}
  matchCase(matchCase: boolean) {
    this.caseSensitive = !!matchCase;
    return this;
  }
  matchEntireCell(entire: boolean) {
    this.entire = !!entire;
    return this;
  }
  useRegularExpression(use: boolean) {
    this.regex = !!use;
    return this;
  }
  matchFormulaText(f: boolean) {
    this.formulas = !!f;
    return this;
  }
  ignoreDiacritics(_i: boolean) {
    return this;
  }
  startFrom(range: Range) {
    const cells = this._cells();
    this.cursor = cells.findIndex((c) => c.r === range.rect.row && c.c === range.rect.col);
    return this;
  }
  private _matcher(): (s: string) => boolean {
    const flags = this.caseSensitive ? '' : 'i';
    const src = this.regex ? this.text : this.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(this.entire ? `^(?:${src})$` : src, flags);
    return (s) => re.test(s);
  }
  private _cells(): { r: number; c: number }[] {
    const _wb = this.sheet._wb;
    const sm = this.sheet.model;
    const m = this._matcher();
    const out: { r: number; c: number }[] = [];
    const last = Math.min(this.rect.row + this.rect.numRows - 1, sm.lastRow());
    for (let r = this.rect.row; r <= last; r++)
      for (let c = this.rect.col; c < this.rect.col + this.rect.numCols; c++) {
        const s = this.formulas ? _wb.formula(sm, r, c) || _wb.displayValue(sm, r, c) : _wb.displayValue(sm, r, c);
        if (s !== '' && m(s)) out.push({ r, c });
      }
    return out;
  }
  findAll(): Range[] {
    return this._cells().map(({ r, c }) => this.sheet._rangeFromRect({ row: r, col: c, numRows: 1, numCols: 1 }));
  }
  findNext(): Range | null {
    const cells = this._cells();
    if (!cells.length) return null;
    this.cursor = this.cursor + 1 >= cells.length ? 0 : this.cursor + 1;
    const { r, c } = cells[this.cursor];
    return this.sheet._rangeFromRect({ row: r, col: c, numRows: 1, numCols: 1 });
  }
  findPrevious(): Range | null {
    const cells = this._cells();
    if (!cells.length) return null;
    this.cursor = this.cursor - 1 < 0 ? cells.length - 1 : this.cursor - 1;
    const { r, c } = cells[this.cursor];
    return this.sheet._rangeFromRect({ row: r, col: c, numRows: 1, numCols: 1 });
  }
  /** Replaces matches in display text of value cells; returns the number of cells changed. */
  replaceAllWith(replaceText: string): number {
    const cells = this._cells();
    const flags = this.caseSensitive ? 'g' : 'gi';
    const src = this.regex ? this.text : this.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(this.entire ? `^(?:${src})$` : src, flags);
    for (const { r, c } of cells) {
      const cur = this.sheet._wb.displayValue(this.sheet.model, r, c);
      this.sheet._checkProtection({ row: r, col: c, numRows: 1, numCols: 1 });
      this.sheet._wb.writeInput(this.sheet.model, r, c, cur.replace(re, replaceText));
    }
    this.sheet._wb.touch();
    return cells.length;
  }
  replaceWith(replaceText: string): number {
    return this.replaceAllWith(replaceText);
  }
}

void containsCell;
void rectA1;
