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
