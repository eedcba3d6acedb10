// LockService really excludes executions that run at the same time
// (reference/lock/lock, research note §3.7).
import { openRuntime } from './helpers';
import type { Runtime } from '../../dev/runtime/index';

const BUNDLE = `
function incrementLocked(ms) {
  var lock = LockService.getDocumentLock();
  lock.waitLock(30000);
  var p = PropertiesService.getDocumentProperties();
  var n = Number(p.getProperty('counter') || 0);
  Utilities.sleep(ms);
  p.setProperty('counter', String(n + 1));
  return n + 1;
}
function incrementUnlocked(ms) {
  var p = PropertiesService.getDocumentProperties();
  var n = Number(p.getProperty('counter2') || 0);
  Utilities.sleep(ms);
  p.setProperty('counter2', String(n + 1));
  return n + 1;
}
function waitShort() {
  var lock = LockService.getDocumentLock();
  try { lock.waitLock(50); return 'got'; } catch (e) { return [e instanceof Error, e.message, lock.hasLock()]; }
}
function tryShort() { return LockService.getScriptLock().tryLock(10); }
function acquireAndRelease() {
  var lock = LockService.getDocumentLock();
  var a = lock.tryLock(1000);
  var b = lock.hasLock();
  lock.releaseLock();
  return [a, b, lock.hasLock()];
}
function acquireAndKeep() { return LockService.getUserLock().tryLock(1000); }
function throwWhileLocked() { LockService.getDocumentLock().waitLock(1000); throw new Error('after lock'); }
function badTimeout() { try { LockService.getDocumentLock().tryLock(-1); } catch (e) { return e.message; } }
function sleepTooLong() { Utilities.sleep(300001); }
`;

describe('LockService', () => {
  let rt: Runtime;
  beforeAll(async () => {
    rt = (await openRuntime(BUNDLE)).rt;
  });
  afterAll(() => rt.close());

  test('20 concurrent executions under waitLock lose no update', async () => {
    const before = rt.locks.contended;
    const results = await Promise.all(Array.from({ length: 20 }, () => rt.run('incrementLocked', [15])));
    expect(rt.properties.document.get('counter')).toBe('20');
    expect(results.map((r) => r.value).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(rt.locks.contended - before).toBeGreaterThan(0); // they really waited for each other
  });

  test('without the lock the same executions lose updates (concurrency is real)', async () => {
    await Promise.all(Array.from({ length: 20 }, () => rt.run('incrementUnlocked', [15])));
    expect(Number(rt.properties.document.get('counter2'))).toBeLessThan(20);
  });

  test('waitLock times out with Apps Script message; holdLock hook', async () => {
    const release = await rt.holdLock('document');
    try {
      expect((await rt.run('waitShort')).value).toEqual([true, 'Lock timeout: another process was holding the lock for too long.', false]);
    } finally {
      release();
    }
    expect((await rt.run('waitShort')).value).toBe('got');
  });

  test('tryLock returns false while another execution holds the script lock', async () => {
    const release = await rt.holdLock('script');
    expect((await rt.run('tryShort')).value).toBe(false);
    release();
    expect((await rt.run('tryShort')).value).toBe(true);
  });

  test('hasLock is false after releaseLock', async () => {
    expect((await rt.run('acquireAndRelease')).value).toEqual([true, true, false]);
  });

  test('locks are released when the execution ends, also when it throws', async () => {
    expect((await rt.run('acquireAndKeep')).value).toBe(true);
    const release = await rt.holdLock('user'); // would wait forever if the lock were still held
    release();
    await expect(rt.run('throwWhileLocked')).rejects.toThrow('after lock');
    const r2 = await rt.holdLock('document');
    r2();
  });

  test('argument checks', async () => {
    expect((await rt.run('badTimeout')).value).toBe('Invalid argument: timeoutInMillis');
    await expect(rt.run('sleepTooLong')).rejects.toThrow(/Argument too large: milliseconds/);
  });
});

describe('a timed-out execution frees its lock', () => {
  test('the limit stops a lock holder and the next execution gets the lock', async () => {
    const { rt } = await openRuntime(`
      function holdForever() { LockService.getDocumentLock().waitLock(1000); for (;;) {} }
      function quick() { return LockService.getDocumentLock().tryLock(0); }
    `, { executionLimitMs: 500 });
    try {
      await expect(rt.run('holdForever')).rejects.toThrow('Exceeded maximum execution time');
      expect((await rt.run('quick')).value).toBe(true);
    } finally {
      await rt.close();
    }
  });
});

describe('simultaneous executions', () => {
  test('at most 30 per user run at once (quotas page)', async () => {
    const { rt } = await openRuntime(`function wait() { LockService.getScriptLock().waitLock(20000); }\nfunction quick() { return 1; }`);
    const release = await rt.holdLock('script');
    try {
      const runs = Array.from({ length: 30 }, () => rt.run('wait'));
      await expect(rt.run('wait')).rejects.toThrow('There are too many scripts running simultaneously for this Google user account.');
      expect((await rt.run('quick', [], { user: 'someone@example.com' })).value).toBe(1);
      release();
      await Promise.all(runs);
    } finally {
      release();
      await rt.close();
    }
  });
});
