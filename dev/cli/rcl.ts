// `rcl`: the local runtime's command line (docs/local-runtime.md).
//
//   rcl call  --workbook FILE [--user EMAIL] [--as cli|menu|script-run] [--answer BUTTON[:TEXT]]... FUNCTION [JSON_ARG ...]
//   rcl sheet --workbook FILE [NAME] [--json | --values]
//   rcl start [--workbook FILE] [--empty] [--port N] [--host H] [--user EMAIL]
//   rcl demo  ...            (dev/demo/cli.ts, when present)
//
// Each `call` is one execution of a global function of dist/Code.js against FILE; the workbook
// is saved only when the function returns, so a failed call leaves FILE as it was.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AlertRequest, AlertResponse, ExecutionKind, OpenOptions, UiEvent, UiSink } from '../runtime/contract';
import { callableFunctions } from '../app/bundleFunctions';
import { wallMs } from '../runtime/spreadsheet/tz';
import { setSaveWorker } from '../runtime/spreadsheet/xlsx';
import { startApp, defaultOpenRuntime, type AppRuntime } from '../app/server';
import { busyReason, markServing } from './servedWorkbook';

const ROOT = resolve(__dirname, '../..');

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Resolves when `rcl start` should stop (default: SIGINT/SIGTERM). */
  stopSignal?: Promise<void>;
  /** Called with the app once `rcl start` is listening (tests). */
  onStarted?: (url: string) => void;
  openRuntime?: (opts: OpenOptions) => Promise<AppRuntime>;
}

const USAGE = `usage:
  rcl call  --workbook FILE [--user EMAIL] [--as cli|menu|script-run] [--answer BUTTON[:TEXT]] FUNCTION [JSON_ARG ...]
  rcl sheet --workbook FILE [NAME] [--json]
  rcl start [--workbook FILE] [--empty] [--port N] [--host HOST] [--user EMAIL]
  rcl demo  [...]
`;

class UsageError extends Error {}

interface Parsed {
  flags: Map<string, string[]>;
  bools: Set<string>;
  positional: string[];
}

const VALUE_FLAGS = new Set(['workbook', 'user', 'as', 'answer', 'port', 'host', 'bundle', 'html-dir']);
const BOOL_FLAGS = new Set(['json', 'help', 'empty']);

function parse(argv: string[]): Parsed {
  const flags = new Map<string, string[]>();
  const bools = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (BOOL_FLAGS.has(name)) {
        bools.add(name);
        continue;
      }
      if (!VALUE_FLAGS.has(name)) throw new UsageError(`unknown option --${name}`);
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      flags.set(name, [...(flags.get(name) ?? []), value]);
    } else positional.push(a);
  }
  return { flags, bools, positional };
}

function one(p: Parsed, name: string): string | undefined {
  const v = p.flags.get(name);
  return v ? v[v.length - 1] : undefined;
}

function defaultIo(): CliIo {
  return { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };
}

/** The CLI's UI: events are described on stderr, alerts answered from --answer (else the first
 *  "yes" button: OK or YES). */
function cliUi(io: CliIo, answers: string[]): UiSink {
  return {
    emit(e: UiEvent): void {
      if (e.type === 'toast') io.err(`[toast] ${e.title ? `${e.title}: ` : ''}${e.message}\n`);
      else if (e.type === 'sidebar') io.err(`[sidebar] ${e.title} (${e.html.length} characters of HTML)\n`);
      else if (e.type === 'dialog') io.err(`[dialog] ${e.title} ${e.width}x${e.height}${e.modal ? ' modal' : ''}\n`);
      else if (e.type === 'menu') io.err(`[menu] ${e.menu.caption}: ${e.menu.items.length} items\n`);
    },
    async ask(r: AlertRequest): Promise<AlertResponse> {
      const given = answers.shift();
      const [button, ...text] = (given ?? (r.buttons.startsWith('YES') ? 'YES' : 'OK')).split(':');
      io.err(`[${r.kind}] ${r.title ? `${r.title}: ` : ''}${r.prompt} -> ${button.toUpperCase()}${text.length ? ` "${text.join(':')}"` : ''}\n`);
      return r.kind === 'prompt' ? { button: button.toUpperCase(), text: text.join(':') } : { button: button.toUpperCase() };
    },
  };
}

/** A date as the spreadsheet shows it in its own time zone: `2026-12-03` at midnight, else
 *  `2026-12-03T09:30:00+08:00` (the UTC ISO string of the instant, `2026-12-02T16:00:00.000Z`,
 *  names another calendar day for every zone east of UTC). */
export function zoneDateString(d: Date, tz: string): string {
  const t = d.getTime();
  if (Number.isNaN(t)) return 'Invalid Date';
  const wall = wallMs(t, tz);
  const w = new Date(wall).toISOString(); // the zone's wall clock, spelled in ISO
  const day = w.slice(0, 10);
  if (wall % 86400000 === 0) return day;
  const off = Math.round((wall - t) / 60000);
  const sign = off < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(off) / 60)).padStart(2, '0');
  const mm = String(Math.abs(off) % 60).padStart(2, '0');
  const ms = w.slice(19, 23) === '.000' ? '' : w.slice(19, 23);
  return `${day}T${w.slice(11, 19)}${ms}${sign}${hh}:${mm}`;
}

function jsonReplacer(_k: string, v: unknown): unknown {
  return v === undefined ? null : v;
}

/** True (and says why) when a running local app has `workbook` open: its next save would
 *  overwrite what this command writes (servedWorkbook.ts). */
function refusedWhileServed(workbook: string, io: CliIo): boolean {
  const busy = busyReason(workbook);
  if (busy) io.err(`${busy}\n`);
  return busy !== '';
}

async function cmdCall(p: Parsed, io: CliIo): Promise<number> {
  const workbook = one(p, 'workbook');
  const [fn, ...rawArgs] = p.positional;
  if (!workbook || !fn) throw new UsageError('rcl call needs --workbook FILE and FUNCTION');
  if (refusedWhileServed(resolve(workbook), io)) return 1;
  const kind = (one(p, 'as') ?? 'cli') as ExecutionKind;
  if (!['cli', 'menu', 'script-run'].includes(kind)) throw new UsageError('--as is one of cli, menu, script-run');
  const args = rawArgs.map((a, i) => {
    try {
      return JSON.parse(a) as unknown;
    } catch {
      throw new UsageError(`argument ${i + 1} is not JSON: ${a} (quote strings: '"text"')`);
    }
  });
  const open = io.openRuntime ?? defaultOpenRuntime;
  const runtime = await open({
    workbookPath: resolve(workbook),
    bundlePath: one(p, 'bundle') ? resolve(one(p, 'bundle')!) : undefined,
    htmlDir: one(p, 'html-dir') ? resolve(one(p, 'html-dir')!) : undefined,
    user: one(p, 'user'),
    ui: cliUi(io, [...(p.flags.get('answer') ?? [])]),
  });
  try {
    let result;
    try {
      result = await runtime.run(fn, args, { kind, user: one(p, 'user') });
    } catch (e) {
      const err = e as Error & { logs?: string[] };
      for (const l of err.logs ?? []) io.err(`[log] ${l}\n`);
      io.err(`${err.message}\n`);
      return 1;
    }
    for (const l of result.logs) io.err(`[log] ${l}\n`);
    mkdirSync(dirname(resolve(workbook)), { recursive: true });
    // One save, then exit: written on this thread (the save worker pays off in the app only).
    const was = setSaveWorker(false);
    try {
      await runtime.save();
    } finally {
      setSaveWorker(was);
    }
    if (result.value !== undefined) io.out(`${JSON.stringify(result.value, jsonReplacer, 2)}\n`);
    return 0;
  } finally {
    await runtime.close();
  }
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted and its quotes doubled. */
export function toCsv(rows: string[][]): string {
  const field = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + (rows.length ? '\r\n' : '');
}

async function cmdSheet(p: Parsed, io: CliIo): Promise<number> {
  const workbook = one(p, 'workbook');
  if (!workbook) throw new UsageError('rcl sheet needs --workbook FILE');
  if (!existsSync(workbook)) {
    io.err(`No workbook at ${workbook}\n`);
    return 1;
  }
  const open = io.openRuntime ?? defaultOpenRuntime;
  const runtime = await open({ workbookPath: resolve(workbook) });
  try {
    const model = runtime.model as {
      sheetNames(): string[];
      readValues(sheet: string): unknown[][];
      readDisplayValues(sheet: string): string[][];
    };
    const names = model.sheetNames();
    const name = p.positional[0];
    if (!name) {
      io.out(names.map((n) => `${n}\n`).join(''));
      return 0;
    }
    if (!names.includes(name)) {
      io.err(`No sheet named "${name}". Sheets: ${names.join(', ')}\n`);
      return 1;
    }
    // CSV carries what the sheet shows (Sheets' File > Download > CSV exports displayed values);
    // --json carries what getValues() returns, dates as the calendar date/time in the
    // spreadsheet's time zone (zoneDateString).
    if (p.bools.has('json')) {
      const tz = (runtime.model as { timeZone?: string }).timeZone ?? 'UTC';
      const values = model.readValues(name).map((row) => row.map((v) => (v instanceof Date ? zoneDateString(v, tz) : v)));
      io.out(`${JSON.stringify(values)}\n`);
    }
    else io.out(toCsv(model.readDisplayValues(name)));
    return 0;
  } finally {
    await runtime.close();
  }
}

function requireIfExists(base: string): Record<string, unknown> | undefined {
  for (const ext of ['.ts', '.js', '.cjs']) {
    if (existsSync(base + ext)) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(base) as Record<string, unknown>;
    }
  }
  return undefined;
}

/** A first start seeds the workbook: the demo seeder when present (for the add-on's own
 *  bundle), else the bundle's setupWorkbook when it has one, else the app starts empty. */
async function seedWorkbook(path: string, io: CliIo, bundle: { bundlePath?: string; htmlDir?: string }): Promise<void> {
  const seed = bundle.bundlePath ? undefined : requireIfExists(join(ROOT, 'dev/demo/seed'));
  if (seed && typeof seed.seedDemoWorkbook === 'function') {
    io.err(`Seeding a demo workbook at ${path}…\n`);
    mkdirSync(dirname(path), { recursive: true });
    await (seed.seedDemoWorkbook as (p: string) => Promise<void>)(path);
    return;
  }
  const code = bundle.bundlePath ?? join(ROOT, 'dist/Code.js');
  if (existsSync(code) && callableFunctions(code).includes('setupWorkbook')) {
    io.err(`Setting up a new workbook at ${path}…\n`);
    const runtime = await (io.openRuntime ?? defaultOpenRuntime)({ workbookPath: path, ...bundle, ui: cliUi(io, []) });
    try {
      await runtime.run('setupWorkbook', [], { kind: 'cli' });
      mkdirSync(dirname(path), { recursive: true });
      await runtime.save();
    } finally {
      await runtime.close();
    }
  }
}

async function cmdStart(p: Parsed, io: CliIo): Promise<number> {
  const workbook = resolve(one(p, 'workbook') ?? join(ROOT, 'data/demo.xlsx'));
  const port = Number(one(p, 'port') ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port is a port number');
  if (!existsSync(join(ROOT, 'dist/Code.js')) && !one(p, 'bundle')) {
    io.err('No dist/Code.js: run `npm run build` first.\n');
    return 1;
  }
  const bundle = {
    bundlePath: one(p, 'bundle') ? resolve(one(p, 'bundle')!) : undefined,
    htmlDir: one(p, 'html-dir') ? resolve(one(p, 'html-dir')!) : undefined,
  };
  // --empty: a new, blank workbook (only onOpen's menu), so a newcomer can run Set up workbook.
  const empty = p.bools.has('empty');
  if (refusedWhileServed(workbook, io)) return 1;
  const isNew = !existsSync(workbook);
  if (empty && !isNew) throw new UsageError(`--empty starts a new workbook, but ${workbook} exists; pass a new --workbook path`);
  if (isNew && !empty) await seedWorkbook(workbook, io, bundle);
  const app = await startApp({
    workbookPath: workbook,
    port,
    host: one(p, 'host'),
    user: one(p, 'user'),
    ...bundle,
    openRuntime: io.openRuntime,
    log: (l) => io.err(`${l}\n`),
  }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use; pass --port N (0 picks a free one)`);
    throw e;
  });
  const release = markServing(workbook, app.url);
  let hint = '';
  if (empty) {
    const menu = app.menus().find((m) => m.addon) ?? app.menus()[0];
    const item = menu?.items.find((i) => i.kind === 'item' && i.functionName === 'setupWorkbook');
    hint = menu && item ? ` (new and empty: try Extensions ▸ ${menu.caption} ▸ ${item.caption})` : ' (new and empty)';
  }
  io.out(
    `\nRefund Case Log is running. Open this in your browser:\n\n    ${app.url}\n\n` +
      `Workbook: ${workbook}${hint}\nCtrl+C stops it.\n`,
  );
  io.onStarted?.(app.url);
  const stop =
    io.stopSignal ??
    new Promise<void>((ok) => {
      process.once('SIGINT', () => ok());
      process.once('SIGTERM', () => ok());
    });
  await stop;
  try {
    await app.close();
  } finally {
    release();
  }
  return 0;
}

export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'demo') {
      const demo = requireIfExists(join(ROOT, 'dev/demo/cli'));
      if (!demo || typeof demo.main !== 'function') {
        io.err('rcl demo is not available yet (dev/demo/cli.ts).\n');
        return 2;
      }
      return await (demo.main as (a: string[]) => Promise<number>)(rest);
    }
    const p = parse(rest);
    if (!command || command === 'help' || command === '--help' || p.bools.has('help')) {
      io.out(USAGE);
      return command ? 0 : 2;
    }
    if (command === 'call') return await cmdCall(p, io);
    if (command === 'sheet') return await cmdSheet(p, io);
    if (command === 'start') return await cmdStart(p, io);
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`rcl: ${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}
