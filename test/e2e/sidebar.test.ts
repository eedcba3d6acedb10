// The case sidebar end to end: the local app (grid + menus), the real google.script.run bridge,
// the runtime executing dist/Code.js, and dist/Sidebar.html — what a clerk does in Sheets.
import type { Frame, Page } from 'playwright-core';
import { clickMenu, dialogFrame, launchBrowser, openApp, sidebarFrame, startTestApp, switchTab, type TestApp, type TestBrowser } from './helpers/app';

jest.setTimeout(120000);

const ADDON = 'Refund Case Log';
const HOSTILE = '<img src=x onerror="window.__pwned=1">';
// Cases columns (src/sheets/layout.ts): A Case ID · C Order # · D Vendor Name · I Refund Amount · J Currency · N Evidence
const COL = { caseId: 1, orderNo: 3, vendorName: 4, amount: 9, currency: 10, status: 11, evidence: 14 };

let t: TestApp;
let b: TestBrowser;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  t = await startTestApp({
    prepare: [
      'setupWorkbook',
      { fn: 'addVendor', args: [{ vendorId: 'V-001', name: 'Alpha Trading', defaultCurrency: 'CNY', slaDays: 7 }] },
      { fn: 'addVendor', args: [{ vendorId: 'V-666', name: HOSTILE, defaultCurrency: 'USD' }] },
    ],
  });
  b = await launchBrowser();
  page = b.page;
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openApp(page, t);
  await showCasesTab();
});

afterAll(async () => {
  await b?.close();
  await t?.close();
});

async function showCasesTab(): Promise<void> {
  const tab = page.locator('#tabs [role=tab]', { hasText: /^Cases$/ });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await switchTab(page, 'Cases');
}

/** Opens Log a refund and returns the sidebar frame once the form is drawn. */
async function openLogForm(): Promise<Frame> {
  // The menu click replaces an open sidebar; mark the old frame so we wait for the new one.
  await page.evaluate(() => document.querySelectorAll('#sidebar iframe').forEach((f) => f.setAttribute('data-old', '')));
  await clickMenu(page, ['Extensions', ADDON, 'Log a refund…']);
  await page.waitForSelector('#sidebar:not([hidden]) iframe:not([data-old])', { timeout: 30000 });
  const side = await sidebarFrame(page);
  await side.waitForSelector('form.case-form');
  return side;
}

const form = (side: Frame) => side.locator('.panel:visible');

async function fillCase(side: Frame, v: { vendor: string; orderNo: string; amount: string; currency?: string; reason?: string }): Promise<void> {
  const f = form(side);
  const vendor = f.getByRole('combobox', { name: 'Vendor' });
  await vendor.fill(v.vendor);
  await vendor.press('Enter');
  await f.getByLabel('Order #').fill(v.orderNo);
  await f.getByLabel('Refund amount').fill(v.amount);
  if (v.currency) await f.getByRole('combobox', { name: 'Currency', exact: true }).selectOption(v.currency);
  await f.getByRole('combobox', { name: 'Reason', exact: true }).selectOption(v.reason ?? 'Damaged goods');
}

/** The Case ID the success banner announces. */
async function loggedCaseId(side: Frame): Promise<string> {
  const title = (await side.locator('.banner.success .banner-title').textContent({ timeout: 30000 })) ?? '';
  const id = /RC-\d{6,}/.exec(title)?.[0];
  if (!id) throw new Error(`no Case ID in banner "${title}"`);
  return id;
}

/** Grid row (1-based) holding `caseId` in column A, waiting for the redraw that shows it. */
async function rowOf(caseId: string): Promise<number> {
  const handle = await page.waitForFunction(
    (id) => {
      const cell = Array.from(document.querySelectorAll('#grid td[data-c="1"]')).find((td) => td.textContent === id);
      return cell ? Number(cell.getAttribute('data-r')) : 0;
    },
    caseId,
    { timeout: 30000 },
  );
  return (await handle.jsonValue()) as number;
}

const cell = (row: number, col: number) => page.locator(`#grid td[data-r="${row}"][data-c="${col}"]`);

async function serverCases(query: Record<string, unknown>): Promise<{ caseId: string; orderNo: string; evidenceCount: number }[]> {
  await t.app.idle();
  const r = await t.app.runtime.run('findCases', [query]);
  return (r.value as { cases: { caseId: string; orderNo: string; evidenceCount: number }[] }).cases;
}

test('logging a case with a file shows its row and the Drive link in the grid', async () => {
  const side = await openLogForm();
  await fillCase(side, { vendor: 'Alpha', orderNo: '004512', amount: '120.50' });
  // The vendor's default currency was preselected.
  await expect(form(side).getByRole('combobox', { name: 'Currency', exact: true }).inputValue()).resolves.toBe('CNY');
  await form(side).locator('input[type=file]').setInputFiles([{ name: 'refund-proof.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\nproof of refund\n') }]);
  await form(side).getByLabel('Type of refund-proof.pdf').selectOption('Proof of refund');
  await form(side).getByRole('button', { name: 'Log refund' }).click();
  const caseId = await loggedCaseId(side);
  await expect(side.locator('.banner.success').textContent()).resolves.toContain('1 evidence file saved');

  const row = await rowOf(caseId);
  await expect(cell(row, COL.orderNo).textContent()).resolves.toBe('004512');
  await expect(cell(row, COL.vendorName).textContent()).resolves.toBe('Alpha Trading');
  await expect(cell(row, COL.currency).textContent()).resolves.toBe('CNY');
  await expect(cell(row, COL.status).textContent()).resolves.toBe('Logged');
  const link = cell(row, COL.evidence).locator('a');
  await expect(link.textContent()).resolves.toBe('1 file');
  await expect(link.getAttribute('href')).resolves.toMatch(/^https:\/\/drive\.google\.com\/drive\/folders\//);
  // The form is ready for the next case.
  await expect(form(side).getByLabel('Order #').inputValue()).resolves.toBe('');
});

test('12.345 CNY is refused next to the amount and nothing is written', async () => {
  const before = (await serverCases({})).length;
  const side = await openLogForm();
  await fillCase(side, { vendor: 'Alpha', orderNo: 'A-1', amount: '12.345', currency: 'CNY' });
  await form(side).getByRole('button', { name: 'Log refund' }).click();
  const amount = form(side).getByLabel('Refund amount');
  await side.waitForSelector('.panel:not([hidden]) input[name=amount][aria-invalid=true]');
  const errorId = (await amount.getAttribute('aria-describedby'))!.split(' ').pop()!;
  await expect(side.locator(`#${errorId}`).textContent()).resolves.toBe('CNY allows at most 2 decimals');
  expect(await serverCases({})).toHaveLength(before);
});

test('hostile text shows literally in the sidebar and the grid', async () => {
  const side = await openLogForm();
  await fillCase(side, { vendor: 'img', orderNo: '=1+1', amount: '5' });
  const notes = form(side).getByLabel('Notes');
  await notes.fill(HOSTILE);
  await form(side).getByRole('button', { name: 'Log refund' }).click();
  const caseId = await loggedCaseId(side);
  await expect(side.locator('.banner.success').textContent()).resolves.toContain(HOSTILE);
  const row = await rowOf(caseId);
  await expect(cell(row, COL.vendorName).textContent()).resolves.toBe(HOSTILE);
  await expect(cell(row, COL.orderNo).textContent()).resolves.toBe('=1+1'); // text, not a formula
  // Open it from Find: the detail shows the same text, and nothing ran.
  await side.locator('.tab', { hasText: 'Find a case' }).click();
  await form(side).getByLabel('Search').fill(caseId);
  await form(side).getByRole('button', { name: 'Search' }).click();
  await side.getByRole('button', { name: new RegExp(`Open ${caseId}`) }).click();
  await side.waitForSelector('.case-head');
  await expect(side.locator('dl.facts').textContent()).resolves.toContain(HOSTILE);
  expect(await side.locator('#app img').count()).toBe(0);
  expect(await side.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('a double click on submit logs one case', async () => {
  const side = await openLogForm();
  await fillCase(side, { vendor: 'Alpha', orderNo: 'DBL-777', amount: '9.99' });
  await form(side).getByRole('button', { name: 'Log refund' }).dblclick();
  const caseId = await loggedCaseId(side);
  await rowOf(caseId);
  expect((await serverCases({ text: 'DBL-777' })).map((c) => c.caseId)).toEqual([caseId]);
});

test('case detail: a status move, and a gated move refused with the reason', async () => {
  const side = await openLogForm();
  await fillCase(side, { vendor: 'Alpha', orderNo: 'ST-1', amount: '3' });
  await form(side).getByRole('button', { name: 'Log refund' }).click();
  const caseId = await loggedCaseId(side);
  await side.locator('.banner.success').getByRole('button', { name: 'Open case' }).click();
  await side.waitForSelector('.case-head');
  const detail = side.locator('.view-case');
  await detail.getByLabel('Next status').selectOption('Requested');
  await detail.getByRole('button', { name: 'Change status' }).click();
  await expect(detail.locator('.banner.success .banner-title').textContent({ timeout: 30000 })).resolves.toBe(`${caseId} is now Requested`);
  await detail.getByLabel('Next status').selectOption('Agreed');
  await detail.getByRole('button', { name: 'Change status' }).click();
  await expect(detail.locator('.field.invalid .field-error').textContent({ timeout: 30000 })).resolves.toMatch(/Agreed needs evidence of type Vendor correspondence or Mediation record/);
  const timeline = await detail.locator('ol.timeline li').allInnerTexts();
  expect(timeline.join('\n')).toMatch(/Requested/);
});

test('a new vendor added inline is picked, with its currency and SLA applied', async () => {
  const { today } = (await t.app.runtime.run('getFormOptions', [])).value as { today: string };
  const side = await openLogForm();
  const f = form(side);
  const vendor = f.getByRole('combobox', { name: 'Vendor' });
  await vendor.fill('Zeta Imports');
  await vendor.press('ArrowDown'); // no match: the only option is "+ Add new vendor"
  await vendor.press('Enter');
  await expect(f.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).resolves.toBe('Zeta Imports');
  await f.getByLabel('Vendor ID').fill('V-900');
  await f.getByRole('combobox', { name: 'Default currency' }).selectOption('JPY');
  await f.getByLabel('SLA days').fill('3');
  await f.getByRole('button', { name: 'Add vendor' }).click();
  await f.locator('.inline-form').waitFor({ state: 'hidden', timeout: 30000 });
  await expect(vendor.inputValue()).resolves.toBe('Zeta Imports');
  await expect(f.getByRole('combobox', { name: 'Currency', exact: true }).inputValue()).resolves.toBe('JPY');
  const [y, m, d] = today.split('-').map(Number);
  await expect(f.getByLabel('Expected completion').inputValue()).resolves.toBe(new Date(Date.UTC(y, m - 1, d + 3)).toISOString().slice(0, 10));
  await f.getByLabel('Order #').fill('Z-1');
  await f.getByLabel('Refund amount').fill('1500');
  await f.getByRole('combobox', { name: 'Reason', exact: true }).selectOption('Damaged goods');
  await f.getByRole('button', { name: 'Log refund' }).click();
  const row = await rowOf(await loggedCaseId(side));
  await expect(cell(row, COL.vendorName).textContent()).resolves.toBe('Zeta Imports');
  await expect(cell(row, COL.currency).textContent()).resolves.toBe('JPY');
});

test('import dialog lists the rows it refused', async () => {
  await clickMenu(page, ['Extensions', ADDON, 'Import existing cases…']);
  const dlg = await dialogFrame(page);
  await dlg.waitForSelector('.view-import');
  await dlg.getByLabel('CSV (first row: headers)').fill('Order #,Vendor ID,Vendor Name,Reason,Refund Amount,Currency\n1001,V-001,Alpha Trading,Damaged goods,12.345,CNY\n');
  await dlg.getByRole('button', { name: 'Import' }).click();
  await dlg.locator('.banner.error').waitFor({ timeout: 30000 });
  const rows = await dlg.locator('.problems tbody tr').allInnerTexts();
  expect(rows.length).toBeGreaterThan(0);
  expect(rows[0]).toMatch(/^2\t.*12\.345/);
});

test('no uncaught page errors', () => {
  expect(b.errors).toEqual([]);
});
