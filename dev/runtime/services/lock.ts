// LockService (https://developers.google.com/apps-script/reference/lock/lock-service,
// .../lock/lock). A real lock shared by executions that run at the same time (each in its own
// worker): tryLock(ms) -> boolean, waitLock(ms) throws on timeout, hasLock, releaseLock; every
// lock an execution holds is released when it ends ("Locks are released when the script
// completes", Lock.releaseLock docs). Research note §3.7. The timeout message is the one
// gas-fakes and users' reports quote: "Lock timeout: another process was holding the lock for
// too long."
import { ScriptError, invalidArgument } from './errors';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

interface Waiter {
  owner: number;
  resolve: (got: boolean) => void;
  timer?: ReturnType<typeof setTimeout>;
}

/** Who holds which lock; owners are execution ids (negative for test hooks). */
export class LockManager {
  private holders = new Map<string, number>();
  private queues = new Map<string, Waiter[]>();
  /** Counts acquisitions that had to wait (handy for tests: shows contention happened). */
  contended = 0;

  holds(key: string, owner: number): boolean {
    return this.holders.get(key) === owner;
  }

  acquire(key: string, owner: number, timeoutMs: number): Promise<boolean> {
    const h = this.holders.get(key);
    if (h === undefined || h === owner) {
      this.holders.set(key, owner);
      return Promise.resolve(true);
    }
    if (!(timeoutMs > 0)) return Promise.resolve(false);
    this.contended++;
    return new Promise((resolve) => {
      const w: Waiter = { owner, resolve };
      w.timer = setTimeout(() => {
        this.dropWaiter(key, w);
        resolve(false);
      }, timeoutMs);
      w.timer.unref(); // the waiting execution's worker keeps the process alive, not this timer
      let q = this.queues.get(key);
      if (!q) this.queues.set(key, (q = []));
      q.push(w);
    });
  }

  release(key: string, owner: number): void {
    if (this.holders.get(key) !== owner) return;
    this.holders.delete(key);
    const q = this.queues.get(key);
    const next = q?.shift();
    if (q && !q.length) this.queues.delete(key);
    if (next) {
      if (next.timer) clearTimeout(next.timer);
      this.holders.set(key, next.owner);
      next.resolve(true);
    }
  }

  /** The execution ended (or was stopped): free its locks and forget its waits. */
  releaseAll(owner: number): void {
    for (const [key, q] of this.queues) {
      for (const w of q.filter((x) => x.owner === owner)) {
        if (w.timer) clearTimeout(w.timer);
        this.dropWaiter(key, w);
        w.resolve(false);
      }
    }
    for (const [key, h] of [...this.holders]) if (h === owner) this.release(key, owner);
  }

  private dropWaiter(key: string, w: Waiter): void {
    const q = this.queues.get(key);
    if (!q) return;
    const i = q.indexOf(w);
    if (i >= 0) q.splice(i, 1);
    if (!q.length) this.queues.delete(key);
  }
}

function timeout(ms: unknown): number {
  const n = Number(ms);
  if (ms === undefined || ms === null || !Number.isFinite(n) || n < 0) throw invalidArgument('timeoutInMillis');
  return n;
}

export class Lock {
  constructor(
    private readonly _locks: LockManager,
    private readonly _key: string,
    private readonly _owner: number,
  ) {}
  async tryLock(ms: unknown): Promise<boolean> {
    return this._locks.acquire(this._key, this._owner, timeout(ms));
  }
  async waitLock(ms: unknown): Promise<void> {
    if (!(await this._locks.acquire(this._key, this._owner, timeout(ms)))) throw new ScriptError(LOCK_TIMEOUT_MESSAGE);
  }
  hasLock(): boolean {
    return this._locks.holds(this._key, this._owner);
  }
  /** No effect if the lock was not acquired (Lock.releaseLock docs). */
  releaseLock(): void {
    this._locks.release(this._key, this._owner);
  }
}

export function lockKey(scope: 'document' | 'script' | 'user', documentId: string, user: string): string {
  return scope === 'document' ? `document:${documentId}` : scope === 'script' ? 'script' : `user:${user}`;
}

export class LockService {
  constructor(
    private readonly _locks: LockManager,
    private readonly _owner: number,
    private readonly _documentId: string,
    private readonly _user: string,
  ) {}
  getDocumentLock(): Lock {
    return new Lock(this._locks, lockKey('document', this._documentId, this._user), this._owner);
  }
  getScriptLock(): Lock {
    return new Lock(this._locks, lockKey('script', this._documentId, this._user), this._owner);
  }
  getUserLock(): Lock {
    return new Lock(this._locks, lockKey('user', this._documentId, this._user), this._owner);
  }
}
