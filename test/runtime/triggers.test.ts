// Simple and installable triggers, ScriptApp (guides/triggers, guides/triggers/installable,
// reference/script/script-app; research note §3.11).
import { join } from 'node:path';
import { openRuntime, tempDir, FakeModel, FakeSpreadsheetApp } from './helpers';
import { Runtime } from '../../dev/runtime/index';

const BUNDLE = `
function onEdit(e) {
  var p = PropertiesService.getDocumentProperties();
  p.setProperty('simple', [e.range.getA1Notation(), e.value, String(e.oldValue), e.authMode, Session.getActiveUser().getEmail(), e.user.getEmail(), typeof e.source.getId].join('|'));
}
function onEditInstalled(e) {
  var p = PropertiesService.getDocumentProperties();
  p.setProperty('installed', [e.range.getA1Notation(), e.value, e.authMode, Session.getActiveUser().getEmail(), e.triggerUid === undefined ? 'no uid' : 'uid'].join('|'));
  p.setProperty('installedCount', String(Number(p.getProperty('installedCount') || 0) + 1));
}
function install() {
  var t = ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onEdit().create();
  return [t.getHandlerFunction(), t.getEventType(), t.getTriggerSource(), typeof t.getUniqueId(), ScriptApp.EventType.ON_EDIT];
}
function scriptWrite() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Cases').getRange('A1').setValue('by script'); }
function listTriggers() { return ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction(); }); }
function deleteAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); return ScriptApp.getProjectTriggers().length; }
function many(n) {
  try { for (var i = 0; i < n; i++) ScriptApp.newTrigger('tick').timeBased().everyMinutes(5).create(); return 'ok'; }
  catch (e) { return [ScriptApp.getProjectTriggers().length, e.message]; }
}
function badMinutes() { try { ScriptApp.newTrigger('tick').timeBased().everyMinutes(7); } catch (e) { return e.message; } }
function later() { ScriptApp.newTrigger('tick').timeBased().after(60000).create(); }
function tick(e) { var p = PropertiesService.getScriptProperties(); p.setProperty('ticks', String(Number(p.getProperty('ticks') || 0) + 1)); return e.triggerUid ? 'uid' : 'none'; }
function eventProbe(e) { return [e.range.getA1Notation(), typeof e.source.getId, e.authMode, e.custom]; }
function scriptId() { return ScriptApp.getScriptId(); }
`;

describe('triggers', () => {
  let rt: Runtime;
  let model: FakeModel;
  beforeAll(async () => {
    ({ rt, model } = await openRuntime(BUNDLE, { user: 'clerk@example.com', scriptId: 'script-1' }));
  });
  afterAll(() => rt.close());

  test('userEdit runs the simple onEdit LIMITED with e.range/value/oldValue and no active email', async () => {
    model.cells.set('Cases!B2', 'old');
    const res = await rt.userEdit('Cases', 'B2', 'new');
    expect(res).toEqual({ ok: true });
    expect(rt.properties.document.get('simple')).toBe('B2|new|old|LIMITED|||function');
  });

  test('an edit refused by the sheet runs no trigger', async () => {
    rt.properties.document.delete('simple');
    expect(await rt.userEdit('Cases', 'B3', 'REJECT')).toEqual({ ok: false, message: 'Invalid entry' });
    expect(rt.properties.document.get('simple')).toBeUndefined();
  });

  test('installable onEdit runs FULL as its creator; script writes fire nothing', async () => {
    expect((await rt.run('install', [], { kind: 'menu' })).value).toEqual(['onEditInstalled', 'ON_EDIT', 'SPREADSHEETS', 'string', 'ON_EDIT']);
    await rt.userEdit('Cases', 'C4', 'typed', 'other@example.com');
    expect(rt.properties.document.get('installed')).toBe('C4|typed|FULL|clerk@example.com|uid');
    const count = rt.properties.document.get('installedCount');
    const simple = rt.properties.document.get('simple');
    await rt.run('scriptWrite');
    expect(model.cells.get('Cases!A1')).toBe('by script');
    expect(rt.properties.document.get('installedCount')).toBe(count);
    expect(rt.properties.document.get('simple')).toBe(simple);
  });

  test('multi-cell edits carry no e.value', async () => {
    await rt.userEdit('Cases', 'A1:B2', 'x');
    expect(rt.properties.document.get('simple')).toMatch(/^A1:B2\|\|undefined\|LIMITED/);
  });

  test('getProjectTriggers lists only the current user\u2019s triggers; deleteTrigger', async () => {
    expect((await rt.run('listTriggers')).value).toEqual(['onEditInstalled']);
    expect((await rt.run('listTriggers', [], { user: 'other@example.com' })).value).toEqual([]);
    expect((await rt.run('deleteAll')).value).toBe(0);
  });

  test('20 triggers per user per script (quotas page)', async () => {
    expect((await rt.run('many', [21])).value).toEqual([
      20, 'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    ]);
    expect((await rt.run('many', [1], { user: 'other@example.com' })).value).toBe('ok');
    await rt.run('deleteAll');
    await rt.run('deleteAll', [], { user: 'other@example.com' });
    expect((await rt.run('badMinutes')).value).toBe('The number of minutes must be 1, 5, 10, 15 or 30.');
  });

  test('runDueTimeTriggers runs due time-based triggers once (after) as installable executions', async () => {
    await rt.run('later');
    expect(await rt.runDueTimeTriggers(Date.now())).toEqual([]);
    const runs = await rt.runDueTimeTriggers(Date.now() + 61_000);
    expect(runs.map((r) => r.value)).toEqual(['uid']);
    expect(rt.properties.script.get('ticks')).toBe('1');
    expect(await rt.runDueTimeTriggers(Date.now() + 200_000)).toEqual([]);
  });

  test('run() event markers become Range/Spreadsheet objects in the realm', async () => {
    const r = await rt.run('eventProbe', [], { kind: 'simple-trigger', event: { range: { $range: { sheet: 'Cases', a1: 'D9' } }, source: { $spreadsheet: true }, custom: 7 } });
    expect(r.value).toEqual(['D9', 'function', 'LIMITED', 7]);
  });

  test('getScriptId', async () => {
    expect((await rt.run('scriptId')).value).toBe('script-1');
  });
});

describe('sidecar state', () => {
  test('properties and triggers survive save/open', async () => {
    const wb = join(tempDir(), 'book.xlsx');
    const { rt, model } = await openRuntime(BUNDLE, { workbookPath: wb });
    await rt.run('install');
    await rt.userEdit('Cases', 'A2', 'v');
    await rt.save();
    await rt.close();
    const again = await Runtime.open({
      bundlePath: rt.bundlePath,
      workbookPath: wb,
      spreadsheet: { model, createSpreadsheetApp: (h, m) => new FakeSpreadsheetApp(h, m as FakeModel) },
    });
    try {
      expect(again.properties.document.get('installedCount')).toBe('1');
      expect((await again.run('listTriggers')).value).toEqual(['onEditInstalled']);
    } finally {
      await again.close();
    }
  });
});

describe('openDocument', () => {
  test('runs the simple onOpen LIMITED and installable ON_OPEN triggers FULL', async () => {
    const { rt } = await openRuntime(`
      function onOpen(e) { PropertiesService.getDocumentProperties().setProperty('open', e.authMode + '|' + Session.getActiveUser().getEmail()); }
      function installedOpen(e) { PropertiesService.getDocumentProperties().setProperty('open2', e.authMode + '|' + Session.getActiveUser().getEmail()); }
      function install() { ScriptApp.newTrigger('installedOpen').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onOpen().create(); }
      function failing() {}
    `);
    try {
      await rt.run('install');
      const runs = await rt.openDocument('reader@example.com');
      expect(runs.length).toBe(2);
      expect(rt.properties.document.get('open')).toBe('LIMITED|');
      expect(rt.properties.document.get('open2')).toBe('FULL|clerk@example.com');
    } finally {
      await rt.close();
    }
  });

  test('a failing onEdit does not fail the edit', async () => {
    const { rt } = await openRuntime(`function onEdit(e) { throw new Error('trigger broke'); }`);
    try {
      expect(await rt.userEdit('S', 'A1', 'x')).toEqual({ ok: true, triggerErrors: [{ functionName: 'onEdit', message: 'trigger broke' }] });
    } finally {
      await rt.close();
    }
  });
});
