// The runtime with the real spreadsheet layer (dev/runtime/spreadsheet): values cross the seam
// realm-correct, calls are counted by Apps Script class, edits fire triggers, the .xlsx and the
// sidecar state round-trip.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Runtime } from '../../dev/runtime/index';
import { tempDir, writeBundle } from './helpers';

const HAVE = existsSync(join(__dirname, '../../dev/runtime/spreadsheet/index.ts'));
const d = HAVE ? describe : describe.skip;
if (!HAVE) console.log('skipped: dev/runtime/spreadsheet/index.ts not present yet');

const BUNDLE = `
function setup() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sh = ss.getSheets()[0].setName('Cases');
  sh.getRange('A1:C2').setValues([['Case ID', 'Date Logged', 'Amount'], ['RC-000001', '2024-01-15', '12.50']]);
  PropertiesService.getDocumentProperties().setProperty('seq', '1');
  return sh.getLastRow();
}
function read() {
  var v = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Cases').getDataRange().getValues();
  return { isDate: v[1][1] instanceof Date, amount: v[1][2], day: Utilities.formatDate(v[1][1], SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(), 'yyyy-MM-dd'), rows: v.length };
}
function onEdit(e) { e.range.offset(0, 1).setValue('seen ' + e.value); }
function menu() { SpreadsheetApp.getUi().createAddonMenu().addItem('Go', 'read').addToUi(); SpreadsheetApp.getActiveSpreadsheet().toast('hi'); }
`;

d('runtime with the real SpreadsheetApp', () => {
  test('values, counts, edits, UI events, save and reopen', async () => {
    const dir = tempDir();
    const wb = join(dir, 'book.xlsx');
    const { bundlePath } = writeBundle(BUNDLE);
    const rt = await Runtime.open({ bundlePath, workbookPath: wb, spreadsheetTimeZone: 'Asia/Shanghai' });
    try {
      expect((await rt.run('setup')).value).toBe(2);
      const r = await rt.run('read');
      expect(r.value).toEqual({ isDate: true, amount: 12.5, day: '2024-01-15', rows: 2 });
      expect(r.calls['Range.getValues']).toBe(1);
      expect(await rt.userEdit('Cases', 'D2', 'hello')).toEqual({ ok: true });
      expect(((await rt.run('read')).value as { rows: number }).rows).toBe(2);
      const m = await rt.run('menu', [], { kind: 'menu' });
      expect(m.events.map((e) => e.type).sort()).toEqual(['menu', 'toast']);
      await rt.save();
    } finally {
      await rt.close();
    }
    const again = await Runtime.open({ bundlePath, workbookPath: wb });
    try {
      expect(again.properties.document.get('seq')).toBe('1');
      expect((await again.run('read')).value).toMatchObject({ isDate: true, day: '2024-01-15' });
    } finally {
      await again.close();
    }
  });
});
