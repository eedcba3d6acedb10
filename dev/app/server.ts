// The local app (docs/local-runtime.md): the workbook shown the way Google Sheets shows it, the
// add-on's menus, and its sidebars/dialogs with a google.script.run bridge.
//
// Two origins, like Sheets: the app (grid, menus) on one port and the add-on's pages on another
// ("user content"). In Sheets the HtmlService page is served from *.googleusercontent.com in a
// sandboxed iframe, so it cannot reach into the editor's DOM and talks to it only through
// google.script.host (guides/html/restrictions); a second port gives the same separation.
//
// Every menu click and google.script.run call is one execution of the runtime (kind 'menu' /
// 'script-run'); UI calls made during an execution (toast, sidebar, dialog, alert) are pushed to
// the page over server-sent events, and an alert keeps the execution blocked until the person
// answers it in the page (Ui.alert: "the script is suspended until the user closes the dialog").
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, existsSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type {
  AlertRequest,
  AlertResponse,
  MenuSpec,
  OpenOptions,
  RunOptions,
  RunResult,
  RuntimeApi,
  UiEvent,
  UiSink,
  UserEditResult,
} from '../runtime/contract';
import { callableFunctions } from './bundleFunctions';
import { gridView, type GridView } from './grid';

export const REPO_ROOT = resolve(__dirname, '../..');
const PUBLIC = join(__dirname, 'public');

/** What the app needs from the runtime: the contract plus the workbook model (R1's Runtime). */
export type AppRuntime = RuntimeApi & {
  /** The workbook model (dev/runtime/spreadsheet WorkbookModel): sheetNames(), sheetView(). */
  model?: unknown;
  runDueTimeTriggers?: () => Promise<unknown>;
};

export interface AppOptions {
  workbookPath?: string;
  /** App port; 0 picks a free one. Default 8787. */
  port?: number;
  /** Port of the add-on pages' origin; default: a free port. */
  userContentPort?: number;
  host?: string;
  bundlePath?: string;
  htmlDir?: string;
  user?: string;
  executionLimitMs?: number;
  /** Opens the runtime; default: dev/runtime's Runtime.open. */
  openRuntime?: (opts: OpenOptions) => Promise<AppRuntime>;
  /** Run onOpen at start (default true). */
  runOnOpen?: boolean;
  /** How often to run due time-driven triggers, ms (0 = never). Default 15000. */
  triggerIntervalMs?: number;
  /** Where to log lines (default: nowhere). */
  log?: (line: string) => void;
}

export interface App {
  url: string;
  userContentUrl: string;
  runtime: AppRuntime;
  /** Menus built by onOpen (and later executions). */
  menus(): MenuSpec[];
  /** Resolves when no execution is running and every save has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

interface Frame {
  id: string;
  kind: 'sidebar' | 'dialog';
  html: string;
  title: string;
  width?: number;
  height?: number;
  modal?: boolean;
}

interface PendingAsk {
  id: string;
  request: AlertRequest;
  resolve: (r: AlertResponse) => void;
}

type Push = Record<string, unknown> & { type: string };

export function defaultOpenRuntime(opts: OpenOptions): Promise<AppRuntime> {
  // Loaded lazily so the CLI's other commands and the tests can inject their own.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const mod = require('../runtime/index') as { Runtime: { open(o: OpenOptions): Promise<AppRuntime> } };
  return mod.Runtime.open(opts);
}

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Puts `script` before every script of the page: right after <head>, else <html>, else first. */
export function injectBeforeScripts(html: string, script: string): string {
  const tag = `<script>${script.replace(/<\/(script)/gi, '<\\/$1')}</script>`;
  for (const re of [/<head\b[^>]*>/i, /<html\b[^>]*>/i, /<!doctype[^>]*>/i]) {
    const m = re.exec(html);
    if (m) return html.slice(0, m.index + m[0].length) + tag + html.slice(m.index + m[0].length);
  }
  return tag + html;
}

export function bridgeScript(config: { frameId: string; functions: string[]; endpoint: string; appOrigin: string }): string {
  const source = readFileSync(join(PUBLIC, 'bridge.js'), 'utf8');
  const json = JSON.stringify(config).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  const marker = '/*__RCL_BRIDGE_CONFIG__*/ null';
  if (!source.includes(marker)) throw new Error('bridge.js lost its config marker');
  return source.replace(marker, () => json);
}

/** The server-side check of a google.script.run result (R1's checkScriptRunValue), if present. */
function loadResultCheck(): ((value: unknown, path: string) => unknown) | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const mod = require('../runtime/scriptRun') as { checkScriptRunValue?: (v: unknown, p: string) => unknown };
    return mod.checkScriptRunValue;
  } catch {
    return undefined;
  }
}

function readBody(req: http.IncomingMessage, limit = 64 * 1024 * 1024): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('request too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ok((server.address() as AddressInfo).port);
    });
  });
}

export async function startApp(options: AppOptions = {}): Promise<App> {
  const host = options.host ?? '127.0.0.1';
  const bundlePath = options.bundlePath ?? join(REPO_ROOT, 'dist/Code.js');
  // RCL_APP_LOG=1 logs every execution with its duration (debugging slow browser tests).
  const log = options.log ?? (process.env.RCL_APP_LOG ? (l: string) => process.stderr.write(`[app] ${l}\n`) : () => undefined);
  const trace = !!process.env.RCL_APP_LOG;
  const clients = new Set<http.ServerResponse>();
  const frames = new Map<string, Frame>();
  const asks = new Map<string, PendingAsk>();
  let menus: MenuSpec[] = [];
  let openSidebar: string | undefined;
  let openDialog: string | undefined;
  let nextId = 1;
  let running = 0;
  let menuRunning = 0;
  let idleWaiters: (() => void)[] = [];
  let closed = false;

  const push = (event: Push): void => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const c of clients) c.write(line);
  };

  const ui: UiSink = {
    emit(event: UiEvent): void {
      if (event.type === 'menu') {
        menus = [...menus.filter((m) => !(m.caption === event.menu.caption && m.addon === event.menu.addon)), event.menu];
        push({ type: 'menus', menus });
      } else if (event.type === 'toast') {
        push({ type: 'toast', message: event.message, title: event.title, timeoutSeconds: event.timeoutSeconds });
      } else if (event.type === 'sidebar') {
        const id = `f${nextId++}`;
        frames.set(id, { id, kind: 'sidebar', html: event.html, title: event.title });
        if (openSidebar) frames.delete(openSidebar); // a new sidebar replaces the open one
        openSidebar = id;
        push({ type: 'sidebar', id, title: event.title });
      } else if (event.type === 'dialog') {
        const id = `f${nextId++}`;
        frames.set(id, { id, kind: 'dialog', html: event.html, title: event.title, width: event.width, height: event.height, modal: event.modal });
        if (openDialog) frames.delete(openDialog);
        openDialog = id;
        push({ type: 'dialog', id, title: event.title, width: event.width, height: event.height, modal: event.modal });
      }
    },
    ask(request: AlertRequest): Promise<AlertResponse> {
      return new Promise((resolveAsk) => {
        const id = `a${nextId++}`;
        asks.set(id, { id, request, resolve: resolveAsk });
        push({ type: 'ask', id, request });
      });
    },
  };

  const open = options.openRuntime ?? defaultOpenRuntime;
  const runtime = await open({
    workbookPath: options.workbookPath,
    bundlePath,
    htmlDir: options.htmlDir,
    user: options.user,
    executionLimitMs: options.executionLimitMs,
    ui,
  });
  const checkResult = loadResultCheck();

  // Saves never hold up an answer (writing the .xlsx takes seconds on a big workbook and blocks
  // the main thread): the save is queued, saves requested while one runs collapse into one more,
  // and nothing is written when nothing that is saved changed — the workbook model counts its
  // changes (version), and the sidecar (properties, triggers, Drive) changes only through the
  // write methods of those services.
  const modelVersion = (): number | undefined => (runtime.model as { version?: unknown } | undefined)?.version as number | undefined;
  let savedVersion = options.workbookPath && existsSync(options.workbookPath) ? modelVersion() : undefined;
  let sidecarDirty = false;
  const noteCalls = (calls: Record<string, number>): void => {
    for (const key of Object.keys(calls)) {
      const [cls, method = ''] = key.split('.');
      if (SIDECAR_CLASSES.has(cls) && !/^(get|is|has|search|next)/.test(method)) sidecarDirty = true;
    }
  };
  let saving: Promise<void> | null = null;
  let dirty = false;
  const save = (): Promise<void> => {
    if (!options.workbookPath) return Promise.resolve();
    const v = modelVersion();
    if (v !== undefined && v === savedVersion && !sidecarDirty) return saved();
    dirty = true;
    if (!saving) {
      saving = (async () => {
        // Start after the answer that asked for the save has gone out (the snapshot is taken on
        // this thread; the writing happens on the save worker).
        await new Promise<void>((ok) => setImmediate(ok));
        while (dirty) {
          dirty = false;
          const version = modelVersion();
          sidecarDirty = false;
          const t0 = Date.now();
          try {
            await runtime.save();
            savedVersion = version;
          } catch (e) {
            log(`save failed: ${(e as Error).message}`);
          }
          if (trace) log(`save ${Date.now() - t0} ms`);
        }
        saving = null;
      })();
    }
    return saving;
  };
  const saved = (): Promise<void> => saving ?? Promise.resolve();

  const settle = (): void => {
    if (running === 0) {
      const w = idleWaiters;
      idleWaiters = [];
      void saved().then(() => w.forEach((f) => f()));
    }
  };

  /** The active sheet and the activated cell (Range.activate), for the page to follow. */
  const activeView = (): { sheet: string; row?: number; col?: number } | undefined => {
    const wb = runtime.model as { activeSheet?: () => { id: number; name: string } | undefined; activeRange?: { sheetId: number; rect: { row: number; col: number } } | null } | undefined;
    const sh = wb && typeof wb.activeSheet === 'function' ? wb.activeSheet() : undefined;
    if (!sh) return undefined;
    const ar = wb?.activeRange && wb.activeRange.sheetId === sh.id ? wb.activeRange.rect : undefined;
    return ar ? { sheet: sh.name, row: ar.row, col: ar.col } : { sheet: sh.name };
  };
  /** Sheets switches to the sheet (and selects the range) a script activated once the execution
   *  is over (Sheet.activate, Range.activate, setActiveSheet; insertSheet "makes the new sheet the
   *  active sheet"), even when it fails afterwards. */
  const followActivation = (calls: Record<string, number> | undefined): void => {
    if (!calls || !Object.keys(calls).some((k) => ACTIVATING.test(k))) return;
    const a = activeView();
    if (!a) return;
    viewed = a;
    push({ type: 'activate', ...a });
  };
  /** What the person looks at (reported by the page): in Sheets, getActiveSheet()/getActiveRange()
   *  of a menu or sidebar execution are the sheet on screen and its selection
   *  (reference/spreadsheet/spreadsheet#getActiveSheet: "the active sheet in the UI"). */
  let viewed: { sheet: string; row?: number; col?: number } | undefined;
  const applyView = (): void => {
    const wb = runtime.model as { sheetByName?: (n: string) => { id: number } | undefined; activeSheetId?: number; activeRange?: unknown } | undefined;
    if (!viewed || !wb || typeof wb.sheetByName !== 'function' || !('activeSheetId' in wb)) return;
    const sh = wb.sheetByName(viewed.sheet);
    if (!sh) return;
    wb.activeSheetId = sh.id;
    wb.activeRange = viewed.row && viewed.col ? { sheetId: sh.id, rect: { row: viewed.row, col: viewed.col, numRows: 1, numCols: 1 } } : null;
  };

  /** One execution; pushes a refresh afterwards and saves when it succeeded. */
  async function execute(fn: string, args: unknown[], runOptions: RunOptions): Promise<RunResult> {
    // Sheets shows "Running script" for menu executions only, not for a sidebar's calls.
    const visible = runOptions.kind === 'menu';
    running++;
    if (visible) push({ type: 'busy', running: ++menuRunning });
    if (runOptions.kind === 'menu' || runOptions.kind === 'script-run') applyView();
    const started = Date.now();
    try {
      const result = await runtime.run(fn, args, runOptions);
      if (trace) log(`${runOptions.kind} ${fn} ${Date.now() - started} ms`);
      noteCalls(result.calls);
      for (const l of result.logs) log(`[${fn}] ${l}`);
      followActivation(result.calls);
      void save();
      return result;
    } catch (e) {
      // A failed execution is not saved, but what it wrote stays (as in Apps Script) and goes
      // out with the next save.
      const calls = (e as { calls?: Record<string, number> }).calls;
      noteCalls(calls ?? {});
      followActivation(calls);
      throw e;
    } finally {
      running--;
      if (visible) push({ type: 'busy', running: --menuRunning });
      push({ type: 'refresh' });
      settle();
    }
  }

  const spreadsheetTitle = (): string => {
    const wb = runtime.model as { name?: unknown; title?: unknown } | undefined;
    const n = wb && (typeof wb.name === 'string' ? wb.name : typeof wb.title === 'string' ? wb.title : undefined);
    if (n) return n;
    return options.workbookPath ? basename(options.workbookPath, extname(options.workbookPath)) : 'Untitled spreadsheet';
  };

  const sheetNames = (): string[] => {
    const wb = runtime.model as { sheetNames?: () => string[] } | undefined;
    return wb && typeof wb.sheetNames === 'function' ? wb.sheetNames() : [];
  };

  /** The tab bar: hidden sheets are not shown (Sheets lists them under View ▸ Hidden sheets). */
  const tabs = (): { name: string; color: string | null }[] => {
    const wb = runtime.model as { sheetByName?: (n: string) => { hidden?: boolean; tabColor?: string | null } | undefined } | undefined;
    return sheetNames()
      .map((name) => ({ name, sheet: wb && typeof wb.sheetByName === 'function' ? wb.sheetByName(name) : undefined }))
      .filter((x) => !x.sheet?.hidden)
      .map((x) => ({ name: x.name, color: x.sheet?.tabColor ?? null }));
  };

  // ---- the app origin ----
  const appServer = http.createServer((req, res) => {
    handleApp(req, res).catch((e: unknown) => {
      log(`error: ${(e as Error).stack ?? e}`);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: (e as Error).message });
      else res.end();
    });
  });

  async function handleApp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (req.method === 'GET' && (path === '/' || path === '/index.html')) return serveStatic(res, 'index.html');
    if (req.method === 'GET' && (path === '/app.js' || path === '/app.css')) return serveStatic(res, path.slice(1));
    if (req.method === 'GET' && path === '/api/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`retry: 1000\n\n`);
      clients.add(res);
      // A page that (re)connects sees what is open and what is waiting for an answer.
      for (const a of asks.values()) res.write(`data: ${JSON.stringify({ type: 'ask', id: a.id, request: a.request })}\n\n`);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (req.method === 'GET' && path === '/api/state') {
      const sidebar = openSidebar ? frames.get(openSidebar) : undefined;
      const dialog = openDialog ? frames.get(openDialog) : undefined;
      return sendJson(res, 200, {
        title: spreadsheetTitle(),
        sheets: tabs().map((x) => x.name),
        tabs: tabs(),
        menus,
        running: menuRunning,
        active: activeView(),
        userContentPort: ucPort,
        sidebar: sidebar && { id: sidebar.id, title: sidebar.title },
        dialog: dialog && { id: dialog.id, title: dialog.title, width: dialog.width, height: dialog.height, modal: dialog.modal },
      });
    }
    if (req.method === 'GET' && path === '/api/sheet') {
      const name = url.searchParams.get('name') ?? '';
      // A sheet can vanish between the page's /api/state and this fetch (a script deleted it, or a
      // failed execution rolled its insert back). That is news for the page, not a failed load:
      // the page skips the draw and its next refresh picks another tab.
      if (!sheetNames().includes(name)) return sendJson(res, 200, { error: `No sheet named "${name}"`, gone: true });
      const view: GridView = gridView(runtime.model, name);
      return sendJson(res, 200, view);
    }
    if (req.method === 'POST' && path === '/api/menu') {
      const { fn } = JSON.parse(await readBody(req)) as { fn: string };
      const known = new Set(collectFunctions(menus));
      if (!known.has(fn)) return sendJson(res, 400, { ok: false, error: `"${fn}" is not on a menu` });
      try {
        await execute(fn, [], { kind: 'menu' });
        return sendJson(res, 200, { ok: true });
      } catch (e) {
        const message = (e as Error).message;
        push({ type: 'error', fn, message });
        return sendJson(res, 200, { ok: false, error: message });
      }
    }
    if (req.method === 'POST' && path === '/api/edit') {
      const { sheet, row, col, input } = JSON.parse(await readBody(req)) as { sheet: string; row: number; col: number; input: string };
      const a1 = `${columnLetter(col)}${row}`;
      running++;
      let result: UserEditResult;
      try {
        result = await runtime.userEdit(sheet, a1, String(input ?? ''), options.user);
        if (result.ok) void save();
      } catch (e) {
        result = { ok: false, message: (e as Error).message };
      } finally {
        running--;
        push({ type: 'refresh' });
        settle();
      }
      return sendJson(res, 200, result);
    }
    if (req.method === 'POST' && path === '/api/view') {
      const { sheet, row, col } = JSON.parse(await readBody(req)) as { sheet?: unknown; row?: unknown; col?: unknown };
      if (typeof sheet !== 'string') return sendJson(res, 400, { ok: false, error: 'bad request' });
      // The sheet may have gone since the page drew it (deleted, or a failed run's insert undone).
      if (!sheetNames().includes(sheet)) return sendJson(res, 200, { ok: false, error: 'unknown sheet', gone: true });
      const cell = Number.isInteger(row) && Number.isInteger(col) && (row as number) > 0 && (col as number) > 0;
      viewed = cell ? { sheet, row: row as number, col: col as number } : { sheet };
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === 'POST' && path === '/api/answer') {
      const { id, button, text } = JSON.parse(await readBody(req)) as { id: string; button: string; text?: string };
      const a = asks.get(id);
      // Already answered (a double click, or another tab answered first): nothing left to do.
      if (!a) return sendJson(res, 200, { ok: false, error: 'nothing to answer' });
      asks.delete(id);
      push({ type: 'answered', id });
      a.resolve(a.request.kind === 'prompt' ? { button, text: String(text ?? '') } : { button });
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === 'POST' && path === '/api/frame-closed') {
      const { id } = JSON.parse(await readBody(req)) as { id: string };
      if (openSidebar === id) openSidebar = undefined;
      if (openDialog === id) openDialog = undefined;
      frames.delete(id);
      return sendJson(res, 200, { ok: true });
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }

  function serveStatic(res: http.ServerResponse, name: string): void {
    const file = join(PUBLIC, name);
    if (!existsSync(file)) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  }

  // ---- the add-on pages' origin ----
  const ucServer = http.createServer((req, res) => {
    handleUserContent(req, res).catch((e: unknown) => {
      log(`error: ${(e as Error).stack ?? e}`);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: (e as Error).message });
      else res.end();
    });
  });

  async function handleUserContent(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    const frameMatch = /^\/frame\/([\w-]+)$/.exec(url.pathname);
    if (req.method === 'GET' && frameMatch) {
      const frame = frames.get(frameMatch[1]);
      if (!frame) {
        // Replaced or closed while its iframe was still loading: the person sees why it is blank.
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end('<!doctype html><p style="font:13px sans-serif;color:#5f6368">This page is no longer open.</p>');
        return;
      }
      const hostName = (req.headers.host ?? host).replace(/:\d+$/, '');
      const script = bridgeScript({
        frameId: frame.id,
        functions: existsSync(bundlePath) ? callableFunctions(bundlePath) : [],
        endpoint: '/api/script-run',
        appOrigin: `http://${hostName}:${appPort}`,
      });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(injectBeforeScripts(frame.html, script));
      return;
    }
    if (req.method === 'POST' && url.pathname === '/api/script-run') {
      const { fn, args } = JSON.parse(await readBody(req)) as { fn: string; args: unknown[] };
      if (typeof fn !== 'string' || !Array.isArray(args)) return sendJson(res, 400, { ok: false, error: 'bad request' });
      try {
        const result = await execute(fn, args, { kind: 'script-run' });
        let value = result.value;
        if (checkResult) value = checkResult(value, 'result') ?? value;
        if (value === undefined) return sendJson(res, 200, { ok: true, undefined: true });
        return sendJson(res, 200, { ok: true, value });
      } catch (e) {
        const err = e as Error;
        return sendJson(res, 200, { ok: false, error: err.message, name: err.name && err.name !== 'Error' ? err.name : undefined });
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }

  let ucPort = 0;
  let appPort = 0;
  try {
    ucPort = await listen(ucServer, options.userContentPort ?? 0, host);
    appPort = await listen(appServer, options.port ?? 8787, host);
  } catch (e) {
    if (ucServer.listening) ucServer.close();
    await runtime.close();
    throw e;
  }

  if (options.runOnOpen !== false && existsSync(bundlePath) && callableFunctions(bundlePath).includes('onOpen')) {
    // Sheets runs onOpen as a simple trigger when the spreadsheet opens; an add-on enabled in
    // the document gets AuthMode.LIMITED (add-ons/concepts/editor-auth-lifecycle).
    try {
      await execute('onOpen', [], { kind: 'simple-trigger', event: { authMode: 'LIMITED', source: { $spreadsheet: true } } });
    } catch (e) {
      const message = (e as Error).message;
      log(`onOpen failed: ${message}`);
      push({ type: 'error', fn: 'onOpen', message });
    }
  }

  let timer: NodeJS.Timeout | undefined;
  const interval = options.triggerIntervalMs ?? 15000;
  if (interval > 0 && typeof runtime.runDueTimeTriggers === 'function') {
    timer = setInterval(() => {
      if (closed) return;
      running++;
      runtime.runDueTimeTriggers!()
        .then((results) => {
          if (Array.isArray(results)) for (const r of results as RunResult[]) noteCalls(r.calls);
          return save();
        })
        .catch((e: unknown) => log(`time trigger failed: ${(e as Error).message}`))
        .finally(() => {
          running--;
          push({ type: 'refresh' });
          settle();
        });
    }, interval);
    timer.unref();
  }

  return {
    url: `http://${host}:${appPort}/`,
    userContentUrl: `http://${host}:${ucPort}/`,
    runtime,
    menus: () => menus,
    idle: () =>
      new Promise<void>((ok) => {
        if (running === 0) void saved().then(() => ok());
        else idleWaiters.push(ok);
      }),
    async close(): Promise<void> {
      closed = true;
      if (timer) clearInterval(timer);
      for (const a of asks.values()) a.resolve({ button: 'CLOSE' });
      asks.clear();
      for (const c of clients) c.end();
      clients.clear();
      for (const s of [appServer, ucServer]) {
        s.closeAllConnections();
        await new Promise<void>((ok) => s.close(() => ok()));
      }
      await saved();
      await runtime.close();
    },
  };
}

const ACTIVATING = /^(Sheet\.activate|Range\.activate|Spreadsheet\.setActiveSheet|SpreadsheetApp\.setActiveSheet|Spreadsheet\.insertSheet)$/;

/** Services whose writes land in the workbook's sidecar (.state.json, .drive/). */
const SIDECAR_CLASSES = new Set([
  'Properties',
  'ScriptApp',
  'Trigger',
  'TriggerBuilder',
  'ClockTriggerBuilder',
  'SpreadsheetTriggerBuilder',
  'DriveApp',
  'Folder',
  'File',
]);

function collectFunctions(menus: MenuSpec[]): string[] {
  const out: string[] = [];
  const walk = (items: MenuSpec['items']): void => {
    for (const i of items) {
      if (i.kind === 'item' && i.functionName) out.push(i.functionName);
      if (i.kind === 'submenu' && i.items) walk(i.items);
    }
  };
  for (const m of menus) walk(m.items);
  return out;
}
