// The Import statement dialog in headless Chromium on the local app: pick a file, see the
// detected layout and lines, confirm, see "N new, M already imported"; an ambiguous file asks
// for the date order first; a broken file shows its row-numbered errors and writes nothing.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { REPO, clickMenu, dialogFrame, launchBrowser, openApp, startTestApp, tabNames, type TestApp, type TestBrowser } from './helpers/app';

jest.setTimeout(180000);
const ADDON = 'Refund Case Log';
const CORPUS = path.resolve(__dirname, '../../../shared/corpus/statements');
const ready = existsSync('/usr/bin/chromium') && existsSync(path.join(REPO, 'dist/Sidebar.html'));
if (!ready) console.warn('import dialog e2e skipped: no Chromium or no dist/Sidebar.html');
const d = ready ? describe : describe.skip;

let t: TestApp;
let b: TestBrowser;
beforeEach(async () => {
  t = await startTestApp();
  b = await launchBrowser();
  await openApp(b.page, t);
});
afterEach(async () => {
  await b?.close();
  await t?.close();
});

async function openDialog(): Promise<Frame> {
  await clickMenu(b.page, ['Extensions', ADDON, 'Reconcile', 'Import statement…']);
  const f = await dialogFrame(b.page);
  await f.waitForSelector('[data-testid=statement-file]');
  return f;
}

async function pick(f: Frame, name: string, buffer: Buffer): Promise<void> {
  await f.setInputFiles('[data-testid=statement-file]', { name, mimeType: 'text/csv', buffer });
  await f.waitForSelector('[data-testid=facts], .import-preview table', { timeout: 60000 });
}

d('Import statement dialog', () => {
  it('previews a GBK Alipay bill and imports it once', async () => {
    const file = path.join(CORPUS, 'alipay/cn-alipay-personal-gbk.csv');
    const buffer = existsSync(file) ? readFileSync(file) : Buffer.from('Date,Amount,Currency,Description\n2024-01-02,10.00,CNY,退款\n');
    const f = await openDialog();
    await pick(f, path.basename(file), buffer);
    const facts = await f.textContent('[data-testid=facts]');
    if (existsSync(file)) {
      expect(facts).toContain('Alipay');
      expect(facts).toContain('GB18030');
      expect(await f.locator('[data-testid=preview-lines] tbody tr').count()).toBe(10);
    }
    await f.click('[data-testid=import-confirm]');
    const banner = f.locator('.banner.success');
    await banner.waitFor({ timeout: 60000 });
    expect(await banner.textContent()).toMatch(/new, 0 already imported/);
    // Import stays off once the action has ended (not just while busy): the same file twice
    // would only add "already imported"; picking a file turns it on again.
    await f.waitForSelector('[data-testid=import-confirm]:not([aria-busy])');
    expect(await f.isDisabled('[data-testid=import-confirm]')).toBe(true);
    await pick(f, `again-${path.basename(file)}`, buffer);
    await f.waitForFunction(() => {
      const button = document.querySelector('[data-testid=import-confirm]') as HTMLButtonElement | null;
      return !!button && !button.disabled; // the old preview's button is gone while the file is read
    }, null, { timeout: 60000 });
    expect(await f.textContent('[data-testid=facts]')).toMatch(/already imported/);
    await b.page.waitForFunction(() => Array.from(document.querySelectorAll('*')).some((e) => /^Stmt /.test(e.textContent ?? '')), null, { timeout: 30000 }).catch(() => undefined);
    expect((await tabNames(b.page)).some((n) => n.startsWith('Stmt '))).toBe(true);
  });

  it('asks for the date order when every date is ambiguous', async () => {
    const f = await openDialog();
    await pick(f, 'bank.csv', Buffer.from('Date,Amount,Currency,Description\n01/02/2024,10.00,EUR,a\n03/04/2024,-5.00,EUR,b\n'));
    expect(await f.isDisabled('[data-testid=import-confirm]')).toBe(true);
    await f.selectOption('[data-testid=date-order]', 'MDY');
    await f.waitForFunction(() => !document.querySelector('[data-testid=date-order]'), null, { timeout: 60000 });
    expect(await f.textContent('[data-testid=preview-lines]')).toContain('2024-01-02');
    await f.click('[data-testid=import-confirm]');
    await f.locator('.banner.success').waitFor({ timeout: 60000 });
  });

  it('shows row-numbered errors and writes nothing for a broken file; renders data as text', async () => {
    const f = await openDialog();
    await pick(f, 'bad.csv', Buffer.from('Date,Amount,Currency,Description\n2024-01-02,<img src=x onerror=alert(1)>,EUR,x\n'));
    const text = await f.textContent('.import-preview');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(await f.locator('.import-preview img').count()).toBe(0);
    expect(await f.isDisabled('[data-testid=import-confirm]')).toBe(true);
    expect((await tabNames(b.page)).some((n) => n.startsWith('Stmt '))).toBe(false);
  });

  it('says an empty file is empty, in words, and writes nothing', async () => {
    const f = await openDialog();
    await f.setInputFiles('[data-testid=statement-file]', { name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
    const banner = f.locator('.banner.error');
    await banner.waitFor({ timeout: 30000 });
    expect(await banner.textContent()).toContain('export.csv is empty (0 bytes)');
    expect(await banner.textContent()).not.toMatch(/Invalid request|contentBase64/);
    expect((await tabNames(b.page)).some((n) => n.startsWith('Stmt '))).toBe(false);
  });

  it('reads a file again when the same file is picked after it was fixed', async () => {
    // The browser fires no change for the file it already holds: the fixed copy used to be
    // ignored, the old errors stayed on screen and Import stayed off.
    const dir = mkdtempSync(path.join(tmpdir(), 'rcl-stmt-'));
    const file = path.join(dir, 'bank.csv');
    const f = await openDialog();
    const choose = async () => {
      const [chooser] = await Promise.all([b.page.waitForEvent('filechooser'), f.click('[data-testid=statement-file]')]);
      await chooser.setFiles(file);
    };
    writeFileSync(file, 'Date,Amount,Currency,Description\n2024-01-02,abc,EUR,Refund\n');
    await choose();
    await f.waitForSelector('.import-preview table', { timeout: 60000 });
    expect(await f.isDisabled('[data-testid=import-confirm]')).toBe(true);
    writeFileSync(file, 'Date,Amount,Currency,Description\n2024-01-02,12.50,EUR,Refund\n');
    await choose();
    await f.waitForFunction(() => {
      const button = document.querySelector('[data-testid=import-confirm]') as HTMLButtonElement | null;
      return !!button && !button.disabled;
    }, null, { timeout: 60000 });
    expect(await f.textContent('.import-preview')).toContain('12.50 EUR');
    rmSync(dir, { recursive: true, force: true });
  });
});

d('Import statement dialog: unknown layouts', () => {
  it('maps the columns of an unknown CSV, saves the mapping, and recognises the layout next time', async () => {
    const csv = Buffer.from('My bank export\n\nBooked;Money;Ccy;Text\n02.01.2024;1.000,00;EUR;Refund RC-000042\n03.01.2024;-31,50;EUR;Fee\n');
    let f = await openDialog();
    await pick(f, 'mybank.csv', csv);
    expect(await f.isDisabled('[data-testid=import-confirm]')).toBe(true);
    await f.selectOption('select[data-role=date]', 'Booked');
    await f.selectOption('select[data-role=amount]', 'Money');
    await f.selectOption('select[data-role=currency]', 'Ccy');
    await f.selectOption('select[data-role=description]', 'Text');
    await f.fill('[data-testid=profile-name]', 'My bank');
    await f.click('[data-testid=apply-mapping]');
    await f.waitForFunction(() => {
      const b = document.querySelector('[data-testid=import-confirm]') as HTMLButtonElement | null;
      return !!b && !b.disabled;
    }, null, { timeout: 60000 });
    expect(await f.textContent('[data-testid=preview-lines]')).toContain('1000.00 EUR');
    await f.click('[data-testid=import-confirm]');
    await f.locator('.banner.success').filter({ hasText: '2 new' }).waitFor({ timeout: 60000 });
    // Next time the saved profile recognises the layout.
    await b.page.keyboard.press('Escape');
    await b.page.reload();
    await openApp(b.page, t);
    f = await openDialog();
    await pick(f, 'mybank-2.csv', csv);
    expect(await f.textContent('[data-testid=facts]')).toContain('My bank');
    const facts = await f.textContent('[data-testid=facts]');
    expect(facts).toMatch(/Lines\s*2 \(2 already imported\)/);
  });
});

d('Import statement dialog: a vendor’s credit notes', () => {
  let tv: TestApp;
  let bv: TestBrowser;
  beforeAll(async () => {
    tv = await startTestApp({ prepare: ['setupWorkbook', { fn: 'addVendor', args: [{ vendorId: 'V001', name: 'Shenzhen Bright LED', defaultCurrency: 'CNY', slaDays: 10, aliases: [] }] }] });
    bv = await launchBrowser();
    await openApp(bv.page, tv);
  });
  afterAll(async () => {
    await bv?.close();
    await tv?.close();
  });

  it('imports the list from the dialog into a Stmt Vendor tab', async () => {
    await clickMenu(bv.page, ['Extensions', ADDON, 'Reconcile', 'Import statement…']);
    const f = await dialogFrame(bv.page);
    await f.click('[data-testid=vendor-statement] summary');
    await f.waitForSelector('[data-testid=vendor-id] option[value="V001"]', { state: 'attached', timeout: 60000 });
    await f.selectOption('[data-testid=vendor-id]', 'V001');
    const csv = 'Date,Reference,Order #,Amount,Currency\n2026-11-03,CN-1,TB001,120.50,CNY\n2026-11-09,CN-2,TB002,88.00,CNY\n';
    await f.setInputFiles('[data-testid=vendor-file]', { name: 'credit-notes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await f.click('[data-testid=import-vendor]');
    const banner = f.locator('.banner.success');
    await banner.waitFor({ timeout: 60000 });
    expect(await banner.textContent()).toContain('2 credit notes → Stmt Vendor V001 2026-11');
    expect(bv.errors).toEqual([]);
  });

  it('says an empty list is empty, in words, and writes nothing', async () => {
    if (await bv.page.locator('#layer-dialogs button.x').count()) await bv.page.click('#layer-dialogs button.x'); // the previous test's dialog
    await bv.page.waitForSelector('#layer-dialogs .dialog', { state: 'detached', timeout: 30000 });
    await clickMenu(bv.page, ['Extensions', ADDON, 'Reconcile', 'Import statement…']);
    const f = await dialogFrame(bv.page);
    await f.click('[data-testid=vendor-statement] summary');
    await f.waitForSelector('[data-testid=vendor-id] option[value="V001"]', { state: 'attached', timeout: 60000 });
    await f.selectOption('[data-testid=vendor-id]', 'V001');
    const tabsBefore = await tabNames(bv.page);
    await f.setInputFiles('[data-testid=vendor-file]', { name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
    await f.click('[data-testid=import-vendor]');
    await f.waitForFunction(() => /notes\.csv is empty/.test(document.querySelector('.banner.error')?.textContent ?? ''), null, { timeout: 30000 });
    expect(await f.locator('.banner.error').textContent()).not.toMatch(/Invalid request/);
    expect(await tabNames(bv.page)).toEqual(tabsBefore);
  });
});
