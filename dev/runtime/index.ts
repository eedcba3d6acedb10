// The local Apps Script runtime (dev/runtime/contract.ts explains the shape). `Runtime` owns all
// state on the main thread — the workbook model (dev/runtime/spreadsheet), property stores,
// locks, Drive, triggers — and runs each execution of the bundle in a fresh vm context inside a
// worker thread (host/worker.cjs), where every Apps Script object is a proxy of a main-side
// service object.
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as vm from 'node:vm';
import type {
  AlertRequest,
  AlertResponse,
  AuthMode,
  ExecutionInfo,
  ExecutionKind,
  OpenOptions,
  RunOptions,
  RunResult,
  RuntimeApi,
  ServiceHost,
  UiEvent,
  UiSink,
  UserEditResult,
} from './contract';
import { HandleTable, classOf, classKeyOf, fromWire, methodsOf, toWire, Foreign } from './host/marshal';
import { WorkerPool, type CallMessage, type CallReply, type WorkerSlot } from './host/pool';
import { checkScriptRunValue } from './scriptRun';
import { ScriptError } from './services/errors';
import { PropertiesService, emptyPropertyStores, type PropertyStores } from './services/properties';
import { LockManager, LockService, lockKey } from './services/lock';
import { Session, User } from './services/session';
import { HtmlService } from './services/html';
import { CacheService, CacheStores } from './services/cache';
import { Utilities } from './services/utilities';
import { MIME_TYPES } from './services/mime';
import { DriveStore, DriveApp } from './services/drive';
import { ScriptApp, TriggerStore, type TriggerRecord } from './services/scriptApp';

import type { WorkbookModel } from './spreadsheet';

export { checkScriptRunValue } from './scriptRun';

/** What the runtime needs from the workbook model (dev/runtime/spreadsheet, class WorkbookModel). */
export interface WorkbookLike {
  id?: string;
  timeZone?: string;
  save(path: string): Promise<void>;
  applyUserEdit(
    sheet: string,
    a1: string,
    input: string,
    user: string,
  ): { ok: boolean; message?: string; oldValue?: unknown; value?: unknown; eventValue?: string; eventOldValue?: string };
}
export type SpreadsheetAppFactory = (host: ServiceHost, model: WorkbookLike) => object;

export interface RuntimeOptions extends OpenOptions {
  /** Instead of dev/runtime/spreadsheet (tests of this layer use a small stand-in). */
  spreadsheet?: { model: WorkbookLike; createSpreadsheetApp: SpreadsheetAppFactory };
  /** ScriptApp.getScriptId(); default from .clasp.json or a fixed local id. */
  scriptId?: string;
  /** Keep Drive in memory even when workbookPath is set. */
  memoryDrive?: boolean;
}

const REPO = resolve(typeof __dirname === 'string' ? join(__dirname, '..', '..') : '.');
/** Apps Script quotas page: 6 min per execution; simple triggers 30 s (guides/triggers). */
export const EXECUTION_LIMIT_MS = 360_000;
export const SIMPLE_TRIGGER_LIMIT_MS = 30_000;
export const TIMEOUT_MESSAGE = 'Exceeded maximum execution time';
/** Quotas page: 30 simultaneous executions per user. */
export const MAX_SIMULTANEOUS_PER_USER = 30;
export const TOO_MANY_SIMULTANEOUS = 'There are too many scripts running simultaneously for this Google user account.';

/** Services needing authorization are refused in LIMITED mode (simple triggers; guides/triggers
 *  "Restrictions": "They cannot access services that require authorization"). */
const NEEDS_AUTH: Record<string, { methods: '*' | Set<string>; scope: string }> = {
  DriveApp: { methods: '*', scope: 'https://www.googleapis.com/auth/drive' },
  Folder: { methods: '*', scope: 'https://www.googleapis.com/auth/drive' },
  File: { methods: '*', scope: 'https://www.googleapis.com/auth/drive' },
  UrlFetchApp: { methods: '*', scope: 'https://www.googleapis.com/auth/script.external_request' },
  ScriptApp: {
    methods: new Set(['newTrigger', 'getProjectTriggers', 'getUserTriggers', 'deleteTrigger']),
    scope: 'https://www.googleapis.com/auth/script.scriptapp',
  },
};

/** Simple triggers may not show sidebars or dialogs: "You do not have permission to call
 *  Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui" from
 *  onOpen (oshliaer/google-apps-script-snippets#18; guides/triggers "Restrictions"). */
const UI_SCOPE = 'https://www.googleapis.com/auth/script.container.ui';
const NEEDS_AUTH_UI = new Set(['showSidebar', 'showModalDialog', 'showModelessDialog', 'showDialog']);

/** AuthMode.NONE (an add-on's onOpen in a document where it is installed but not enabled):
 *  "A mode that does not allow access to any services that require authorization"
 *  (reference/script/auth-mode); the AuthMode sample marks PropertiesService "doesn't work in
 *  AuthMode.NONE"; the editor add-on authorization guide allows only building the menu — no
 *  reading or writing the document, no Properties (research note §3.11). Allowed here: the menu
 *  (SpreadsheetApp.getUi, Ui, Menu), Session, Utilities, HtmlService, Logger/console and enums;
 *  everything else is refused with Apps Script's wording. Where the docs name no scope
 *  (PropertiesService, CacheService, LockService) the message has none, as in
 *  googlearchive/apps-script-form-notifications-addon#11 ("You do not have permission to call
 *  getDocumentProperties"). */
const NONE_ALLOWED_CLASSES = new Set(['Ui', 'Menu', 'PromptResponse', 'Session', 'User', 'Utilities', 'Blob', 'HtmlService', 'HtmlOutput', 'HtmlTemplate']);
const NONE_ALLOWED_METHODS = new Set(['SpreadsheetApp.getUi', 'ScriptApp.getScriptId', 'ScriptApp.getInstallationSource']);
const SCOPE_OF: Record<string, string> = {
  SpreadsheetApp: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  Spreadsheet: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  Sheet: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  Range: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  ScriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
};

interface Execution {
  info: ExecutionInfo;
  table: HandleTable;
  calls: Record<string, number>;
  events: UiEvent[];
  roots: Record<string, object>;
  finished: boolean;
  /** No editor is open (a time-driven trigger): SpreadsheetApp.getUi() is refused. */
  noUi: boolean;
}

function defaultUi(): UiSink {
  return {
    emit: () => undefined,
    ask: async (_r: AlertRequest): Promise<AlertResponse> => ({ button: 'OK', text: '' }),
  };
}

function loadSpreadsheetModule():
  | { WorkbookModel: { empty(o: { timeZone?: string; locale?: string }): WorkbookLike; load(p: string): Promise<WorkbookLike> }; createSpreadsheetApp: SpreadsheetAppFactory }
  | undefined {
  const dir = join(REPO, 'dev', 'runtime', 'spreadsheet');
  /* eslint-disable @typescript-eslint/no-require-imports */
  if (existsSync(join(dir, 'index.ts')) || existsSync(join(dir, 'index.js'))) return require('./spreadsheet');
  if (existsSync(join(dir, 'app.ts')) && existsSync(join(dir, 'model.ts'))) {
    return { WorkbookModel: require('./spreadsheet/model').WorkbookModel, createSpreadsheetApp: require('./spreadsheet/app').createSpreadsheetApp };
  }
  return undefined;
}

function manifestTimeZone(bundlePath: string): string {
  for (const p of [join(dirname(bundlePath), 'appsscript.json'), join(REPO, 'appsscript.json')]) {
    try {
      const tz = JSON.parse(readFileSync(p, 'utf8')).timeZone;
      if (typeof tz === 'string') return tz;
    } catch {
      /* next */
    }
  }
  return 'America/New_York';
}

function readScriptId(): string {
  try {
    const id = JSON.parse(readFileSync(join(REPO, '.clasp.json'), 'utf8')).scriptId;
    if (typeof id === 'string' && id) return id;
  } catch {
    /* default */
  }
  return '1LocalRefundCaseLogScriptIdxxxxxxxxxxxxxxxxxxxxxxxxxxx';
}

interface SidecarState {
  version: 1;
  properties: { document: Record<string, string>; script: Record<string, string>; user: Record<string, Record<string, string>> };
  triggers: TriggerRecord[];
  drive?: unknown;
}

export class Runtime implements RuntimeApi {
  readonly bundlePath: string;
  readonly htmlDir: string;
  readonly user: string;
  readonly scriptTimeZone: string;
  readonly scriptId: string;
  readonly executionLimitMs: number;
  readonly ui: UiSink;
  readonly model: WorkbookLike;
  readonly properties: PropertyStores;
  readonly locks = new LockManager();
  readonly cache: CacheStores;
  readonly drive: DriveStore;
  readonly triggers: TriggerStore;
  /** Every service call of every execution, e.g. { 'Range.getValues': 12 }. */
  readonly totalCalls: Record<string, number> = {};
  /** Failures of triggers run by userEdit/openDocument (they never fail the edit itself). */
  readonly triggerErrors: Array<{ functionName: string; message: string }> = [];
  /** Executions started so far. */
  executionCount = 0;
  private readonly workbookPath?: string;
  private readonly createSpreadsheetApp?: SpreadsheetAppFactory;
  private readonly pool = new WorkerPool();
  private readonly executions = new Map<number, Execution>();
  private nextExecId = 1;
  private nextHookOwner = -1;
  private bundleCache?: { key: string; code: string; cachedData?: Uint8Array };
  private fnCache?: { key: string; names: string[] };
  private closed = false;

  private constructor(opts: RuntimeOptions, model: WorkbookLike, factory: SpreadsheetAppFactory | undefined, state?: SidecarState) {
    this.bundlePath = resolve(opts.bundlePath ?? join(REPO, 'dist', 'Code.js'));
    this.htmlDir = resolve(opts.htmlDir ?? join(REPO, 'dist'));
    this.user = opts.user ?? 'clerk@example.com';
    this.scriptTimeZone = manifestTimeZone(this.bundlePath);
    this.scriptId = opts.scriptId ?? readScriptId();
    this.executionLimitMs = opts.executionLimitMs ?? EXECUTION_LIMIT_MS;
    this.ui = opts.ui ?? defaultUi();
    this.workbookPath = opts.workbookPath ? resolve(opts.workbookPath) : undefined;
    this.model = model;
    this.createSpreadsheetApp = factory;
    this.properties = emptyPropertyStores();
    if (state) {
      for (const [k, v] of Object.entries(state.properties.document)) this.properties.document.set(k, v);
      for (const [k, v] of Object.entries(state.properties.script)) this.properties.script.set(k, v);
      for (const [u, m] of Object.entries(state.properties.user)) this.properties.user.set(u, new Map(Object.entries(m)));
    }
    this.cache = new CacheStores();
    const driveDir = this.workbookPath && !opts.memoryDrive ? `${this.workbookPath}.drive` : undefined;
    this.drive = new DriveStore(driveDir, this.user, state?.drive);
    this.triggers = new TriggerStore(state?.triggers ?? []);
  }

  static async open(opts: RuntimeOptions = {}): Promise<Runtime> {
    let model: WorkbookLike;
    let factory: SpreadsheetAppFactory | undefined;
    if (opts.spreadsheet) {
      model = opts.spreadsheet.model;
      factory = opts.spreadsheet.createSpreadsheetApp;
    } else {
      const mod = loadSpreadsheetModule();
      if (mod) {
        const tz = opts.spreadsheetTimeZone ?? 'Asia/Shanghai';
        const locale = opts.spreadsheetLocale ?? 'en_US';
        model =
          opts.workbookPath && existsSync(opts.workbookPath)
            ? await mod.WorkbookModel.load(opts.workbookPath)
            : mod.WorkbookModel.empty({ timeZone: tz, locale });
        factory = mod.createSpreadsheetApp;
      } else {
        // No spreadsheet layer yet: executions get no SpreadsheetApp.
        model = { id: 'no-spreadsheet', save: async () => undefined, applyUserEdit: () => ({ ok: false, message: 'no spreadsheet layer' }) };
      }
    }
    let state: SidecarState | undefined;
    if (opts.workbookPath && existsSync(`${opts.workbookPath}.state.json`)) {
      state = JSON.parse(readFileSync(`${opts.workbookPath}.state.json`, 'utf8')) as SidecarState;
    }
    return new Runtime(opts, model, factory, state);
  }

  private documentId(): string {
    return this.model.id ?? 'workbook';
  }

  private bundle(): { key: string; code: string; cachedData?: Uint8Array } {
    if (!existsSync(this.bundlePath)) throw new Error(`No bundle at ${this.bundlePath} (run npm run build)`);
    const st = statSync(this.bundlePath);
    const key = `${this.bundlePath}:${st.mtimeMs}:${st.size}`;
    if (this.bundleCache?.key !== key) this.bundleCache = { key, code: readFileSync(this.bundlePath, 'utf8') };
    return this.bundleCache;
  }

  /** The main-side root objects an execution sees as globals. */
  private services(exec: Execution, host: ServiceHost): Record<string, object> {
    const info = exec.info;
    const user = info.effectiveUserEmail;
    const roots: Record<string, object> = {
      PropertiesService: new PropertiesService(this.properties, user),
      LockService: new LockService(this.locks, info.id, this.documentId(), user),
      Session: new Session(info, this.scriptTimeZone, 'en_US', this.scriptId),
      HtmlService: new HtmlService(this.htmlDir),
      CacheService: new CacheService(this.cache, this.documentId(), user),
      Utilities: new Utilities(this.scriptTimeZone),
      DriveApp: new DriveApp(this.drive, user),
      ScriptApp: new ScriptApp(this.triggers, info, this.scriptId, () => roots.SpreadsheetApp),
    };
    if (this.createSpreadsheetApp) roots.SpreadsheetApp = this.createSpreadsheetApp(host, this.model);
    return roots;
  }

  /** A simple trigger runs LIMITED, or NONE when its event says so (an add-on's onOpen where it
   *  is installed but not enabled; reference/script/auth-mode). Everything else runs FULL. */
  private authFor(kind: ExecutionKind, event?: Record<string, unknown>): AuthMode {
    if (kind !== 'simple-trigger') return 'FULL';
    return event && event.authMode === 'NONE' ? 'NONE' : 'LIMITED';
  }

  run(fn: string, args: unknown[] = [], options: RunOptions = {}): Promise<RunResult> {
    return this.execute(fn, args, options);
  }

  private async execute(fn: string, args: unknown[], options: RunOptions, triggerUid?: string, noUi = false): Promise<RunResult> {
    if (this.closed) throw new Error('runtime closed');
    const kind: ExecutionKind = options.kind ?? 'cli';
    const user = options.user ?? this.user;
    if (typeof fn !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(fn)) throw new Error(`Script function not found: ${String(fn)}`);
    let callArgs = args;
    if (kind === 'script-run') {
      // google.script.run only sees public top-level functions (guides/html/reference/run).
      if (fn.endsWith('_')) throw new Error(`Script function not found: ${fn} (functions ending in _ are private and cannot be called with google.script.run)`);
      callArgs = args.map((a, i) => checkScriptRunValue(a, `args[${i}]`));
    }
    const { key, code } = this.bundle();
    // Only the project's own top-level functions can be run (menus, triggers, google.script.run:
    // guides/html/reference/run "call server-side Apps Script functions"); the context's
    // built-ins (eval, Function, parseInt…) are not script functions.
    if (!this.functionNames().includes(fn)) throw new Error(`Script function not found: ${fn}`);
    let running = 0;
    for (const x of this.executions.values()) if (x.info.effectiveUserEmail === user) running++;
    if (running >= MAX_SIMULTANEOUS_PER_USER) throw new Error(TOO_MANY_SIMULTANEOUS);
    const authMode = this.authFor(kind, options.event);
    const info: ExecutionInfo = {
      id: this.nextExecId++,
      kind,
      authMode,
      activeUserEmail: authMode === 'FULL' ? user : '',
      effectiveUserEmail: user,
      startedAt: Date.now(),
    };
    this.executionCount++;
    const slot = this.pool.acquire();
    const exec: Execution = { info, table: new HandleTable(slot.classes), calls: {}, events: [], roots: {}, finished: false, noUi };
    const ui = this.ui;
    const host: ServiceHost = {
      execution: info,
      scriptTimeZone: this.scriptTimeZone,
      ui: {
        emit: (e: UiEvent) => {
          exec.events.push(e);
          ui.emit(e);
        },
        ask: (r: AlertRequest) => ui.ask(r),
      },
    };
    this.executions.set(info.id, exec);
    try {
      exec.roots = this.services(exec, host);
      const globals = Object.entries(exec.roots).map(([name, obj]) => {
        const id = exec.table.idOf(obj);
        const enums = (obj as { ENUMS?: unknown }).ENUMS;
        return { name, id, cls: classKeyOf(obj), methods: methodsOf(obj), enums: enums && typeof enums === 'object' ? toWire(enums, exec.table) : undefined };
      });
      globals.push({ name: 'MimeType', value: MIME_TYPES } as never);
      let event: unknown;
      if (options.event !== undefined) {
        const e = this.resolveEvent(options.event, exec) as Record<string, unknown>;
        if (e && typeof e === 'object' && !('authMode' in e)) e.authMode = authMode;
        if (triggerUid !== undefined && !('triggerUid' in e)) e.triggerUid = triggerUid;
        event = toWire(e, exec.table);
      }
      const job = {
        execId: info.id,
        bundleKey: key,
        code: slot.bundles.has(key) ? undefined : code,
        cachedData: slot.bundles.has(key) ? undefined : this.bundleCache?.cachedData,
        bundleName: 'Code.js',
        fn,
        args: toWire(callArgs, exec.table),
        event,
        globals,
        classes: exec.table.takeClasses(),
      };
      slot.bundles.add(key);
      const limit = kind === 'simple-trigger' ? Math.min(SIMPLE_TRIGGER_LIMIT_MS, this.executionLimitMs) : this.executionLimitMs;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          exec.finished = true;
          this.locks.releaseAll(info.id);
          void this.pool.discard(slot);
          reject(Object.assign(new Error(TIMEOUT_MESSAGE), { calls: exec.calls, executionId: info.id }));
        }, limit);
      });
      let done;
      try {
        done = await Promise.race([slot.run(job, (m) => this.onCall(m)), timedOut]);
      } finally {
        clearTimeout(timer);
      }
      exec.finished = true;
      this.locks.releaseAll(info.id);
      this.pool.release(slot);
      for (const [k, n] of Object.entries(done.localCalls)) this.count(exec, k, n);
      if (done.codeCache && this.bundleCache?.key === key && !this.bundleCache.cachedData) this.bundleCache.cachedData = done.codeCache;
      if (!done.ok) {
        const err = new Error(done.error?.message ?? 'Error') as Error & Record<string, unknown>;
        err.scriptStack = done.error?.stack;
        err.logs = done.logs;
        err.calls = exec.calls;
        err.events = exec.events;
        err.executionId = info.id;
        throw err;
      }
      let value = fromWire(done.value, exec.table);
      if (kind === 'script-run') value = checkScriptRunValue(value, 'result');
      return { value, calls: exec.calls, logs: done.logs, events: exec.events, executionId: info.id };
    } catch (err) {
      if (!exec.finished) {
        exec.finished = true;
        this.locks.releaseAll(info.id);
        void this.pool.discard(slot);
      }
      throw err;
    } finally {
      exec.table.clear();
      this.executions.delete(info.id);
    }
  }

  private count(exec: Execution, key: string, n = 1): void {
    exec.calls[key] = (exec.calls[key] ?? 0) + n;
    this.totalCalls[key] = (this.totalCalls[key] ?? 0) + n;
  }

  private async onCall(m: CallMessage): Promise<CallReply> {
    const exec = this.executions.get(m.execId);
    if (!exec || exec.finished) return { error: { message: 'execution ended', name: 'Error' } };
    const obj = exec.table.get(m.h);
    if (!obj) return { error: { message: 'stale object', name: 'Error' } };
    const cls = classOf(obj);
    // Unknown methods fail like Apps Script's Rhino-era message (V8 says "x.m is not a function").
    if (!methodsOf(obj).includes(m.m)) return { error: { message: `Cannot find function ${m.m} in object ${cls}.`, name: 'TypeError' } };
    this.count(exec, `${cls}.${m.m}`);
    try {
      const auth = exec.info.authMode;
      const rule = NEEDS_AUTH[cls];
      if (rule && auth !== 'FULL' && (rule.methods === '*' || rule.methods.has(m.m)))
        throw new ScriptError(`You do not have permission to call ${cls}.${m.m}. Required permissions: ${rule.scope}`);
      // A time-driven trigger has no editor to show anything in: "Exception: Cannot call
      // SpreadsheetApp.getUi() from this context." (benlcollins/SheetSizer#1 quotes the message;
      // reference/spreadsheet/spreadsheet-app#getUi: "the user-interface environment").
      if (exec.noUi && cls === 'SpreadsheetApp' && m.m === 'getUi') throw new ScriptError('Cannot call SpreadsheetApp.getUi() from this context.');
      if (cls === 'Ui' && auth !== 'FULL' && NEEDS_AUTH_UI.has(m.m))
        throw new ScriptError(`You do not have permission to call Ui.${m.m}. Required permissions: ${UI_SCOPE}`);
      if (auth === 'NONE' && !NONE_ALLOWED_CLASSES.has(cls) && !NONE_ALLOWED_METHODS.has(`${cls}.${m.m}`)) {
        const scope = SCOPE_OF[cls];
        throw new ScriptError(`You do not have permission to call ${cls}.${m.m}${scope ? `. Required permissions: ${scope}` : ''}`);
      }
      const args = fromWire(m.args, exec.table) as unknown[];
      let result = (obj as Record<string, (...a: unknown[]) => unknown>)[m.m](...args);
      if (result instanceof Promise) result = await result;
      if (exec.finished) return { error: { message: 'execution ended', name: 'Error' } };
      const value = toWire(result, exec.table);
      return { value, classes: exec.table.takeClasses() };
    } catch (err) {
      // Every failure of a service method reaches the script as an Apps Script exception
      // (`e.name` 'Exception', String(e) 'Exception: …' as in the executions log) — the
      // spreadsheet layer throws plain Errors, which used to arrive as 'Error: …'.
      const e = err as Error;
      const name = e?.name === 'TypeError' ? 'TypeError' : 'Exception';
      return { error: { message: e && typeof e.message === 'string' ? e.message : String(err), name }, classes: exec.table.takeClasses() };
    }
  }

  /** Event markers → main-side objects: {$range:{sheet,a1}} → Range, {$spreadsheet:true} → Spreadsheet. */
  private resolveEvent(v: unknown, exec: Execution): unknown {
    if (v === null || typeof v !== 'object' || v instanceof Date) return v;
    if (Array.isArray(v)) return v.map((x) => this.resolveEvent(x, exec));
    const rec = v as Record<string, unknown>;
    if (Object.getPrototypeOf(rec) !== Object.prototype) return v; // already a main-side object
    const ssApp = exec.roots.SpreadsheetApp as { getActiveSpreadsheet(): Record<string, (...a: unknown[]) => unknown> } | undefined;
    if (rec.$spreadsheet === true) {
      if (!ssApp) throw new Error('no SpreadsheetApp for a $spreadsheet event marker');
      return ssApp.getActiveSpreadsheet();
    }
    if (rec.$range && typeof rec.$range === 'object') {
      if (!ssApp) throw new Error('no SpreadsheetApp for a $range event marker');
      const { sheet, a1 } = rec.$range as { sheet: string; a1: string };
      const sh = ssApp.getActiveSpreadsheet().getSheetByName(sheet) as { getRange(a1: string): object } | null;
      if (!sh) throw new Error(`no sheet ${sheet}`);
      return sh.getRange(a1);
    }
    if (rec.$user && typeof rec.$user === 'string') return new User(rec.$user);
    if (rec.$user === '') return new User('');
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(rec)) out[k] = this.resolveEvent(x, exec);
    return out;
  }

  async userEdit(sheetName: string, a1: string, input: string, user?: string): Promise<UserEditResult & { triggerErrors?: Array<{ functionName: string; message: string }> }> {
    const who = user ?? this.user;
    const outcome = this.model.applyUserEdit(sheetName, a1, input, who);
    if (!outcome.ok) return { ok: false, message: outcome.message };
    const single = !a1.includes(':');
    const base = (activeEmail: string, authMode: AuthMode): Record<string, unknown> => {
      const e: Record<string, unknown> = {
        range: { $range: { sheet: sheetName, a1 } },
        source: { $spreadsheet: true },
        user: { $user: activeEmail },
        authMode,
      };
      if (single) {
        // e.value / e.oldValue: single-cell edits only (guides/triggers/events, Sheets onEdit).
        // They are text, not typed values: a ticked checkbox gives 'TRUE', a date its serial
        // number (observed behaviour; the events page's example is silent on types — stricter
        // reading: code comparing e.value === true or treating it as a Date is caught).
        const v = outcome.eventValue ?? outcome.value;
        const old = outcome.eventOldValue ?? outcome.oldValue;
        e.value = v === undefined || v === null ? '' : v;
        if (old !== undefined && old !== null && old !== '') e.oldValue = old;
      }
      return e;
    };
    // A failing trigger does not undo the edit (Sheets keeps the value; the failure only shows in
    // the executions log), so errors are collected, not thrown.
    const triggerErrors: Array<{ functionName: string; message: string }> = [];
    if (await this.hasFunction('onEdit')) {
      await this.run('onEdit', [], { kind: 'simple-trigger', user: who, event: base('', 'LIMITED') }).catch((err: Error) =>
        triggerErrors.push({ functionName: 'onEdit', message: err.message }),
      );
    }
    for (const t of this.triggers.list().filter((x) => x.eventType === 'ON_EDIT')) {
      // Installable triggers run as their creator (guides/triggers/installable).
      const e = base(t.user, 'FULL');
      e.triggerUid = t.uid;
      await this.execute(t.handler, [], { kind: 'installable-trigger', user: t.user, event: e }, t.uid).catch((err: Error) =>
        triggerErrors.push({ functionName: t.handler, message: err.message }),
      );
    }
    this.triggerErrors.push(...triggerErrors);
    return triggerErrors.length ? { ok: true, triggerErrors } : { ok: true };
  }

  /** A person opens the spreadsheet: the simple onOpen (LIMITED, e = {source, user, authMode})
   *  and every installable ON_OPEN trigger (FULL, as its creator) run (guides/triggers). */
  async openDocument(user?: string, options: { authMode?: 'NONE' | 'LIMITED' } = {}): Promise<RunResult[]> {
    const who = user ?? this.user;
    const results: RunResult[] = [];
    if (await this.hasFunction('onOpen')) {
      // AuthMode.NONE (add-on installed but not enabled in this document): e has no source, as
      // the document may not be read (reference/script/auth-mode; guides/triggers/events).
      const mode = options.authMode ?? 'LIMITED';
      const event = mode === 'NONE' ? { user: { $user: '' }, authMode: 'NONE' } : { source: { $spreadsheet: true }, user: { $user: '' }, authMode: 'LIMITED' };
      const r = await this.run('onOpen', [], { kind: 'simple-trigger', user: who, event }).catch(
        (err: Error) => void this.triggerErrors.push({ functionName: 'onOpen', message: err.message }),
      );
      if (r) results.push(r);
    }
    for (const t of this.triggers.list().filter((x) => x.eventType === 'ON_OPEN')) {
      const event = { source: { $spreadsheet: true }, user: { $user: t.user }, authMode: 'FULL', triggerUid: t.uid };
      const r = await this.execute(t.handler, [], { kind: 'installable-trigger', user: t.user, event }, t.uid).catch(
        (err: Error) => void this.triggerErrors.push({ functionName: t.handler, message: err.message }),
      );
      if (r) results.push(r);
    }
    return results;
  }

  /** Runs the time-based triggers that are due (`after(ms)` once, `everyMinutes(n)` again later). */
  async runDueTimeTriggers(now = Date.now()): Promise<RunResult[]> {
    const results: RunResult[] = [];
    for (const t of this.triggers.due(now)) {
      const d = new Date(now);
      const event = {
        authMode: 'FULL',
        triggerUid: t.uid,
        'day-of-month': d.getDate(),
        'day-of-week': d.getDay() === 0 ? 7 : d.getDay(),
        hour: d.getHours(),
        minute: d.getMinutes(),
        month: d.getMonth() + 1,
        second: d.getSeconds(),
        timezone: this.scriptTimeZone,
        'week-of-year': 0,
        year: d.getFullYear(),
      };
      this.triggers.fired(t, now);
      results.push(await this.execute(t.handler, [], { kind: 'installable-trigger', user: t.user, event }, t.uid, true));
    }
    return results;
  }

  /** Whether the bundle declares a top-level function `name` (without running an execution). */
  async hasFunction(name: string): Promise<boolean> {
    return this.functionNames().includes(name);
  }

  /** The bundle's global functions (what menus, triggers and google.script.run can call). Found
   *  without running any of its code: function declarations are bound before the first
   *  statement runs, and the first statement here is a `throw`. */
  functionNames(): string[] {
    const { key, code } = this.bundle();
    if (this.fnCache?.key !== key) {
      const ctx = vm.createContext({});
      try {
        vm.runInContext(`throw 0;\n${code}`, ctx, { filename: 'Code.js' });
      } catch {
        /* expected */
      }
      const names = Object.getOwnPropertyNames(ctx).filter((n) => typeof (ctx as Record<string, unknown>)[n] === 'function');
      this.fnCache = { key, names };
    }
    return [...this.fnCache.names];
  }

  async save(path?: string): Promise<void> {
    const target = path ? resolve(path) : this.workbookPath;
    if (!target) throw new Error('save: no workbook path');
    mkdirSync(dirname(target), { recursive: true });
    await this.model.save(target);
    const state: SidecarState = {
      version: 1,
      properties: {
        document: Object.fromEntries(this.properties.document),
        script: Object.fromEntries(this.properties.script),
        user: Object.fromEntries([...this.properties.user].map(([u, m]) => [u, Object.fromEntries(m)])),
      },
      triggers: this.triggers.list(),
      drive: this.drive.persist(target === this.workbookPath ? undefined : `${target}.drive`),
    };
    // The sidecar is rewritten only when it changed (most executions touch only the workbook).
    const text = JSON.stringify(state, null, 1);
    if (this.lastState?.target === target && this.lastState.text === text && existsSync(`${target}.state.json`)) return;
    const tmp = `${target}.state.json.tmp-${process.pid}`;
    writeFileSync(tmp, text);
    renameSync(tmp, `${target}.state.json`);
    this.lastState = { target, text };
  }
  private lastState?: { target: string; text: string };

  async holdLock(scope: 'document' | 'script' | 'user', user?: string): Promise<() => void> {
    const owner = this.nextHookOwner--;
    const key = lockKey(scope, this.documentId(), user ?? this.user);
    await this.locks.acquire(key, owner, 2 ** 31 - 1);
    return () => this.locks.release(key, owner);
  }

  /** The workbook model as dev/runtime/spreadsheet's class (when that layer is in use). */
  get workbook(): WorkbookModel {
    return this.model as unknown as WorkbookModel;
  }

  /** Number of live worker threads (tests). */
  get workerCount(): number {
    return this.pool.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.pool.close();
  }
}

export { Foreign };
