// Saving without holding up executions (docs/local-runtime.md "How an execution works"): the
// workbook is snapshotted at once and written by the save worker; the .state.json sidecar and
// Drive files are written only when they changed.
import { readFileSync, statSync, utimesSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { WorkbookModel, createSpreadsheetApp } from '../../dev/runtime/spreadsheet';
import type { SpreadsheetApp } from '../../dev/runtime/spreadsheet';
import { offThreadSaveCount } from '../../dev/runtime/spreadsheet/xlsx';
import { Runtime } from '../../dev/runtime/index';
import { testHost } from './spreadsheetHost';
import { tempDir, writeBundle } from './helpers';

jest.setTimeout(60000);

test('a save writes the workbook as it was when save() was called, on the save worker', async () => {
  const model = WorkbookModel.empty({ timeZone: 'Asia/Shanghai' });
  const app = createSpreadsheetApp(testHost('admin@example.com'), model) as SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const first = ss.getSheets()[0];
  first.getRange('A1').setValue('kept');
  const p = first.protect(); // a protected sheet made the old writer yield half-way through
  p.removeEditors(p.getEditors());
  const second = ss.insertSheet('Second');
  second.getRange('A1').setValue('before');
  const path = join(tempDir(), 'snap.xlsx');
  const before = offThreadSaveCount();
  const saving = model.save(path);
  second.getRange('A1').setValue('after'); // an execution carries on while the save runs
  await saving;
  expect(offThreadSaveCount()).toBe(before + 1);
  const back = await WorkbookModel.load(path);
  expect(back.readValues('Second')).toEqual([['before']]);
  expect(back.readValues(first.getName())).toEqual([['kept']]);
});

test('.state.json and Drive files are rewritten only when they changed', async () => {
  const { bundlePath } = writeBundle(`
    function file() { return DriveApp.createFile('proof.txt', 'proof').getId(); }
    function prop(v) { PropertiesService.getDocumentProperties().setProperty('k', v); }
  `);
  const wb = join(tempDir(), 'book.xlsx');
  const rt = await Runtime.open({ bundlePath, workbookPath: wb });
  try {
    const id = (await rt.run('file')).value as string;
    await rt.run('prop', ['1']);
    await rt.save();
    const state = `${wb}.state.json`;
    const blob = join(`${wb}.drive`, id);
    expect(existsSync(blob)).toBe(true);
    const old = new Date('2001-01-01T00:00:00Z');
    utimesSync(state, old, old);
    utimesSync(blob, old, old);
    await rt.save();
    expect(statSync(state).mtimeMs).toBe(old.getTime());
    expect(statSync(blob).mtimeMs).toBe(old.getTime());
    await rt.run('prop', ['2']);
    await rt.save();
    expect(statSync(state).mtimeMs).not.toBe(old.getTime());
    expect(JSON.parse(readFileSync(state, 'utf8')).properties.document.k).toBe('2');
    expect(statSync(blob).mtimeMs).toBe(old.getTime());
  } finally {
    await rt.close();
  }
});
