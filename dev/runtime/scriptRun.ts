// google.script.run's value rules (https://developers.google.com/apps-script/guides/html/reference/run,
// https://developers.google.com/apps-script/guides/html/communication#parameters_and_return_values;
// research note §3.9): "Legal parameters are JavaScript primitives like a Number, Boolean, String,
// or null, as well as JavaScript objects and arrays that are composed of primitives, objects and
// arrays. ... Requests fail if you attempt to pass a Date, Function, DOM element besides a form, or
// other prohibited type, including prohibited types inside objects or arrays. Objects that create
// circular references will also fail, and undefined fields within arrays become null."
// Return values follow the same rules. Used by Runtime.run(kind 'script-run') and by the local
// app's google.script.run bridge.
import { Foreign, isPlainObject } from './host/marshal';

export class ScriptRunValueError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'ScriptRunValueError';
  }
}

function describe(v: unknown): string {
  if (v instanceof Foreign) {
    if (v.kind === 'instance') return `an instance of ${v.name}`;
    if (v.kind === 'circular') return 'a circular reference';
    if (v.kind === 'function') return 'a function';
    if (v.kind === 'symbol') return 'a symbol';
    return 'a BigInt';
  }
  if (Object.prototype.toString.call(v) === '[object Date]') return 'a Date (pass an ISO string instead)';
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'symbol') return 'a symbol';
  if (typeof v === 'bigint') return 'a BigInt';
  if (v && typeof v === 'object') {
    const name = (Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null)?.constructor?.name;
    return `an instance of ${name || 'an unknown class'}`;
  }
  return typeof v;
}

/** Returns the copy the other side receives, or throws naming the path of the first illegal
 *  value ("Failed due to illegal value in property: …", as the browser reports it). */
export function checkScriptRunValue(value: unknown, path = 'value'): unknown {
  return check(value, path, []);
}

function check(v: unknown, path: string, stack: object[]): unknown {
  if (v === null || v === undefined) return v;
  const t = typeof v;
  if (t === 'string' || t === 'boolean') return v;
  if (t === 'number') {
    // The docs say "primitives like a Number" but are silent on NaN and ±Infinity, which the
    // JSON-like transport cannot carry (JSON.stringify gives null). Stricter reading: refuse.
    if (!Number.isFinite(v)) throw new ScriptRunValueError(`Failed due to illegal value in property: ${path} (${String(v)}: not a finite number)`, path);
    return v;
  }
  if (t !== 'object') throw illegal(v, path);
  const o = v as object;
  if (stack.includes(o) || (o instanceof Foreign && o.kind === 'circular'))
    throw new ScriptRunValueError(`Failed due to illegal value in property: ${path} (a circular reference)`, path);
  if (Array.isArray(o)) {
    stack.push(o);
    // A plain loop, not map(): map skips the holes of a sparse array and keeps them as holes,
    // while "undefined fields within arrays become null" (guides/html/communication).
    const out: unknown[] = new Array(o.length);
    for (let i = 0; i < o.length; i++) {
      const y = check(o[i], `${path}[${i}]`, stack);
      out[i] = y === undefined ? null : y;
    }
    stack.pop();
    return out;
  }
  if (!isPlainObject(o)) throw illegal(o, path);
  stack.push(o);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) {
    const y = check((o as Record<string, unknown>)[k], /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`, stack);
    if (y !== undefined) out[k] = y;
  }
  stack.pop();
  return out;
}

function illegal(v: unknown, path: string): ScriptRunValueError {
  return new ScriptRunValueError(`Failed due to illegal value in property: ${path} (${describe(v)})`, path);
}
