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

  it('picks another line for a suggestion from the near misses offered', async () => {
    // The review sidebar is still open from the tests above.
    const f = await sidebarFrame(page());
    await f.waitForSelector('.recon-item, .muted', { timeout: 120000 });
    // A card whose list offers a line besides "Another line…" and "Type a Line ID…", in any month.
    const selects = f.locator('.recon-item select[aria-label="Another line"]');
    const months = await f.locator('#review-month option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    let chosen = -1;
    for (const m of months) {
      if ((await f.locator('#review-month').inputValue()) !== m) {
        await f.locator('#review-month').selectOption(m);
        // The list says "Matching…" until the month's items are in.
        await f.locator('p.loading').waitFor({ state: 'detached', timeout: 120000 });
      }
      for (let i = 0; i < (await selects.count()) && chosen < 0; i++) if ((await selects.nth(i).locator('option').count()) > 2) chosen = i;
      if (chosen >= 0) break;
    }
    expect(chosen).toBeGreaterThanOrEqual(0);
    const select = selects.nth(chosen);
    const lineId = await select.locator('option').nth(1).getAttribute('value');
    const label = await select.locator('option').nth(1).textContent();
    expect(label).toMatch(/^\d{4}-\d{2}-\d{2} · [\d,]+(\.\d+)? [A-Z]{3}/); // date · amount currency · who · statement
    // Choosing (or an arrow key on the focused list) only picks the line; Match does it.
    const card = f.locator('.recon-item').nth(chosen); // every card has one list
    const caseId = (await card.locator('.recon-sides b').first().textContent())!;
    await select.focus();
    await page().keyboard.press('ArrowDown');
    await select.selectOption(lineId!);
    await page().waitForTimeout(500);
    expect(await f.locator('.banner.success', { hasText: 'by hand' }).count()).toBe(0);
    await card.locator('button[data-action="match-other"]').click();
    await f.locator('.banner.success', { hasText: `${caseId} matched to ${lineId} by hand` }).waitFor({ timeout: 120000 });
  });

  it('closing the month says how many pairs still wait for review, and marks it closed', async () => {
    await clickMenu(page(), ['Extensions', ADDON, 'Reconcile', 'Run reconciliation…']);
    const d = await dialogFrame(page());
    await d.waitForSelector('#recon-month');
    const month = await d.locator('#recon-month').inputValue();
    // No statement ticked is a mistake, not "all statements".
    const boxes = d.locator('.recon-tabs input[type=checkbox]');
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).uncheck();
    await d.click('button.btn.primary');
    await d.locator('.banner.error', { hasText: 'Tick at least one statement to reconcile against.' }).waitFor();
    const asked: string[] = [];
    const onDialog = (dlg: import('playwright-core').Dialog) => { asked.push(dlg.message()); void dlg.accept(); };
    page().on('dialog', onDialog);
    try {
      await d.locator('button', { hasText: 'Close month…' }).click();
      await d.locator('.banner.success', { hasText: `${month} closed` }).waitFor({ timeout: 120000 });
    } finally {
      page().off('dialog', onDialog);
    }
    expect(asked).toEqual([expect.stringMatching(new RegExp(`^Close ${month}\\?.* \\d+ suggested or ambiguous pairs? still waits? for review`))]);
    expect(await d.locator('#recon-month option:checked').textContent()).toBe(`${month} (closed)`);
    await page().click('#layer-dialogs button.x');
  });

  it('a closed month is not asked about again, and its review says the pairs left are closed', async () => {
    await clickMenu(page(), ['Extensions', ADDON, 'Reconcile', 'Run reconciliation…']);
    const d = await dialogFrame(page());
    await d.waitForSelector('#recon-month');
    const month = await d.locator('#recon-month').inputValue();
    expect(await d.locator('#recon-month option:checked').textContent()).toBe(`${month} (closed)`);
    // Closing it again: no question that its pairs "still wait for review", just that it is closed.
    const asked: string[] = [];
    const onDialog = (dlg: import('playwright-core').Dialog) => { asked.push(dlg.message()); void dlg.dismiss(); };
    page().on('dialog', onDialog);
    try {
      await d.locator('button', { hasText: 'Close month…' }).click();
      await d.locator('.banner', { hasText: `${month} is already closed; its matches can no longer change. Nothing was changed.` }).waitFor({ timeout: 30000 });
    } finally {
      page().off('dialog', onDialog);
    }
    expect(asked).toEqual([]);
    await page().click('#layer-dialogs button.x');
    // The review sidebar (still open from the tests above) on the closed month.
    const f = await sidebarFrame(page());
    const select = f.locator('#review-month');
    const other = (await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).find((m) => m !== month)!;
    for (const m of [other, month]) {
      await select.selectOption(m);
      await f.locator('p.loading').waitFor({ state: 'detached', timeout: 120000 });
    }
    const head = (await f.locator('.view > div > p.muted').first().textContent())!;
    expect(head).toMatch(new RegExp(`^${month} is closed: \\d+ pairs? (was|were) left unreviewed \\(\\d+ ambiguous\\) and can no longer be confirmed or rejected\\.$`));
    expect(head).not.toContain('to review');
    expect(await f.locator('.recon-item button', { hasText: 'Confirm' }).first().isDisabled()).toBe(true);
  });
});
