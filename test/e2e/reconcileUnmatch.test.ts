// Unmatch in the Review matches sidebar, through the real app on a generated demo workbook:
// run the previous month, find an automatic match in the sidebar's matched list, cancel once,
// then unmatch it; the list refreshes without the pair, the case is no longer Reconciled and
// the Audit Log has the decision.
import { demoAppSuite } from './helpers/demoSeed';
import { clickMenu, dialogFrame, sidebarFrame } from './helpers/app';

jest.setTimeout(240000);
const ADDON = 'Refund Case Log';
const { d, page } = demoAppSuite('reconcile unmatch');

interface AuditEntry { action: string; field: string; oldValue: string; newValue: string; caseId: string }
interface CaseDetail { case: { status: string; matchedTransactions: string }; timeline: AuditEntry[] }

d('unmatch in the review sidebar', () => {
  it('lists the month’s matched pairs and unmatches one after a confirm step', async () => {
    await clickMenu(page(), ['Extensions', ADDON, 'Reconcile', 'Run reconciliation…']);
    const dialog = await dialogFrame(page());
    await dialog.waitForSelector('#recon-month');
    await dialog.click('button.btn.primary');
    await dialog.locator('.banner.success').waitFor({ timeout: 120000 });
    expect(await dialog.locator('.banner.success').textContent()).toMatch(/[1-9]\d* cases? matched/);
    await page().click('#layer-dialogs button.x');

    await clickMenu(page(), ['Extensions', ADDON, 'Reconcile', 'Review matches']);
    const f = await sidebarFrame(page());
    await f.waitForSelector('.recon-matched', { timeout: 120000 });
    const pairs = f.locator('.recon-pair');
    const before = await pairs.count();
    expect(before).toBeGreaterThan(0);
    const first = pairs.first();
    const caseId = (await first.getAttribute('data-case'))!;
    const lineId = (await first.getAttribute('data-line'))!;
    expect(caseId).toMatch(/^RC-\d+$/);
    expect(lineId).toMatch(/^L[0-9a-f]{16}$/);
    const statusBefore = (await callInSidebar<CaseDetail>(f, 'getCase', caseId)).case.status;

    // The confirm step: Cancel changes nothing.
    await first.locator('button[data-action="unmatch"]').click();
    expect(await first.locator('.recon-confirm').textContent()).toContain(`Unmatch ${caseId} ⇄ ${lineId}?`);
    await first.locator('button', { hasText: 'Cancel' }).click();
    expect(await first.locator('.recon-confirm').count()).toBe(0);
    expect(await f.locator('.banner.success').count()).toBe(0);

    await first.locator('button[data-action="unmatch"]').click();
    await first.locator('button[data-action="confirm-unmatch"]').click();
    const banner = f.locator('.banner.success');
    await banner.waitFor({ timeout: 120000 });
    expect(await banner.textContent()).toContain(`${caseId} ⇄ ${lineId} unmatched`);

    // Refreshed: the pair is gone from the matched list (it may come back as a suggestion to review).
    await f.waitForSelector('.recon-matched', { timeout: 120000 });
    expect(await f.locator(`.recon-pair[data-case="${caseId}"][data-line="${lineId}"]`).count()).toBe(0);
    expect(await f.locator('.recon-pair').count()).toBe(before - 1);

    const after = await callInSidebar<CaseDetail>(f, 'getCase', caseId);
    expect(after.case.matchedTransactions).not.toContain(lineId);
    if (statusBefore === 'Reconciled') expect(after.case.status).toBe('Agreed');
    expect(after.timeline.some((e) => e.action === 'Match unmatched' && e.field === lineId)).toBe(true);
  });
});

/** A server call from the sidebar page, as the page makes it (google.script.run). */
async function callInSidebar<T>(frame: Awaited<ReturnType<typeof sidebarFrame>>, fn: string, ...args: unknown[]): Promise<T> {
  return frame.evaluate(({ fn, args }) => new Promise<T>((resolve, reject) => {
    const run = (window as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => void> & { withSuccessHandler(f: (v: unknown) => void): { withFailureHandler(f: (e: Error) => void): Record<string, (...a: unknown[]) => void> } } } } }).google.script.run;
    run.withSuccessHandler((v) => resolve(v as T)).withFailureHandler((e) => reject(new Error(e.message)))[fn](...args);
  }), { fn, args });
}
