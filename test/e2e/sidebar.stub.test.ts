// Browser tests of the sidebar's own behaviour (dist/Sidebar.html in headless Chromium) with a
// scripted google.script.run: what the page sends, when, and how it shows the answers —
// things the real server cannot be made to do on cue (fail once, then succeed; answer slowly).
// The end-to-end path through the local app, runtime and bundle is in sidebar.test.ts.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const REPO = resolve(__dirname, '../..');
const SIDEBAR = join(REPO, 'dist/Sidebar.html');
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

type Call = [string, unknown[]];

/** Runs in the page before the bundle: a google.script.run whose answers the test scripts. */
function installStub(hostile: string): void {
  const w = window as unknown as Record<string, unknown>;
  const calls: [string, unknown[]][] = [];
  w.__calls = calls;
  w.__failNext = {} as Record<string, string>; // fn → message for the next call
  w.__release = null;
  w.__hold = false; // when true, answers wait for __release()
  w.__holdFns = [] as string[]; // calls of these functions wait for __releaseHeld()
  const held: (() => void)[] = [];
  // Answers the held calls, resolving once their handlers (and the promises they settle) ran.
  w.__releaseHeld = () =>
    new Promise<void>((done) =>
      setTimeout(() => {
        for (const answer of held.splice(0)) answer();
        setTimeout(done, 0);
      }, 0),
    );
  const vendors = [
    { vendorId: 'V-001', name: 'Alpha Trading', tag: 'Vendor_AlphaTrading', defaultCurrency: 'CNY', slaDays: 7, aliases: [], openCount: 2, openAmounts: [{ currency: 'CNY', amount: '120.00' }] },
    { vendorId: 'V-002', name: hostile, tag: 'Vendor_Img', defaultCurrency: 'USD', slaDays: 14, aliases: [], openCount: 0, openAmounts: [] },
    { vendorId: 'V-003', name: 'Bright LED', tag: 'Vendor_BrightLed', defaultCurrency: '', slaDays: null, aliases: ['深圳明亮'], openCount: 1, openAmounts: [{ currency: 'USD', amount: '5.00' }] },
  ];
  const caseOf = (id: string, extra: Record<string, unknown> = {}) => ({
    caseId: id, row: 2, dateLogged: '2026-12-01', orderNo: '004512', vendorName: 'Alpha Trading', vendorId: 'V-001', vendorTag: 'Vendor_AlphaTrading',
    reason: 'Damaged goods', reasonDetail: hostile, amount: '120.00', currency: 'CNY', status: 'Requested', expectedCompletion: '2026-12-08',
    actualCompletion: '', evidenceCount: 0, evidenceFolderUrl: '', receivedAmount: '', receivedCurrency: '', matchedTransactions: '', reconciledOn: '',
    journalRef: '', tags: [], notes: '', updatedAt: '', updatedBy: '', open: true, overdue: false, openAmount: '120.00', ...extra,
  });
  let seq = 0;
  const byRequest: Record<string, unknown> = {};
  const handlers: Record<string, (...a: any[]) => unknown> = {
    getFormOptions: () => ({
      today: '2026-12-03', baseCurrency: 'USD',
      currencies: [['CNY', 2], ['JPY', 0], ['KWD', 3], ['USD', 2]].map(([code, minorUnits]) => ({ code, minorUnits })),
      reasons: ['Damaged goods', 'Wrong item', 'Other'],
      evidenceTypes: ['Vendor correspondence', 'Photo', 'Mediation record', 'Proof of refund', 'Statement', 'Other'],
      statuses: ['Logged', 'Requested', 'Disputed', 'Agreed', 'Received', 'Reconciled', 'Rejected', 'Cancelled', 'Written off'],
      defaultSlaDays: 10, defaultExpected: '2026-12-13', expectedByVendor: { 'V-001': '2026-12-10', 'V-002': '2026-12-17', 'V-003': '2026-12-13' },
      maxEvidenceBytes: 1024 * 1024,
    }),
    listVendors: () => vendors,
    logCase: (form: { requestId: string; vendorId: string; orderNo: string; amount: string; currency: string }) => {
      if (byRequest[form.requestId]) return { ...(byRequest[form.requestId] as object), duplicate: true };
      seq++;
      const id = `RC-${String(seq).padStart(6, '0')}`;
      const v = vendors.find((x) => x.vendorId === form.vendorId)!;
      const r = { caseId: id, row: seq + 1, case: caseOf(id, { vendorName: v.name, orderNo: form.orderNo, amount: form.amount, currency: form.currency }), duplicate: false, evidence: [] };
      byRequest[form.requestId] = r;
      return r;
    },
    findCases: () => ({ cases: [caseOf('RC-000007', { vendorName: hostile, overdue: true })], total: 1, truncated: false }),
    getCase: (id: string) => ({
      // RC-000008 is a fresh case (Logged); any other is Requested with only a photo on file.
      case: caseOf(id, { notes: hostile, ...(id === 'RC-000008' ? { status: 'Logged' } : {}) }),
      timeline: [{ time: '2026-12-01T10:00:00+08:00', user: 'clerk@example.com', caseId: id, action: 'logged', field: '', oldValue: '', newValue: hostile }],
      evidence: [{ caseId: id, type: 'Photo', name: hostile, url: 'https://drive.google.com/file/d/1', sha256: '', addedAt: '2026-12-01T10:00:00+08:00', addedBy: '' }],
      ...(id === 'RC-000008'
        ? { allowedStatuses: ['Requested', 'Rejected', 'Cancelled', 'Written off'], gates: {} }
        : { allowedStatuses: ['Agreed', 'Disputed', 'Rejected'], gates: { Agreed: 'Agreed needs evidence of type Vendor correspondence or Mediation record — add it first.' } }),
    }),
    changeStatus: () => { throw new Error('Agreed needs evidence of type Vendor correspondence or Mediation record — add it first.'); },
    importCases: (source: { csv: string }) => {
      if (source.csv.includes('LEGACY')) return { imported: 2, firstCaseId: 'RC-000010', lastCaseId: 'RC-000011', vendorsCreated: [], legacyIds: 2 };
      throw new Error('Import refused: 2 rows have problems:\n  row 3: Refund Amount "12.345": CNY allows at most 2 decimals\n  row 7: Unknown vendor "' + hostile + '"');
    },
    filterByVendor: (id: string) => ({ vendorId: id, vendorName: 'Alpha Trading', vendorTag: 'Vendor_AlphaTrading', openCount: 2, openAmounts: [{ currency: 'CNY', amount: '120.00' }, { currency: 'USD', amount: '3.50' }] }),
    clearCaseFilter: () => ({ cleared: true }),
  };
  const runner = (ok?: (v: unknown) => void, fail?: (e: Error) => void): Record<string, unknown> => {
    const r: Record<string, unknown> = { withSuccessHandler: (f: typeof ok) => runner(f, fail), withFailureHandler: (f: typeof fail) => runner(ok, f) };
    for (const name of Object.keys(handlers)) {
      r[name] = (...args: unknown[]) => {
        calls.push([name, JSON.parse(JSON.stringify(args))]);
        const answer = () => {
          const failNext = w.__failNext as Record<string, string>;
          if (failNext[name]) {
            const msg = failNext[name];
            delete failNext[name];
            return fail?.(new Error(msg));
          }
          try {
            ok?.(JSON.parse(JSON.stringify(handlers[name](...args) ?? null)));
          } catch (e) {
            fail?.(new Error((e as Error).message));
          }
        };
        if (w.__hold && name === 'logCase') w.__release = () => setTimeout(answer, 0);
        else if ((w.__holdFns as string[]).includes(name)) held.push(answer);
        else setTimeout(answer, 0);
      };
    }
    return r;
  };
  w.google = { script: { run: runner(), host: { close() {}, setHeight() {}, setWidth() {}, editor: { focus() {} } } } };
}

let context: BrowserContext;
let page: Page;
let profile: string;
let html: string;
const dialogs: string[] = [];

beforeAll(async () => {
  if (!existsSync(SIDEBAR)) execFileSync(process.execPath, [join(REPO, 'build.mjs')], { cwd: REPO, stdio: 'inherit' });
  html = readFileSync(SIDEBAR, 'utf8');
  profile = mkdtempSync(join(tmpdir(), 'rcl-sidebar-stub-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    viewport: { width: 300, height: 800 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(5000);
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(installStub, HOSTILE);
});

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Opens a view as src/server/pages.ts does; `title` is the host title bar's text (data-title). */
async function open(view: string, title = ''): Promise<void> {
  const doc = html.replace('<body>', `<body data-view="${view}" data-title="${title}">`);
  // A routed origin: the page needs a real URL (no file://), the stub is the only server.
  await page.route('http://sidebar.test/', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: doc }));
  await page.goto('http://sidebar.test/');
  await page.unroute('http://sidebar.test/');
}

/** The visible part of the page (the sidebar keeps its other tab's panel hidden, not removed). */
const view = () => page.locator('#app .panel:visible, #app > .view-import');

const calls = (): Promise<Call[]> => page.evaluate(() => (window as unknown as { __calls: Call[] }).__calls);
const logCalls = async () => (await calls()).filter(([n]) => n === 'logCase').map(([, a]) => a[0] as Record<string, unknown>);

async function pickVendor(query: string): Promise<void> {
  const input = view().getByRole('combobox', { name: 'Vendor' });
  await input.fill(query);
  await input.press('Enter');
}

async function fillValidCase(): Promise<void> {
  await pickVendor('Alpha');
  await view().getByLabel('Order #').fill('004512');
  await view().getByLabel('Refund amount').fill('12.34');
  await view().getByRole('combobox', { name: 'Reason', exact: true }).selectOption('Wrong item');
}

describe('Log a refund (scripted server)', () => {
  beforeEach(async () => {
    await open('log');
    await page.waitForSelector('form.case-form');
  });

  test('a vendor preselects its currency and expected completion', async () => {
    await expect(view().getByLabel('Currency', { exact: true }).inputValue()).resolves.toBe('USD');
    await pickVendor('alpha');
    await expect(view().getByLabel('Currency', { exact: true }).inputValue()).resolves.toBe('CNY');
    await expect(view().getByLabel('Expected completion').inputValue()).resolves.toBe('2026-12-10');
    await pickVendor('Bright'); // no default currency, SLA from Settings
    await expect(view().getByLabel('Expected completion').inputValue()).resolves.toBe('2026-12-13');
  });

  test('the picker works from the keyboard and finds aliases', async () => {
    const input = view().getByRole('combobox', { name: 'Vendor' });
    await input.fill('深圳');
    await expect(view().getByRole('option').first().textContent()).resolves.toContain('Bright LED');
    await input.press('ArrowDown'); // to "+ Add new vendor"
    await input.press('ArrowUp');
    await input.press('Enter');
    await expect(input.inputValue()).resolves.toBe('Bright LED');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('false');
  });

  test('a vendor reload after a submit keeps the highlighted option; Enter in the picker never submits', async () => {
    // After each case the form reloads the vendors; hold that answer to land it between ↓ and Enter.
    await page.evaluate(() => ((window as unknown as { __holdFns: string[] }).__holdFns = ['listVendors']));
    await fillValidCase();
    await view().getByRole('button', { name: 'Log refund' }).click();
    await page.waitForSelector('.banner.success');
    const input = view().getByRole('combobox', { name: 'Vendor' });
    const releaseVendors = () => page.evaluate(() => (window as unknown as { __releaseHeld: () => Promise<void> }).__releaseHeld());
    const active = () => view().locator('.picker-option.active').textContent();

    // A match is listed: ↓ moves from it to "+ Add new vendor"; the reload must not move it back.
    await input.fill('Alpha');
    await input.press('ArrowDown');
    await expect(active()).resolves.toBe('+ Add new vendor');
    await releaseVendors();
    await expect(active()).resolves.toBe('+ Add new vendor');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe(await view().locator('.picker-option.active').getAttribute('id'));
    await input.press('Enter');
    await expect(view().locator('.inline-form').isVisible()).resolves.toBe(true);
    await view().getByRole('button', { name: 'Cancel' }).click();

    // No match: "+ Add new vendor" is the only option; a reload keeps it highlighted and Enter
    // opens the vendor form rather than submitting the case form.
    await page.evaluate(() => ((window as unknown as { __holdFns: string[] }).__holdFns = ['listVendors']));
    await page.evaluate(() => {
      // a second reload in flight, as after the next submit
      const w = window as unknown as { google: { script: { run: { listVendors(): void } } } };
      w.google.script.run.listVendors();
    });
    await input.fill('Zeta Imports');
    await input.press('ArrowDown');
    await expect(active()).resolves.toBe('+ Add new vendor');
    await releaseVendors();
    await expect(active()).resolves.toBe('+ Add new vendor');
    await input.press('Enter');
    await expect(view().getByRole('textbox', { name: 'Name', exact: true }).inputValue()).resolves.toBe('Zeta Imports');
    expect(await logCalls()).toHaveLength(1);
  });

  test('Enter on the vendor field with its list closed does not submit the form', async () => {
    await fillValidCase();
    const input = view().getByRole('combobox', { name: 'Vendor' });
    await input.click(); // opens the list
    await input.press('Escape');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('false');
    await input.press('Enter');
    await expect(input.inputValue()).resolves.toBe('Alpha Trading');
    expect(await logCalls()).toEqual([]);
    await expect(page.locator('.banner:visible').count()).resolves.toBe(0);
  });

  test('an empty submit focuses the vendor field without its list covering the errors', async () => {
    await view().getByRole('button', { name: 'Log refund' }).click();
    const input = view().getByRole('combobox', { name: 'Vendor' });
    await view().locator('.field.invalid').first().waitFor();
    await expect(input.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(view().getByText('Order # is required').isVisible()).resolves.toBe(true);
  });

  test('12.345 CNY is refused next to the amount, and nothing is sent', async () => {
    await fillValidCase();
    await view().getByLabel('Refund amount').fill('12.345');
    await view().getByRole('button', { name: 'Log refund' }).click();
    const amount = view().getByLabel('Refund amount');
    await expect(amount.getAttribute('aria-invalid')).resolves.toBe('true');
    const errorId = (await amount.getAttribute('aria-describedby'))!.split(' ').pop()!;
    await expect(page.locator(`#${errorId}`).textContent()).resolves.toBe('CNY allows at most 2 decimals');
    expect(await logCalls()).toEqual([]);
  });

  test('a file over the limit is named with a clear message before anything is sent', async () => {
    await fillValidCase();
    await page.locator('input[type=file]').setInputFiles([{ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(2 * 1024 * 1024, 1) }]);
    await expect(view().locator('.field.invalid .field-error').textContent()).resolves.toMatch(/scan\.pdf \(2\.0 MB\) is larger than 1\.0 MB/);
    await view().getByRole('button', { name: 'Log refund' }).click();
    expect(await logCalls()).toEqual([]);
  });

  test('files travel as base64 with their chosen type', async () => {
    await fillValidCase();
    await page.locator('input[type=file]').setInputFiles([{ name: 'proof.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 proof') }]);
    await view().getByLabel('Type of proof.pdf').selectOption('Proof of refund');
    await view().getByRole('button', { name: 'Log refund' }).click();
    await page.waitForSelector('.banner.success');
    const [sent] = await logCalls();
    expect(sent.evidence).toEqual([{ name: 'proof.pdf', mimeType: 'application/pdf', type: 'Proof of refund', contentBase64: Buffer.from('%PDF-1.4 proof').toString('base64') }]);
    expect(sent).toMatchObject({ vendorId: 'V-001', orderNo: '004512', amount: '12.34', currency: 'CNY', reason: 'Wrong item', tags: [] });
  });

  test('a double click while the call is in flight sends one request; the button is busy meanwhile', async () => {
    await page.evaluate(() => ((window as unknown as { __hold: boolean }).__hold = true));
    await fillValidCase();
    const button = view().locator('button[type=submit]'); // its text reads "Logging…" while busy
    await button.dblclick();
    await page.keyboard.press('Enter');
    await expect(button.isDisabled()).resolves.toBe(true);
    await expect(button.getAttribute('aria-busy')).resolves.toBe('true');
    await page.evaluate(() => (window as unknown as { __release: () => void }).__release());
    await page.waitForSelector('.banner.success');
    expect(await logCalls()).toHaveLength(1);
    await expect(button.isDisabled()).resolves.toBe(false);
  });

  test('a retry after a failure reuses the request ID; the next case gets a new one', async () => {
    await fillValidCase();
    await page.evaluate(() => ((window as unknown as { __failNext: Record<string, string> }).__failNext.logCase = 'The log is busy (another change is being saved). Try again in a moment.'));
    await view().getByRole('button', { name: 'Log refund' }).click();
    await expect(page.locator('.banner.error').textContent()).resolves.toContain('The log is busy');
    await expect(view().getByLabel('Refund amount').inputValue()).resolves.toBe('12.34'); // nothing lost
    await view().getByRole('button', { name: 'Log refund' }).click();
    await expect(page.locator('.banner.success .banner-title').textContent()).resolves.toBe('Logged RC-000001');
    await fillValidCase();
    await view().getByRole('button', { name: 'Log refund' }).click();
    await expect(page.locator('.banner.success .banner-title').textContent()).resolves.toBe('Logged RC-000002');
    const ids = (await logCalls()).map((c) => c.requestId);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[1]);
  });

  test('server field errors land next to their fields', async () => {
    await fillValidCase();
    await page.evaluate(() => ((window as unknown as { __failNext: Record<string, string> }).__failNext.logCase = 'Invalid case: [{"field":"orderNo","message":"Order # is required"}]'));
    await view().getByRole('button', { name: 'Log refund' }).click();
    await view().locator('input[aria-invalid=true]').waitFor();
    await expect(view().getByLabel('Order #').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(view().locator('.field.invalid .field-error').textContent()).resolves.toBe('Order # is required');
  });

  test('hostile vendor text shows literally and runs nothing', async () => {
    await pickVendor('img');
    await expect(view().getByRole('combobox', { name: 'Vendor' }).inputValue()).resolves.toBe(HOSTILE);
    await view().getByLabel('Order #').fill('1');
    await view().getByLabel('Refund amount').fill('5');
    await view().getByRole('combobox', { name: 'Reason', exact: true }).selectOption('Other');
    await view().getByRole('button', { name: 'Log refund' }).click();
    await expect(page.locator('.banner.success').textContent()).resolves.toContain(HOSTILE);
    expect(await page.locator('#app img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  test('vendor filter shows open count and amounts, and clears', async () => {
    await pickVendor('Alpha');
    await view().getByRole('button', { name: "Show only this vendor's cases" }).click();
    await view().locator('.filter-title').waitFor();
    await expect(view().locator('.filter-status').textContent()).resolves.toContain('2 open · CNY 120.00 · USD 3.50');
    await view().getByRole('button', { name: 'Clear filter' }).click();
    await view().locator('.filter-status').waitFor({ state: 'hidden' });
    expect((await calls()).map(([n]) => n)).toEqual(expect.arrayContaining(['filterByVendor', 'clearCaseFilter']));
  });
});

describe('Find, case detail and import (scripted server)', () => {
  test('find → case: hostile text is text, links open in a new tab, a refusal is shown', async () => {
    await open('find');
    await view().getByRole('button', { name: 'Search' }).click();
    await view().getByRole('button', { name: /Open RC-000007/ }).click();
    await page.waitForSelector('.case-head');
    expect(await page.locator('#app img').count()).toBe(0);
    await expect(page.locator('.evidence-list a').getAttribute('target')).resolves.toBe('_blank');
    await expect(page.locator('.evidence-list a').textContent()).resolves.toBe(HOSTILE);
    await view().getByLabel('Next status').selectOption('Agreed');
    await view().getByRole('button', { name: 'Change status' }).click();
    await expect(view().locator('.field.invalid .field-error').textContent()).resolves.toContain('Agreed needs evidence of type Vendor correspondence');
    await view().getByRole('button', { name: /Back to results/ }).click();
    await expect(view().getByRole('button', { name: /Open RC-000007/ }).isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test('the heading says where the user is only when the title bar does not; the active tab is marked', async () => {
    await open('find', 'Find a case'); // opened from the menu: the title bar says "Find a case"
    await view().getByRole('button', { name: 'Search' }).waitFor();
    // getByRole skips hidden elements: no visible heading repeats the title bar.
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading.count()).resolves.toBe(0);
    await expect(page.getByRole('tab', { name: 'Find a case' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.getByRole('tab', { name: 'Log a refund' }).getAttribute('aria-selected')).resolves.toBe('false');
    await page.getByRole('tab', { name: 'Log a refund' }).click();
    await expect(heading.textContent()).resolves.toBe('Log a refund');
    await page.getByRole('tab', { name: 'Find a case' }).click();
    await expect(heading.count()).resolves.toBe(0);
    await view().getByRole('button', { name: 'Search' }).click();
    await view().getByRole('button', { name: /Open RC-000007/ }).click();
    await expect(heading.textContent()).resolves.toBe('Case RC-000007');
    await expect(page.title()).resolves.toBe('Case RC-000007');
  });

  test('status: the next statuses and what each needs show before any click', async () => {
    await open('case:RC-000007'); // Requested, only a photo on file
    const status = page.getByRole('region', { name: 'Status' });
    await status.locator('.next-statuses').waitFor();
    await expect(status.locator('.status-path [aria-current=step]').textContent()).resolves.toBe('Requested');
    const next = status.locator('.next-statuses li');
    expect(await next.locator('.chip').allTextContents()).toEqual(['Agreed', 'Disputed', 'Rejected']);
    expect(await next.locator('.next-need').allTextContents()).toEqual([
      'Agreed needs evidence of type Vendor correspondence or Mediation record — add it first.',
      'Ready',
      'Needs a note saying why.',
    ]);
    await expect(status.getByLabel('Next status').locator('option').allTextContents()).resolves.toEqual(['Move to…', 'Agreed (needs evidence)', 'Disputed', 'Rejected (needs a note)']);

    await open('case:RC-000008'); // Logged: Agreed is reached through Requested
    await status.locator('.next-statuses').waitFor();
    expect(await status.locator('.status-path li').allTextContents()).toEqual(['Logged', 'Requested', 'Agreed', 'Received', 'Reconciled']);
    await expect(status.locator('.status-path [aria-current=step]').textContent()).resolves.toBe('Logged');
    expect(await status.locator('.next-statuses li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-status')))).toEqual(['Requested', 'Rejected', 'Cancelled', 'Written off']);
  });

  test('a page opened on one case ("case:RC-…") shows it, with a way back to search', async () => {
    await open('case:RC-000123');
    await page.locator('.case-head h2').waitFor();
    await expect(page.locator('.case-head h2').textContent()).resolves.toBe('RC-000123');
    await page.getByRole('button', { name: /Back to results/ }).click();
    await view().getByRole('button', { name: /Open RC-000007/ }).waitFor();
  });

  test('at 300 px nothing is cut off: no view scrolls sideways', async () => {
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await open('log');
    await page.waitForSelector('form.case-form');
    await view().getByRole('button', { name: 'Log refund' }).click(); // with every error shown
    await view().locator('.field.invalid').first().waitFor();
    expect(await overflow()).toBe(0);
    await open('find');
    await view().getByRole('button', { name: 'Search' }).click();
    await view().getByRole('button', { name: /Open RC-000007/ }).click();
    await page.locator('.next-statuses').waitFor();
    expect(await overflow()).toBe(0);
    await open('importCases');
    await view().getByLabel('CSV (first row: headers)').fill('Order #,Vendor ID\n1,V9');
    await view().getByRole('button', { name: 'Import' }).click();
    await page.locator('.problems tbody tr').first().waitFor();
    expect(await overflow()).toBe(0);
  });

  test('import: a refusal becomes a table of rows', async () => {
    await open('importCases');
    await view().getByLabel('CSV (first row: headers)').fill('Order #,Vendor ID\n1,V9');
    await view().getByRole('button', { name: 'Import' }).click();
    const rows = page.locator('.problems tbody tr');
    await rows.first().waitFor();
    expect(await rows.allInnerTexts()).toEqual([`3\tRefund Amount "12.345": CNY allows at most 2 decimals`, `7\tUnknown vendor "${HOSTILE}"`]);
  });

  test('import: the result says where old IDs went (Notes, as the server keeps them)', async () => {
    await open('importCases');
    await view().getByLabel('CSV (first row: headers)').fill('Case ID,Order #,Vendor ID\nLEGACY-1,1,V-001');
    await view().getByRole('button', { name: 'Import' }).click();
    await page.locator('.banner.success').waitFor();
    const text = await page.locator('.banner.success').textContent();
    expect(text).toContain('2 old IDs kept in Notes as "Legacy ID: …"');
    expect(text).not.toMatch(/tag/i);
  });
});
