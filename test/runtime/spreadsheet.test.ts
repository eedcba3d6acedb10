// Main-side SpreadsheetApp objects, tested directly with a stub ServiceHost.
// Each test names the Apps Script behaviour it pins (docs/runtime-spreadsheet.md has the sources).
import { WorkbookModel, createSpreadsheetApp } from '../../dev/runtime/spreadsheet';
import type { Range, Sheet, Spreadsheet, SpreadsheetApp } from '../../dev/runtime/spreadsheet';
import { testHost } from './spreadsheetHost';

function setup(opts: { timeZone?: string; locale?: string; user?: string; owner?: string } = {}) {
  const model = WorkbookModel.empty({ timeZone: opts.timeZone ?? 'Asia/Shanghai', locale: opts.locale, owner: opts.owner });
  const host = testHost(opts.user);
  const app = createSpreadsheetApp(host, model) as SpreadsheetApp;
  const ss = app.getActiveSpreadsheet() as Spreadsheet;
  return { model, host, app, ss, sheet: ss.getSheets()[0] as Sheet };
}

describe('Spreadsheet and sheets', () => {
  test('a new spreadsheet has one empty 1000 x 26 Sheet1; getLastRow/getLastColumn are 0 (reference: Sheet.getLastRow)', () => {
    const { ss, sheet } = setup();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
  });

  test('formatting or validation alone does not count as content for getLastRow', () => {
    const { sheet, app } = setup();
    sheet.getRange('A1:C50').setNumberFormat('@').setBackground('#ff0000');
    sheet.getRange('D1:D9').setDataValidation(app.newDataValidation().requireValueInList(['a']).build());
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('B7').setValue('x');
    expect(sheet.getLastRow()).toBe(7);
    expect(sheet.getLastColumn()).toBe(2);
  });

  test('insertSheet: names unique case-insensitively, exact error text; getSheetByName is exact', () => {
    const { ss } = setup();
    const cases = ss.insertSheet('Cases');
    expect(cases.getIndex()).toBe(2);
    expect(ss.getActiveSheet().getName()).toBe('Cases');
    expect(() => ss.insertSheet('cases')).toThrow('A sheet with the name "cases" already exists. Please enter another name.');
    expect(ss.getSheetByName('cases')).toBeNull();
    expect(ss.getSheetByName('Cases')).toBe(cases);
    expect(() => ss.insertSheet('x'.repeat(101))).toThrow(/100 characters/);
    const first = ss.insertSheet('First', 0);
    expect(first.getIndex()).toBe(1);
    expect(ss.insertSheet().getName()).toBe('Sheet4');
  });

  test('deleteSheet, setName conflict, moveActiveSheet, getRange with sheet prefix', () => {
    const { ss } = setup();
    const a = ss.insertSheet('A');
    ss.insertSheet('My Sheet');
    expect(() => a.setName('my sheet')).toThrow('A sheet with the name "my sheet" already exists. Please enter another name.');
    ss.getRange("'My Sheet'!B2").setValue(5);
    expect(ss.getSheetByName('My Sheet')!.getRange('B2').getValue()).toBe(5);
    ss.setActiveSheet(a);
    ss.moveActiveSheet(1);
    expect(ss.getSheets()[0].getName()).toBe('A');
    ss.deleteSheet(a);
    expect(ss.getSheetByName('A')).toBeNull();
  });
});

describe('Range geometry', () => {
  test('zero rows/cols and out-of-grid coordinates throw Apps Script messages', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(2, 1, 0, 3)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(2, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange('A1:AA1')).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange('nonsense!!')).toThrow('Range not found');
    const r = sheet.getRange('B2:D5');
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getLastRow()]).toEqual([2, 2, 4, 3, 5]);
    expect(r.offset(1, 1, 1, 1).getA1Notation()).toBe('C3');
    expect(sheet.getRange('A:B').getNumRows()).toBe(1000);
  });
});

describe('values: USER_ENTERED parsing', () => {
  test('empty cells read as ""; numbers, booleans, strings keep their types', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([[1.5, true, 'text', null]]);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([[1.5, true, 'text', '', '']]);
  });

  test('=1+1 makes a formula; its value is computed; getFormulas shows it', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('=1+1');
    expect(sheet.getRange('A1').getValue()).toBe(2);
    expect(sheet.getRange('A1').getFormula()).toBe('=1+1');
    sheet.getRange('B1').setValue('=A1*3');
    expect(sheet.getRange('B1').getValue()).toBe(6);
  });

  test("a leading ' forces text and is hidden in values and display", () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([["'=x", "'0042"]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['=x', '0042']]);
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['=x', '0042']]);
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  test('004512 into a plain-text (@) column stays text; into a General cell it becomes 4512', () => {
    const { sheet } = setup();
    sheet.getRange('B:B').setNumberFormat('@');
    sheet.getRange('A2:B2').setValues([['004512', '004512']]);
    expect(sheet.getRange('A2:B2').getValues()).toEqual([[4512, '004512']]);
  });

  test('=x written by a script into a @ cell stays text (plain text keeps typed text as text)', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setNumberFormat('@').setValue('=1+1');
    expect(sheet.getRange('A1').getValue()).toBe('=1+1');
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  test('en_US: 1,000.50 → 1000.5 shown 1,000.50; 15% → 0.15; $2.99 → 2.99; TRUE → true', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([['1,000.50', '15%', '$2.99', 'TRUE']]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([[1000.5, 0.15, 2.99, true]]);
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([['1,000.50', '15%', '$2.99', 'TRUE']]);
  });

  test('de_DE: 1.000,50 → 1000.5 and displays with a decimal comma', () => {
    const { sheet } = setup({ locale: 'de_DE' });
    sheet.getRange('A1').setValue('1.000,50');
    expect(sheet.getRange('A1').getValue()).toBe(1000.5);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1.000,50');
  });

  test('a JS Date is stored at its wall time in the spreadsheet zone (Asia/Shanghai), not the script zone', () => {
    const { sheet, ss } = setup({ timeZone: 'Asia/Shanghai' });
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Shanghai');
    const d = new Date('2024-01-15T20:30:00Z'); // 2024-01-16 04:30 in Shanghai, 15:30 in New York
    sheet.getRange('A1').setValue(d);
    const back = sheet.getRange('A1').getValue() as Date;
    expect(back).toBeInstanceOf(Date);
    expect(back.getTime()).toBe(d.getTime());
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1/16/2024 4:30:00');
    sheet.getRange('A1').setNumberFormat('yyyy-mm-dd');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2024-01-16');
  });

  test('typed date text becomes a date at midnight in the spreadsheet zone', () => {
    const { sheet } = setup({ timeZone: 'Asia/Shanghai' });
    sheet.getRange('A1:B1').setValues([['2024-03-05', '3/5/2024']]);
    const [a, b] = sheet.getRange('A1:B1').getValues()[0] as Date[];
    expect(a.toISOString()).toBe('2024-03-04T16:00:00.000Z');
    expect(b.toISOString()).toBe('2024-03-04T16:00:00.000Z');
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['2024-03-05', '3/5/2024']]);
  });

  test('dimension mismatch throws the Apps Script message', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B1').setValues([[1, 2, 3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  test('more than 50,000 characters in a cell is refused', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1').setValue('x'.repeat(50001))).toThrow(/50000 characters/);
    sheet.getRange('A1').setValue('x'.repeat(50000));
  });

  test('appendRow writes below the last row with content and grows the grid', () => {
    const { sheet } = setup();
    sheet.appendRow(['Case ID', 'Amount']);
    sheet.appendRow(['RC-000001', '12.50']);
    expect(sheet.getDataRange().getValues()).toEqual([['Case ID', 'Amount'], ['RC-000001', 12.5]]);
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['beyond']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1).getValue()).toBe('beyond');
  });
});

describe('Ui', () => {
  test('menus, sidebar, toast are emitted; alert waits for the answer', async () => {
    const { app, ss, host } = setup();
    const ui = app.getUi();
    ui.createAddonMenu().addItem('Log a refund…', 'openSidebar').addSeparator().addSubMenu(ui.createMenu('More').addItem('Check', 'checkLog')).addToUi();
    expect(host.events[0]).toEqual({
      type: 'menu',
      menu: {
        caption: 'Refund Case Log',
        addon: true,
        items: [
          { kind: 'item', caption: 'Log a refund…', functionName: 'openSidebar' },
          { kind: 'separator' },
          { kind: 'submenu', caption: 'More', items: [{ kind: 'item', caption: 'Check', functionName: 'checkLog' }] },
        ],
      },
    });
    const html = { getContent: () => '<p>hi</p>', getTitle: () => 'Cases', getWidth: () => 300, getHeight: () => 500 };
    ui.showSidebar(html);
    ss.toast('Saved', 'Refund Case Log');
    expect(host.events.slice(1)).toEqual([
      { type: 'sidebar', html: '<p>hi</p>', title: 'Cases' },
      { type: 'toast', message: 'Saved', title: 'Refund Case Log', timeoutSeconds: 5 },
    ]);
    host.answers.push({ button: 'YES' });
    await expect(ui.alert('Close month?', 'Sure?', ui.ENUMS.ButtonSet.YES_NO)).resolves.toBe('YES');
    expect(host.asked[0]).toEqual({ kind: 'alert', title: 'Close month?', prompt: 'Sure?', buttons: 'YES_NO' });
    host.answers.push({ button: 'OK', text: '2024-03' });
    const resp = await ui.prompt('Month?');
    expect([resp.getResponseText(), resp.getSelectedButton()]).toEqual(['2024-03', 'OK']);
    expect(() => ui.showSidebar('<p>' as never)).toThrow(/don't match the method signature/);
  });
});

describe('save and load', () => {
  test('values survive an .xlsx round trip', async () => {
    const { model, ss } = setup({ timeZone: 'Asia/Shanghai' });
    const s = ss.insertSheet('Cases');
    s.getRange('B:B').setNumberFormat('@');
    s.getRange('A1:E2').setValues([
      ['Case ID', 'Order #', 'Amount', 'Date', 'Done'],
      ['RC-000001', '004512', 12.5, new Date('2024-01-15T20:30:00Z'), true],
    ]);
    s.setFrozenRows(1);
    const path = `${require('os').tmpdir()}/rcl-ss-${process.pid}.xlsx`;
    await model.save(path);
    const back = await WorkbookModel.load(path);
    expect(back.sheetNames()).toEqual(['Sheet1', 'Cases']);
    expect(back.readValues('Cases')).toEqual(model.readValues('Cases'));
    expect(back.readDisplayValues('Cases')).toEqual(model.readDisplayValues('Cases'));
    expect(back.timeZone).toBe('Asia/Shanghai');
    expect(back.sheetView('Cases').frozenRows).toBe(1);
  });
});

export type { Range };
