// Every public method of a main-side class must exist in Apps Script (a fake-only method is a
// trap: gas-fakes#64). The method lists come from @types/google-apps-script. Helpers of ours
// start with `_` so the execution host can refuse them.
import { readFileSync } from 'node:fs';
import { WorkbookModel, createSpreadsheetApp } from '../../dev/runtime/spreadsheet';
import * as app from '../../dev/runtime/spreadsheet/app';
import * as b from '../../dev/runtime/spreadsheet/builders';
import * as ui from '../../dev/runtime/spreadsheet/ui';
import { testHost } from './spreadsheetHost';

const types = '../../node_modules/@types/google-apps-script/';
function methodsOf(file: string, iface: string): Set<string> {
  const text = readFileSync(require.resolve(types + file), 'utf8');
  const start = text.indexOf(`interface ${iface} {`);
  if (start < 0) throw new Error(`no interface ${iface}`);
  const end = text.indexOf('\n        }', start);
  const body = text.slice(start, end);
  return new Set([...body.matchAll(/^\s+(?:\/\*\*[^*]*\*\/\s*)?([a-zA-Z]\w*)\s*[(:<]/gm)].map((m) => m[1]));
}

const S = 'google-apps-script.spreadsheet.d.ts';
const B = 'google-apps-script.base.d.ts';
const cases: [string, Function, string, string][] = [
  ['SpreadsheetApp', app.SpreadsheetApp, S, 'SpreadsheetApp'],
  ['Spreadsheet', app.Spreadsheet, S, 'Spreadsheet'],
  ['Sheet', app.Sheet, S, 'Sheet'],
  ['Range', app.Range, S, 'Range'],
  ['DataValidation', b.DataValidation, S, 'DataValidation'],
  ['DataValidationBuilder', b.DataValidationBuilder, S, 'DataValidationBuilder'],
  ['ConditionalFormatRule', b.ConditionalFormatRule, S, 'ConditionalFormatRule'],
  ['ConditionalFormatRuleBuilder', b.ConditionalFormatRuleBuilder, S, 'ConditionalFormatRuleBuilder'],
  ['BooleanCondition', b.BooleanCondition, S, 'BooleanCondition'],
  ['FilterCriteria', b.FilterCriteria, S, 'FilterCriteria'],
  ['FilterCriteriaBuilder', b.FilterCriteriaBuilder, S, 'FilterCriteriaBuilder'],
  ['Filter', b.Filter, S, 'Filter'],
  ['Protection', b.Protection, S, 'Protection'],
  ['RichTextValue', b.RichTextValue, S, 'RichTextValue'],
  ['RichTextValueBuilder', b.RichTextValueBuilder, S, 'RichTextValueBuilder'],
  ['TextStyle', b.TextStyle, S, 'TextStyle'],
  ['TextStyleBuilder', b.TextStyleBuilder, S, 'TextStyleBuilder'],
  ['TextFinder', b.TextFinder, S, 'TextFinder'],
  ['Ui', ui.Ui, B, 'Ui'],
  ['Menu', ui.Menu, B, 'Menu'],
  ['PromptResponse', ui.PromptResponse, B, 'PromptResponse'],
  ['User', app.User, B, 'User'],
];

test.each(cases)('%s exposes only Apps Script methods', (_name, cls, file, iface) => {
  const api = methodsOf(file, iface);
  const own = Object.getOwnPropertyNames(cls.prototype).filter((n) => n !== 'constructor' && !n.startsWith('_'));
  const extra = own.filter((n) => !api.has(n) && n !== 'toString');
  expect(extra).toEqual([]);
});

test('instances name their class in __class', () => {
  const model = WorkbookModel.empty({});
  const sa = createSpreadsheetApp(testHost(), model) as app.SpreadsheetApp;
  const ss = sa.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  const range = sheet.getRange('A1');
  const objs = [sa, ss, sheet, range, sa.getUi(), sa.getUi().createMenu('x'), sa.newDataValidation(), range.protect(), sheet.createTextFinder('x')];
  expect(objs.map((o) => (o as { __class: string }).__class)).toEqual([
    'SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'Ui', 'Menu', 'DataValidationBuilder', 'Protection', 'TextFinder',
  ]);
});
