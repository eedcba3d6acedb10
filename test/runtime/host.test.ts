// The execution host: workers, vm realm, proxies, values, errors, call counts, time limit.
import { openRuntime } from './helpers';
import { Runtime } from '../../dev/runtime/index';

const BUNDLE = `
var counter = 0;
function bump() { counter++; return counter; }
function realm() {
  var v = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S').getRange('A1').getValues();
  var d = v[0][1];
  return { isDate: d instanceof Date, isArray: v instanceof Array, rowIsArray: v[0] instanceof Array,
           iso: d.toISOString(), proto: Object.getPrototypeOf(v) === Array.prototype };
}
function globalsSeen() {
  var names = ['require','process','Buffer','setTimeout','setInterval','fetch','URL','URLSearchParams','TextDecoder','TextEncoder','structuredClone','module','exports','global','queueMicrotask','setImmediate'];
  return names.filter(function (n) { return typeof globalThis[n] !== 'undefined'; });
}
function echo(x) { return x; }
function throws() { throw new Error('boom: ' + Session.getScriptTimeZone()); }
function throwsString() { throw 'plain'; }
function catches() {
  try { PropertiesService.getScriptProperties().setProperty(null, 'x'); return 'no'; }
  catch (e) { return [e instanceof Error, e.message, e.name, String(e)]; }
}
function unknownMethod() { return typeof SpreadsheetApp.noSuchThing; }
function enumValue() { return SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST; }
function writeCells(n) { var r = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S').getRange('B2'); for (var i = 0; i < n; i++) r.setValue(i); return r.getValue(); }
function chained() { var p = PropertiesService.getScriptProperties(); return p.setProperty('a', '1') === p; }
function spin() { for (;;) {} }
function logs() { Logger.log('L %s', 1); console.log('c', {a:1}); console.warn('w'); return Logger.getLog(); }
function alerting() { return SpreadsheetApp.getUi().alert('Sure?'); }
function passDate(d) { return d instanceof Date && d.getTime(); }
`;

describe('execution host', () => {
  let rt: Runtime;
  beforeAll(async () => {
    rt = (await openRuntime(BUNDLE, { executionLimitMs: 3000 })).rt;
  });
  afterAll(() => rt.close());

  test('values from services are built in the execution realm (research note §3.1 realm trap)', async () => {
    const r = await rt.run('realm');
    expect(r.value).toEqual({ isDate: true, isArray: true, rowIsArray: true, iso: '2024-01-15T12:00:00.000Z', proto: true });
  });

  test('arguments are rebuilt in the realm too (a host Date is a Date inside)', async () => {
    const d = new Date(Date.UTC(2020, 1, 2));
    expect((await rt.run('passDate', [d])).value).toBe(d.getTime());
  });

  test('no Node globals inside an execution (research note §3.1)', async () => {
    expect((await rt.run('globalsSeen')).value).toEqual([]);
  });

  test('globals are fresh for every execution', async () => {
    expect((await rt.run('bump')).value).toBe(1);
    expect((await rt.run('bump')).value).toBe(1);
  });

  test('results come back as host values', async () => {
    const r = await rt.run('echo', [{ a: [1, 'x', null, true], d: new Date(5) }]);
    expect(r.value).toEqual({ a: [1, 'x', null, true], d: new Date(5) });
    expect((r.value as { d: Date }).d instanceof Date).toBe(true);
  });

  test('a thrown Error rejects run() with its message', async () => {
    await expect(rt.run('throws')).rejects.toThrow('boom: America/New_York');
    await expect(rt.run('throwsString')).rejects.toThrow('plain');
  });

  test('a service error is a catchable context Error with the service message', async () => {
    expect((await rt.run('catches')).value).toEqual([true, 'Invalid argument: key', 'Exception', 'Exception: Invalid argument: key']);
  });

  test('unknown function name', async () => {
    await expect(rt.run('nope')).rejects.toThrow('Script function not found: nope');
  });

  test('unknown methods are undefined; enums are plain properties', async () => {
    expect((await rt.run('unknownMethod')).value).toBe('undefined');
    expect((await rt.run('enumValue')).value).toBe('VALUE_IN_LIST');
  });

  test('methods returning this keep identity', async () => {
    expect((await rt.run('chained')).value).toBe(true);
  });

  test('counts every service call as Class.method', async () => {
    const before = rt.totalCalls['FakeRange.setValue'] ?? 0;
    const r = await rt.run('writeCells', [5]);
    expect(r.value).toBe(4);
    expect(r.calls).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'FakeSpreadsheet.getSheetByName': 1,
      'FakeSheet.getRange': 1,
      'FakeRange.setValue': 5,
      'FakeRange.getValue': 1,
    });
    expect(rt.totalCalls['FakeRange.setValue']).toBe(before + 5);
  });

  test('Logger and console go to RunResult.logs', async () => {
    const r = await rt.run('logs');
    expect(r.logs).toEqual(['L 1', 'c {"a":1}', 'WARNING: w']);
    expect(r.value).toBe('L 1\n');
    expect(r.calls['Logger.log']).toBe(1);
  });

  test('a Promise from the main side (an alert) blocks the execution until it settles', async () => {
    expect((await rt.run('alerting')).value).toBe('OK');
  });

  test('past the execution limit the worker is stopped (quotas: 6 min per execution)', async () => {
    // Its own runtime with a short limit, so the suite does not wait out the shared 3 s one (1 s leaves room for a worker start on a loaded box).
    const short = (await openRuntime(BUNDLE, { executionLimitMs: 1000 })).rt;
    try {
      await short.run('bump');
      const workers = short.workerCount;
      await expect(short.run('spin')).rejects.toThrow('Exceeded maximum execution time');
      expect(short.workerCount).toBeLessThanOrEqual(workers);
      expect((await short.run('bump')).value).toBe(1); // the runtime still works
    } finally {
      await short.close();
    }
  });
});

describe('functionNames', () => {
  test('lists top-level functions without running the bundle', async () => {
    const { rt } = await openRuntime(`
      PropertiesService.getScriptProperties().setProperty('ran', 'yes');
      function a() {}
      var b = 1;
      (function () { function hidden() {} })();
    `);
    try {
      expect(rt.functionNames()).toEqual(['a']);
      expect(rt.properties.script.get('ran')).toBeUndefined();
      expect(await rt.hasFunction('hidden')).toBe(false);
    } finally {
      await rt.close();
    }
  });
});
