// `rcl` (dev/cli/rcl.ts): call, sheet, start. Uses the tiny test add-on of the browser tests
// (test/e2e/helpers/fixtures/bridge) so the behaviour does not depend on the add-on's progress.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main, toCsv, zoneDateString } from '../../dev/cli/rcl';
import { WorkbookModel } from '../../dev/runtime/spreadsheet';

jest.setTimeout(120000);

const REPO = resolve(__dirname, '../..');
const FIXTURE = join(REPO, 'test/e2e/helpers/fixtures/bridge');
const BUNDLE = ['--bundle', join(FIXTURE, 'Code.js'), '--html-dir', FIXTURE];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rcl-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rcl(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('rcl call', () => {
  test('runs one function, saves the workbook (created if missing), prints the JSON result', async () => {
    const book = join(dir, 'call.xlsx');
    expect(existsSync(book)).toBe(false);
    const r = await rcl('call', '--workbook', book, ...BUNDLE, 'addRow', '"RC-000001"', '12.5');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ id: 'RC-000001', rows: 1 });
    expect(existsSync(book)).toBe(true);
    // A second execution sees the saved state.
    const r2 = await rcl('call', '--workbook', book, ...BUNDLE, 'addRow', '"RC-000002"', '7');
    expect(JSON.parse(r2.out)).toEqual({ id: 'RC-000002', rows: 2 });
  });

  test('when the function throws: message on stderr, exit 1, workbook unchanged', async () => {
    const book = join(dir, 'call.xlsx');
    const before = readFileSync(book);
    const sidecar = readFileSync(`${book}.state.json`, 'utf8');
    const mtime = statSync(book).mtimeMs;
    const r = await rcl('call', '--workbook', book, ...BUNDLE, 'breakAfterWrite');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('boom: nothing may be saved');
    expect(readFileSync(book).equals(before)).toBe(true);
    expect(statSync(book).mtimeMs).toBe(mtime);
    expect(readFileSync(`${book}.state.json`, 'utf8')).toBe(sidecar);
    const tabs = await rcl('sheet', '--workbook', book);
    expect(tabs.out.split('\n')).not.toContain('Half done');
  });

  test('a function that returns nothing prints nothing; UI calls are described on stderr', async () => {
    const book = join(dir, 'ui.xlsx');
    const r = await rcl('call', '--workbook', book, ...BUNDLE, '--answer', 'NO', 'askSomething');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toBe('NO');
    expect(r.err).toContain('Really do it?');
    expect(r.err).toContain('[toast] Asked: Answer: NO');
    const none = await rcl('call', '--workbook', book, ...BUNDLE, 'onOpen');
    expect(none.code).toBe(0);
    expect(none.out).toBe('');
  });

  test('--as script-run applies google.script.run rules: private functions and Date results fail', async () => {
    const book = join(dir, 'sr.xlsx');
    const priv = await rcl('call', '--workbook', book, ...BUNDLE, '--as', 'script-run', 'hidden_');
    expect(priv.code).toBe(1);
    const cli = await rcl('call', '--workbook', book, ...BUNDLE, 'hidden_');
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.out)).toBe('private');
    const date = await rcl('call', '--workbook', book, ...BUNDLE, '--as', 'script-run', 'giveDate');
    expect(date.code).toBe(1);
    expect(date.err).toMatch(/illegal value/);
  });

  test('usage errors exit 2: bad JSON argument, missing workbook, unknown command', async () => {
    expect((await rcl('call', '--workbook', join(dir, 'x.xlsx'), ...BUNDLE, 'echo', 'not-json')).code).toBe(2);
    expect((await rcl('call', 'echo')).code).toBe(2);
    expect((await rcl('frobnicate')).code).toBe(2);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });
});

describe('rcl sheet', () => {
  let book: string;
  beforeAll(async () => {
    book = join(dir, 'sheet.xlsx');
    expect((await rcl('call', '--workbook', book, ...BUNDLE, 'makeGrid')).code).toBe(0);
    expect((await rcl('call', '--workbook', book, ...BUNDLE, 'addRow', '"RC-9"', '1234.5')).code).toBe(0);
  });

  test('prints a tab as CSV of what the sheet shows, quoted per RFC 4180', async () => {
    const r = await rcl('sheet', '--workbook', book, 'Grid');
    expect(r.code).toBe(0);
    const lines = r.out.split('\r\n');
    expect(lines[0]).toBe('Case ID,Status,Amount,Logged');
    expect(lines[2]).toBe('RC-000002,Agreed,"1,000.00",2026-01-06');
    const log = await rcl('sheet', '--workbook', book, 'Log');
    expect(log.out).toBe('RC-9,1234.5,"a ""quoted"", text"\r\n');
  });

  test('--json prints getValues-like rows (numbers as numbers, dates as the zone\'s calendar date)', async () => {
    const r = await rcl('sheet', '--workbook', book, 'Grid', '--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as unknown[][];
    expect(rows[0]).toEqual(['Case ID', 'Status', 'Amount', 'Logged']);
    expect(rows[2][2]).toBe(1000);
    // new Date(2026, 0, 6) in the script's zone (the repo manifest's America/New_York) is
    // 2026-01-06 13:00 in the spreadsheet's Asia/Shanghai; the cell shows 2026-01-06 (CSV above).
    // Before: the UTC instant "2026-01-06T05:00:00.000Z".
    expect(rows[2][3]).toBe('2026-01-06T13:00:00+08:00');
  });

  test('zoneDateString: midnight is a date, other times carry the zone offset', () => {
    expect(zoneDateString(new Date('2026-12-02T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-12-03');
    expect(zoneDateString(new Date('2026-12-03T01:30:00Z'), 'Asia/Shanghai')).toBe('2026-12-03T09:30:00+08:00');
    expect(zoneDateString(new Date('2026-07-01T16:00:00.250Z'), 'America/New_York')).toBe('2026-07-01T12:00:00.250-04:00');
  });

  test('without a name lists the tabs; an unknown tab or file is an error', async () => {
    const r = await rcl('sheet', '--workbook', book);
    expect(r.out.trim().split('\n')).toEqual(expect.arrayContaining(['Grid', 'Log']));
    expect((await rcl('sheet', '--workbook', book, 'Nope')).code).toBe(1);
    expect((await rcl('sheet', '--workbook', join(dir, 'missing.xlsx'), 'Grid')).code).toBe(1);
  });

  test('toCsv quotes commas, quotes and line breaks only', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'x\ny', '']])).toBe('a,"b,c","say ""hi""","x\ny",\r\n');
    expect(toCsv([])).toBe('');
  });
});

/** `rcl start` in-process on a free port: resolves once it serves, with its URL, output so far,
 *  a stop() and the exit code to come. */
async function startApp(book: string, ...flags: string[]): Promise<{ url: string; out: string; stop: () => void; running: Promise<number> }> {
  let stop!: () => void;
  const stopSignal = new Promise<void>((ok) => (stop = ok));
  let url = '';
  let out = '';
  let running!: Promise<number>;
  const started = new Promise<void>((ok) => {
    running = main(['start', ...flags, '--workbook', book, '--port', '0', ...BUNDLE], {
      out: (s) => (out += s),
      err: () => undefined,
      stopSignal,
      onStarted: (u) => {
        url = u;
        ok();
      },
    });
  });
  await Promise.race([started, running.then((code) => Promise.reject(new Error(`rcl start exited early with ${code}`)))]);
  return { url, out, stop, running };
}

describe('rcl start', () => {
  test('sets up a new workbook, serves the app with the add-on menu, and stops cleanly', async () => {
    const book = join(dir, 'start.xlsx');
    const { url, out, stop, running } = await startApp(book);
    expect(out).toContain(url);
    const state = (await (await fetch(`${url}api/state`)).json()) as { menus: { caption: string; addon: boolean }[]; sheets: string[] };
    expect(state.menus.filter((m) => m.addon).length).toBe(1);
    expect(state.sheets).toContain('Cases'); // a new workbook was set up by the bundle's setupWorkbook
    const page = await (await fetch(url)).text();
    expect(page).toContain('<nav id="menubar"');
    expect(page).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//);
    stop();
    expect(await running).toBe(0);
    expect(existsSync(book)).toBe(true); // onOpen's execution succeeded, so the workbook was saved
  });
});

describe('a workbook the app serves is not changed from the command line', () => {
  test('rcl call, a second rcl start and rcl demo refuse it while the app runs (its next save would overwrite them); it is free once the app stops', async () => {
    const book = join(dir, 'served.xlsx');
    const { url, stop, running } = await startApp(book);
    expect(existsSync(`${book}.serving.json`)).toBe(true);
    const call = await rcl('call', '--workbook', book, ...BUNDLE, 'echo', '1');
    expect(call.code).toBe(1);
    expect(call.err).toContain(`is open in the local app at ${url}`);
    const before = statSync(book).mtimeMs;
    expect((await rcl('start', '--workbook', book, '--port', '0', ...BUNDLE)).code).toBe(1);
    expect((await rcl('demo', '--workbook', book)).code).toBe(1);
    expect(statSync(book).mtimeMs).toBe(before); // the demo did not delete or rebuild it
    stop();
    expect(await running).toBe(0);
    expect(existsSync(`${book}.serving.json`)).toBe(false);
    const after = await rcl('call', '--workbook', book, ...BUNDLE, 'echo', '2');
    expect([after.code, after.out.trim()]).toEqual([0, '2']);
  });

  test('rcl demo --help, a mistyped flag or a bad --cases print the usage and touch no workbook', async () => {
    const book = join(dir, 'untouched.xlsx');
    const write = process.stdout.write;
    const printed: string[] = [];
    process.stdout.write = ((s: string) => (printed.push(String(s)), true)) as typeof process.stdout.write;
    const errWrite = process.stderr.write;
    process.stderr.write = ((s: string) => (printed.push(String(s)), true)) as typeof process.stderr.write;
    try {
      expect(await main(['demo', '--help', '--workbook', book])).toBe(0);
      expect(await main(['demo', '--workbok', book])).toBe(2);
      expect(await main(['demo', '--workbook', book, '--cases', 'many'])).toBe(2);
    } finally {
      process.stdout.write = write;
      process.stderr.write = errWrite;
    }
    expect(printed.join('')).toContain('usage: rcl demo');
    expect(printed.join('')).toContain('unexpected "--workbok"');
    expect(existsSync(book)).toBe(false);
  });

  test('a mark left by an app that died is ignored', async () => {
    const book = join(dir, 'stale.xlsx');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(`${book}.serving.json`, JSON.stringify({ pid: Number(dead.stdout), url: 'http://127.0.0.1:1/' }));
    const r = await rcl('call', '--workbook', book, ...BUNDLE, 'echo', '3');
    expect([r.code, r.out.trim()]).toEqual([0, '3']);
  });
});

describe('rcl start --empty', () => {
  test('starts a new, blank workbook with only the menu onOpen adds, and prints the URL on its own line', async () => {
    const book = join(dir, 'empty.xlsx');
    const { url, out, stop, running } = await startApp(book, '--empty');
    expect(out.split('\n').map((l) => l.trim())).toContain(url);
    const state = (await (await fetch(`${url}api/state`)).json()) as { menus: { caption: string; addon: boolean }[]; sheets: string[] };
    expect(state.sheets).toEqual(['Sheet1']); // not seeded, not set up
    expect(state.menus.filter((m) => m.addon).length).toBe(1);
    stop();
    expect(await running).toBe(0);
    // An existing workbook is never emptied.
    const again = await rcl('start', '--empty', '--workbook', book, '--port', '0', ...BUNDLE);
    expect(again.code).toBe(2);
    expect(again.err).toContain('--empty starts a new workbook');
  });
});

test('the rcl launcher (dev/cli/rcl.cjs) exits with the command status', () => {
  const book = join(dir, 'launcher.xlsx');
  const ok = spawnSync(process.execPath, [join(REPO, 'dev/cli/rcl.cjs'), 'call', '--workbook', book, ...BUNDLE, 'echo', '{"a":[1,null]}'], {
    encoding: 'utf8',
    timeout: 60000,
  });
  expect(ok.status).toBe(0);
  expect(JSON.parse(ok.stdout)).toEqual({ a: [1, null] });
  const bad = spawnSync(process.execPath, [join(REPO, 'dev/cli/rcl.cjs'), 'call', '--workbook', book, ...BUNDLE, 'fail'], { encoding: 'utf8', timeout: 60000 });
  expect(bad.status).toBe(1);
  expect(bad.stderr).toContain('It broke on purpose');
});

describe('the rcl launcher writes all of a large output to a pipe', () => {
  // A pipe takes 64 KB at once; the rest used to be lost when the launcher called
  // process.exit() before stdout had drained (`rcl sheet … --json | wc -c` → 65536). rcl's
  // stdout is a shell pipe into cat, as in that command: the stdio "pipe" of spawn() is a
  // socket pair, whose larger buffer took these outputs whole and hid the bug.
  function launch(...argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((ok, fail) => {
      const child = spawn('bash', ['-c', 'set -o pipefail; "$@" | cat', 'bash', process.execPath, join(REPO, 'dev/cli/rcl.cjs'), ...argv], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.on('error', fail);
      child.on('close', (code) => ok({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    });
  }

  test('rcl sheet --json: about 150 KB, complete JSON', async () => {
    const book = join(dir, 'large.xlsx');
    const model = WorkbookModel.empty({});
    const sheet = model.addSheet('Large');
    for (let r = 1; r <= 1000; r++) for (let c = 1; c <= 4; c++) model.writeInput(sheet, r, c, `row ${r} column ${c}: some statement text`);
    await model.save(book);
    const r = await launch('sheet', '--workbook', book, 'Large', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(128 * 1024);
    const rows = JSON.parse(r.stdout) as string[][];
    expect(rows).toHaveLength(1000);
    expect(rows[999]).toEqual([1, 2, 3, 4].map((c) => `row 1000 column ${c}: some statement text`));
  });

  test('rcl sheet … | head: a reader that stops early ends the output without an error', async () => {
    const book = join(dir, 'large.xlsx'); // the 1000 rows of the test above
    const r = await new Promise<{ stderr: string }>((ok, fail) => {
      const child = spawn('bash', ['-c', '"$@" | head -n 1 > /dev/null', 'bash', process.execPath, join(REPO, 'dev/cli/rcl.cjs'), 'sheet', '--workbook', book, 'Large'], { stdio: ['ignore', 'ignore', 'pipe'] });
      const err: Buffer[] = [];
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.on('error', fail);
      child.on('close', () => ok({ stderr: Buffer.concat(err).toString('utf8') }));
    });
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(r.stderr).toBe('');
  });

  test('rcl call: a result of about 170 KB, complete JSON', async () => {
    const book = join(dir, 'echo.xlsx');
    const big = Array.from({ length: 20000 }, (_, i) => i); // a 109 KB argument (one may be 128 KB)
    const r = await launch('call', '--workbook', book, ...BUNDLE, 'echo', JSON.stringify(big));
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(128 * 1024);
    expect(JSON.parse(r.stdout)).toEqual(big);
  });
});
