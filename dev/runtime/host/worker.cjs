'use strict';
// The execution host: one worker thread runs one execution at a time, each in a fresh `vm`
// context that holds only the JS built-ins and the Apps Script globals (research note §3.1:
// no require/process/Buffer/setTimeout/fetch/URL/TextDecoder/structuredClone in Apps Script).
//
// Every Apps Script object is a Proxy made *inside* the context; a method call posts
// {h, m, args} to the main thread and blocks in Atomics.wait until the main thread has put
// the answer on our MessagePort (receiveMessageOnPort). Values coming back are rebuilt with the
// context's own constructors (the realm trap, research note §3.1: a host Date fails
// `instanceof Date` in the context).
//
// Plain CommonJS on purpose: the worker starts without any TypeScript loader.

const { parentPort, workerData, receiveMessageOnPort } = require('node:worker_threads');
const vm = require('node:vm');

const sig = new Int32Array(workerData.sab);
const port = workerData.port;
const MARK = '\u0000rcl';

const scripts = new Map(); // bundleKey -> vm.Script (compiled once per worker)
const classInfo = new Map(); // class name -> { methods: Set, enums } (sent once per worker)

// Code compiled in the context, so that the literals ([], {}) and the Proxy/Error/Date it
// creates belong to the context's realm. It is never reachable from the bundle's globals.
const REALM_SRC = `(function (hostCall, hostLog) {
  'use strict';
  var MARK = ${JSON.stringify(MARK)};
  var proxyIds = new WeakMap();
  var proxies = new Map();
  var toTag = Object.prototype.toString;
  function fail(message, name) {
    var Ctor = name === 'TypeError' ? TypeError : name === 'RangeError' ? RangeError : Error;
    var e = new Ctor(message);
    throw e;
  }
  function makeProxy(id, key, methods, enums) {
    var cached = proxies.get(id);
    if (cached) return cached;
    var cls = String(key).split('#')[0];
    var target = {};
    var fns = Object.create(null);
    var p = new Proxy(target, {
      get: function (t, name) {
        if (typeof name === 'symbol') {
          if (name === Symbol.toStringTag) return cls;
          return undefined;
        }
        if (enums && Object.prototype.hasOwnProperty.call(enums, name)) return enums[name];
        if (name === 'toString') return function toString() { return cls; };
        if (!methods.has(name)) return undefined;
        var f = fns[name];
        if (!f) {
          f = fns[name] = function () {
            var args = [];
            for (var i = 0; i < arguments.length; i++) args.push(arguments[i]);
            return hostCall(id, cls, name, args);
          };
        }
        return f;
      },
      has: function (t, name) { return typeof name === 'string' && (methods.has(name) || !!(enums && name in enums)); },
      set: function () { return false; },
      ownKeys: function () { return []; },
      getOwnPropertyDescriptor: function () { return undefined; },
    });
    proxies.set(id, p);
    proxyIds.set(p, id);
    return p;
  }
  // Wire value -> context value.
  function rebuild(v, mk) {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      var n = v.length, out = new Array(n);
      for (var i = 0; i < n; i++) {
        var x = v[i];
        out[i] = x === null || typeof x !== 'object' ? x : rebuild(x, mk);
      }
      return out;
    }
    var tag = toTag.call(v);
    if (tag === '[object Date]') return new Date(v.getTime());
    if (ArrayBuffer.isView(v)) return new Uint8Array(v);
    if (Object.prototype.hasOwnProperty.call(v, MARK)) {
      var m = v[MARK];
      if (m === 'h') return mk(v.id, v.c);
      if (m === 'error') fail(v.message, v.name);
      return undefined;
    }
    var o = {};
    for (var k in v) if (Object.prototype.hasOwnProperty.call(v, k)) o[k] = rebuild(v[k], mk);
    return o;
  }
  function makeConsole() {
    function fmt(args) {
      var parts = [];
      for (var i = 0; i < args.length; i++) {
        var a = args[i];
        if (typeof a === 'string') parts.push(a);
        else if (a instanceof Error) parts.push(a.stack || String(a));
        else if (a !== null && typeof a === 'object' && !proxyIds.has(a)) {
          try { parts.push(JSON.stringify(a)); } catch (e) { parts.push(String(a)); }
        } else parts.push(String(a));
      }
      return parts.join(' ');
    }
    var c = {};
    ['log', 'info', 'warn', 'error'].forEach(function (level) {
      c[level] = function () { hostLog(level, fmt(arguments)); };
    });
    c.time = function () {}; c.timeEnd = function () {};
    return c;
  }
  return { makeProxy: makeProxy, rebuild: rebuild, proxyIds: proxyIds, makeConsole: makeConsole };
})`;

const hiddenTag = Object.prototype.toString;

/** Context value -> wire value (structured-cloneable). Things the main side cannot receive
 *  (functions, symbols, class instances, cycles) become markers so it can name them. */
function encode(v, realm, ctxProto, stack) {
  if (v === null) return null;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean' || t === 'undefined') return v;
  if (t === 'function') return { [MARK]: 'fn', name: v.name || '' };
  if (t === 'symbol') return { [MARK]: 'symbol', name: String(v.description) };
  if (t === 'bigint') return { [MARK]: 'bigint', s: String(v) };
  const id = realm.proxyIds.get(v);
  if (id !== undefined) return { [MARK]: 'h', id };
  if (stack.includes(v)) return { [MARK]: 'circular' };
  if (Array.isArray(v)) {
    stack.push(v);
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      out[i] = x === null || typeof x !== 'object' && typeof x !== 'function' && typeof x !== 'symbol' && typeof x !== 'bigint' ? x : encode(x, realm, ctxProto, stack);
    }
    stack.pop();
    return out;
  }
  const tag = hiddenTag.call(v);
  if (tag === '[object Date]') return new Date(v.getTime());
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength));
  const proto = Object.getPrototypeOf(v);
  const plain = proto === null || proto === ctxProto;
  stack.push(v);
  const props = {};
  for (const k of Object.keys(v)) props[k] = encode(v[k], realm, ctxProto, stack);
  stack.pop();
  if (plain) return props;
  let name = 'Object';
  try { name = (proto && proto.constructor && proto.constructor.name) || 'Object'; } catch (_) { /* ignore */ }
  let s = '';
  try { s = String(v); } catch (_) { s = '[object ' + name + ']'; }
  return { [MARK]: 'instance', name, s, props };
}

/** One synchronous round trip to the main thread. */
function syncRequest(msg) {
  Atomics.store(sig, 0, 0);
  parentPort.postMessage(msg);
  for (;;) {
    Atomics.wait(sig, 0, 0);
    const got = receiveMessageOnPort(port);
    if (got) return got.message;
    Atomics.store(sig, 0, 0); // woken without a message yet; wait again
  }
}

function runExecution(job) {
  let script = scripts.get(job.bundleKey);
  let fresh = false;
  if (!script) {
    if (typeof job.code !== 'string') throw new Error('bundle not sent');
    // V8's code cache from an earlier worker spares compiling the bundle again.
    const opts = { filename: job.bundleName || 'Code.js' };
    if (job.cachedData) opts.cachedData = Buffer.from(job.cachedData);
    script = new vm.Script(job.code, opts);
    fresh = !job.cachedData || script.cachedDataRejected === true;
    scripts.set(job.bundleKey, script);
  }
  const codeCache = () => {
    if (!fresh) return undefined;
    fresh = false;
    try { return new Uint8Array(script.createCachedData()); } catch (_) { return undefined; }
  };
  const ctx = vm.createContext({}, { name: 'execution ' + job.execId });
  const logs = [];
  const localCalls = {};
  const count = (k) => { localCalls[k] = (localCalls[k] || 0) + 1; };

  let realm;
  const enumCache = new Map(); // class -> enums rebuilt in this context
  const mk = (id, cls) => {
    const info = classInfo.get(cls);
    if (!info) return realm.makeProxy(id, cls, new Set(), null);
    let enums = null;
    if (info.enums) {
      enums = enumCache.get(cls);
      if (!enums) enumCache.set(cls, (enums = realm.rebuild(info.enums, mk)));
    }
    return realm.makeProxy(id, cls, info.methods, enums);
  };
  const learn = (classes) => {
    if (classes) for (const c of Object.keys(classes)) classInfo.set(c, { methods: new Set(classes[c].m), enums: classes[c].e });
  };
  learn(job.classes);
  const ctxObjectProto = vm.runInContext('Object.prototype', ctx);
  const ctxErrors = vm.runInContext('({ Error: Error, TypeError: TypeError })', ctx);
  const hostCall = (id, cls, method, args) => {
    const reply = syncRequest({ type: 'call', execId: job.execId, h: id, m: method, args: encode(args, realm, ctxObjectProto, []) });
    learn(reply.classes);
    if (reply.error) {
      const E = reply.error.name === 'TypeError' ? ctxErrors.TypeError : ctxErrors.Error;
      const err = new E(reply.error.message);
      // Service failures are named "Exception" in Apps Script ("Exception: <message>" in the log).
      if (reply.error.name === 'Exception') err.name = 'Exception';
      throw err;
    }
    return realm.rebuild(reply.value, mk);
  };
  const hostLog = (level, text) => {
    count('console.' + level);
    logs.push(level === 'warn' ? 'WARNING: ' + text : level === 'error' ? 'ERROR: ' + text : text);
  };
  realm = vm.runInContext(REALM_SRC, ctx)(hostCall, hostLog);

  // Globals: the Apps Script services, our console, and Logger (kept in the worker so logs
  // stay in order with console's; Logger.getLog returns this execution's log, reference/base/logger).
  delete ctx.console;
  ctx.console = realm.makeConsole();
  const loggerLines = [];
  const Logger = vm.runInContext(`(function (push, get, clear) { return {
    log: function (data) {
      var text;
      if (arguments.length > 1 && typeof data === 'string') {
        var rest = Array.prototype.slice.call(arguments, 1), i = 0;
        text = data.replace(/%(s|d|i|f|o|O|j)/g, function () { return i < rest.length ? String(rest[i++]) : ''; });
      } else if (data !== null && typeof data === 'object') {
        try { text = JSON.stringify(data); } catch (e) { text = String(data); }
      } else text = String(data);
      push(text); return this;
    },
    getLog: function () { return get(); },
    clear: function () { clear(); },
  }; })`, ctx)(
    (text) => { count('Logger.log'); loggerLines.push(text); logs.push(text); },
    () => loggerLines.map((l) => l + '\n').join(''),
    () => { loggerLines.length = 0; },
  );
  ctx.Logger = Logger;
  for (const g of job.globals) {
    if (g.value !== undefined) { ctx[g.name] = realm.rebuild(g.value, mk); continue; }
    classInfo.set(g.cls, { methods: new Set(g.methods), enums: g.enums });
    ctx[g.name] = mk(g.id, g.cls);
  }

  script.runInContext(ctx);
  const fn = ctx[job.fn];
  if (typeof fn !== 'function') {
    return { ok: false, error: { message: 'Script function not found: ' + job.fn, name: 'Error' }, logs, localCalls };
  }
  const args = realm.rebuild(job.args, mk);
  if (job.event !== undefined) args.unshift(realm.rebuild(job.event, mk));
  try {
    const value = fn.apply(undefined, args);
    return { ok: true, value: encode(value, realm, ctxObjectProto, []), logs, localCalls, codeCache: codeCache() };
  } catch (err) {
    return { ok: false, error: describe(err), logs, localCalls, codeCache: codeCache() };
  }
}

function describe(err) {
  if (err !== null && typeof err === 'object') {
    let message, name, stack;
    try { message = String(err.message); name = String(err.name || 'Error'); stack = typeof err.stack === 'string' ? err.stack : undefined; } catch (_) { /* ignore */ }
    if (message !== undefined && message !== 'undefined') return { message, name, stack };
  }
  let s;
  try { s = String(err); } catch (_) { s = 'Error'; }
  return { message: s, name: 'Error' };
}

parentPort.on('message', (job) => {
  if (job.type !== 'run') return;
  let out;
  try {
    out = runExecution(job);
  } catch (err) {
    out = { ok: false, error: describe(err), logs: [], localCalls: {} };
  }
  let msg = { type: 'done', execId: job.execId, ...out };
  try {
    parentPort.postMessage(msg);
  } catch (err) {
    parentPort.postMessage({ type: 'done', execId: job.execId, ok: false, error: { message: 'Result could not be returned: ' + String(err && err.message), name: 'Error' }, logs: out.logs, localCalls: out.localCalls });
  }
});
