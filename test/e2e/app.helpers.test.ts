// test/e2e/helpers/app.ts without a browser: startTestApp({from}) copies everything saved with a
// workbook — the .xlsx, <file>.sheets.json (conditional formats, validation), <file>.state.json
// (properties, triggers, the Drive index) and <file>.drive/ (the Drive files' bytes).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../dev/runtime/index';
import type { WorkbookModel } from '../../dev/runtime/spreadsheet';
import { startTestApp } from './helpers/app';

jest.setTimeout(60000);

const CODE = `
function onOpen() { SpreadsheetApp.getUi().createAddonMenu().addItem('Make', 'make').addToUi(); }
function make() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sh = ss.getSheets()[0];
  sh.getRange('A1:B2').setValues([['Status', 'Due'], ['Logged', 1]]);
  sh.getRange('A2:A9').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['Logged', 'Agreed']).setAllowInvalid(false).build());
  sh.setConditionalFormatRules([SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$B2>0').setBackground('#f4c7c3').setRanges([sh.getRange('A2:B9')]).build()]);
  PropertiesService.getDocumentProperties().setProperty('seq', '7');
  return DriveApp.createFile('proof.txt', 'the proof').getId();
}
function read(id) { return [PropertiesService.getDocumentProperties().getProperty('seq'), DriveApp.getFileById(id).getBlob().getDataAsString()]; }
`;

test('startTestApp({from}) copies the workbook with its sidecars and Drive files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rcl-from-'));
  try {
    const bundlePath = join(dir, 'Code.js');
    writeFileSync(bundlePath, CODE);
    const from = join(dir, 'original.xlsx');
    const rt = await Runtime.open({ bundlePath, workbookPath: from });
    const id = (await rt.run('make')).value as string;
    await rt.save();
    await rt.close();

    const t = await startTestApp({ from, bundlePath, htmlDir: dir });
    try {
      expect((await t.app.runtime.run('read', [id])).value).toEqual(['7', 'the proof']);
      const wb = t.app.runtime.model as WorkbookModel;
      const sheet = wb.sheets[0];
      expect(sheet.cfRules).toEqual([expect.objectContaining({ condition: { type: 'CUSTOM_FORMULA', args: ['=$B2>0'] }, format: { background: '#f4c7c3' } })]);
      expect(sheet.style(2, 1)?.dv).toMatchObject({ criteria: 'VALUE_IN_LIST', allowInvalid: false });
      // The copy is its own workbook: the original's files are untouched by its saves.
      expect(t.workbookPath).not.toBe(from);
    } finally {
      await t.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
