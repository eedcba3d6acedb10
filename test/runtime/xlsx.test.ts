// The local workbook file: .xlsx (read back with ExcelJS as Excel/LibreOffice would see it) and
// the sidecar that keeps what .xlsx cannot hold.
import ExcelJS from 'exceljs';
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkbookModel, createSpreadsheetApp, sidecarPath } from '../../dev/runtime/spreadsheet';
import type { SpreadsheetApp } from '../../dev/runtime/spreadsheet';
import { testHost } from './spreadsheetHost';

const dir = mkdtempSync(join(tmpdir(), 'rcl-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function build() {
  const model = WorkbookModel.empty({ timeZone: 'Asia/Shanghai', locale: 'en_US', owner: 'owner@example.com', name: 'Demo' });
  const app = createSpreadsheetApp(testHost('admin@example.com'), model) as SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const cases = ss.insertSheet('Cases');
  cases.getRange('C:C').setNumberFormat('@');
  cases.getRange('A1:G3').setValues([
    ['Case ID', 'Date Logged', 'Order #', 'Amount', 'Done', 'Link', 'Calc'],
    ['RC-000001', new Date('2024-01-15T20:30:00Z'), '004512', 12.5, true, '=HYPERLINK("https://x.test/1","open")', '=D2*2'],
    ['RC-000002', '2024-03-05', '0099', '1,000.50', false, '=BOGUS(1)', "'=1+1"],
  ]);
  cases.getRange('B2:B3').setNumberFormat('yyyy-mm-dd');
  cases.getRange('A1:G1').setFontWeight('bold').setBackground('#d9ead3').setFontColor('#1155cc');
  cases.getRange('A2').setNote('first case');
  cases.setFrozenRows(1);
  cases.setColumnWidth(1, 140);
  cases.getRange('E2:E50').setDataValidation(app.newDataValidation().requireValueInList(['Logged', 'Agreed']).setAllowInvalid(false).setHelpText('status').build());
  cases.getRange('D2:D50').setDataValidation(app.newDataValidation().requireNumberGreaterThan(0).build());
  cases.getRange('H2').setRichTextValue(app.newRichTextValue().setText('evidence').setLinkUrl('https://drive.test/f').build());
  cases.setConditionalFormatRules([
    app.newConditionalFormatRule().whenNumberGreaterThan(100).setBackground('#f4cccc').setRanges([cases.getRange('D2:D50')]).build(),
  ]);
  const f = cases.getRange('A1:G3').createFilter();
  f.setColumnFilterCriteria(5, app.newFilterCriteria().setHiddenValues(['FALSE']).build());
  const p = cases.getRange('A1:W1').protect().setDescription('header');
  p.removeEditors(p.getEditors());
  const sp = ss.insertSheet('Audit Log');
  sp.appendRow(['Time', 'User']);
  const spp = sp.protect();
  spp.removeEditors(spp.getEditors());
  const hidden = ss.insertSheet('Hidden');
  hidden.getRange('A1').setValue('secret');
  hidden.hideSheet();
  hidden.setTabColor('#ff9900');
  return { model, app };
}

describe('xlsx', () => {
  test('Excel sees values, cached formula results, formats, validation, panes, notes, fills, filter, protection, widths, hidden sheets', async () => {
    const { model } = build();
    const path = join(dir, 'a.xlsx');
    await model.save(path);
    expect(existsSync(sidecarPath(path))).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Sheet1', 'Cases', 'Audit Log', 'Hidden']);
    const ws = book.getWorksheet('Cases')!;
    expect(ws.getCell('A2').value).toBe('RC-000001');
    expect(ws.getCell('C2').value).toBe('004512');
    expect(ws.getCell('C2').numFmt).toBe('@');
    // a date is an Excel serial with a date format: ExcelJS reads it back as a Date at the wall time
    expect(ws.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    expect((ws.getCell('B2').value as Date).toISOString()).toBe('2024-01-16T04:30:00.000Z');
    expect(ws.getCell('D3').value).toBe(1000.5);
    expect(ws.getCell('D3').numFmt).toBe('#,##0.00');
    expect(ws.getCell('E2').value).toBe(true);
    expect(ws.getCell('F2').value).toEqual({ formula: 'HYPERLINK("https://x.test/1","open")', result: 'open' });
    expect(ws.getCell('G2').value).toEqual({ formula: 'D2*2', result: 25 });
    expect(ws.getCell('F3').value).toEqual({ formula: 'BOGUS(1)', result: { error: '#NAME?' } });
    expect(ws.getCell('G3').value).toBe('=1+1');
    expect(ws.getCell('A1').font.bold).toBe(true);
    expect(ws.getCell('A1').font.color?.argb).toBe('FF1155CC');
    expect((ws.getCell('A1').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9EAD3');
    expect(ws.getCell('A2').note).toBe('first case');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(1).width).toBe(20);
    expect(ws.getCell('E2').dataValidation).toMatchObject({ type: 'list', formulae: ['"Logged,Agreed"'], showErrorMessage: true });
    expect(ws.getCell('D9').dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThan', formulae: [0] });
    expect(ws.autoFilter).toBe('A1:G3');
    expect(ws.getCell('H2').value).toEqual({ text: 'evidence', hyperlink: 'https://drive.test/f' });
    expect(book.getWorksheet('Hidden')!.state).toBe('hidden');
    expect((book.getWorksheet('Audit Log') as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
  });

  test('model round trip keeps values, display, formulas, styles, validation, protections, filter criteria, rules, links, zone', async () => {
    const { model } = build();
    const path = join(dir, 'b.xlsx');
    await model.save(path);
    const back = await WorkbookModel.load(path);
    for (const name of model.sheetNames()) {
      expect(back.readValues(name)).toEqual(model.readValues(name));
      expect(back.readDisplayValues(name)).toEqual(model.readDisplayValues(name));
    }
    expect([back.id, back.name, back.owner, back.timeZone, back.locale]).toEqual([model.id, 'Demo', 'owner@example.com', 'Asia/Shanghai', 'en_US']);
    const a = model.sheetView('Cases');
    const b = back.sheetView('Cases');
    expect(b).toEqual(a);
    expect(back.sheetView('Hidden')).toMatchObject({ hidden: true, tabColor: '#ff9900' });
    // protections still bite after reload
    const clerk = createSpreadsheetApp(testHost('clerk@example.com'), back) as SpreadsheetApp;
    expect(() => clerk.getActiveSpreadsheet().getSheetByName('Cases')!.getRange('B1').setValue('x')).toThrow(/protected cell/);
    expect(() => clerk.getActiveSpreadsheet().getSheetByName('Audit Log')!.appendRow(['x'])).toThrow(/protected cell/);
    expect(back.applyUserEdit('Cases', 'E3', 'nope', 'owner@example.com').ok).toBe(false);
  });

  test('an .xlsx without sidecar (made in Excel) loads with defaults: values, dates, list validation, autofilter', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Vendors');
    ws.addRow(['Vendor ID', 'Since', 'SLA Days']);
    ws.addRow(['V-001', new Date(Date.UTC(2023, 5, 1)), 14]);
    ws.getCell('B2').numFmt = 'yyyy-mm-dd';
    ws.getCell('C3').dataValidation = { type: 'list', formulae: ['"7,14,30"'], showErrorMessage: true };
    ws.autoFilter = 'A1:C2';
    const path = join(dir, 'c.xlsx');
    await book.xlsx.writeFile(path);
    const m = await WorkbookModel.load(path);
    expect(m.sheetNames()).toEqual(['Vendors']);
    expect(m.timeZone).toBe('Asia/Shanghai'); // a workbook from elsewhere gets the runtime default zone
    expect(m.readDisplayValues('Vendors')).toEqual([['Vendor ID', 'Since', 'SLA Days'], ['V-001', '2023-06-01', '14']]);
    const since = m.readValues('Vendors')[1][1] as Date;
    expect(since.toISOString()).toBe('2023-05-31T16:00:00.000Z'); // midnight in the spreadsheet zone
    expect(m.applyUserEdit('Vendors', 'C3', '9', 'x@example.com').ok).toBe(false);
    expect(m.sheetView('Vendors').filter).toEqual({ range: 'A1:C2', columnsWithCriteria: [] });
  });

  test('without its sidecar (edited in Excel, or downloaded from Sheets) the .xlsx still gives conditional formats and range dropdowns', async () => {
    const model = WorkbookModel.empty({ timeZone: 'Asia/Shanghai', locale: 'en_US' });
    const app = createSpreadsheetApp(testHost('admin@example.com'), model) as SpreadsheetApp;
    const ss = app.getActiveSpreadsheet();
    const settings = ss.insertSheet('Settings');
    settings.getRange('A1:A4').setValues([['Reason'], ['Damaged'], ['Late'], ["Vendor's error"]]);
    const cases = ss.insertSheet('Cases');
    cases.getRange('A1:C3').setValues([['Reason', 'Due', 'Status'], ['Late', '2020-01-01', 'Logged'], ['Damaged', '2099-01-01', 'Logged']]);
    cases.getRange('A2:A50').setDataValidation(app.newDataValidation().requireValueInRange(settings.getRange('A2:A4'), true).setAllowInvalid(false).build());
    cases.getRange('B2:B50').setDataValidation(app.newDataValidation().requireDate().setAllowInvalid(false).build());
    cases.setConditionalFormatRules([
      app.newConditionalFormatRule().whenFormulaSatisfied('=AND($B2<>"",$B2<TODAY())').setBackground('#f4c7c3').setRanges([cases.getRange('A2:C50')]).build(),
      app.newConditionalFormatRule().whenNumberGreaterThan(100).setFontColor('#cc0000').setBold(true).setRanges([cases.getRange('D2:D50')]).build(),
    ]);
    const path = join(dir, 'nosidecar.xlsx');
    await model.save(path);
    rmSync(sidecarPath(path));
    const back = await WorkbookModel.load(path);
    const sheet = back.sheetByName('Cases')!;
    expect(sheet.cfRules).toEqual([
      { ranges: [{ row: 2, col: 1, numRows: 49, numCols: 3 }], condition: { type: 'CUSTOM_FORMULA', args: ['=AND($B2<>"",$B2<TODAY())'] }, format: { background: '#f4c7c3' } },
      { ranges: [{ row: 2, col: 4, numRows: 49, numCols: 1 }], condition: { type: 'CUSTOM_FORMULA', args: ['=D2>100'] }, format: { fontColor: '#cc0000', bold: true } },
    ]);
    expect(sheet.style(2, 1)?.dv).toMatchObject({ criteria: 'VALUE_IN_RANGE', args: [{ sheet: 'Settings', a1: 'A2:A4' }, true], allowInvalid: false });
    expect(sheet.style(50, 2)?.dv).toMatchObject({ criteria: 'DATE_IS_VALID_DATE', allowInvalid: false });
    // The dropdown and its rejection work as before the round trip.
    expect(back.applyUserEdit('Cases', 'A3', 'Broken', 'x@example.com').ok).toBe(false);
    expect(back.applyUserEdit('Cases', 'A3', "Vendor's error", 'x@example.com').ok).toBe(true);
    expect(back.applyUserEdit('Cases', 'B3', 'not a date', 'x@example.com').ok).toBe(false);
  });
});
