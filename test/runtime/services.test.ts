// PropertiesService, CacheService, Session, HtmlService, kinds/auth, script-run checks.
import { openRuntime } from './helpers';
import type { Runtime } from '../../dev/runtime/index';

const BUNDLE = `
function props() {
  var p = PropertiesService.getScriptProperties();
  p.setProperty('n', 42);
  p.setProperties({ a: 'x', b: true });
  var all = p.getProperties();
  var keys = p.getKeys().sort();
  p.deleteProperty('a');
  return [typeof p.getProperty('n'), p.getProperty('n'), all.b, keys, p.getProperty('a'), p.getProperty('missing')];
}
function replaceAll() {
  var p = PropertiesService.getDocumentProperties();
  p.setProperties({ k1: '1', k2: '2' });
  p.setProperties({ k3: '3' }, true);
  return p.getKeys();
}
function bigValue(n) { try { PropertiesService.getUserProperties().setProperty('big', new Array(n + 1).join('x')); return 'ok'; } catch (e) { return e.message; } }
function fillStore() {
  var p = PropertiesService.getScriptProperties();
  p.deleteAllProperties();
  var v = new Array(9001).join('y');
  try { for (var i = 0; i < 100; i++) p.setProperty('k' + i, v); return 'ok'; } catch (e) { return [i, e.message]; }
}
function userProps(v) { var p = PropertiesService.getUserProperties(); var old = p.getProperty('me'); if (v) p.setProperty('me', v); return old; }
function cache() {
  var c = CacheService.getScriptCache();
  c.put('a', 'A');
  c.putAll({ b: 'B', c: 'C' }, 60);
  var got = [c.get('a'), c.getAll(['a', 'b', 'zz'])];
  c.remove('a'); c.removeAll(['b']);
  got.push(c.get('a'), c.get('b'), c.get('c'));
  return got;
}
function cacheErr(which) {
  var c = CacheService.getUserCache();
  try {
    if (which === 'key') c.put(new Array(252).join('k'), 'v');
    if (which === 'value') c.put('k', new Array(100 * 1024 + 2).join('v'));
    if (which === 'ttl') c.put('k', 'v', 21601);
    if (which === 'ttl0') c.put('k', 'v', 0);
    return 'ok';
  } catch (e) { return e.message; }
}
function cacheGet(k) { return CacheService.getDocumentCache().get(k); }
function cachePut(k, v) { CacheService.getDocumentCache().put(k, v); }
function cachePutMany(n) { var c = CacheService.getScriptCache(); for (var i = 0; i < n; i++) c.put('m' + i, 'v'); return [c.get('m0'), c.get('m' + (n - 1))]; }
function who() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getScriptTimeZone(), Session.getActiveUserLocale(), Session.getTemporaryActiveUserKey().length > 10]; }
function driveInTrigger() { try { DriveApp.getRootFolder(); return 'ok'; } catch (e) { return e.message; } }
function triggerInTrigger() { try { ScriptApp.newTrigger('who'); return 'ok'; } catch (e) { return e.message; } }
function html() {
  var o = HtmlService.createHtmlOutputFromFile('Page').setTitle('T').setWidth(300).setHeight(200);
  o.append('<p>more</p>');
  o.setSandboxMode(HtmlService.SandboxMode.IFRAME);
  var b = HtmlService.createHtmlOutput('<b>x</b>').getContent();
  return [o.getContent(), o.getTitle(), o.getWidth(), o.getHeight(), b, HtmlService.createHtmlOutput().getContent()];
}
function htmlMissing() { try { HtmlService.createHtmlOutputFromFile('Nope'); } catch (e) { return e.message; } }
function echo(x) { return x; }
function giveDate() { return { when: new Date(0) }; }
function giveFn() { return { rows: [1, function () {}] }; }
function giveInstance() { function Money(v) { this.v = v; } return [new Money(1)]; }
function giveCircular() { var a = { x: 1 }; a.self = a; return a; }
function giveHoles() { return { a: [1, undefined, 3], b: undefined, c: null }; }
function helper_() { return 'private'; }
function spin() { for (;;) {} }
`;

describe('services', () => {
  let rt: Runtime;
  beforeAll(async () => {
    rt = (await openRuntime(BUNDLE, { html: { Page: '<h1>Page</h1>' }, user: 'ana@example.com' })).rt;
  });
  afterAll(() => rt.close());

  test('Properties: values are strings; set/get/delete (reference/properties/properties)', async () => {
    expect((await rt.run('props')).value).toEqual(['string', '42', 'true', ['a', 'b', 'n'], null, null]);
    expect((await rt.run('replaceAll')).value).toEqual(['k3']);
  });

  test('Properties: 9 KB per value, 500 KB per store (quotas page)', async () => {
    expect((await rt.run('bigValue', [9 * 1024])).value).toBe('ok');
    expect((await rt.run('bigValue', [9 * 1024 + 1])).value).toBe('Argument too large: value');
    expect((await rt.run('fillStore')).value).toEqual([56, 'You have exceeded the property storage quota. Please remove some properties and try again.']);
  });

  test('Properties: user store is per user, survives executions', async () => {
    await rt.run('userProps', ['mine'], { user: 'bob@example.com' });
    expect((await rt.run('userProps', [], { user: 'bob@example.com' })).value).toBe('mine');
    expect((await rt.run('userProps', [])).value).toBe(null);
  });

  test('Cache: put/get/getAll/remove (reference/cache/cache)', async () => {
    expect((await rt.run('cache')).value).toEqual(['A', { a: 'A', b: 'B' }, null, null, 'C']);
  });

  test('Cache limits: key 250 chars, value 100 KB, ttl 1..21600 s', async () => {
    expect((await rt.run('cacheErr', ['key'])).value).toBe('Argument too large: key');
    expect((await rt.run('cacheErr', ['value'])).value).toBe('Argument too large: value');
    expect((await rt.run('cacheErr', ['ttl'])).value).toBe('Invalid argument: expirationInSeconds');
    expect((await rt.run('cacheErr', ['ttl0'])).value).toBe('Invalid argument: expirationInSeconds');
  });

  test('Cache: default expiry 600 s, 1000 items, drop hook', async () => {
    let now = 1_000_000;
    rt.cache.now = () => now;
    await rt.run('cachePut', ['k', 'v']);
    now += 599_000;
    expect((await rt.run('cacheGet', ['k'])).value).toBe('v');
    now += 1_000;
    expect((await rt.run('cacheGet', ['k'])).value).toBe(null);
    await rt.run('cachePut', ['k2', 'v']);
    expect(rt.cache.drop((k) => k === 'k2')).toBe(1);
    expect((await rt.run('cacheGet', ['k2'])).value).toBe(null);
    expect((await rt.run('cachePutMany', [1001])).value).toEqual([null, 'v']);
    rt.cache.now = () => Date.now();
  });

  test('Session: users, zone, locale (reference/base/session)', async () => {
    expect((await rt.run('who')).value).toEqual(['ana@example.com', 'ana@example.com', 'America/New_York', 'en', true]);
  });

  test('simple triggers run LIMITED: active and effective user emails are "", Drive and triggers refused (guides/triggers)', async () => {
    // reference/base/user#getEmail: "not available in any context that allows a script to run
    // without that user's authorization, like a simple onOpen(e) or onEdit(e) trigger" — any User.
    expect((await rt.run('who', [], { kind: 'simple-trigger' })).value).toEqual(['', '', 'America/New_York', 'en', true]);
    expect((await rt.run('driveInTrigger', [], { kind: 'simple-trigger' })).value).toBe(
      'You do not have permission to call DriveApp.getRootFolder. Required permissions: https://www.googleapis.com/auth/drive',
    );
    expect((await rt.run('triggerInTrigger', [], { kind: 'simple-trigger' })).value).toMatch(/^You do not have permission to call ScriptApp.newTrigger/);
    expect((await rt.run('driveInTrigger', [], { kind: 'menu' })).value).toBe('ok');
  });

  test('HtmlService: from file, output methods, missing file (reference/html/html-service)', async () => {
    expect((await rt.run('html')).value).toEqual(['<h1>Page</h1><p>more</p>', 'T', 300, 200, '<b>x</b>', '']);
    expect((await rt.run('htmlMissing')).value).toBe('No HTML file named Nope was found.');
  });

  test('script-run: legal values pass, undefined in arrays becomes null (guides/html/reference/run)', async () => {
    const r = await rt.run('giveHoles', [], { kind: 'script-run' });
    expect(r.value).toEqual({ a: [1, null, 3], c: null });
    expect(Object.keys(r.value as object)).toEqual(['a', 'c']);
    expect((await rt.run('echo', [[1, undefined, { x: undefined, y: 2 }]], { kind: 'script-run' })).value).toEqual([1, null, { y: 2 }]);
  });

  test('script-run: Date, function, class instance, circular fail naming the path', async () => {
    await expect(rt.run('echo', [{ d: new Date() }], { kind: 'script-run' })).rejects.toThrow('Failed due to illegal value in property: args[0].d (a Date');
    await expect(rt.run('echo', [{ f: [() => 1] }], { kind: 'script-run' })).rejects.toThrow('args[0].f[0] (a function)');
    await expect(rt.run('giveDate', [], { kind: 'script-run' })).rejects.toThrow('result.when (a Date');
    await expect(rt.run('giveFn', [], { kind: 'script-run' })).rejects.toThrow('result.rows[1] (a function)');
    await expect(rt.run('giveInstance', [], { kind: 'script-run' })).rejects.toThrow('result[0] (an instance of Money)');
    await expect(rt.run('giveCircular', [], { kind: 'script-run' })).rejects.toThrow('result.self (a circular reference)');
    // the same values are fine for other kinds
    expect(((await rt.run('giveDate')).value as { when: Date }).when.getTime()).toBe(0);
  });

  test('script-run: names ending in _ are refused; any kind may run them otherwise', async () => {
    await expect(rt.run('helper_', [], { kind: 'script-run' })).rejects.toThrow(/private/);
    expect((await rt.run('helper_')).value).toBe('private');
  });

  test('simple triggers stop after 30 s, others after executionLimitMs', async () => {
    const { rt: fast } = await openRuntime(BUNDLE, { executionLimitMs: 200 });
    try {
      await expect(fast.run('spin', [], { kind: 'simple-trigger' })).rejects.toThrow('Exceeded maximum execution time');
    } finally {
      await fast.close();
    }
  });
});
