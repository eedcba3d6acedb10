// build.mjs: what `clasp push` deploys is right, and the build fails where Apps Script would only
// fail at click time (a function named in a string that is not exported).
// Each case builds a temp copy of the build inputs (src, sidebar, build.mjs, appsscript.json,
// .clasp.json; node_modules symlinked), so the repo's own dist/ is never touched.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import * as vm from 'node:vm';
import { topLevelFunctions } from '../../dev/app/bundleFunctions';

const REPO = resolve(__dirname, '../..');
const dirs: string[] = [];

function tempRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rcl-build-'));
  dirs.push(dir);
  for (const d of ['src', 'sidebar']) cpSync(join(REPO, d), join(dir, d), { recursive: true });
  for (const f of ['build.mjs', 'appsscript.json', '.clasp.json', 'package.json']) copyFileSync(join(REPO, f), join(dir, f));
  if (existsSync(join(REPO, '.claspignore'))) copyFileSync(join(REPO, '.claspignore'), join(dir, '.claspignore'));
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function build(dir: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, ['build.mjs'], { cwd: dir, encoding: 'utf8', timeout: 120000 });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('build.mjs', () => {
  let built: string;
  beforeAll(() => {
    built = tempRepo();
    const r = build(built);
    if (r.status !== 0) throw new Error(`the repo's sources do not build:\n${r.out}`);
  });

  test('dist/Code.js has exactly one top-level function per export of src/server/index.ts', () => {
    const code = readFileSync(join(built, 'dist/Code.js'), 'utf8');
    // What the bundle exports, as the bundle itself says (the IIFE's return value) ...
    const ctx = vm.createContext({});
    vm.runInContext(code, ctx, { filename: 'Code.js' }); // also proves no service call at load
    const exported = Object.keys((ctx as { __rcl: object }).__rcl).sort();
    expect(exported.length).toBeGreaterThan(0);
    // ... and what Apps Script will see: global functions (top-level declarations).
    const globalFns = Object.keys(ctx).filter((k) => typeof (ctx as Record<string, unknown>)[k] === 'function').sort();
    expect(globalFns).toEqual(exported);
    const declared = topLevelFunctions(code);
    expect(declared).toEqual(exported);
    expect(exported.filter((n) => n.endsWith('_'))).toEqual([]);
    // Each stub really delegates to the bundle's function.
    const probe = vm.runInContext(`typeof onOpen === 'function' && /__rcl\\.onOpen/.test(onOpen.toString())`, ctx);
    if (exported.includes('onOpen')) expect(probe).toBe(true);
  });

  test('dist/Sidebar.html is self-contained: no external src/href/url()', () => {
    const html = readFileSync(join(built, 'dist/Sidebar.html'), 'utf8');
    const external = [
      ...html.matchAll(/\b(?:src|href|action)\s*=\s*["']?\s*(?:[a-z][\w+.-]*:)?\/\/[^\s"'>]*/gi),
      ...html.matchAll(/url\(\s*["']?\s*(?:https?:)?\/\/[^)]*\)/gi),
      ...html.matchAll(/@import\s+["']/gi),
    ].map((m) => m[0]);
    expect(external).toEqual([]);
    expect(html).toMatch(/<script>[\s\S]+<\/script>/);
  });

  test('clasp status lists exactly the files in dist/ (works offline with the placeholder scriptId)', () => {
    const r = spawnSync(process.execPath, [join(REPO, 'node_modules/@google/clasp/build/src/index.js'), 'status', '--json'], {
      cwd: built,
      encoding: 'utf8',
      timeout: 60000,
      env: { ...process.env, HOME: built }, // no credentials anywhere: status must not need them
    });
    expect(r.status).toBe(0);
    const status = JSON.parse(r.stdout) as { filesToPush: string[]; untrackedFiles: string[] };
    const inDist = filesUnder(join(built, 'dist')).map((f) => relative(built, f)).sort();
    expect([...status.filesToPush].sort()).toEqual(inDist);
    expect(inDist).toEqual(expect.arrayContaining(['dist/Code.js', 'dist/Sidebar.html', 'dist/appsscript.json']));
    expect(inDist.every((f) => /\.(js|html|json)$/.test(f))).toBe(true);
  });

  test('fails when a sidebar calls a server function that is not exported', () => {
    const dir = tempRepo();
    writeFileSync(join(dir, 'sidebar/views/zzExtra.ts'), `import { callServer } from '../server';\nexport const x = () => callServer('nopeFromSidebar', 1);\n`);
    const r = build(dir);
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/nopeFromSidebar/);
  });

  test('fails when a page calls google.script.run.<name> that is not exported', () => {
    const dir = tempRepo();
    writeFileSync(join(dir, 'sidebar/extra.html'), `<script>google.script.run.withSuccessHandler(onOk).withUserObject(this).nopeFromHtml();</script>\n`);
    const r = build(dir);
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/nopeFromHtml/);
  });

  test('fails when the missing function follows an inline handler (the usual way to write it)', () => {
    const dir = tempRepo();
    writeFileSync(
      join(dir, 'sidebar/extra.html'),
      `<script>google.script.run.withSuccessHandler(function (r) { show(r); }).withFailureHandler((e) => alert(e.message)).nopeAfterInline(1);</script>\n`,
    );
    const r = build(dir);
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/nopeAfterInline/);
  });

  test('fails when the server bundle uses a Node global without a typeof guard', () => {
    const dir = tempRepo();
    writeFileSync(join(dir, 'src/server/zzNode.ts'), `export function zzNode(): number {\n  return process.cpuUsage().user;\n}\n`);
    writeFileSync(join(dir, 'src/server/index.ts'), `${readFileSync(join(dir, 'src/server/index.ts'), 'utf8')}export * from './zzNode';\n`);
    const r = build(dir);
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/Node global "process"/);
  });

  test('fails when a menu item names a function that is not exported', () => {
    const dir = tempRepo();
    writeFileSync(join(dir, 'src/server/zzExtraMenu.ts'), `export function zz(): void {\n  SpreadsheetApp.getUi().createMenu('M').addItem('x', 'nopeFromMenu').addToUi();\n}\n`);
    const r = build(dir);
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/nopeFromMenu/);
  });

  test('fails when a trigger names a function that is not exported', () => {
    const dir = tempRepo();
    writeFileSync(join(dir, 'src/server/zzExtraTrigger.ts'), `export function zz(): void {\n  ScriptApp.newTrigger('nopeFromTrigger').timeBased().after(1000).create();\n}\n`);
    const r = build(dir);
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/nopeFromTrigger/);
  });
});
