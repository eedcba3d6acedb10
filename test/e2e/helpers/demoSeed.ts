// A seed for startTestApp: the demo workbook the project generates (dev/demo), with `cases` cases;
// and a whole suite on it (demoAppSuite).
import { Runtime } from '../../../dev/runtime';
import { seedInto } from '../../../dev/demo/seed';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO, launchBrowser, openApp, startTestApp, type TestApp, type TestBrowser } from './app';

export function seedDemo(cases: number): (workbookPath: string) => Promise<void> {
  return async (workbookPath) => {
    const rt = await Runtime.open({ workbookPath });
    try {
      await seedInto(rt, { cases });
      await rt.save();
    } finally {
      await rt.close();
    }
  };
}

/**
 * A suite on the local app with a generated demo workbook (one app and one browser for the whole
 * file): registers the hooks and returns the suite's `describe` (skipped, with the reason printed,
 * without Chromium or a built sidebar) and the page once started.
 */
export function demoAppSuite(label: string, cases = 40): { d: jest.Describe; page: () => Page } {
  const ready = existsSync('/usr/bin/chromium') && existsSync(path.join(REPO, 'dist/Sidebar.html'));
  if (!ready) console.warn(`${label} e2e skipped: no Chromium or no dist/Sidebar.html`);
  let t: TestApp | undefined;
  let b: TestBrowser | undefined;
  beforeAll(async () => {
    if (!ready) return;
    t = await startTestApp({ seed: seedDemo(cases) });
    b = await launchBrowser();
    await openApp(b.page, t);
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  });
  return { d: ready ? describe : describe.skip, page: () => b!.page };
}
