// The local app in headless Chromium: grid, tabs, menus, edits with validation and onEdit,
// alerts, sidebar/dialog and the google.script.run bridge's strictness.
// Part 1 uses a tiny test add-on (helpers/fixtures/bridge) so every rule is exercised on known
// functions; part 2 opens the real add-on (dist/Code.js).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import {
  REPO,
  afterRedraw,
  answerAlert,
  cellLocator,
  cellText,
  clickMenu,
  dialogFrame,
  launchBrowser,
  menuCaptions,
  openApp,
  pickFromDropdown,
  problemMessage,
  sidebarFrame,
  startTestApp,
  switchTab,
  tabNames,
  typeInCell,
  type TestApp,
  type TestBrowser,
} from './helpers/app';
import { callableFunctions } from '../../dev/app/bundleFunctions';
import { defaultOpenRuntime } from '../../dev/app/server';

jest.setTimeout(120000);

const FIXTURE = join(__dirname, 'helpers/fixtures/bridge');
const ADDON = 'Refund Case Log'; // the add-on menu's caption (the add-on's name)

interface CallOutcome {
  how: 'success' | 'failure';
  value?: unknown;
  message?: string;
  isError?: boolean;
  sync: boolean;
  sameUserObject: boolean;
}

function call(frame: Frame, fn: string, argsSource: string, userObject?: string): Promise<CallOutcome> {
  // Arguments are built inside the page (a Date must be the page's own Date).
  return frame.evaluate(
    ({ fn, argsSource, userObject }) => {
      const args = new Function(`return (${argsSource});`)();
      const u = userObject === undefined ? undefined : new Function(`return (${userObject});`)();
      return (window as unknown as { call: (n: string, a: unknown[], u?: unknown) => Promise<CallOutcome> }).call(fn, args, u);
    },
    { fn, argsSource, userObject },
  );
}

describe('local app with a test add-on', () => {
  let t: TestApp;
  let b: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({ bundlePath: join(FIXTURE, 'Code.js'), htmlDir: FIXTURE, prepare: ['makeGrid', 'makeFiltered'] });
    b = await launchBrowser();
    page = b.page;
    await openApp(page, t);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  test('shows the spreadsheet: title, tabs, formatted grid, frozen header, notes', async () => {
    await expect(page.locator('#title').textContent()).resolves.toBe(ADDON);
    expect(await tabNames(page)).toEqual(['Sheet1', 'Grid', 'Filtered']);
    await switchTab(page, 'Grid');
    expect(await page.locator('#grid thead th').allTextContents()).toEqual(expect.arrayContaining(['A', 'B', 'C', 'D']));
    expect(await cellText(page, 'A1')).toBe('Case ID');
    expect(await cellLocator(page, 'A1').evaluate((td) => getComputedStyle(td).fontWeight)).toBe('700');
    expect(await cellLocator(page, 'A1').evaluate((td) => getComputedStyle(td).backgroundColor)).toBe('rgb(217, 234, 211)');
    expect(await cellText(page, 'C3')).toBe('1,000.00'); // number format → display value
    expect(await cellText(page, 'D2')).toBe('2026-01-05');
    expect(await cellLocator(page, 'C3').evaluate((td) => getComputedStyle(td).textAlign)).toBe('right');
    // Row 1 is frozen: it stays at the top when the grid scrolls.
    expect(await cellLocator(page, 'A1').evaluate((td) => getComputedStyle(td).position)).toBe('sticky');
    expect(await cellLocator(page, 'A2').evaluate((td) => getComputedStyle(td).position)).not.toBe('sticky');
    await cellLocator(page, 'A2').hover();
    // The pop-up is shown by the page's mouseover handler: wait for it rather than read at once.
    await page.locator('#note-pop').waitFor({ state: 'visible' });
    expect(await page.locator('#note-pop').textContent()).toBe('First case');
    expect(await page.locator('#note-pop').isVisible()).toBe(true);
  });

  test('rows hidden by a filter and hidden columns are not drawn; links are links', async () => {
    await switchTab(page, 'Filtered');
    const rowNumbers = await page.locator('#grid tbody th.rowh').allTextContents();
    expect(rowNumbers.slice(0, 4)).toEqual(['1', '2', '4', '5']);
    const letters = await page.locator('#grid thead th').allTextContents();
    expect(letters.slice(1, 5)).toEqual(['A', 'B', 'D', 'E']);
    const link = cellLocator(page, 'B2').locator('a');
    expect(await link.textContent()).toBe('open A');
    expect(await link.getAttribute('href')).toBe('https://example.com/a');
    expect(await link.getAttribute('target')).toBe('_blank');
    await switchTab(page, 'Grid');
  });

  test('the add-on menu built by onOpen sits under Extensions, with its submenu', async () => {
    expect(await menuCaptions(page, ['Extensions'])).toEqual([ADDON, 'Apps Script']);
    expect(await menuCaptions(page, ['Extensions', ADDON])).toEqual(['Open bridge page', 'Open bridge dialog', 'More']);
    expect(await menuCaptions(page, ['Extensions', ADDON, 'More'])).toEqual(['Ask a question', 'Make a grid', 'Break']);
  });

  test('a dropdown edit goes through validation and onEdit, and is saved', async () => {
    await switchTab(page, 'Grid');
    await pickFromDropdown(page, 'B2', 'Received');
    expect(await cellText(page, 'B2')).toBe('Received');
    // onEdit (a simple trigger) ran after the edit and its write is on screen.
    await page.waitForFunction(() => document.querySelector('#grid td[data-r="2"][data-c="5"]')?.textContent === 'edited: Received');
    await t.app.idle();
    const rt = await defaultOpenRuntime({ workbookPath: t.workbookPath });
    try {
      const values = (rt.model as { readValues(s: string): unknown[][] }).readValues('Grid');
      expect(values[1][1]).toBe('Received');
      expect(values[1][4]).toBe('edited: Received');
    } finally {
      await rt.close();
    }
  });

  test('an edit that breaks "reject input" validation is refused with Sheets\' message', async () => {
    await switchTab(page, 'Grid');
    // An empty cell of the validated column ...
    await typeInCell(page, 'B6', 'Bogus');
    const msg = await problemMessage(page);
    expect(msg).not.toBeNull();
    expect(msg!.length).toBeGreaterThan(10);
    expect(await cellText(page, 'B6')).toBe('');
    await answerAlert(page, 'OK');
    expect(await problemMessage(page)).toBeNull();
    // ... and one that already holds a valid value (the check is on the new value, not the old).
    await typeInCell(page, 'B3', 'Bogus');
    expect(await problemMessage(page)).not.toBeNull();
    expect(await cellText(page, 'B3')).toBe('Agreed');
    await answerAlert(page, 'OK');
  });

  test('an alert blocks its execution until answered; the toast shows the answer', async () => {
    await clickMenu(page, ['Extensions', ADDON, 'More', 'Ask a question']);
    const shown = await answerAlert(page, 'NO');
    expect(shown).toEqual({ title: 'Sure?', text: 'Really do it?' });
    // One toast, titled "Asked", says the answer. Found in one query: it goes away after 5 s, so
    // reading its text in a later round trip could find nothing on a loaded machine.
    const toast = page.locator('#toasts .toast', { hasText: 'Answer: NO' }).filter({ has: page.locator('.toast-title', { hasText: /^Asked$/ }) });
    await toast.waitFor();
  });

  test('a prompt blocks its execution; the typed answer reaches the server', async () => {
    let finished = false;
    const run = t.app.runtime.run('askName', [], { kind: 'menu' }).then((r) => {
      finished = true;
      return r.value;
    });
    const box = page.locator('#layer-asks [role=alertdialog]');
    await box.waitFor();
    expect(finished).toBe(false);
    expect(await box.locator('button').allTextContents()).toEqual(['Cancel', 'OK']);
    await answerAlert(page, 'OK', 'Alpha Ltd');
    await expect(run).resolves.toBe('OK:Alpha Ltd');
  });

  test('a menu function that throws shows its error', async () => {
    await clickMenu(page, ['Extensions', ADDON, 'More', 'Break']);
    await page.waitForSelector('#toasts .toast.error:has-text("It broke on purpose")');
  });

  describe('the sidebar and the google.script.run bridge', () => {
    let side: Frame;
    beforeAll(async () => {
      await clickMenu(page, ['Extensions', ADDON, 'Open bridge page']);
      side = await sidebarFrame(page);
      await side.waitForSelector('#out:has-text("ready")');
    });

    test('the sidebar renders at 300 px with its title, served from another origin', async () => {
      expect(await page.locator('#sidebar-title').textContent()).toBe('Bridge test');
      expect(await page.locator('#sidebar iframe').evaluate((f) => (f as HTMLElement).getBoundingClientRect().width)).toBe(300);
      expect(new URL(side.url()).origin).not.toBe(new URL(page.url()).origin);
      expect(await side.locator('#heading').textContent()).toBe('Bridge page');
      // The bridge is in place before the page's own first script runs.
      expect(await side.evaluate(() => (window as unknown as { bridgeSeenEarly: boolean }).bridgeSeenEarly)).toBe(true);
    });

    test('google.script.run has one own property per public server function, none for private_', async () => {
      const keys = await side.evaluate(() => Object.keys((window as unknown as { google: { script: { run: object } } }).google.script.run));
      const expected = callableFunctions(join(FIXTURE, 'Code.js'));
      expect(expected).not.toContain('hidden_');
      expect(keys).toEqual(expect.arrayContaining([...expected, 'withSuccessHandler', 'withFailureHandler', 'withUserObject']));
      expect(keys).not.toContain('hidden_');
      expect(keys.length).toBe(expected.length + 3);
    });

    test('withSuccessHandler / withFailureHandler / withUserObject each return a new runner', async () => {
      const r = await side.evaluate(() => {
        const run = (window as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => unknown> } } }).google.script.run;
        const a = run.withSuccessHandler(() => undefined) as Record<string, unknown>;
        const b = (a.withFailureHandler as (f: unknown) => unknown)(() => undefined);
        const c = run.withUserObject({});
        return { a: a !== run, b: b !== a && b !== run, c: c !== run, same: run.withSuccessHandler === run.withSuccessHandler, returns: run.echo(1) === undefined };
      });
      expect(r).toEqual({ a: true, b: true, c: true, same: true, returns: true });
      // A handler set on a derived runner does not leak back into the original.
      const leak = await side.evaluate(
        () =>
          new Promise<string>((resolve) => {
            const run = (window as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => unknown> } } }).google.script.run;
            let calledA = false;
            run.withSuccessHandler(() => (calledA = true)); // a derived runner, never used
            (run.withSuccessHandler((v: unknown) => resolve(`b:${String(v)}:${calledA}`)) as unknown as { echo: (x: unknown) => void }).echo('x');
          }),
      );
      expect(leak).toBe('b:x:false');
    });

    test('handlers run asynchronously with (result, userObject) / (error, userObject)', async () => {
      const ok = await call(side, 'echo', `[{ amount: '12.50', tags: ['a', undefined], nested: { n: null, t: true } }]`, `{ row: 7 }`);
      expect(ok).toEqual({ how: 'success', value: { amount: '12.50', tags: ['a', null], nested: { n: null, t: true } }, sync: false, sameUserObject: true });
      const bad = await call(side, 'fail', `[]`, `{ row: 8 }`);
      expect(bad).toEqual({ how: 'failure', message: 'It broke on purpose', isError: true, sync: false, sameUserObject: true });
    });

    test('illegal arguments fail in the browser, through the failure handler, asynchronously', async () => {
      for (const args of [`[new Date()]`, `[{ when: new Date() }]`, `[[1, [2, new Date()]]]`, `[function () {}]`, `[{ f: () => 1 }]`, `[document.body]`, `[(() => { const o = {}; o.self = o; return o; })()]`, `[new Map()]`, `[1, document.getElementById('f')]`]) {
        const r = await call(side, 'echo', args);
        expect({ args, how: r.how, sync: r.sync }).toEqual({ args, how: 'failure', sync: false });
        expect(r.message).toMatch(/illegal value/);
      }
      expect(await t.app.runtime.run('countCall', [], { kind: 'cli' }).then((x) => x.value)).toBe(1); // nothing reached the server above
    });

    test('a form as the only argument arrives as an object of its fields', async () => {
      const r = await call(side, 'echo', `[document.getElementById('f')]`);
      expect(r).toMatchObject({ how: 'success', value: { vendor: 'Alpha', urgent: 'on', status: 'Agreed' } });
    });

    test('a Date in a result fails server-side; private and unknown functions are not callable', async () => {
      const r = await call(side, 'giveDate', `[]`);
      expect(r.how).toBe('failure');
      expect(r.message).toMatch(/illegal value/);
      const typeError = await side.evaluate(() => {
        try {
          (window as unknown as { google: { script: { run: Record<string, () => void> } } }).google.script.run.hidden_();
          return 'no error';
        } catch (e) {
          return (e as Error).name;
        }
      });
      expect(typeError).toBe('TypeError');
    });

    test('a failure with no failure handler is thrown uncaught in the page', async () => {
      const seen = page.waitForEvent('pageerror', { predicate: (e) => e.message.includes('It broke on purpose'), timeout: 20000 });
      await side.evaluate(() => {
        (window as unknown as { google: { script: { run: { fail(): void } } } }).google.script.run.fail();
      });
      const err = await seen;
      expect(err.message).toContain('It broke on purpose');
      // Expected here; keep the final "no page errors" check about everything else.
      b.errors.splice(0, b.errors.length, ...b.errors.filter((e) => !e.includes('It broke on purpose')));
    });

    test('calls from one page run as separate, concurrent executions', async () => {
      const results = await side.evaluate(() =>
        Promise.all([1, 2, 3, 4, 5].map((n) => (window as unknown as { call: (f: string, a: unknown[]) => Promise<{ value: unknown }> }).call('echo', [n]))),
      );
      expect(results.map((r) => r.value)).toEqual([1, 2, 3, 4, 5]);
    });

    test('a script that activates a range: the grid follows to its sheet and cell; the toast keeps clear of the sidebar', async () => {
      await switchTab(page, 'Sheet1');
      const where = await call(side, 'jumpTo', "['Grid', 'D3']");
      expect(where).toMatchObject({ how: 'success', value: 'Grid!D3' });
      await page.waitForFunction(() => document.querySelector('#tabs [aria-selected=true]')?.textContent === 'Grid' && document.querySelector('#grid')?.getAttribute('data-sheet') === 'Grid');
      await page.waitForSelector('#grid td.sel[data-r="3"][data-c="4"]');
      expect(await page.locator('#cell-ref').textContent()).toBe('D3');
      // Sheets puts toasts at the bottom right of the grid area, never over the sidebar.
      const toast = page.locator('#toasts .toast', { hasText: 'Jumped to D3' });
      await toast.waitFor();
      const tb = (await toast.boundingBox())!;
      const sb = (await page.locator('#sidebar').boundingBox())!;
      expect(tb.x + tb.width).toBeLessThanOrEqual(sb.x);
      await toast.locator('.x').click();
      // What the person then selects is the active range of the next execution.
      await switchTab(page, 'Filtered');
      // The page reports the selection with a POST it does not wait for; the sidebar's call goes
      // to the other origin. Wait until the server has the selection, or the call can overtake it.
      const reported = page.waitForResponse(
        (r) => {
          if (new URL(r.url()).pathname !== '/api/view' || r.request().method() !== 'POST') return false;
          const v = r.request().postDataJSON() as { sheet?: string; row?: number; col?: number };
          return v.sheet === 'Filtered' && v.row === 4 && v.col === 1;
        },
      );
      await cellLocator(page, 'A4').click();
      expect((await reported).ok()).toBe(true);
      await expect(call(side, 'whereAmI', '[]')).resolves.toMatchObject({ how: 'success', value: 'Filtered!A4' });
    });

    test('google.script.host.close() closes the sidebar', async () => {
      await side.locator('#close').click();
      await page.waitForSelector('#sidebar', { state: 'hidden' });
    });
  });

  test('a modal dialog opens at its size; setHeight resizes it; host.close() closes it', async () => {
    await clickMenu(page, ['Extensions', ADDON, 'Open bridge dialog']);
    const dlg = await dialogFrame(page);
    await dlg.waitForSelector('#out:has-text("ready")');
    const box = () => page.locator('#layer-dialogs .dialog iframe').evaluate((f) => {
      const r = (f as HTMLElement).getBoundingClientRect();
      return [r.width, r.height];
    });
    expect(await box()).toEqual([420, 300]);
    expect(await page.locator('#layer-dialogs .dialog-title').textContent()).toBe('Bridge dialog');
    await dlg.evaluate(() => (window as unknown as { google: { script: { host: { setHeight(h: number): void } } } }).google.script.host.setHeight(200));
    await page.waitForFunction(() => (document.querySelector('#layer-dialogs .dialog iframe') as HTMLElement).getBoundingClientRect().height === 200);
    await dlg.locator('#close').click();
    await page.waitForSelector('#layer-dialogs .dialog', { state: 'detached' });
  });

  test('no uncaught page errors', () => {
    // Failures delivered to handlers are not page errors; favicon etc. must not 404 either.
    expect(b.errors).toEqual([]);
  });
});

describe('local app with the real add-on (dist/Code.js)', () => {
  const bundle = join(REPO, 'dist/Code.js');
  let t: TestApp;
  let b: TestBrowser;

  beforeAll(async () => {
    if (!existsSync(bundle)) throw new Error('dist/Code.js is missing: run `npm run build` (npm test does) before the browser tests');
    t = await startTestApp({});
    b = await launchBrowser();
    await openApp(b.page, t);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  test('onOpen builds the add-on menu under Extensions', async () => {
    const names = callableFunctions(bundle);
    expect(names).toContain('onOpen');
    const addon = t.app.menus().filter((m) => m.addon);
    expect(addon.length).toBe(1);
    expect(await menuCaptions(b.page, ['Extensions'])).toEqual([addon[0].caption, 'Apps Script']);
  });

  test('Set up workbook (when the add-on has it) creates the tabs', async () => {
    const names = callableFunctions(bundle);
    const menuFns = JSON.stringify(t.app.menus());
    if (!names.includes('setupWorkbook')) {
      // Not written yet: the menu at least must not offer it.
      expect(menuFns).not.toContain('"setupWorkbook"');
      return;
    }
    expect(menuFns).toContain('"setupWorkbook"');
    await b.page.locator('#menubar > .menu-top[data-menu="Extensions"]').click();
    await b.page.locator('#menubar .menu-item.has-sub').first().click();
    await afterRedraw(b.page, () => b.page.locator('#menubar .menu-item[data-fn="setupWorkbook"]').first().click());
    // Answer any confirmation it asks for.
    if (await b.page.locator('#layer-asks [role=alertdialog]').count()) await answerAlert(b.page, 'OK').catch(() => undefined);
    await b.page.waitForFunction(() => Array.from(document.querySelectorAll('#tabs [role=tab]')).some((x) => x.textContent === 'Cases'), undefined, { timeout: 60000 });
    expect(await tabNames(b.page)).toContain('Cases');
    // Setup activates Cases; like Sheets, the grid switches to it after the execution.
    await b.page.waitForFunction(() => document.querySelector('#tabs [aria-selected=true]')?.textContent === 'Cases', undefined, { timeout: 30000 });
  });

  test('a menu item that opens dist/Sidebar.html renders its view without errors', async () => {
    // Any item whose function shows a page (show…): the sidebar or dialog must render content.
    const items: { fn: string; caption: string }[] = [];
    const walk = (xs: { kind: string; caption?: string; functionName?: string; items?: unknown[] }[]): void => {
      for (const x of xs) {
        if (x.kind === 'item' && x.functionName && /^show/.test(x.functionName)) items.push({ fn: x.functionName, caption: x.caption ?? '' });
        if (x.kind === 'submenu') walk(x.items as never);
      }
    };
    for (const m of t.app.menus()) walk(m.items as never);
    if (!items.length) {
      expect(t.app.menus().some((m) => m.addon)).toBe(true);
      return;
    }
    await b.page.locator('#menubar > .menu-top[data-menu="Extensions"]').click();
    await b.page.locator('#menubar .menu-item.has-sub').first().click();
    const item = b.page.locator(`#menubar .menu-item[data-fn="${items[0].fn}"]`).first();
    if (!(await item.isVisible())) await b.page.locator('#menubar .menu-item.has-sub .menu-item.has-sub').first().click().catch(() => undefined);
    await item.click();
    const frame = await b.page.waitForSelector('#sidebar:not([hidden]) iframe, #layer-dialogs .dialog iframe').then((h) => h.contentFrame());
    await frame!.waitForLoadState('load');
    await frame!.waitForFunction(() => {
      const app = document.getElementById('app');
      return !!app && app.textContent !== null && app.textContent.trim().length > 0;
    });
    expect(await frame!.locator('#app').textContent()).not.toMatch(/^Unknown view/);
    expect(b.errors).toEqual([]);
  });
});
