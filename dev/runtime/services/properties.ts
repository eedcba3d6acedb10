// PropertiesService (https://developers.google.com/apps-script/reference/properties/properties-service,
// .../properties/properties). Values are strings (anything else is stored as its string form);
// limits from the quotas page (https://developers.google.com/apps-script/guides/services/quotas):
// 9 KB per value, 500 KB per property store. Research note §3.6.
import { ScriptError, invalidArgument, utf8Bytes } from './errors';

export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;

export type PropertyStores = {
  document: Map<string, string>;
  script: Map<string, string>;
  user: Map<string, Map<string, string>>;
};

export function emptyPropertyStores(): PropertyStores {
  return { document: new Map(), script: new Map(), user: new Map() };
}

function storeBytes(m: Map<string, string>): number {
  let n = 0;
  for (const [k, v] of m) n += utf8Bytes(k) + utf8Bytes(v);
  return n;
}

function key(k: unknown): string {
  if (k === null || k === undefined) throw invalidArgument('key');
  return String(k);
}

function value(v: unknown): string {
  if (v === null || v === undefined) throw invalidArgument('value');
  const s = String(v);
  if (utf8Bytes(s) > PROPERTY_VALUE_MAX_BYTES) throw new ScriptError('Argument too large: value');
  return s;
}

/** Writes `next` if the store stays under its quota (all-or-nothing, like the service). */
function commit(store: Map<string, string>, next: Map<string, string>): void {
  if (storeBytes(next) > PROPERTY_STORE_MAX_BYTES)
    throw new ScriptError('You have exceeded the property storage quota. Please remove some properties and try again.');
  store.clear();
  for (const [k, v] of next) store.set(k, v);
}

export class Properties {
  constructor(private readonly _store: Map<string, string>) {}
  getProperty(k: unknown): string | null {
    const v = this._store.get(key(k));
    return v === undefined ? null : v;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this._store);
  }
  getKeys(): string[] {
    return [...this._store.keys()];
  }
  setProperty(k: unknown, v: unknown): Properties {
    const next = new Map(this._store);
    next.set(key(k), value(v));
    commit(this._store, next);
    return this;
  }
  setProperties(props: unknown, deleteAllOthers?: unknown): Properties {
    if (props === null || typeof props !== 'object' || Array.isArray(props)) throw invalidArgument('properties');
    const next = deleteAllOthers === true ? new Map<string, string>() : new Map(this._store);
    for (const [k, v] of Object.entries(props as Record<string, unknown>)) next.set(key(k), value(v));
    commit(this._store, next);
    return this;
  }
  deleteProperty(k: unknown): Properties {
    this._store.delete(key(k));
    return this;
  }
  deleteAllProperties(): Properties {
    this._store.clear();
    return this;
  }
}

export class PropertiesService {
  constructor(
    private readonly _stores: PropertyStores,
    private readonly _user: string,
  ) {}
  /** The workbook is always a bound/add-on document here, so never null. */
  getDocumentProperties(): Properties {
    return new Properties(this._stores.document);
  }
  /** Shared by every user of the script (for an add-on: every user of every document). */
  getScriptProperties(): Properties {
    return new Properties(this._stores.script);
  }
  getUserProperties(): Properties {
    let m = this._stores.user.get(this._user);
    if (!m) this._stores.user.set(this._user, (m = new Map()));
    return new Properties(m);
  }
}
