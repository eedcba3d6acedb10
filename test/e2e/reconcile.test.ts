// The reconciliation pages in headless Chromium on the local app, with a demo workbook the
// project generates (dev/demo): run a month from the dialog and see its summary; review the
// suggestions in the sidebar, confirm one and see it leave the list.
import { demoAppSuite } from './helpers/demoSeed';
import { clickMenu, dialogFrame, sidebarFrame } from './helpers/app';

jest.setTimeout(240000);
const ADDON = 'Refund Case Log';
const { d, page } = demoAppSuite('reconcile');

d('reconciliation pages', () => {
  it('runs the previous month from the dialog and shows the summary', async () => {
    await clickMenu(page(), ['Extensions', ADDON, 'Reconcile', 'Run reconciliation…']);
    const f = await dialogFrame(page());
    await f.waitForSelector('#recon-month');
    // The dialog's title bar says "Run reconciliation"; the page does not say it again.
    expect(await f.locator('h1, h2').filter({ hasText: 'Run reconciliation' }).count()).toBe(0);
    await f.click('button.btn.primary');
    const banner = f.locator('.banner.success');
    await banner.waitFor({ timeout: 120000 });
    expect(await banner.textContent()).toMatch(/matched/);
    expect(await f.locator('table.recon-summary tbody tr').count()).toBeGreaterThan(0);
    await page().click('#layer-dialogs button.x');
  });

  it('reviews suggestions side by side and confirms one', async () => {
    await clickMenu(page(), ['Extensions', ADDON, 'Reconcile', 'Review matches']);
    const f = await sidebarFrame(page());
    await f.waitForSelector('#review-month');
    expect(await f.locator('h1, h2').filter({ hasText: 'Review matches' }).count()).toBe(0);
    await f.waitForSelector('.recon-item, .muted', { timeout: 120000 });
    const items = f.locator('.recon-item');
    const n = await items.count();
    expect(n).toBeGreaterThan(0); // the seeded month has suggestions to review
    const first = items.first();
    const caseId = (await first.locator('.recon-sides b').first().textContent())!;
    expect(await first.locator('.recon-signal').count()).toBeGreaterThan(0);
    await first.locator('button.btn.primary').click();
    const banner = f.locator('.banner.success');
    await banner.waitFor({ timeout: 120000 });
    expect(await banner.textContent()).toContain(`${caseId} ⇄`);
  });

  it('rejects another suggestion, and a re-run then changes nothing', async () => {
    const f = await sidebarFrame(page());
    await f.waitForSelector('.recon-item, .muted', { timeout: 120000 });
    const items = f.locator('.recon-item');
    if (await items.count()) {
      await items.first().locator('button', { hasText: 'Reject' }).click();
      await f.locator('.banner.success', { hasText: 'rejected' }).waitFor({ timeout: 120000 });
    }
    await clickMenu(page(), ['Extensions', ADDON, 'Reconcile', 'Run reconciliation…']);
    const d = await dialogFrame(page());
    await d.waitForSelector('#recon-month');
    await d.click('button.btn.primary');
    const banner = d.locator('.banner.success');
    await banner.waitFor({ timeout: 120000 });
    expect(await banner.textContent()).toMatch(/cases? matched .* nothing changed/);
    await page().click('#layer-dialogs button.x');
  });
});
