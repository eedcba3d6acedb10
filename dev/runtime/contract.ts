// The seam between the parts of the local Apps Script runtime (see docs/local-runtime.md).
//
// Shape: the *main thread* holds all state (workbook, properties, locks, Drive, triggers) and
// the real service objects ("main-side services": plain classes whose public methods are the
// Apps Script methods). Each execution (menu click, trigger, google.script.run call, rcl call)
// runs dist/Code.js in a fresh `vm` context inside a worker thread; there every Apps Script
// object is a proxy whose method calls travel synchronously to the main thread (Atomics.wait +
// receiveMessageOnPort). So executions really run at the same time, interleaving at service
// calls, and a document lock really excludes them.
//
// Values crossing the seam: primitives, null, arrays, plain objects, Dates, Uint8Array, and
// main-side objects (which travel as handles and become proxies in the worker). The worker
// rebuilds every value with the vm context's own constructors (a host Date fails `instanceof
// Date` inside the context). A main-side method may return a Promise (an alert waiting for the
// user's click); the execution stays blocked until it settles, as in Apps Script.
//
// Enums (SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST, DriveApp.Access.ANYONE_WITH_LINK,
// Utilities.DigestAlgorithm.SHA_256, ...) travel as their names (strings).

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

/** How an execution started; decides auth mode, active-user email and what may be called. */
export type ExecutionKind =
  | 'menu' //  a menu item click (FULL)
  | 'script-run' // google.script.run from a sidebar or dialog (FULL; names ending in _ refused)
  | 'simple-trigger' // onOpen/onEdit by name (LIMITED, active user email '', 30 s)
  | 'installable-trigger' // ScriptApp trigger (FULL, runs as its creator)
  | 'cli'; // rcl call / tests (FULL)

export interface ExecutionInfo {
  id: number;
  kind: ExecutionKind;
  authMode: AuthMode;
  /** '' where Apps Script hides it (simple triggers). */
  activeUserEmail: string;
  effectiveUserEmail: string;
  startedAt: number;
}

export interface MenuItemSpec {
  kind: 'item' | 'separator' | 'submenu';
  caption?: string;
  functionName?: string;
  items?: MenuItemSpec[];
}
export interface MenuSpec {
  caption: string;
  addon: boolean;
  items: MenuItemSpec[];
}

export type UiEvent =
  | { type: 'toast'; message: string; title: string; timeoutSeconds: number }
  | { type: 'sidebar'; html: string; title: string }
  | { type: 'dialog'; html: string; title: string; width: number; height: number; modal: boolean }
  | { type: 'menu'; menu: MenuSpec };

export interface AlertRequest {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  /** 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL' */
  buttons: string;
}
export interface AlertResponse {
  /** 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE' */
  button: string;
  text?: string;
}

/** Where UI calls go: the local app shows them; the CLI and tests record them. */
export interface UiSink {
  emit(event: UiEvent): void;
  /** An alert or prompt blocks the execution until answered (Ui.alert docs). */
  ask(request: AlertRequest): Promise<AlertResponse>;
}

/** What every main-side service object can reach for the execution it serves. */
export interface ServiceHost {
  execution: ExecutionInfo;
  ui: UiSink;
  /** Spreadsheet time zone / locale and the script (manifest) time zone. */
  scriptTimeZone: string;
}

// ---------------------------------------------------------------------------------------------
// The runtime's public API (implemented by dev/runtime/index.ts as `class Runtime`), used by the
// CLI (`rcl`), the local app, integration tests and benchmarks.

export interface OpenOptions {
  /** .xlsx to load (an empty workbook if the file is missing) and to save to. Omit for in-memory. */
  workbookPath?: string;
  /** Default: <repo>/dist/Code.js. */
  bundlePath?: string;
  /** Where HtmlService.createHtmlOutputFromFile finds NAME.html. Default: <repo>/dist. */
  htmlDir?: string;
  /** The user running executions. Default 'clerk@example.com'. */
  user?: string;
  /** For a new workbook. Default 'Asia/Shanghai' (deliberately not the manifest's zone). */
  spreadsheetTimeZone?: string;
  /** For a new workbook. Default 'en_US'. */
  spreadsheetLocale?: string;
  /** Apps Script stops an execution after 6 minutes; tests set less. Default 360000. */
  executionLimitMs?: number;
  /** Default: records events and answers every alert/prompt with OK. */
  ui?: UiSink;
}

export interface RunOptions {
  kind?: ExecutionKind; // default 'cli'
  user?: string;
  /** Event object for triggers (e.g. onOpen's e); built inside the execution's realm. */
  event?: Record<string, unknown>;
}

export interface RunResult {
  /** The function's return value (for 'script-run': checked like google.script.run results). */
  value: unknown;
  /** Service calls of this execution, e.g. { 'Range.getValues': 2, 'Range.setValues': 1 }. */
  calls: Record<string, number>;
  logs: string[];
  events: UiEvent[];
  executionId: number;
}

export interface UserEditResult {
  ok: boolean;
  /** Why Sheets refused the edit (data validation with "reject input", a protected range). */
  message?: string;
}

export interface RuntimeApi {
  /** One execution of a global function of the bundle, in a fresh context. Rejects with an
   *  Error whose message is what Apps Script would show when the function throws. */
  run(fn: string, args?: unknown[], options?: RunOptions): Promise<RunResult>;
  /** A person typing `input` into a cell in the grid: parsed as user-entered text, checked by
   *  data validation and protection, then simple and installable onEdit triggers run. */
  userEdit(sheetName: string, a1: string, input: string, user?: string): Promise<UserEditResult>;
  /** Writes the .xlsx (and its sidecar state) to workbookPath or `path`. */
  save(path?: string): Promise<void>;
  /** Test hook: "another execution" holds a lock until the returned function is called. */
  holdLock(scope: 'document' | 'script' | 'user', user?: string): Promise<() => void>;
  /** Stops worker threads. */
  close(): Promise<void>;
}
