// Data validation, protection, filters, sort, TextFinder, formats, notes, rich text, rules.
import { WorkbookModel, createSpreadsheetApp } from '../../dev/runtime/spreadsheet';
import type { Sheet, Spreadsheet, SpreadsheetApp } from '../../dev/runtime/spreadsheet';
import { testHost } from './spreadsheetHost';

const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function setup(user = 'clerk@example.com', model = WorkbookModel.empty({ timeZone: 'Asia/Shanghai' })) {
  const host = testHost(user);
  const app = createSpreadsheetApp(host, model) as SpreadsheetApp;
  const ss = app.getActiveSpreadsheet() as Spreadsheet;
  return { model, host, app, ss, sheet: ss.getSheets()[0] as Sheet };
}

describe('data validation', () => {
  test('builder: criteria type/values, allowInvalid default true, help text, copy, withCriteria', () => {
    const { app } = setup();
    const b = app.newDataValidation().requireValueInList(['Logged', 'Agreed'], true).setAllowInvalid(false).setHelpText('Pick a status');
    const rule = b.build();
    expect(rule.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(rule.getCriteriaValues()).toEqual([['Logged', 'Agreed'], true]);
    expect(rule.getAllowInvalid()).toBe(false);
    expect(rule.getHelpText()).toBe('Pick a status');
    expect(app.newDataValidation().requireNumberGreaterThan(0).build().getAllowInvalid()).toBe(true);
    const copy = rule.copy().withCriteria(app.ENUMS.DataValidationCriteria.NUMBER_BETWEEN, [1, 5]).build();
    expect([copy.getCriteriaType(), copy.getCriteriaValues(), copy.getHelpText()]).toEqual(['NUMBER_BETWEEN', [1, 5], 'Pick a status']);
    // requireDate takes no formula text; withCriteria accepts it (research note §3.4)
    expect(() => (app.newDataValidation() as any).requireDate('=I1')).toThrow(/don't match the method signature/);
    expect(app.newDataValidation().withCriteria('DATE_AFTER', ['=I1']).build().getCriteriaValues()).toEqual(['=I1']);
    expect(() => app.newDataValidation().build()).toThrow();
    expect(app.newDataValidation().requireCheckbox().build().getCriteriaType()).toBe('CHECKBOX');
    expect(app.newDataValidation().requireTextIsEmail().build().getCriteriaType()).toBe('TEXT_IS_VALID_EMAIL');
    expect(app.newDataValidation().requireFormulaSatisfied('=A1>0').build().getCriteriaValues()).toEqual(['=A1>0']);
    const d = new Date('2024-01-01T00:00:00Z');
    expect(app.newDataValidation().requireDateOnOrAfter(d).build().getCriteriaType()).toBe('DATE_ON_OR_AFTER');
  });

  test('script writes are never blocked by validation; a user edit with reject-input is refused', () => {
    const { app, sheet, model } = setup();
    sheet.getRange('K2:K10').setDataValidation(app.newDataValidation().requireValueInList(['Logged', 'Agreed']).setAllowInvalid(false).build());
    sheet.getRange('I2:I10').setDataValidation(app.newDataValidation().requireNumberGreaterThan(0).setAllowInvalid(false).setHelpText('Amount > 0').build());
    sheet.getRange('K2').setValue('Bogus'); // script: accepted
    expect(sheet.getRange('K2').getValue()).toBe('Bogus');
    const bad = model.applyUserEdit('Sheet1', 'K3', 'Bogus', 'clerk@example.com');
    expect(bad.ok).toBe(false);
    expect(bad.message).toMatch(/^The data you entered in cell K3 violates the data validation rules set on this cell\./);
    expect(sheet.getRange('K3').getValue()).toBe('');
    expect(model.applyUserEdit('Sheet1', 'K3', 'Agreed', 'clerk@example.com')).toMatchObject({ ok: true, oldValue: '', value: 'Agreed', eventValue: 'Agreed' });
    const neg = model.applyUserEdit('Sheet1', 'I2', '-5', 'clerk@example.com');
    expect(neg).toEqual({ ok: false, message: 'The data you entered in cell I2 violates the data validation rules set on this cell. Amount > 0' });
    expect(model.applyUserEdit('Sheet1', 'I2', '12.5', 'clerk@example.com').value).toBe(12.5);
    // the grid marks the script-written invalid value and lists the dropdown
    const cell = model.sheetView('Sheet1').cells.find((c) => c.row === 2 && c.col === 11)!;
    expect(cell.validation).toMatchObject({ criteria: 'VALUE_IN_LIST', items: ['Logged', 'Agreed'], invalid: true });
  });

  test('allowInvalid (warning) rules let a user edit through', () => {
    const { app, sheet, model } = setup();
    sheet.getRange('A1').setDataValidation(app.newDataValidation().requireValueInList(['x']).build());
    expect(model.applyUserEdit('Sheet1', 'A1', 'y', 'u@example.com').ok).toBe(true);
  });

  test('requireValueInRange reads the list from cells; getDataValidations grid', () => {
    const { app, ss, sheet, model } = setup();
    const lists = ss.insertSheet('Lists');
    lists.getRange('A1:A3').setValues([['CNY'], ['USD'], ['EUR']]);
    sheet.getRange('J2:J3').setDataValidation(app.newDataValidation().requireValueInRange(lists.getRange('A1:A3')).setAllowInvalid(false).build());
    expect(model.applyUserEdit('Sheet1', 'J2', 'GBP', 'u@example.com').ok).toBe(false);
    expect(model.applyUserEdit('Sheet1', 'J2', 'USD', 'u@example.com').ok).toBe(true);
    const grid = sheet.getRange('J1:J3').getDataValidations();
    expect(grid.map((r) => r[0]?.getCriteriaType() ?? null)).toEqual([null, 'VALUE_IN_RANGE', 'VALUE_IN_RANGE']);
  });

  test('date rules compare calendar days in the spreadsheet zone', () => {
    const { app, sheet, model } = setup();
    sheet.getRange('L2').setDataValidation(app.newDataValidation().requireDateOnOrAfter(new Date('2024-03-01T00:00:00+08:00')).setAllowInvalid(false).build());
    expect(model.applyUserEdit('Sheet1', 'L2', '2024-02-29', 'u@example.com').ok).toBe(false);
    expect(model.applyUserEdit('Sheet1', 'L2', '2024-03-01', 'u@example.com').ok).toBe(true);
    expect(model.applyUserEdit('Sheet1', 'L2', 'soon', 'u@example.com').ok).toBe(false);
  });
});

describe('protection', () => {
  test('protect() mirrors file permissions until editors change; then a non-editor script write throws', () => {
    const model = WorkbookModel.empty({ owner: 'owner@example.com' });
    const admin = setup('admin@example.com', model);
    const p = admin.sheet.getRange('A1:W1').protect().setDescription('Header');
    admin.sheet.getRange('A1').setValue('still editable'); // no editor list yet → unprotected
    p.removeEditors(p.getEditors()); // the running user stays an editor
    p.addEditor('boss@example.com');
    expect(p.getEditors().map((u) => u.getEmail()).sort()).toEqual(['admin@example.com', 'boss@example.com']);
    expect(p.getProtectionType()).toBe('RANGE');
    expect(p.getRange().getA1Notation()).toBe('A1:W1');
    expect(p.getDescription()).toBe('Header');

    const clerk = setup('clerk@example.com', model);
    expect(() => clerk.sheet.getRange('B1').setValue('x')).toThrow(PROTECTED);
    expect(() => clerk.sheet.getRange('A1:B2').setValues([[1, 2], [3, 4]])).toThrow(PROTECTED);
    expect(clerk.sheet.getRange('A2').getValue()).toBe(''); // nothing partially written
    clerk.sheet.getRange('A2').setValue('ok below the header');
    const cp = clerk.ss.getProtections('RANGE')[0];
    expect(cp.canEdit()).toBe(false);
    expect(() => cp.remove()).toThrow();
    expect(model.applyUserEdit('Sheet1', 'C1', 'typed', 'clerk@example.com')).toEqual({ ok: false, message: PROTECTED });

    const owner = setup('owner@example.com', model);
    owner.sheet.getRange('B1').setValue('owner can'); // the owner always can
    expect(owner.ss.getProtections('RANGE')[0].canEdit()).toBe(true);
    expect(owner.ss.getProtections('RANGE')[0].getEditors().map((u) => u.getEmail())).not.toContain('owner@example.com');
  });

  test('warning-only never blocks a script; sheet protection with unprotected ranges', () => {
    const model = WorkbookModel.empty({});
    const admin = setup('admin@example.com', model);
    const w = admin.sheet.getRange('A1').protect().setWarningOnly(true);
    expect(w.isWarningOnly()).toBe(true);
    const sp = admin.sheet.protect();
    sp.removeEditors(sp.getEditors());
    sp.setUnprotectedRanges([admin.sheet.getRange('B2:B100')]);
    expect(sp.getProtectionType()).toBe('SHEET');
    const clerk = setup('clerk@example.com', model);
    clerk.sheet.getRange('B5').setValue('allowed');
    expect(() => clerk.sheet.getRange('C5').setValue('no')).toThrow(PROTECTED);
    expect(() => clerk.sheet.appendRow(['no'])).toThrow(PROTECTED);
    expect(() => clerk.sheet.insertRowsAfter(1, 1)).toThrow(PROTECTED);
    expect(clerk.sheet.getProtections('SHEET')).toHaveLength(1);
    expect(model.sheetView('Sheet1').protectedRanges.map((p) => p.type).sort()).toEqual(['RANGE', 'SHEET']);
  });
});

describe('filter', () => {
  function data(sheet: Sheet) {
    sheet.getRange('A1:C6').setValues([
      ['Case', 'Vendor', 'Status'],
      ['RC-1', 'Alpha', 'Logged'],
      ['RC-2', 'Beta', 'Agreed'],
      ['RC-3', 'Alpha', 'Received'],
      ['RC-4', 'Gamma', 'Logged'],
      ['RC-5', 'alpha', 'Logged'],
    ]);
  }
  test('whenTextEqualTo and hidden values hide rows; header never hides; remove shows all', () => {
    const { app, sheet } = setup();
    data(sheet);
    const f = sheet.getRange('A1:C6').createFilter();
    expect(sheet.getFilter()!.getRange().getA1Notation()).toBe('A1:C6');
    expect(() => sheet.getRange('A1:C6').createFilter()).toThrow();
    f.setColumnFilterCriteria(2, app.newFilterCriteria().whenTextEqualTo('Alpha').build());
    const hidden = [1, 2, 3, 4, 5, 6].filter((r) => sheet.isRowHiddenByFilter(r));
    expect(hidden).toEqual([3, 5]); // text equality is case-insensitive like Sheets filters
    f.removeColumnFilterCriteria(2);
    f.setColumnFilterCriteria(3, app.newFilterCriteria().setHiddenValues(['Logged']).build());
    expect([1, 2, 3, 4, 5, 6].filter((r) => sheet.isRowHiddenByFilter(r))).toEqual([2, 5, 6]);
    expect(f.getColumnFilterCriteria(3)!.getHiddenValues()).toEqual(['Logged']);
    f.setColumnFilterCriteria(3, app.newFilterCriteria().setVisibleValues(['Agreed']).build());
    expect([1, 2, 3, 4, 5, 6].filter((r) => sheet.isRowHiddenByFilter(r))).toEqual([2, 4, 5, 6]);
    f.remove();
    expect(sheet.getFilter()).toBeNull();
    expect(sheet.isRowHiddenByFilter(2)).toBe(false);
  });

  test('sort: Range.sort by column spec and Sheet.sort below frozen rows, empties last', () => {
    const { sheet } = setup();
    data(sheet);
    sheet.getRange('A2:C6').sort({ column: 2, ascending: false });
    expect(sheet.getRange('B2:B6').getValues().flat()).toEqual(['Gamma', 'Beta', 'Alpha', 'Alpha', 'alpha']);
    sheet.setFrozenRows(1);
    sheet.getRange('D2:D6').setValues([[3], [''], [1], [2], [10]]);
    sheet.sort(4);
    expect(sheet.getRange('D1:D6').getValues().flat()).toEqual(['', 1, 2, 3, 10, '']);
    expect(sheet.getRange('A1').getValue()).toBe('Case');
    expect(() => sheet.getRange('A2:C6').sort(7)).toThrow();
  });
});

describe('TextFinder', () => {
  test('defaults: case-insensitive substring on display text; options narrow it', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B3').setValues([['RC-000042', 'rc-000042 dup'], ['Alpha', 1234.5], ['x', '=1+1']]);
    sheet.getRange('B2').setNumberFormat('#,##0.00');
    const all = sheet.createTextFinder('rc-000042').findAll().map((r) => r.getA1Notation());
    expect(all).toEqual(['A1', 'B1']);
    expect(sheet.createTextFinder('rc-000042').matchCase(true).findAll().map((r) => r.getA1Notation())).toEqual(['B1']);
    expect(sheet.createTextFinder('RC-000042').matchEntireCell(true).findAll().map((r) => r.getA1Notation())).toEqual(['A1']);
    expect(sheet.createTextFinder('1,234.50').findAll().map((r) => r.getA1Notation())).toEqual(['B2']);
    expect(sheet.createTextFinder('^rc-\\d+$').useRegularExpression(true).findAll().map((r) => r.getA1Notation())).toEqual(['A1']);
    expect(sheet.createTextFinder('2').findAll().map((r) => r.getA1Notation())).toEqual(['A1', 'B1', 'B2', 'B3']);
    const tf = sheet.createTextFinder('alpha');
    expect(tf.findNext()!.getA1Notation()).toBe('A2');
    expect(sheet.createTextFinder('zzz').findNext()).toBeNull();
  });
});

describe('formats, notes, rich text, rules', () => {
  test('number formats render display values', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:F1');
    r.setValues([[1234.5, 0.1234, 0.5, 45366, 7, -1234.5]]);
    r.setNumberFormats([['#,##0.00', '0.000', '0%', 'yyyy-mm-dd', '@', '#,##0.00;(#,##0.00)']]);
    expect(r.getDisplayValues()).toEqual([['1,234.50', '0.123', '50%', '2024-03-15', '7', '(1,234.50)']]);
    expect(r.getNumberFormats()).toEqual([['#,##0.00', '0.000', '0%', 'yyyy-mm-dd', '@', '#,##0.00;(#,##0.00)']]);
    expect(sheet.getRange('G1').getNumberFormat()).toBe('0.###############');
    sheet.getRange('A1').setNumberFormat('General');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1234.5');
    expect(sheet.getRange('D1').getValue()).toBeInstanceOf(Date);
  });

  test('backgrounds, font weight/colour, notes, rich text links, HYPERLINK label', () => {
    const { app, sheet, model } = setup();
    sheet.getRange('A1:B1').setBackgrounds([['#FF0000', null]]).setFontWeight('bold').setFontColor('#0000ff');
    expect(sheet.getRange('A1:B1').getBackgrounds()).toEqual([['#ff0000', '#ffffff']]);
    expect(sheet.getRange('B1').getFontWeight()).toBe('bold');
    expect(sheet.getRange('B1').getFontColor()).toBe('#0000ff');
    sheet.getRange('A2').setNote('from vendor email');
    expect(sheet.getRange('A2:A3').getNotes()).toEqual([['from vendor email'], ['']]);
    const rich = app.newRichTextValue().setText('evidence').setLinkUrl('https://drive.google.com/x').build();
    sheet.getRange('C1').setRichTextValue(rich);
    expect(sheet.getRange('C1').getValue()).toBe('evidence');
    expect(sheet.getRange('C1').getRichTextValue()!.getLinkUrl()).toBe('https://drive.google.com/x');
    sheet.getRange('D1').setValue('=HYPERLINK("https://x.test/a","open")');
    expect(sheet.getRange('D1').getValue()).toBe('open');
    expect(sheet.getRange('D1').getRichTextValue()!.getLinkUrl()).toBe('https://x.test/a');
    const v = model.sheetView('Sheet1');
    expect(v.cells.find((c) => c.row === 1 && c.col === 3)!.link).toBe('https://drive.google.com/x');
    expect(v.cells.find((c) => c.row === 1 && c.col === 4)!.link).toBe('https://x.test/a');
    expect(v.cells.find((c) => c.row === 2 && c.col === 1)!.note).toBe('from vendor email');
  });

  test('unsupported formulas give #NAME?; errors propagate', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['=VLOOKUP(1,B:B,1,false)', '=1/0', '=SUM(D1:D3)']]);
    sheet.getRange('D1:D3').setValues([[1], [2], ['x']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['#NAME?', '#DIV/0!', 3]]);
  });

  test('conditional format rules are kept and evaluated for the grid', () => {
    const { app, sheet, model } = setup();
    sheet.getRange('A1:A3').setValues([['Overdue'], ['ok'], ['overdue']]);
    const rule = app.newConditionalFormatRule().whenTextEqualTo('Overdue').setBackground('#f4cccc').setRanges([sheet.getRange('A1:A3')]).build();
    sheet.setConditionalFormatRules([rule]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    expect(rules[0].getRanges()[0].getA1Notation()).toBe('A1:A3');
    expect(rules[0].getBooleanCondition()!.getCriteriaType()).toBe('TEXT_EQ');
    const hits = model.sheetView('Sheet1').cells.filter((c) => c.conditional).map((c) => c.row);
    expect(hits).toEqual([1, 3]);
  });

  test('rows: insert/delete shift content and protections; columns hide/show; widths', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([['h'], ['a'], ['b']]);
    const p = sheet.getRange('A3').protect();
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual(['h', '', '', 'a', 'b']);
    expect(p.getRange().getA1Notation()).toBe('A5');
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A3').getValues().flat()).toEqual(['h', 'a', 'b']);
    expect(sheet.getMaxRows()).toBe(1000);
    sheet.hideColumns(2, 2);
    expect(sheet.isColumnHiddenByUser(3)).toBe(true);
    sheet.showColumns(2);
    expect(sheet.isColumnHiddenByUser(2)).toBe(false);
    sheet.setColumnWidth(1, 180);
    expect([sheet.getColumnWidth(1), sheet.getColumnWidth(2)]).toEqual([180, 100]);
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getRange('B1').getValue()).toBe('h');
    expect(sheet.getMaxColumns()).toBe(27);
  });

  test('deleteRows keeps a row below the frozen ones, as Sheets does', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 999)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    expect(sheet.getMaxRows()).toBe(1000);
    sheet.deleteRows(3, 998);
    expect(sheet.getMaxRows()).toBe(2);
    sheet.setFrozenRows(0);
    expect(() => sheet.deleteRows(1, 2)).toThrow("You can't delete all the rows on the sheet.");
  });

  test('clear variants, tab colour, hide sheet, getDataRange after clear', () => {
    const { ss, sheet } = setup();
    sheet.getRange('A1:B2').setValues([[1, 2], [3, 4]]).setBackground('#00ff00');
    sheet.clearContents();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getRange('A1').getBackground()).toBe('#00ff00');
    sheet.clearFormats();
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
    sheet.setTabColor('#ff0000');
    expect(sheet.getTabColor()).toBe('#ff0000');
    expect(() => sheet.hideSheet()).toThrow(); // the only visible sheet
    const other = ss.insertSheet('Other');
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
    expect(ss.getActiveSheet().getName()).toBe('Other');
    expect(other.getSheetId()).not.toBe(sheet.getSheetId());
    expect(sheet.getSheetId()).toBe(0);
  });

  test('enums are plain name maps', () => {
    const { app } = setup();
    expect(app.ENUMS.ProtectionType).toEqual({ RANGE: 'RANGE', SHEET: 'SHEET' });
    expect(app.ENUMS.WrapStrategy.CLIP).toBe('CLIP');
    expect(app.ENUMS.ButtonSet.OK_CANCEL).toBe('OK_CANCEL');
    expect(app.ENUMS.DataValidationCriteria.VALUE_IN_LIST).toBe('VALUE_IN_LIST');
  });
});

describe('large sheets', () => {
  // A statement import of ~350,000 lines used to crash here: the new rows were spread into one
  // splice() call ("Maximum call stack size exceeded") after the row count had already grown.
  test('insertRowsAfter adds 500,000 rows, moving the rows below and their protection', () => {
    const { sheet, model } = setup();
    sheet.deleteColumns(3, 24); // 2 columns: 801,000 rows stay under 10,000,000 cells
    sheet.getRange('A1:A3').setValues([['h'], ['a'], ['b']]);
    sheet.getRange('A2').setBackground('#00ff00');
    const p = sheet.getRange('A3').protect();
    sheet.insertRowsAfter(1, 500_000);
    expect(sheet.getMaxRows()).toBe(501_000);
    expect(sheet.getLastRow()).toBe(500_003);
    expect(sheet.getRange(500_002, 1, 2, 1).getValues()).toEqual([['a'], ['b']]);
    expect(sheet.getRange(500_002, 1).getBackground()).toBe('#00ff00');
    expect(sheet.getRange(2, 1, 3, 1).getValues()).toEqual([[''], [''], ['']]);
    expect(p.getRange().getA1Notation()).toBe('A500003');
    // At the end of the sheet, next to a formatted row: the new rows take its format.
    sheet.getRange(501_000, 2).setBackground('#ff0000');
    sheet.insertRowsAfter(501_000, 300_000);
    expect(sheet.getMaxRows()).toBe(801_000);
    expect(sheet.getRange(801_000, 2).getBackground()).toBe('#ff0000');
    expect(sheet.getLastRow()).toBe(500_003);
    expect(model.totalCells()).toBe(1_602_000);
  });

  test('a grow over the 10,000,000-cell limit changes nothing', () => {
    const { ss, sheet, model } = setup();
    sheet.getRange('A1:A2').setValues([['h'], ['a']]);
    // 1000 × 26 + 400,000 × 26 = 10,426,000 cells
    expect(() => sheet.insertRowsAfter(1, 400_000)).toThrow('above the limit of 10000000 cells');
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['h'], ['a']]);
    expect(model.totalCells()).toBe(26_000);
    // appendRow below a full sheet, one value wider than it: a row (+26 cells) and a column
    // (+1,001 cells) each fit, both together do not; neither is applied.
    const full = ss.insertSheet('Full');
    full.getRange(1000, 1).setValue('last');
    const filler = model.addSheet('Filler');
    filler.maxCols = 1;
    filler.maxRows = 10_000_000 - 2 * 26_000 - 1_010;
    expect(() => full.appendRow(new Array(27).fill('x'))).toThrow('above the limit of 10000000 cells');
    expect([full.getMaxRows(), full.getMaxColumns(), full.getLastRow()]).toEqual([1000, 26, 1000]);
    expect(model.totalCells()).toBe(10_000_000 - 1_010);
  });

  test('MIN and MAX over a range of 150,000 numbers (more than fit in one call\'s arguments)', () => {
    const { sheet } = setup();
    sheet.insertRowsAfter(1000, 149_000);
    const n = 150_000;
    sheet.getRange(1, 1, n, 1).setValues(Array.from({ length: n }, (_, i) => [((i * 7919) % n) - 5]));
    sheet.getRange('B1').setFormula(`=MAX(A1:A${n})`);
    sheet.getRange('C1').setFormula(`=MIN(A1:A${n})`);
    expect([sheet.getRange('B1').getValue(), sheet.getRange('C1').getValue()]).toEqual([n - 6, -5]);
  });
});
