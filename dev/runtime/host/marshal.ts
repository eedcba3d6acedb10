// Main-side half of the value seam (dev/runtime/contract.ts): main-side objects travel as
// handles in a per-execution table; everything else is structured-cloneable. The worker side
// (host/worker.cjs) rebuilds values with the vm context's constructors.

export const MARK = '\u0000rcl';

/** A value from the execution that has no main-side equivalent (a function, a symbol, an
 *  instance of a class defined by the bundle, a cycle). Services receive it as is;
 *  checkScriptRunValue rejects it. */
export class Foreign {
  constructor(
    readonly kind: 'function' | 'symbol' | 'instance' | 'circular' | 'bigint',
    readonly name: string,
    readonly text: string,
    readonly props: Record<string, unknown> = {},
  ) {}
  toString(): string {
    return this.text;
  }
}

const methodCache = new WeakMap<object, string[]>();
const protoKeys = new WeakMap<object, string>();
const keysByName = new Map<string, number>();

/** The worker learns a class's methods once, by key: the class name, made unique when two
 *  classes share a name (Session's User and Drive's User). */
export function classKeyOf(obj: object): string {
  const proto = Object.getPrototypeOf(obj) as object;
  let key = protoKeys.get(proto);
  if (!key) {
    const name = classOf(obj);
    const n = keysByName.get(name) ?? 0;
    keysByName.set(name, n + 1);
    key = n === 0 ? name : `${name}#${n}`;
    protoKeys.set(proto, key);
  }
  return key;
}

/** Apps Script class name of a main-side object: its `__class` if set, else its constructor's name. */
export function classOf(obj: object): string {
  const c = (obj as { __class?: unknown }).__class;
  if (typeof c === 'string') return c;
  return (obj.constructor && obj.constructor.name) || 'Object';
}

/** The methods a script may call: public functions along the prototype chain (names starting
 *  with `_` are internal and stay hidden; so are `constructor` and Object.prototype's). */
export function methodsOf(obj: object): string[] {
  const proto = Object.getPrototypeOf(obj) as object;
  let list = methodCache.get(proto);
  if (!list) {
    const names = new Set<string>();
    for (let p: object | null = proto; p && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
      for (const n of Object.getOwnPropertyNames(p)) {
        if (n === 'constructor' || n.startsWith('_')) continue;
        const d = Object.getOwnPropertyDescriptor(p, n);
        if (d && typeof d.value === 'function') names.add(n);
      }
    }
    list = [...names];
    methodCache.set(proto, list);
  }
  const own = Object.keys(obj).filter((k) => !k.startsWith('_') && typeof (obj as Record<string, unknown>)[k] === 'function');
  return own.length ? [...new Set([...list, ...own])] : list;
}

/** A plain object of any realm (its prototype is some realm's Object.prototype, or null). */
export function isPlainObject(v: object): boolean {
  const p = Object.getPrototypeOf(v);
  if (p === Object.prototype || p === null) return true;
  return Object.getPrototypeOf(p) === null && typeof p.constructor === 'function' && p.constructor.name === 'Object';
}

/** What the worker learns about a class once: its methods and its enums (an `ENUMS` property
 *  such as Ui's ButtonSet, served as plain properties: `ui.ButtonSet.OK_CANCEL`). */
export interface ClassInfo {
  m: string[];
  e?: unknown;
}

export function classInfo(obj: object, table: HandleTable): ClassInfo {
  const enums = (obj as { ENUMS?: unknown }).ENUMS;
  return enums && typeof enums === 'object' ? { m: methodsOf(obj), e: toWire(enums, table) } : { m: methodsOf(obj) };
}

/** Objects of one execution that the worker knows by number. */
export class HandleTable {
  private byId = new Map<number, object>();
  private ids = new Map<object, number>();
  private next = 1;
  /** Classes whose method lists (and enums) must go to the worker with the next reply. */
  pendingClasses: Record<string, ClassInfo> | undefined;
  constructor(private knownClasses: Set<string>) {}

  idOf(obj: object): number {
    let id = this.ids.get(obj);
    if (id === undefined) {
      id = this.next++;
      this.ids.set(obj, id);
      this.byId.set(id, obj);
      const cls = classKeyOf(obj);
      if (!this.knownClasses.has(cls)) {
        this.knownClasses.add(cls);
        (this.pendingClasses ??= {})[cls] = classInfo(obj, this);
      }
    }
    return id;
  }
  get(id: number): object | undefined {
    return this.byId.get(id);
  }
  takeClasses(): Record<string, ClassInfo> | undefined {
    const c = this.pendingClasses;
    this.pendingClasses = undefined;
    return c;
  }
  clear(): void {
    this.byId.clear();
    this.ids.clear();
  }
}

/** Main value -> wire value. */
export function toWire(v: unknown, table: HandleTable): unknown {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') return undefined;
    return v;
  }
  if (Array.isArray(v)) {
    const n = v.length;
    const out = new Array(n);
    for (let i = 0; i < n; i++) {
      const x = v[i];
      out[i] = x === null || typeof x !== 'object' ? (typeof x === 'function' ? undefined : x) : toWire(x, table);
    }
    return out;
  }
  if (Object.prototype.toString.call(v) === '[object Date]') return v;
  if (ArrayBuffer.isView(v)) return v;
  if (v instanceof Foreign) return undefined;
  if (isPlainObject(v)) {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v)) o[k] = toWire((v as Record<string, unknown>)[k], table);
    return o;
  }
  return { [MARK]: 'h', id: table.idOf(v), c: classKeyOf(v) };
}

/** Wire value -> main value (handles back to their objects, markers to Foreign). */
export function fromWire(v: unknown, table: HandleTable): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const n = v.length;
    const out = new Array(n);
    for (let i = 0; i < n; i++) {
      const x = v[i];
      out[i] = x === null || typeof x !== 'object' ? x : fromWire(x, table);
    }
    return out;
  }
  // Rebuilt with this realm's constructors (structured clone makes objects of Node's own realm,
  // which differs from a jest test's).
  const tag = Object.prototype.toString.call(v);
  if (tag === '[object Date]') return new Date((v as Date).getTime());
  if (ArrayBuffer.isView(v)) return new Uint8Array((v as Uint8Array).buffer, (v as Uint8Array).byteOffset, (v as Uint8Array).byteLength);
  const rec = v as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(rec, MARK)) {
    switch (rec[MARK]) {
      case 'h': {
        const obj = table.get(rec.id as number);
        if (!obj) throw new Error(`stale handle ${String(rec.id)}`);
        return obj;
      }
      case 'fn':
        return new Foreign('function', String(rec.name), `function ${String(rec.name)}() {...}`);
      case 'symbol':
        return new Foreign('symbol', String(rec.name), `Symbol(${String(rec.name)})`);
      case 'bigint':
        return new Foreign('bigint', 'BigInt', String(rec.s));
      case 'circular':
        return new Foreign('circular', 'circular', '[circular]');
      case 'instance': {
        const props: Record<string, unknown> = {};
        const p = rec.props as Record<string, unknown>;
        for (const k of Object.keys(p)) props[k] = fromWire(p[k], table);
        return new Foreign('instance', String(rec.name), String(rec.s), props);
      }
    }
  }
  const o: Record<string, unknown> = {};
  for (const k of Object.keys(rec)) o[k] = fromWire(rec[k], table);
  return o;
}
