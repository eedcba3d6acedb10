// A review decision is one atomic step (docs/reconciliation.md §6): the decision rows and the run
// of the month happen under one hold of the document lock, and a decision whose run cannot be
// written writes nothing. Through the built bundle in the local runtime, whose executions run
// truly at the same time and whose document lock really excludes them.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Runtime } from '../../dev/runtime';
import { seedInto } from '../../dev/demo/seed';
import { CASE_HEADERS, STATEMENT_HEADERS } from '../../src/sheets/layout';
import { MATCH_HEADERS } from '../../src/domain/reconcile/decisions';

jest.setTimeout(300000);
const BUNDLE = path.resolve(__dirname, '../../dist/Code.js');
const ready = existsSync(BUNDLE) && readFileSync(BUNDLE, 'utf8').includes('function confirmMatch()');
if (!ready) console.warn('reconcile decision tests skipped: dist/Code.js lacks confirmMatch (run npm run build)');
const d = ready ? describe : describe.skip;

const TODAY = '2026-12-03';
const caseCol = (h: (typeof CASE_HEADERS)[number]) => CASE_HEADERS.indexOf(h);
const matchCol = (h: (typeof MATCH_HEADERS)[number]) => MATCH_HEADERS.indexOf(h);
const call = async <T = any>(rt: Runtime, fn: string, args: unknown[] = []) => (await rt.run(fn, args, { kind: 'script-run' })).value as T;

/** A seeded workbook with one month run, and that month's first suggestion. */
async function withSuggestion(): Promise<{ rt: Runtime; month: string; item: any }> {
  const rt = await Runtime.open({ executionLimitMs: 240000 });
  const report = await seedInto(rt, { cases: 50, today: TODAY, reconcile: false });
  const month = report.data.months[1];
  await call(rt, 'runReconciliation', [{ month }]);
  const items = (await call(rt, 'getReviewItems', [month])).items as any[];
  expect(items.length).toBeGreaterThan(0);
  return { rt, month, item: items[0] };
}

function tabs(rt: Runtime): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const name of rt.workbook.sheetNames()) {
    if (name === 'Cases' || name === 'Matches' || name === 'Audit Log' || name.startsWith('Stmt ') || name.startsWith('Recon ')) out[name] = rt.workbook.readValues(name);
  }
  return out;
}

/** Every pair whose last Matches row is `confirmed` is on its case (Matched Transactions), on
 *  its line (Stmt match columns) and in the month's report among the matched pairs. */
function expectConsistent(rt: Runtime, month: string): number {
  const last = new Map<string, unknown[]>();
  for (const m of rt.workbook.readValues('Matches').slice(1)) last.set(`${m[0]}|${m[1]}`, m);
  const confirmed = [...last.values()].filter((m) => m[matchCol('State')] === 'confirmed');
  const cases = rt.workbook.readValues('Cases');
  const report = rt.workbook.readValues(`Recon ${month}`);
  for (const m of confirmed) {
    const caseId = String(m[matchCol('Case ID')]);
    const lineId = String(m[matchCol('Line ID')]);
    const c = cases.find((r) => r[caseCol('Case ID')] === caseId)!;
    expect({ caseId, matched: String(c[caseCol('Matched Transactions')]) }).toEqual({ caseId, matched: expect.stringContaining(lineId) });
    const stmt = rt.workbook.readValues(String(m[matchCol('Statement')]));
    const h = stmt[0].map(String);
    const line = stmt.find((r) => r[h.indexOf('Line ID')] === lineId)!;
    expect({ lineId, status: line[h.indexOf('Match Status')], cases: String(line[h.indexOf('Matched Cases')]) }).toEqual({
      lineId, status: expect.stringMatching(/^(matched|partial)$/), cases: expect.stringContaining(caseId),
    });
    if (m[matchCol('Month')] === month) {
      expect(report.some((r) => r[0] === caseId && r[2] === lineId && r[8] === 'confirmed')).toBe(true);
    }
  }
  return confirmed.length;
}

/** Resolves once `n` lock acquisitions have had to wait (executions queued on the lock). */
async function queued(rt: Runtime, n: number): Promise<void> {
  for (let i = 0; rt.locks.contended < n; i++) {
    if (i > 2000) throw new Error('executions never queued on the document lock');
    await new Promise((r) => setTimeout(r, 5));
  }
}

d('a decision whose run cannot be written', () => {
  it('writes nothing: Matches, Cases, Audit Log, Stmt tabs and the report unchanged', async () => {
    const { rt, month, item } = await withSuggestion();
    try {
      // The accountant drags "Match Signals" before "Allocated Amount" on the line's Stmt tab:
      // the line can still be read (columns are found by name) but its match columns can no
      // longer be written as one block.
      const name = item.line.statement as string;
      const sheet = rt.workbook.sheetByName(name)!;
      const values = rt.workbook.readValues(name);
      const a = values[0].indexOf('Allocated Amount');
      const s = values[0].indexOf('Match Signals');
      expect([a, s]).toEqual([STATEMENT_HEADERS.indexOf('Allocated Amount'), STATEMENT_HEADERS.indexOf('Match Signals')]);
      values.forEach((r, i) => {
        rt.workbook.writeInput(sheet, i + 1, a + 1, r[s]);
        rt.workbook.writeInput(sheet, i + 1, s + 1, r[a]);
      });
      const before = tabs(rt);
      await expect(rt.run('confirmMatch', [{ month, caseId: item.case.caseId, lineId: item.line.lineId }], { kind: 'script-run' })).rejects.toThrow(/match columns were moved/);
      expect(tabs(rt)).toEqual(before);
      // Put back, the same decision goes through and everything agrees with it.
      values.forEach((r, i) => {
        rt.workbook.writeInput(sheet, i + 1, a + 1, r[a]);
        rt.workbook.writeInput(sheet, i + 1, s + 1, r[s]);
      });
      const done = await call(rt, 'confirmMatch', [{ month, caseId: item.case.caseId, lineId: item.line.lineId }]);
      expect(done.status).toBe('done');
      expect(expectConsistent(rt, month)).toBeGreaterThan(0);
    } finally {
      await rt.close();
    }
  });

  it('another execution taking the lock right after the decision cannot leave it half done', async () => {
    // A long execution (here a test hook) is waiting for the lock when the decision is made.
    // Had the decision released the lock before running the month, the hook would get it in
    // between and the run would time out ("The log is busy") with the decision already saved.
    const { rt, month, item } = await withSuggestion();
    try {
      const first = await rt.holdLock('document');
      const base = rt.locks.contended;
      const decision = call(rt, 'confirmMatch', [{ month, caseId: item.case.caseId, lineId: item.line.lineId }]).then(
        (v) => ({ ok: true as const, v }),
        (e: Error) => ({ ok: false as const, e }),
      );
      await queued(rt, base + 1);
      const second = rt.holdLock('document'); // queued behind the decision
      await queued(rt, base + 2);
      first();
      const release = await second; // acquired when the decision lets go of the lock
      const r = await decision;
      release();
      expect(r.ok ? r.v.status : r.e.message).toBe('done');
      expect(expectConsistent(rt, month)).toBeGreaterThan(0);
    } finally {
      await rt.close();
    }
  });
});

d('a decision and a run at the same time', () => {
  it('confirmMatch ‖ runReconciliation on the same month end consistent', async () => {
    const { rt, month, item } = await withSuggestion();
    try {
      const [confirmed, run] = await Promise.all([
        call(rt, 'confirmMatch', [{ month, caseId: item.case.caseId, lineId: item.line.lineId }]),
        call(rt, 'runReconciliation', [{ month }]),
      ]);
      expect([confirmed.status, run.status]).toEqual(['done', 'done']);
      expect(expectConsistent(rt, month)).toBeGreaterThan(0);
    } finally {
      await rt.close();
    }
  });

  it('a run queued behind the decision never runs between the decision and its run', async () => {
    // Forced order: both wait for the lock, the decision first. The decision's own outcome
    // reports what it wrote (its Matches row, the case), not "nothing changed" because another
    // execution ran the month in between.
    const { rt, month, item } = await withSuggestion();
    try {
      const hold = await rt.holdLock('document');
      const base = rt.locks.contended;
      const decision = call(rt, 'confirmMatch', [{ month, caseId: item.case.caseId, lineId: item.line.lineId }]);
      await queued(rt, base + 1);
      const run = call(rt, 'runReconciliation', [{ month }]);
      await queued(rt, base + 2);
      hold();
      const [c, r] = await Promise.all([decision, run]);
      expect(c.wrote).toEqual(expect.arrayContaining(['Cases', 'Matches', 'Audit Log']));
      expect(c.message).not.toMatch(/nothing changed/);
      expect(r.wrote).toEqual([]);
      expect(expectConsistent(rt, month)).toBeGreaterThan(0);
    } finally {
      await rt.close();
    }
  });
});

d('a decision while a run of another month is in progress', () => {
  it('is refused and writes nothing (the run keeps its place and its continuation)', async () => {
    const { rt, month, item } = await withSuggestion();
    try {
      const other = (await call(rt, 'getReconcileOptions')).months.find((m: string) => m !== month && m < month) as string;
      const r = await call(rt, 'runReconciliation', [{ month: other, budgetMs: 0 }]);
      expect(r.status).toBe('continuing');
      const before = tabs(rt);
      await expect(rt.run('confirmMatch', [{ month, caseId: item.case.caseId, lineId: item.line.lineId }], { kind: 'script-run' })).rejects.toThrow(/still in progress.*Nothing was changed/);
      expect(tabs(rt)).toEqual(before);
      expect((await call(rt, 'getReconcileOptions')).runInProgress).toEqual(expect.objectContaining({ month: other }));
    } finally {
      await rt.close();
    }
  });
});
