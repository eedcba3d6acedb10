// The vendor scorecard through the built bundle (dist/Code.js) in the local Apps Script runtime:
// cases imported with known dates and amounts plus one case moved through the workflow, then
// refreshScorecard, the tab read back cell by cell; getVendorScorecard; setup still idempotent
// after a refresh; the same service calls with 5 and 50 cases.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Runtime } from '../../dev/runtime';
import { addDays } from '../../src/domain/dates';
import { lastMonths } from '../../src/domain/scorecard';
import { SCORECARD_HEADERS } from '../../src/sheets/layout';

jest.setTimeout(180000);
const BUNDLE = path.resolve(__dirname, '../../dist/Code.js');
const ready = existsSync(BUNDLE) && readFileSync(BUNDLE, 'utf8').includes('function refreshScorecard()');
if (!ready) console.warn('scorecard integration tests skipped: dist/Code.js has no refreshScorecard (run npm run build)');
const d = ready ? describe : describe.skip;

const TAB = 'Vendor Scorecard';
const TABLE = 3; // tables start in column D
let rt: Runtime;
const run = async <T = any>(fn: string, args: unknown[] = []) => (await rt.run(fn, args, { kind: 'script-run' })).value as T;

const HEAD = ['Date Logged', 'Order #', 'Vendor ID', 'Reason', 'Refund Amount', 'Currency', 'Status', 'Expected Completion', 'Actual Completion', 'Received Amount', 'Received Currency', 'Tags'];
const csv = (rows: string[][]) => [HEAD, ...rows].map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n') + '\n';

async function workbook(): Promise<string> {
  rt = await Runtime.open({ executionLimitMs: 120000 });
  await rt.run('setupWorkbook');
  await run('addVendor', [{ vendorId: 'V1', name: 'Alpha', defaultCurrency: 'CNY', slaDays: 10 }]);
  await run('addVendor', [{ vendorId: 'V2', name: 'Beta' }]);
  await run('addVendor', [{ vendorId: 'V3', name: 'Gamma' }]);
  return (await run<{ today: string }>('getFormOptions')).today;
}

/** The vendor table as header-keyed records, and the tag table below it. */
function readTab() {
  const values = rt.workbook.readValues(TAB);
  const header = values[0].slice(TABLE) as string[];
  const records: Record<string, unknown>[] = [];
  let r = 1;
  for (; r < values.length && values[r][TABLE] !== ''; r++) records.push(Object.fromEntries(header.map((h, i) => [h, values[r][TABLE + i]])));
  const tagHeader = values[r + 1].slice(TABLE) as string[];
  const tags: Record<string, unknown>[] = [];
  for (let t = r + 2; t < values.length && values[t][TABLE] !== ''; t++) tags.push(Object.fromEntries(tagHeader.map((h, i) => [h, values[t][TABLE + i]])));
  const info = Object.fromEntries(values.filter((row) => row[0] !== '').map((row) => [row[0], row[1]]));
  return { values, header, records, tagHeader, tags, info };
}

d('refreshScorecard', () => {
  let today: string;
  let summary: any;
  beforeAll(async () => {
    today = await workbook();
    const t = (n: number) => addDays(today, n);
    // A person types the CNY rate into Settings ▸ FX rates (E:G); EUR has none.
    await rt.userEdit('Settings', 'E2', 'CNY');
    await rt.userEdit('Settings', 'F2', '0.14');
    await rt.userEdit('Settings', 'G2', t(-3));
    await run('importCases', [{ csv: csv([
      [t(-40), 'A-1', 'V1', 'Damaged goods', '100.00', 'CNY', 'Reconciled', t(-30), t(-36), '100.00', 'CNY', 'urgent'],
      [t(-40), 'A-2', 'V1', 'Damaged goods', '200.00', 'CNY', 'Received', t(-30), t(-20), '200.00', 'CNY', ''],
      [t(-20), 'A-3', 'V1', 'Wrong item', '50.00', 'CNY', 'Requested', t(-10), '', '', '', ''],
      [t(-5), 'A-4', 'V1', 'Overcharge', '10.00', 'USD', 'Logged', t(5), '', '', '', ''],
      [t(-30), 'A-5', 'V1', 'Wrong item', '30.00', 'CNY', 'Rejected', t(-25), t(-22), '', '', ''],
      [t(-10), 'B-1', 'V2', 'Short shipment', '80.00', 'EUR', 'Agreed', t(4), '', '', '', ''],
      [t(-15), 'B-2', 'V2', 'Short shipment', '5.00', 'USD', 'Received', t(-5), t(-8), '5.00', 'USD', 'urgent, =cmd'],
    ]) }]);
    // One case through the workflow, disputed on the way to Agreed.
    const c = await run('logCase', [{ vendorId: 'V2', orderNo: 'B-3', amount: '20.00', currency: 'USD', reason: 'Quality defect', requestId: 'live-1' }]);
    await run('changeStatus', [c.caseId, 'Requested', '']);
    await run('changeStatus', [c.caseId, 'Disputed', 'vendor denies the defect']);
    await run('addEvidence', [c.caseId, { type: 'Vendor correspondence', name: 'mail.txt', mimeType: 'text/plain', contentBase64: Buffer.from('ok').toString('base64') }]);
    await run('changeStatus', [c.caseId, 'Agreed', 'settled after photos']);
    summary = await run('refreshScorecard');
  });
  afterAll(async () => rt.close());

  it('returns a JSON summary', () => {
    expect(summary).toMatchObject({
      asOf: today, timeZone: 'Asia/Shanghai', baseCurrency: 'USD', vendors: 3, cases: 8, tags: 2,
      burdenBase: '88.20', missingRates: ['EUR'], unreadable: [], charts: false,
      sheet: { name: TAB },
    });
    expect(summary.top.map((v: any) => [v.rank, v.vendorId, v.burdenBase])).toEqual([[1, 'V1', '63.20'], [2, 'V2', '25.00'], [3, 'V3', '0.00']]);
  });

  it('writes the as-of block and the ranked vendor table with the figures worked out by hand', () => {
    const { header, records, info } = readTab();
    for (const h of SCORECARD_HEADERS) expect(header).toContain(h);
    expect(info['As of']).toBe(today);
    expect(info['Base currency']).toBe('USD');
    expect(info['Time zone']).toBe('Asia/Shanghai');
    expect(info['Missing FX rates']).toMatch(/^EUR: left out/);
    expect(info['FX rates used']).toBe(`CNY 0.14 (${addDays(today, -3)})`);
    expect(records.map((r) => r['Vendor ID'])).toEqual(['V1', 'V2', 'V3']);
    const [a, b, g] = records;
    // Alpha: claimed 380 CNY × 0.14 + 10 USD; refunded 300 CNY; open 50 CNY (+ 0 on the Received case) + 10 USD.
    expect(a).toMatchObject({
      Rank: 1, 'Vendor Name': 'Alpha', Tag: 'Vendor_Alpha', Cases: 5, 'Open Cases': 3, 'Overdue Open': 1,
      'Burden (base)': 63.2, 'Open Amount (base)': 17, 'Refunded (base)': 42, 'Not in Base (no FX rate)': '',
      'Claimed by Currency': 'CNY 380.00; USD 10.00', 'Open by Currency': 'CNY 50.00; USD 10.00', 'Refunded by Currency': 'CNY 300.00',
      Completed: 2, 'Median Days to Refund': 12, 'P90 Days to Refund': 20, // 4 and 20 days
      'On-time %': 0.5, 'Dispute %': 0, 'Rejection %': 0.2,
      'Top Reason': 'Damaged goods', 'Top 3 Reasons': 'Damaged goods (2); Wrong item (2); Overcharge (1)',
    });
    // Beta: 80 EUR has no rate, so it is named and left out of every base figure.
    expect(b).toMatchObject({
      Rank: 2, Cases: 3, 'Open Cases': 3, 'Overdue Open': 0, 'Burden (base)': 25, 'Open Amount (base)': 20, 'Refunded (base)': 5,
      'Not in Base (no FX rate)': 'EUR 80.00', 'Median Days to Refund': 7, 'P90 Days to Refund': 7, 'On-time %': 1,
      'Dispute %': expect.closeTo(1 / 3, 12), 'Rejection %': 0, 'Top Reason': 'Short shipment',
    });
    expect(g).toMatchObject({ Rank: 3, Cases: 0, 'Burden (base)': 0, 'Median Days to Refund': '', 'On-time %': '', 'Top Reason': '' });
    // Trend: the six months up to today's; every Alpha case was logged within them.
    const months = lastMonths(today).map((m) => `Cases ${m}`);
    expect(header.slice(-6)).toEqual(months);
    expect(months.reduce((n, m) => n + (a[m] as number), 0)).toBe(5);
  });

  it('writes the per-tag table below, hostile tag text kept as text', () => {
    const { tags, tagHeader } = readTab();
    expect(tagHeader.slice(0, 3)).toEqual(['Rank', 'Tag', 'Vendors']);
    expect(tags.map((t) => [t.Tag, t.Vendors, t.Cases, t['Burden (base)']])).toEqual([['urgent', 2, 2, 19], ['=cmd', 1, 1, 5]]);
    const sheet = (rt.workbook as any).sheetByName(TAB);
    expect(sheet.rows.some((r: any) => r?.f?.some(Boolean))).toBe(false);
  });

  it('formats the tab: amounts in base decimals, percentages, frozen bold header', () => {
    const shown = rt.workbook.readDisplayValues(TAB);
    const col = TABLE + readTab().header.indexOf('Burden (base)');
    expect(shown[1][col]).toBe('63.20');
    expect(shown[1][TABLE + readTab().header.indexOf('Rejection %')]).toBe('20.0%');
    const sheet = (rt.workbook as any).sheetByName(TAB);
    expect(sheet.frozenRows).toBe(1);
  });

  it('keeps Set up workbook idempotent after a refresh (row 1 still holds its headers)', async () => {
    const again = await rt.run('setupWorkbook');
    expect(again.value).toEqual({ created: [], changed: [], triggerCreated: false });
  });

  it('gives one vendor card as JSON, and refuses an unknown vendor', async () => {
    const card = await run('getVendorScorecard', ['V2']);
    expect(card).toMatchObject({
      rank: 2, of: 3, vendorId: 'V2', vendorName: 'Beta', asOf: today, baseCurrency: 'USD', burdenBase: '25.00',
      missingRates: ['EUR'], disputes: { count: 1, of: 3, pct: 33.3 }, onTime: { count: 1, of: 1, pct: 100 },
      open: [{ currency: 'EUR', amount: '80.00' }, { currency: 'USD', amount: '20.00' }],
    });
    expect(card.trend).toHaveLength(6);
    await expect(run('getVendorScorecard', ['V9'])).rejects.toThrow('No vendor "V9"');
  });

  it('clears the old content on the next refresh', async () => {
    const before = rt.workbook.readValues(TAB);
    expect((await rt.userEdit(TAB, 'D60', 'stale note')).ok).toBe(true);
    await run('refreshScorecard');
    const stamped = (rows: unknown[][]) => rows.map((r) => (r[0] === 'Refreshed at' ? r.slice(2) : r));
    expect(stamped(rt.workbook.readValues(TAB))).toEqual(stamped(before));
  });
});

d('refreshScorecard service calls', () => {
  afterAll(async () => rt.close());

  it('makes the same service calls with 5 and with 50 cases', async () => {
    const today = await workbook();
    const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => [
      addDays(today, -(i % 60)), `O-${from + i}`, i % 2 ? 'V1' : 'V2', 'Damaged goods', '12.50', 'USD',
      i % 3 ? 'Logged' : 'Received', addDays(today, 5), i % 3 ? '' : addDays(today, -1), '', '', i % 4 ? '' : 'urgent',
    ]);
    await run('importCases', [{ csv: csv(rows(0, 5)) }]);
    await run('refreshScorecard'); // first refresh may grow the grid once
    const five = await rt.run('refreshScorecard', [], { kind: 'script-run' });
    await run('importCases', [{ csv: csv(rows(5, 45)) }]);
    const fifty = await rt.run('refreshScorecard', [], { kind: 'script-run' });
    expect((fifty.value as any).cases).toBe(50);
    expect(fifty.calls).toEqual(five.calls);
    expect(fifty.calls['Range.setValues']).toBe(1);
    expect(fifty.calls['Range.getValues']).toBe(3); // Cases, Vendors, Settings
    expect(fifty.events).toContainEqual(expect.objectContaining({ type: 'toast', title: 'Vendor scorecard refreshed' }));
  });
});
