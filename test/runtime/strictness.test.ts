// Review RQ: places where the runtime was kinder than Google. Each test cites its source; where
// the docs are silent the stricter reading is pinned and says so.
import { WorkbookModel, createSpreadsheetApp } from '../../dev/runtime/spreadsheet';
import type { Sheet, Spreadsheet, SpreadsheetApp } from '../../dev/runtime/spreadsheet';
import { localeInfo, parseUserEntered } from '../../dev/runtime/spreadsheet/format';
import { testHost } from './spreadsheetHost';

function setup() {
  const model = WorkbookModel.empty({ timeZone: 'Asia/Shanghai', locale: 'en_US' });
  const app = createSpreadsheetApp(testHost(), model) as SpreadsheetApp;
  const ss = app.getActiveSpreadsheet() as Spreadsheet;
  return { model, app, ss, sheet: ss.getSheets()[0] as Sheet };
}
const us = localeInfo('en_US');

describe('USER_ENTERED: a leading + or - starts a formula unless the text is a number', () => {
  // Sheets: "text fields starting with a + are interpreted as formulae" (nithinmurali/pygsheets#373,
  // values written USER_ENTERED, which is what setValue/setValues/appendRow do — reference
  // range#setValues example writes '$2.99' and gets currency); "starting with + or =, google asks you
  // to add '" (mrmans0n/localio#1). For `-` the docs are silent: stricter reading (formula).
  test('parseUserEntered', () => {
    expect(parseUserEntered('+1 555 0100', undefined, us)).toEqual({ type: 'formula', formula: '=+1 555 0100' });
    expect(parseUserEntered('-x', undefined, us)).toEqual({ type: 'formula', formula: '=-x' });
    expect(parseUserEntered('- refund note', undefined, us)).toEqual({ type: 'formula', formula: '=- refund note' });
    expect(parseUserEntered('+5', undefined, us)).toMatchObject({ type: 'value', value: 5 });
    expect(parseUserEntered('-1,200.50', undefined, us)).toMatchObject({ type: 'value', value: -1200.5 });
    expect(parseUserEntered('-', undefined, us)).toEqual({ type: 'value', value: '-' });
    expect(parseUserEntered('@x', undefined, us)).toEqual({ type: 'value', value: '@x' });
    expect(parseUserEntered("'+1 555 0100", undefined, us)).toEqual({ type: 'value', value: '+1 555 0100' });
    expect(parseUserEntered('+1 555 0100', '@', us)).toEqual({ type: 'value', value: '+1 555 0100' });
  });

  test('setValues / appendRow: a phone number or "-x" becomes a formula with an error value', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['+1 555 0100', '-x', '+7']]);
    expect(sheet.getRange('A1').getFormula()).toBe('=+1 555 0100');
    expect(sheet.getRange('B1').getFormula()).toBe('=-x');
    const [[a, b, c]] = sheet.getRange('A1:C1').getValues();
    expect(String(a)).toMatch(/^#/);
    expect(String(b)).toMatch(/^#/);
    expect(c).toBe(7);
    sheet.appendRow(['-refund', "'-refund"]);
    expect(sheet.getRange('A2').getFormula()).toBe('=-refund');
    expect(sheet.getRange('B2').getValue()).toBe('-refund');
  });
});

import { checkScriptRunValue } from '../../dev/runtime/scriptRun';

describe('google.script.run values', () => {
  // guides/html/communication: "undefined fields within arrays become null" — holes of a sparse
  // array included (Array.prototype.map used to keep them as holes).
  test('holes of a sparse array arrive as null', () => {
    // eslint-disable-next-line no-sparse-arrays
    const out = checkScriptRunValue([1, , 3], 'args[0]') as unknown[];
    expect(out).toEqual([1, null, 3]);
    expect(1 in out).toBe(true);
    const big = new Array(3);
    big[2] = 'x';
    expect(checkScriptRunValue({ rows: big }, 'result')).toEqual({ rows: [null, null, 'x'] });
  });

  // guides/html/reference/run: legal values are "primitives like a Number, Boolean, String, or
  // null"; silent on NaN/Infinity, which a JSON transport cannot carry — stricter reading: refused.
  test('NaN and Infinity are refused, naming the path', () => {
    expect(() => checkScriptRunValue({ total: NaN }, 'result')).toThrow('Failed due to illegal value in property: result.total (NaN');
    expect(() => checkScriptRunValue([1, -Infinity], 'args[0]')).toThrow('args[0][1] (-Infinity');
    expect(checkScriptRunValue({ n: -0, m: 1e308 }, 'result')).toEqual({ n: -0, m: 1e308 });
  });
});

import { Runtime } from '../../dev/runtime/index';
import { writeBundle } from './helpers';

const ON_OPEN_BUNDLE = `
function onOpen(e) {
  var out = { mode: String(e && e.authMode), hasSource: !!(e && e.source), errors: [] };
  SpreadsheetApp.getUi().createAddonMenu().addItem('Start', 'start').addToUi();
  out.locale = Session.getActiveUserLocale();
  var tries = {
    props: function () { return PropertiesService.getDocumentProperties().getProperty('x'); },
    ss: function () { return SpreadsheetApp.getActiveSpreadsheet().getName(); },
    lock: function () { return LockService.getDocumentLock().tryLock(0); },
    sidebar: function () { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>x</p>')); },
  };
  for (var k in tries) { try { tries[k](); out.errors.push(k + ': ok'); } catch (err) { out.errors.push(k + ': ' + String(err)); } }
  return out;
}
function start() {}
`;

describe('auth modes of simple triggers', () => {
  let rt: Runtime;
  afterEach(async () => rt?.close());

  // reference/script/auth-mode: NONE "does not allow access to any services that require
  // authorization"; its sample marks PropertiesService "doesn't work in AuthMode.NONE"; research
  // note §3.11 (editor add-on authorization guide): in NONE only the menu can be built.
  test('onOpen in AuthMode.NONE builds its menu but cannot read the document, Properties or locks', async () => {
    const { bundlePath, dir } = writeBundle(ON_OPEN_BUNDLE);
    rt = await Runtime.open({ bundlePath, htmlDir: dir });
    const [r] = await rt.openDocument(undefined, { authMode: 'NONE' });
    const v = r.value as { mode: string; hasSource: boolean; errors: string[]; locale: string };
    expect(v.mode).toBe('NONE');
    expect(v.hasSource).toBe(false);
    expect(r.events.some((e) => e.type === 'menu')).toBe(true);
    expect(v.locale).toBe('en');
    expect(v.errors).toEqual([
      'props: Exception: You do not have permission to call PropertiesService.getDocumentProperties',
      'ss: Exception: You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly',
      'lock: Exception: You do not have permission to call LockService.getDocumentLock',
      'sidebar: Exception: You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    ]);
    // run() with an event saying NONE gets the same execution mode
    const r2 = await rt.run('onOpen', [], { kind: 'simple-trigger', event: { authMode: 'NONE' } });
    expect((r2.value as { errors: string[] }).errors[0]).toMatch(/^props: Exception: You do not have permission/);
  });

  // guides/triggers "Restrictions" (LIMITED): the bound document and Properties work; showing a
  // sidebar does not (oshliaer/google-apps-script-snippets#18 quotes the message from onOpen).
  test('onOpen in LIMITED reads the document and Properties but cannot show a sidebar', async () => {
    const { bundlePath, dir } = writeBundle(ON_OPEN_BUNDLE);
    rt = await Runtime.open({ bundlePath, htmlDir: dir });
    const [r] = await rt.openDocument();
    const v = r.value as { mode: string; hasSource: boolean; errors: string[] };
    expect(v.mode).toBe('LIMITED');
    expect(v.hasSource).toBe(true);
    expect(v.errors.slice(0, 3)).toEqual(['props: ok', 'ss: ok', 'lock: ok']);
    expect(v.errors[3]).toBe('sidebar: Exception: You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui');
    const menu = await rt.run('onOpen', [], { kind: 'menu' });
    expect((menu.value as { errors: string[] }).errors).toEqual(['props: ok', 'ss: ok', 'lock: ok', 'sidebar: ok']);
  });
});

describe('protection covers every cell edit', () => {
  // reference/spreadsheet/protection: a protected range cannot be edited by non-editors; notes,
  // merges and validation rules were not checked (values and formats were). Docs do not list
  // each method: stricter reading — all of them throw.
  test('setNote/setNotes/clearNote/merge/breakApart/clearDataValidations/insertCheckboxes on a protected range throw', () => {
    const PROTECTED = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
    const model = WorkbookModel.empty({ owner: 'owner@example.com' });
    const admin = createSpreadsheetApp(testHost('admin@example.com'), model) as SpreadsheetApp;
    const p = admin.getActiveSpreadsheet().getSheets()[0].getRange('A1:C1').protect();
    p.removeEditors(p.getEditors());
    const clerk = (createSpreadsheetApp(testHost('clerk@example.com'), model) as SpreadsheetApp).getActiveSpreadsheet().getSheets()[0];
    const r = clerk.getRange('A1:B1');
    expect(() => r.setNote('n')).toThrow(PROTECTED);
    expect(() => r.setNotes([['a', 'b']])).toThrow(PROTECTED);
    expect(() => r.clearNote()).toThrow(PROTECTED);
    expect(() => r.merge()).toThrow(PROTECTED);
    expect(() => r.breakApart()).toThrow(PROTECTED);
    expect(() => r.clearDataValidations()).toThrow(PROTECTED);
    expect(() => r.insertCheckboxes()).toThrow(PROTECTED);
    expect(r.getNotes()).toEqual([['', '']]);
    clerk.getRange('A2').setNote('below is fine');
  });
});

import { formatDate } from '../../dev/runtime/services/utilities';

describe('Utilities.formatDate: Java week fields', () => {
  // reference/utilities/utilities#formatDate uses java.text.SimpleDateFormat: `Y` is the week
  // year, `w` week in year, `W` week in month, `F` day of week in month (en_US: weeks start on
  // Sunday; week 1 holds January 1). Printing the calendar year for `YYYY` hid the YYYY bug.
  test('YYYY / w / W / F around the new year', () => {
    const d = new Date(Date.UTC(2024, 11, 29, 12)); // Sunday 2024-12-29
    expect(formatDate(d, 'UTC', 'yyyy YYYY w')).toBe('2024 2025 1');
    expect(formatDate(new Date(Date.UTC(2022, 11, 31, 12)), 'UTC', 'YYYY-ww')).toBe('2022-53');
    expect(formatDate(new Date(Date.UTC(2023, 0, 1, 12)), 'UTC', 'YYYY-ww')).toBe('2023-01');
    expect(formatDate(new Date(Date.UTC(2024, 2, 15, 12)), 'UTC', 'W F')).toBe('3 3');
    expect(formatDate(new Date(Date.UTC(2024, 11, 31, 20)), 'Asia/Shanghai', 'yyyy YYYY')).toBe('2025 2025');
  });
});

import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sidecarPath } from '../../dev/runtime/spreadsheet';

describe('workbook file: styles stay shared across save/load (performance, same content)', () => {
  test('a loaded workbook saves the same sidecar styles and the same validations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rcl-rq-'));
    try {
      const { model, app } = setup();
      const sh = app.getActiveSpreadsheet().getSheets()[0];
      sh.getRange('B2:C200').setNumberFormat('yyyy-mm-dd');
      sh.getRange('D2:D200').setDataValidation(app.newDataValidation().requireValueInList(['Logged', 'Agreed']).setAllowInvalid(false).build());
      sh.getRange('E2:F200').setDataValidation(app.newDataValidation().requireNumberGreaterThan(0).build());
      sh.getRange('A1:F2').setValues([['id', 'from', 'to', 'status', 'n', 'm'], ['RC-1', '2024-01-02', '2024-02-03', 'Logged', 3, 4]]);
      const a = join(dir, 'a.xlsx');
      const b = join(dir, 'b.xlsx');
      await model.save(a);
      const loaded = await WorkbookModel.load(a);
      await loaded.save(b);
      const styles = (p: string) => JSON.parse(readFileSync(sidecarPath(p), 'utf8')).sheets[0].styles.length;
      expect(styles(b)).toBe(styles(a));
      expect(styles(a)).toBeLessThan(10);
      expect(loaded.readValues('Sheet1')[1]).toEqual(model.readValues('Sheet1')[1]);
      // Excel sees the same rules: one range each, read back per cell
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(b);
      const ws = book.worksheets[0];
      expect(ws.getCell('D200').dataValidation).toMatchObject({ type: 'list', formulae: ['"Logged,Agreed"'] });
      expect(ws.getCell('F150').dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThan' });
      expect(ws.getCell('D201').dataValidation).toBeUndefined();
      expect(ws.getCell('G2').dataValidation).toBeUndefined();
      expect(ws.getCell('D1').dataValidation).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('onEdit event values are text', () => {
  let rt: Runtime;
  afterEach(async () => rt?.close());
  // guides/triggers/events (Sheets "Edit": value / oldValue, single cell only). Observed: the
  // values are strings — a ticked checkbox is 'TRUE', a date its serial number. The docs give no
  // types: stricter reading, so code testing e.value === true or e.value instanceof Date fails here.
  test('numbers, booleans and dates arrive as strings', async () => {
    const { bundlePath, dir } = writeBundle(`
      function onEdit(e) {
        PropertiesService.getDocumentProperties().setProperty('seen', JSON.stringify([typeof e.value, e.value, typeof e.oldValue, e.oldValue === undefined ? null : e.oldValue]));
      }`);
    rt = await Runtime.open({ bundlePath, htmlDir: dir });
    const seen = () => JSON.parse(rt.properties.document.get('seen') as string);
    await rt.userEdit('Sheet1', 'A1', '12.50');
    expect(seen()).toEqual(['string', '12.5', 'undefined', null]);
    await rt.userEdit('Sheet1', 'A1', 'true');
    expect(seen()).toEqual(['string', 'TRUE', 'string', '12.5']);
    await rt.userEdit('Sheet1', 'B1', '2024-01-02');
    expect(seen()).toEqual(['string', '45293', 'undefined', null]);
    expect(rt.workbook.readValues('Sheet1')[0][1]).toBeInstanceOf(Date); // getValues still gives a Date
  });
});

describe('USER_ENTERED: a day and month without a year is a date', () => {
  // Sheets reads typed `3/5` or `Mar 5` as a date of the current year (Sheets help "Format numbers
  // in a spreadsheet"; Sheets API ValueInputOption USER_ENTERED: "strings may be converted to
  // numbers, dates, etc. following the same rules that are applied when entering text into a cell").
  test('3/5 (en_US), 5/3 (en_GB), Mar 5; not 3/5 in a plain-text cell', () => {
    const p = parseUserEntered('3/5', undefined, us, 2026);
    expect(p).toMatchObject({ type: 'value', format: 'M/d/yyyy' });
    const gb = parseUserEntered('5/3', undefined, localeInfo('en_GB'), 2026);
    expect(gb).toMatchObject({ type: 'value', value: (p as { value: number }).value });
    expect(parseUserEntered('Mar 5', undefined, us, 2026)).toMatchObject({ value: (p as { value: number }).value });
    expect(parseUserEntered('13/5', undefined, us, 2026)).toEqual({ type: 'value', value: '13/5' });
    expect(parseUserEntered('3/5', '@', us, 2026)).toEqual({ type: 'value', value: '3/5' });
    const { sheet, model } = setup();
    sheet.getRange('A1').setValue('3/5');
    const d = sheet.getRange('A1').getValue() as Date;
    expect(d).toBeInstanceOf(Date);
    const year = Number(new Intl.DateTimeFormat('en-US', { timeZone: model.timeZone, year: 'numeric' }).format(new Date()));
    expect(Utilities_fmt(d, model.timeZone)).toMatch(new RegExp(`^(${year}|${year + 1}|${year - 1})-03-05$`));
  });
});
function Utilities_fmt(d: Date, tz: string): string {
  return formatDate(d, tz, 'yyyy-MM-dd');
}

describe('time-driven triggers have no UI', () => {
  let rt: Runtime;
  afterEach(async () => rt?.close());
  // "Exception: Cannot call SpreadsheetApp.getUi() from this context." (benlcollins/SheetSizer#1);
  // reference/spreadsheet/spreadsheet-app#getUi returns "an instance of the spreadsheet's
  // user-interface environment" — a time-driven trigger runs with no editor open.
  test('getUi() throws in a time-based trigger, works from a menu', async () => {
    const { bundlePath, dir } = writeBundle(`
      function arm() { ScriptApp.newTrigger('later').timeBased().after(1000).create(); }
      function later() { try { SpreadsheetApp.getUi(); return 'ui'; } catch (e) { return String(e); } }`);
    rt = await Runtime.open({ bundlePath, htmlDir: dir });
    await rt.run('arm', [], { kind: 'menu' });
    const [r] = await rt.runDueTimeTriggers(Date.now() + 5000);
    expect(r.value).toBe('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
    expect((await rt.run('later', [], { kind: 'menu' })).value).toBe('ui');
  });
});

import { Utilities } from '../../dev/runtime/services/utilities';

describe('Blob', () => {
  // reference/base/blob: getContentType()/getName() are "String|null" (null when unknown);
  // setContentTypeFromExtension: "If the contentType cannot be guessed from its extension, it's set to null".
  test('newBlob defaults are null; an unknown extension gives a null content type (no throw)', () => {
    const u = new Utilities('America/New_York');
    const b = u.newBlob('abc');
    expect([b.getContentType(), b.getName()]).toEqual([null, null]);
    expect(b.setName('notes.qqq').setContentTypeFromExtension().getContentType()).toBeNull();
    expect(b.setName('x.csv').setContentTypeFromExtension().getContentType()).toBe('text/csv');
  });
});

describe('only the project functions run', () => {
  let rt: Runtime;
  afterEach(async () => rt?.close());
  // guides/html/reference/run: google.script.run calls "server-side Apps Script functions" of the
  // project; the vm context's built-ins (eval, Function) must not be callable from a sidebar.
  test('eval, Function and service objects are "Script function not found"', async () => {
    const { bundlePath, dir } = writeBundle(`function hello() { return 'hi'; }`);
    rt = await Runtime.open({ bundlePath, htmlDir: dir });
    await expect(rt.run('eval', ['1+1'], { kind: 'script-run' })).rejects.toThrow('Script function not found: eval');
    await expect(rt.run('Function', ['return 1'], { kind: 'menu' })).rejects.toThrow('Script function not found: Function');
    await expect(rt.run('parseInt', ['1'], { kind: 'cli' })).rejects.toThrow('Script function not found: parseInt');
    expect((await rt.run('hello', [], { kind: 'script-run' })).value).toBe('hi');
  });
});

describe('spreadsheet failures are Exceptions', () => {
  let rt: Runtime;
  afterEach(async () => rt?.close());
  // Apps Script reports service failures as "Exception: <message>" (executions log; the host test
  // pins it for PropertiesService). The spreadsheet layer's errors arrived as "Error: …".
  test('a protected-cell or bounds error has name Exception', async () => {
    const { bundlePath, dir } = writeBundle(`
      function bad() {
        try { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(0, 1); } catch (e) { return [e instanceof Error, e.name, String(e)]; }
      }`);
    rt = await Runtime.open({ bundlePath, htmlDir: dir });
    expect((await rt.run('bad')).value).toEqual([true, 'Exception', 'Exception: The starting row of the range is too small.']);
  });
});

describe('cells take values, not objects', () => {
  let rt: Runtime;
  afterEach(async () => rt?.close());
  // research note §3.3 (setValue/setValues docs: values are Number, Boolean, Date or String; objects
  // become "[object Object]"-ish text). The host used to write a class instance's toString() — a
  // Decimal "12.50" became the number 12.5. Stricter reading: an instance or a function is refused.
  test('a class instance or a function in setValues throws; a plain object is written as text', async () => {
    const { bundlePath, dir } = writeBundle(`
      function Money(v) { this.v = v; }
      Money.prototype.toString = function () { return '12.50'; };
      function write(kind) {
        var r = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1');
        try {
          if (kind === 'instance') r.setValues([[new Money(1)]]);
          if (kind === 'fn') r.setValue(function f() {});
          if (kind === 'plain') r.setValue({ a: 1 });
          return [typeof r.getValue(), String(r.getValue())];
        } catch (e) { return String(e); }
      }`);
    rt = await Runtime.open({ bundlePath, htmlDir: dir });
    expect((await rt.run('write', ['instance'])).value).toBe('Exception: Cannot write an instance of Money to a cell: convert it to a string, number, boolean or Date first.');
    expect((await rt.run('write', ['fn'])).value).toMatch(/^Exception: Cannot write a function to a cell/);
    expect((await rt.run('write', ['plain'])).value).toEqual(['string', '[object Object]']);
  });
});
