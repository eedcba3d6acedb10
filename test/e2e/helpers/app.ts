// Shared helpers for browser tests of the local app (docs/local-runtime.md, "Browser tests").
//
//   const t = await startTestApp({ prepare: ['setupWorkbook'] });   // app on a temp workbook
//   const b = await launchBrowser();                                  // headless Debian Chromium
//   await openApp(b.page, t);
//   await clickMenu(b.page, ['Extensions', 'Refund Case Log', 'Log a refund…']);
//   const side = await sidebarFrame(b.page);                          // a playwright Frame
//   ...
//   await b.close(); await t.close();
import { mkdtempSync, copyFileSync, cpSync, existsSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { startApp, defaultOpenRuntime, type App, type AppOptions } from '../../../dev/app/server';
import type { UiSink } from '../../../dev/runtime/contract';

export const REPO = resolve(__dirname, '../../..');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export interface TestApp {
  app: App;
  url: string;
  /** The temp workbook the app reads and saves. */
  workbookPath: string;
  dir: string;
  close(): Promise<void>;
}

export interface TestAppOptions extends Omit<AppOptions, 'workbookPath' | 'port'> {
  /** Copy this .xlsx and what is saved beside it (.sheets.json, .state.json, .drive/) as the starting workbook. */
  from?: string;
  /** Functions to run (kind 'cli', in order) on the workbook before the app starts. */
  prepare?: (string | { fn: string; args?: unknown[] })[];
  /** Or any async preparation of the workbook path. */
  seed?: (workbookPath: string) => Promise<void>;
}

/** Copies a workbook with everything saved beside it: `<file>.sheets.json` (conditional formats,
 *  validation, protection, styles), `<file>.state.json` (properties, triggers, the Drive index) and
 *  `<file>.drive/` (the Drive files' bytes). A copy of the .xlsx alone loses all of those. */
export function copyWorkbook(from: string, to: string): void {
  copyFileSync(from, to);
  for (const ext of ['.sheets.json', '.state.json']) if (existsSync(`${from}${ext}`)) copyFileSync(`${from}${ext}`, `${to}${ext}`);
  if (existsSync(`${from}.drive`)) cpSync(`${from}.drive`, `${to}.drive`, { recursive: true });
}

/** Starts the local app on a fresh temp workbook, on a free port of 127.0.0.1. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'rcl-app-'));
  const workbookPath = join(dir, 'book.xlsx');
  if (options.from) {
    copyWorkbook(options.from, workbookPath);
  }
  if (options.seed) await options.seed(workbookPath);
  if (options.prepare?.length) {
    const quiet: UiSink = { emit: () => undefined, ask: async () => ({ button: 'OK', text: '' }) };
    const rt = await (options.openRuntime ?? defaultOpenRuntime)({
      workbookPath,
      bundlePath: options.bundlePath,
      htmlDir: options.htmlDir,
      user: options.user,
      ui: quiet,
    });
    try {
      for (const step of options.prepare) {
        const { fn, args } = typeof step === 'string' ? { fn: step, args: [] } : step;
        await rt.run(fn, args ?? [], { kind: 'cli' });
      }
      mkdirSync(dir, { recursive: true });
      await rt.save();
    } finally {
      await rt.close();
    }
  }
  const app = await startApp({ triggerIntervalMs: 0, ...options, workbookPath, port: 0 });
  return {
    app,
    url: app.url,
    workbookPath,
    dir,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors of every page and frame (assert it stays empty). */
  errors: string[];
  close(): Promise<void>;
}

/** Headless Debian Chromium with a fresh profile (playwright-core cannot download browsers). */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'rcl-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1400, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  // Chromium's console line for a failed load omits the address; record it so a failure says which.
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`http ${r.status()}: ${r.request().method()} ${new URL(r.url()).pathname}`);
  });
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the app and waits until the tabs and the first grid are drawn. */
export async function openApp(page: Page, t: TestApp | App | string): Promise<void> {
  const url = typeof t === 'string' ? t : t.url;
  await page.goto(url);
  // The first refresh draws the menu bar and the tabs in one go, then fetches and draws the
  // active sheet (data-ready). A workbook without sheets draws no grid: the menu bar with no
  // tab is its ready state. (Not "data-ready within N s, else the menu bar": on a loaded
  // machine that returned before the grid was drawn.)
  await page.waitForFunction(
    () =>
      document.body.hasAttribute('data-ready') ||
      (!!document.querySelector('#menubar [data-menu="Extensions"]') && !document.querySelector('#tabs [role=tab]')),
    undefined,
    { timeout: 30000 },
  );
}

/** Waits for the next grid redraw after `action` (every execution and edit triggers one). */
export async function afterRedraw(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = await page.getAttribute('body', 'data-ready');
  await action();
  await page.waitForFunction((b) => document.body.getAttribute('data-ready') !== b, before, { timeout: 30000 });
}

/** Clicks through the menu bar: ['Extensions', 'Refund Case Log', 'Set up workbook']. */
export async function clickMenu(page: Page, path: string[]): Promise<void> {
  const [top, ...rest] = path;
  const topEl = page.locator(`#menubar > .menu-top[data-menu="${top.replace(/"/g, '\\"')}"]`);
  await topEl.click();
  let scope = topEl;
  for (let i = 0; i < rest.length; i++) {
    const item = scope.locator(':scope > .menu-pop > .menu-item').filter({ has: page.locator(':scope > .caption', { hasText: exactText(rest[i]) }) });
    await item.first().click();
    scope = item.first();
  }
}

function exactText(s: string): RegExp {
  return new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** The captions of one menu level: menuCaptions(page, ['Extensions', 'Refund Case Log']). */
export async function menuCaptions(page: Page, path: string[]): Promise<string[]> {
  await clickMenu(page, path);
  const [top, ...rest] = path;
  let scope = page.locator(`#menubar > .menu-top[data-menu="${top}"]`);
  for (const r of rest) scope = scope.locator(':scope > .menu-pop > .menu-item').filter({ has: page.locator(':scope > .caption', { hasText: exactText(r) }) }).first();
  const captions = await scope.locator(':scope > .menu-pop > .menu-item > .caption').allTextContents();
  await page.mouse.click(5, 5);
  return captions;
}

async function frameOf(page: Page, selector: string): Promise<Frame> {
  const handle = await page.waitForSelector(selector, { timeout: 30000 });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`no frame for ${selector}`);
  await frame.waitForLoadState('load');
  return frame;
}

/** The open sidebar's frame (waits for one). */
export function sidebarFrame(page: Page): Promise<Frame> {
  return frameOf(page, '#sidebar:not([hidden]) iframe');
}

/** The open dialog's frame (waits for one). */
export function dialogFrame(page: Page): Promise<Frame> {
  return frameOf(page, '#layer-dialogs .dialog iframe');
}

/** Answers the alert/prompt on screen; returns its title and text. */
export async function answerAlert(page: Page, button: 'OK' | 'CANCEL' | 'YES' | 'NO', text?: string): Promise<{ title: string; text: string }> {
  const box = page.locator('#layer-asks [role=alertdialog]').last();
  await box.waitFor();
  const title = (await box.locator('h2').textContent().catch(() => '')) ?? '';
  const body = (await box.locator('.ask-text').textContent()) ?? '';
  if (text !== undefined) await box.locator('input').fill(text);
  await box.locator(`button[data-button="${button}"]`).click();
  return { title, text: body };
}

export function parseA1(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1.toUpperCase());
  if (!m) throw new Error(`bad A1 ${a1}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

export function cellLocator(page: Page, a1: string) {
  const { row, col } = parseA1(a1);
  return page.locator(`#grid td[data-r="${row}"][data-c="${col}"]`);
}

/** The cell's display text as the grid shows it. */
export async function cellText(page: Page, a1: string): Promise<string> {
  return (await cellLocator(page, a1).textContent()) ?? '';
}

export async function switchTab(page: Page, name: string): Promise<void> {
  const tab = page.locator('#tabs [role=tab]', { hasText: exactText(name) });
  // Whether the tab is selected and the redraw count are read together, in the page: read one
  // round trip apart, a redraw that lands in between (a script activated this sheet) was
  // counted as "before", and the click, a no-op on the sheet already shown, drew nothing more.
  const before = await page.evaluate((n) => {
    const selected = Array.from(document.querySelectorAll('#tabs [role=tab]')).find((x) => x.textContent === n)?.getAttribute('aria-selected') === 'true';
    return { selected, ready: document.body.getAttribute('data-ready') };
  }, name);
  if (!before.selected) await tab.click();
  // The tab is the selected one and the grid shows its sheet, drawn after the click (by it, or by
  // the refresh of a script that activated the sheet meanwhile). Already selected: the grid
  // shows (or is about to show) that sheet.
  await page.waitForFunction(
    ([n, ready, clicked]) =>
      document.querySelector('#tabs [role=tab][aria-selected=true]')?.textContent === n &&
      document.getElementById('grid')?.getAttribute('data-sheet') === n &&
      (!clicked || document.body.getAttribute('data-ready') !== ready),
    [name, before.ready, !before.selected] as const,
    { timeout: 30000 },
  );
}

export async function tabNames(page: Page): Promise<string[]> {
  return page.locator('#tabs [role=tab]').allTextContents();
}

/** Waits until the page has an answer to the edit `action` makes, and has redrawn the grid. */
export async function afterEdit(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = (await page.getAttribute('body', 'data-edits')) ?? '0';
  await action();
  await page.waitForFunction((b) => (document.body.getAttribute('data-edits') ?? '0') !== b, before, { timeout: 30000 });
}

/** Types into a cell like a person (select, F2, type, Enter); waits for the edit's answer. */
export async function typeInCell(page: Page, a1: string, text: string): Promise<void> {
  const cell = cellLocator(page, a1);
  await cell.click();
  await page.keyboard.press('F2');
  const ed = page.locator('#grid-wrap input.cell-editor');
  await ed.fill(text);
  await afterEdit(page, () => ed.press('Enter'));
}

/** Picks a value from a dropdown cell (data validation list); waits for the edit's answer. */
export async function pickFromDropdown(page: Page, a1: string, value: string): Promise<void> {
  await cellLocator(page, a1).dblclick();
  const sel = page.locator('#grid-wrap select.cell-editor');
  await afterEdit(page, () => sel.selectOption(value));
}

/** The "There was a problem" box shown for a rejected edit (null if none). */
export async function problemMessage(page: Page): Promise<string | null> {
  const box = page.locator('#layer-asks [role=alertdialog][aria-label="There was a problem"]');
  if (!(await box.count())) return null;
  return (await box.last().locator('.ask-text').textContent()) ?? '';
}

export async function toastTexts(page: Page): Promise<string[]> {
  return page.locator('#toasts .toast').allInnerTexts();
}
