// The review's guards, through the built bundle in the local runtime (from a new-user trial): a
// manual match across currencies allocates only what the case can take, a line is matched only
// from its own month, a closed month's cases keep their money, and bad requests name the field.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Runtime } from '../../dev/runtime';
import { seedInto } from '../../dev/demo/seed';
import { CASE_HEADERS, STATEMENT_HEADERS } from '../../src/sheets/layout';
import { MATCH_HEADERS } from '../../src/domain/reconcile/decisions';

jest.setTimeout(300000);
const BUNDLE = path.resolve(__dirname, '../../dist/Code.js');
const ready = existsSync(BUNDLE) && readFileSync(BUNDLE, 'utf8').includes('function manualMatch()');
if (!ready) console.warn('review guard tests skipped: dist/Code.js lacks manualMatch (run npm run build)');
const d = ready ? describe : describe.skip;

const TODAY = '2026-12-03';
const caseCol = (h: (typeof CASE_HEADERS)[number]) => CASE_HEADERS.indexOf(h);
const stmtCol = (h: (typeof STATEMENT_HEADERS)[number]) => STATEMENT_HEADERS.indexOf(h);
const matchCol = (h: (typeof MATCH_HEADERS)[number]) => MATCH_HEADERS.indexOf(h);
const call = async <T = any>(rt: Runtime, fn: string, args: unknown[] = []) => (await rt.run(fn, args, { kind: 'script-run' })).value as T;
const refused = (rt: Runtime, fn: string, args: unknown[]) => rt.run(fn, args, { kind: 'script-run' });
/** A date cell as the spreadsheet's zone shows it (the runtime hands back a Date). */
let zone = 'UTC';
const iso = (v: unknown) => (v instanceof Date ? new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(v) : String(v).slice(0, 10));
const isOpen = (r: unknown[]) => ['Logged', 'Requested', 'Agreed'].includes(String(r[caseCol('Status')]));

/** Every money-in line of the Stmt tabs (not the vendor lists), with its tab. */
function lines(rt: Runtime): { tab: string; row: unknown[] }[] {
  return rt.workbook.sheetNames()
    .filter((n) => n.startsWith('Stmt ') && !n.startsWith('Stmt Vendor '))
    .flatMap((tab) => rt.workbook.readValues(tab).slice(1).map((row) => ({ tab, row })))
    .filter(({ row }) => Number(row[stmtCol('Amount')]) > 0);
}
const lineOf = (rt: Runtime, id: string) => lines(rt).find((l) => l.row[stmtCol('Line ID')] === id)!;
const caseOf = (rt: Runtime, id: string) => rt.workbook.readValues('Cases').find((r) => r[caseCol('Case ID')] === id)!;

d('review guards', () => {
  let rt: Runtime;
  let months: string[];
  beforeAll(async () => {
    rt = await Runtime.open({ executionLimitMs: 240000 });
    months = (await seedInto(rt, { cases: 80, today: TODAY, reconcile: false })).data.months;
    zone = (rt.workbook as unknown as { timeZone: string }).timeZone;
    // The months the tests decide in are run first, so a line without an allocation is one the run left unexplained.
    for (const month of months.slice(1, 3)) await call(rt, 'runReconciliation', [{ month }]);
  });
  afterAll(async () => rt && (await rt.close()));

  it('pick another line offers the near misses beside each proposal: lines of the month with money left, not the proposal itself', async () => {
    const monthLines = new Map(lines(rt).map((l) => [String(l.row[stmtCol('Line ID')]), l.row]));
    let offered = 0;
    for (const month of months.slice(1, 3)) {
      const review = await call(rt, 'getReviewItems', [month]);
      const withOthers = review.items.filter((i: any) => i.alternativeLines.length > 0);
      offered += withOthers.length;
      for (const item of withOthers) {
        expect(item.alternatives).not.toContain(item.line.lineId);
        for (const id of item.alternatives) {
          const row = monthLines.get(id)!;
          expect({ id, month: iso(row[stmtCol('Booking Date')]).slice(0, 7) }).toEqual({ id, month });
          expect(Number(row[stmtCol('Allocated Amount')] || 0)).toBeLessThan(Number(row[stmtCol('Amount')]));
        }
      }
    }
    expect(offered).toBeGreaterThan(0);
  });

  it('a manual match of a bigger line in another currency allocates only what the case can take; the rest stays unexplained', async () => {
    const month = months[1];
    // The month's biggest unexplained USD or EUR line, and the smallest open CNY case (CNY ≈ 0.14 USD).
    const usd = lines(rt)
      .filter(({ row }) => ['USD', 'EUR'].includes(String(row[stmtCol('Currency')])) && iso(row[stmtCol('Booking Date')]).startsWith(month) && !row[stmtCol('Allocated Amount')])
      .sort((a, b) => Number(b.row[stmtCol('Amount')]) - Number(a.row[stmtCol('Amount')]))[0];
    expect(usd).toBeDefined();
    const open = rt.workbook.readValues('Cases').slice(1)
      .filter((r) => r[caseCol('Currency')] === 'CNY' && isOpen(r) && iso(r[caseCol('Date Logged')]) <= `${month}-31`)
      .sort((a, b) => Number(a[caseCol('Refund Amount')]) - Number(b[caseCol('Refund Amount')]))[0];
    expect(open).toBeDefined();
    const caseAmount = Number(open[caseCol('Refund Amount')]);
    expect(caseAmount * 0.2).toBeLessThan(Number(usd.row[stmtCol('Amount')]));
    const lineId = String(usd.row[stmtCol('Line ID')]);
    const caseId = String(open[caseCol('Case ID')]);
    await call(rt, 'manualMatch', [{ month, caseId, lineIds: [lineId] }]);

    const m = rt.workbook.readValues('Matches').slice(1).find((r) => r[matchCol('Case ID')] === caseId && r[matchCol('Line ID')] === lineId && r[matchCol('State')] === 'manual')!;
    const allocated = Number(m[matchCol('Amount')]);
    expect(Number(m[matchCol('Covers')])).toBeCloseTo(caseAmount, 2);
    expect(allocated).toBeLessThan(Number(usd.row[stmtCol('Amount')]));
    expect(allocated).toBeGreaterThan(0);
    expect(String(m[matchCol('Note')])).toBe(`${usd.row[stmtCol('Currency')]} line for a CNY case`);
    // The line keeps its rest: partial on the Stmt tab, the allocated part only.
    const after = lineOf(rt, lineId).row;
    expect(after[stmtCol('Match Status')]).toBe('partial');
    expect(Number(after[stmtCol('Allocated Amount')])).toBeCloseTo(allocated, 2);
    expect(caseOf(rt, caseId)[caseCol('Status')]).toBe('Reconciled');
  });

  it('a line booked in another month is refused, naming its date; nothing is written', async () => {
    const month = months[1];
    const other = lines(rt).find(({ row }) => iso(row[stmtCol('Booking Date')]).startsWith(months[2]) && !row[stmtCol('Allocated Amount')])!;
    const open = rt.workbook.readValues('Cases').slice(1).find(isOpen)!;
    const before = rt.workbook.readValues('Matches');
    const lineId = String(other.row[stmtCol('Line ID')]);
    await expect(refused(rt, 'manualMatch', [{ month, caseId: open[caseCol('Case ID')], lineIds: [lineId] }])).rejects.toThrow(
      `${lineId} was booked on ${iso(other.row[stmtCol('Booking Date')])}, outside ${month}: match it from ${months[2]}'s review. Nothing was changed.`,
    );
    expect(rt.workbook.readValues('Matches')).toEqual(before);
  });

  it('a manual match for a case already matched in full is refused, not answered as if matched; nothing is written', async () => {
    const month = months[1];
    const m = rt.workbook.readValues('Matches').slice(1).find((r) => r[matchCol('Month')] === month && r[matchCol('State')] === 'auto' && caseOf(rt, String(r[0]))[caseCol('Status')] === 'Reconciled')!;
    const caseId = String(m[matchCol('Case ID')]);
    const free = lines(rt).find(({ row }) => iso(row[stmtCol('Booking Date')]).startsWith(month) && !row[stmtCol('Allocated Amount')])!;
    const before = { cases: rt.workbook.readValues('Cases'), matches: rt.workbook.readValues('Matches'), audit: rt.workbook.readValues('Audit Log').length };
    await expect(refused(rt, 'manualMatch', [{ month, caseId, lineIds: [free.row[stmtCol('Line ID')]] }])).rejects.toThrow(
      `${caseId} has nothing left open to match: it is already matched in full. Unmatch one of its lines first. Nothing was changed.`,
    );
    expect({ cases: rt.workbook.readValues('Cases'), matches: rt.workbook.readValues('Matches'), audit: rt.workbook.readValues('Audit Log').length }).toEqual(before);
  });

  it('unmatching clears the completion date with the status, audited', async () => {
    const month = months[1];
    const m = rt.workbook.readValues('Matches').slice(1).find((r) => r[matchCol('Month')] === month && r[matchCol('State')] === 'auto' && caseOf(rt, String(r[0]))[caseCol('Status')] === 'Reconciled')!;
    const caseId = String(m[matchCol('Case ID')]);
    expect(String(caseOf(rt, caseId)[caseCol('Actual Completion')])).not.toBe('');
    await call(rt, 'unmatch', [{ month, caseId, lineId: m[matchCol('Line ID')] }]);
    const c = caseOf(rt, caseId);
    expect(c[caseCol('Status')]).not.toBe('Reconciled');
    expect(c[caseCol('Actual Completion')]).toBe('');
    const audit = rt.workbook.readValues('Audit Log').filter((r) => r[3] === caseId && r[4] === 'Unmatch').map((r) => r[5]);
    expect(audit).toEqual(expect.arrayContaining(['Status', 'Actual Completion']));
  });

  it('a case matched in a closed month keeps its money: unmatching its instalment in an open month is refused', async () => {
    // An instalment across two months: an open case takes a smaller line of the second month
    // and a line of the third (manual matches), then the second month is closed.
    const [, closedMonth, openMonth] = months;
    const free = (m: string, cur: string) => lines(rt).filter(({ row }) => row[stmtCol('Currency')] === cur && iso(row[stmtCol('Booking Date')]).startsWith(m) && !row[stmtCol('Allocated Amount')]);
    let plan: { caseId: string; first: string; second: string } | undefined;
    for (const c of rt.workbook.readValues('Cases').slice(1).filter((r) => isOpen(r) && iso(r[caseCol('Date Logged')]) <= `${closedMonth}-31`)) {
      const cur = String(c[caseCol('Currency')]);
      const first = free(closedMonth, cur).find(({ row }) => Number(row[stmtCol('Amount')]) < Number(c[caseCol('Refund Amount')]));
      const second = free(openMonth, cur)[0];
      if (first && second) {
        plan = { caseId: String(c[caseCol('Case ID')]), first: String(first.row[stmtCol('Line ID')]), second: String(second.row[stmtCol('Line ID')]) };
        break;
      }
    }
    expect(plan).toBeDefined();
    const { caseId, first, second } = plan!;
    await call(rt, 'manualMatch', [{ month: closedMonth, caseId, lineIds: [first] }]);
    await call(rt, 'manualMatch', [{ month: openMonth, caseId, lineIds: [second] }]);
    await call(rt, 'closeMonth', [closedMonth]);
    const before = { cases: rt.workbook.readValues('Cases'), matches: rt.workbook.readValues('Matches') };
    await expect(refused(rt, 'unmatch', [{ month: openMonth, caseId, lineId: second }])).rejects.toThrow(
      `${caseId} is matched in closed month ${closedMonth} (${first}); its other matches can no longer change. Nothing was changed.`,
    );
    expect({ cases: rt.workbook.readValues('Cases'), matches: rt.workbook.readValues('Matches') }).toEqual(before);
  });

  it('bad requests name the field once; a month not begun and a tab that is not a statement are refused', async () => {
    await expect(refused(rt, 'closeMonth', ['Nov 2026'])).rejects.toThrow('Invalid request: month: must be a month written YYYY-MM, e.g. 2026-11');
    await expect(refused(rt, 'runReconciliation', [{ month: '2026-13' }])).rejects.toThrow('Invalid request: month: must be a month written YYYY-MM, e.g. 2026-11');
    const tabs = rt.workbook.sheetNames();
    await expect(refused(rt, 'runReconciliation', [{ month: '2030-01' }])).rejects.toThrow(/^2030-01 has not begun \(today is \d{4}-\d{2}-\d{2}\): there is nothing to reconcile yet\. Nothing was changed\.$/);
    await expect(refused(rt, 'runReconciliation', [{ month: months[2], statementSheets: ['Cases'] }])).rejects.toThrow('"Cases" is not a statement tab');
    expect(rt.workbook.sheetNames()).toEqual(tabs);
  });
});
