// CacheService and Cache (https://developers.google.com/apps-script/reference/cache/cache-service,
// .../cache/cache). Keys up to 250 characters, values up to 100 KB, put() expires after 600 s by
// default, expirationInSeconds from 1 to 21600 (6 h), at most 1000 items per cache (older ones
// evicted); "the cache ... may be removed before expiration" — tests can drop entries with
// CacheStores.drop(). Research note §3.6.
import { ScriptError, invalidArgument, utf8Bytes } from './errors';

export const CACHE_KEY_MAX_CHARS = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_DEFAULT_TTL_S = 600;
export const CACHE_MAX_TTL_S = 21600;
export const CACHE_MAX_ITEMS = 1000;

interface Entry {
  value: string;
  expires: number;
}

export class CacheStores {
  private caches = new Map<string, Map<string, Entry>>();
  /** Injectable clock for expiry tests. */
  now: () => number = () => Date.now();
  get(scope: string): Map<string, Entry> {
    let m = this.caches.get(scope);
    if (!m) this.caches.set(scope, (m = new Map()));
    return m;
  }
  /** Test hook: the cache loses entries (all, or those whose key matches). */
  drop(match?: (key: string) => boolean): number {
    let n = 0;
    for (const m of this.caches.values())
      for (const k of [...m.keys()])
        if (!match || match(k)) {
          m.delete(k);
          n++;
        }
    return n;
  }
}

function checkKey(k: unknown): string {
  if (k === null || k === undefined) throw invalidArgument('key');
  const s = String(k);
  if (s.length > CACHE_KEY_MAX_CHARS) throw new ScriptError(`Argument too large: key`);
  return s;
}
function checkValue(v: unknown): string {
  if (v === null || v === undefined) throw invalidArgument('value');
  const s = String(v);
  if (utf8Bytes(s) > CACHE_VALUE_MAX_BYTES) throw new ScriptError('Argument too large: value');
  return s;
}
function checkTtl(t: unknown): number {
  if (t === undefined) return CACHE_DEFAULT_TTL_S;
  const n = Number(t);
  if (!Number.isFinite(n) || n < 1 || n > CACHE_MAX_TTL_S) throw invalidArgument('expirationInSeconds');
  return Math.floor(n);
}

export class Cache {
  constructor(
    private readonly _stores: CacheStores,
    private readonly _scope: string,
  ) {}
  private _live(): Map<string, Entry> {
    const m = this._stores.get(this._scope);
    const now = this._stores.now();
    for (const [k, e] of m) if (e.expires <= now) m.delete(k);
    return m;
  }
  private _set(m: Map<string, Entry>, k: string, v: string, ttl: number): void {
    m.delete(k); // re-insert keeps Map order = age order for eviction
    m.set(k, { value: v, expires: this._stores.now() + ttl * 1000 });
    while (m.size > CACHE_MAX_ITEMS) m.delete(m.keys().next().value as string);
  }
  get(key: unknown): string | null {
    const e = this._live().get(checkKey(key));
    return e ? e.value : null;
  }
  getAll(keys: unknown): Record<string, string> {
    if (!Array.isArray(keys)) throw invalidArgument('keys');
    const m = this._live();
    const out: Record<string, string> = {};
    for (const k of keys) {
      const e = m.get(checkKey(k));
      if (e) out[String(k)] = e.value;
    }
    return out;
  }
  put(key: unknown, value: unknown, expirationInSeconds?: unknown): void {
    const k = checkKey(key);
    const v = checkValue(value);
    this._set(this._live(), k, v, checkTtl(expirationInSeconds));
  }
  putAll(values: unknown, expirationInSeconds?: unknown): void {
    if (values === null || typeof values !== 'object' || Array.isArray(values)) throw invalidArgument('values');
    const ttl = checkTtl(expirationInSeconds);
    const entries = Object.entries(values as Record<string, unknown>).map(([k, v]) => [checkKey(k), checkValue(v)] as const);
    const m = this._live();
    for (const [k, v] of entries) this._set(m, k, v, ttl);
  }
  remove(key: unknown): void {
    this._live().delete(checkKey(key));
  }
  removeAll(keys: unknown): void {
    if (!Array.isArray(keys)) throw invalidArgument('keys');
    const m = this._live();
    for (const k of keys) m.delete(checkKey(k));
  }
}

export class CacheService {
  constructor(
    private readonly _stores: CacheStores,
    private readonly _documentId: string,
    private readonly _user: string,
  ) {}
  getDocumentCache(): Cache {
    return new Cache(this._stores, `document:${this._documentId}`);
  }
  getScriptCache(): Cache {
    return new Cache(this._stores, 'script');
  }
  getUserCache(): Cache {
    return new Cache(this._stores, `user:${this._user}`);
  }
}
