// Statement import through the built bundle (dist/Code.js) in the local Apps Script runtime:
// one Stmt tab per import written with one setValues, re-import adds nothing, a broken file
// writes nothing, a pasted tab imports too.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Runtime } from '../../dev/runtime';
import { STATEMENT_HEADERS } from '../../src/sheets/layout';

jest.setTimeout(120000);
const CORPUS = path.resolve(__dirname, '../../../shared/corpus/statements');
const BUNDLE = path.resolve(__dirname, '../../dist/Code.js');
const ready = existsSync(BUNDLE) && readFileSync(BUNDLE, 'utf8').includes('function importStatement()');
if (!ready) console.warn('statement integration tests skipped: dist/Code.js has no importStatement (run npm run build)');
const hasCorpus = existsSync(CORPUS);
if (!hasCorpus) console.warn(`statement corpus integration tests skipped: ${CORPUS} is absent`);
const d = ready ? describe : describe.skip;
const dc = ready && hasCorpus ? describe : describe.skip;

const upload = (rel: string) => ({ fileName: path.basename(rel), contentBase64: readFileSync(path.join(CORPUS, rel)).toString('base64') });
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

let rt: Runtime;
beforeEach(async () => { rt = await Runtime.open({ executionLimitMs: 60000 }); });
afterEach(async () => { await rt.close(); });

interface ImportResult { ok: boolean; tabName: string; newCount: number; alreadyCount: number; message: string; errors: { row: number; message: string }[] }

dc('importStatement with corpus files', () => {
  it('imports a GBK Alipay bill into one Stmt tab with one setValues, and re-importing adds nothing', async () => {
    const r1 = await rt.run('importStatement', [upload('alipay/cn-alipay-personal-gbk.csv')], { kind: 'script-run' });
    const v1 = r1.value as ImportResult;
    expect(v1).toMatchObject({ ok: true, newCount: 10, alreadyCount: 0, tabName: 'Stmt Alipay 2023-01..07' });
    expect(r1.calls['Range.setValues']).toBe(1);
    const values = rt.workbook.readValues(v1.tabName);
    expect(values[0]).toEqual([...STATEMENT_HEADERS]);
    expect(values).toHaveLength(11);
    const col = (h: string) => STATEMENT_HEADERS.indexOf(h as (typeof STATEMENT_HEADERS)[number]);
    const refund = values.find((r) => r[col('Reference')] === '2023xxxxx88_2023xx57')!;
    expect(refund[col('Amount')]).toBe(50);
    expect(refund[col('Kind')]).toBe('refund');
    expect(refund[col('Currency')]).toBe('CNY');
    expect(values.slice(1).every((r) => /^L[0-9a-f]{16}$/.test(String(r[col('Line ID')])))).toBe(true);

    const r2 = await rt.run('importStatement', [upload('alipay/cn-alipay-personal-gbk.csv')], { kind: 'script-run' });
    expect(r2.value).toMatchObject({ ok: true, newCount: 0, alreadyCount: 10, message: '0 new, 10 already imported' });
    expect(r2.calls['Range.setValues'] ?? 0).toBe(0);
    expect(rt.workbook.sheetNames().filter((n) => n.startsWith('Stmt '))).toHaveLength(1);
  });

  it('reads Latin-1 German exports and keeps formula-like text as text', async () => {
    const r = await rt.run('importStatement', [upload('bank-csv/de-ing-preamble-latin1.csv')], { kind: 'script-run' });
    const v = r.value as ImportResult;
    expect(v).toMatchObject({ ok: true, newCount: 9 });
    const rows = rt.workbook.readValues(v.tabName);
    expect(rows.some((row) => String(row[STATEMENT_HEADERS.indexOf('Description')]).includes('Übernachtung'))).toBe(true);
  });

  it('previews layout, encoding and first lines without writing', async () => {
    const before = rt.workbook.sheetNames();
    const r = await rt.run('previewStatement', [upload('paypal/paypal-activity-en-multiccy.csv')], { kind: 'script-run' });
    const p = r.value as { profileId: string; encoding: string; lineCount: number; lines: unknown[]; dateOrder: string; needsDateOrder: boolean };
    expect(p).toMatchObject({ profileId: 'paypal', encoding: 'UTF-8', lineCount: 76, dateOrder: 'DMY', needsDateOrder: false });
    expect(p.lines).toHaveLength(20);
    expect(rt.workbook.sheetNames()).toEqual(before);
  });
});

d('importStatement edge cases', () => {
  it('writes nothing for a broken file and returns row-numbered errors', async () => {
    const csv = 'Date,Amount,Currency,Description\n2024-01-02,10.00,EUR,ok\n2024-01-03,abc,EUR,bad amount\n2024-13-45,5.00,EUR,bad date\n';
    const before = rt.workbook.sheetNames();
    const r = await rt.run('importStatement', [{ fileName: 'x.csv', contentBase64: b64(csv) }], { kind: 'script-run' });
    const v = r.value as ImportResult;
    expect(v.ok).toBe(false);
    expect(v.errors.map((e) => e.row)).toEqual([3, 4]);
    expect(rt.workbook.sheetNames()).toEqual(before);
    expect(r.calls['Range.setValues'] ?? 0).toBe(0);
  });

  it('refuses a binary file (an image, random bytes) with a clear message in the preview and the import, writing nothing', async () => {
    // 1×1 PNG signature and header chunk, then noise: what a mis-picked file looks like.
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108020000009077', 'hex'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 97 + 13) % 256))]);
    const before = rt.workbook.sheetNames();
    const p = await rt.run('previewStatement', [{ fileName: 'receipt.png', contentBase64: png.toString('base64') }], { kind: 'script-run' });
    const preview = p.value as { errors: { row: number; message: string }[]; encoding: string; lineCount: number; lines: unknown[]; sampleRows: unknown[] };
    expect(preview.errors).toEqual([{ row: 0, message: expect.stringMatching(/^This file is not a statement export \(it looks like binary data: a PNG image\)\./) }]);
    expect(preview).toMatchObject({ encoding: '', lineCount: 0, lines: [], sampleRows: [] });
    const r = await rt.run('importStatement', [{ fileName: 'receipt.png', contentBase64: png.toString('base64') }], { kind: 'script-run' });
    const v = r.value as ImportResult;
    expect(v.ok).toBe(false);
    expect(v.message).toMatch(/^Nothing was imported: 1 problem in the file\.\nThis file is not a statement export \(it looks like binary data: a PNG image\)/);
    const noise = Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (Math.imul(i + 1, 2654435761) >>> 24) & 0xff));
    const n = await rt.run('importStatement', [{ fileName: 'export.csv', contentBase64: noise.toString('base64') }], { kind: 'script-run' });
    expect((n.value as ImportResult).errors).toEqual([{ row: 0, message: expect.stringMatching(/^This file is not a statement export \(it looks like binary data: /) }]);
    expect(rt.workbook.sheetNames()).toEqual(before);
    expect((r.calls['Range.setValues'] ?? 0) + (n.calls['Range.setValues'] ?? 0)).toBe(0);
  });

  it('asks for the date order when every date is ambiguous, then imports with it', async () => {
    const csv = 'Date,Amount,Currency,Description\n01/02/2024,10.00,EUR,a\n03/04/2024,-5.00,EUR,b\n';
    const p = await rt.run('previewStatement', [{ fileName: 'x.csv', contentBase64: b64(csv) }], { kind: 'script-run' });
    expect(p.value).toMatchObject({ needsDateOrder: true });
    const r = await rt.run('importStatement', [{ fileName: 'x.csv', contentBase64: b64(csv), dateOrder: 'MDY' }], { kind: 'script-run' });
    const v = r.value as ImportResult;
    expect(v.ok).toBe(true);
    expect(rt.workbook.readDisplayValues(v.tabName)[1][1]).toBe('2024-01-02');
  });

  it('neutralises formula-like text from the file', async () => {
    const csv = 'Date,Amount,Currency,Description,Reference\n2024-01-02,10.00,EUR,=HYPERLINK("http://x"),+123\n';
    const r = await rt.run('importStatement', [{ fileName: 'x.csv', contentBase64: b64(csv) }], { kind: 'script-run' });
    const v = r.value as ImportResult;
    expect(v.ok).toBe(true);
    const row = rt.workbook.readValues(v.tabName)[1];
    expect(row[STATEMENT_HEADERS.indexOf('Description')]).toBe('=HYPERLINK("http://x")');
    expect(row[STATEMENT_HEADERS.indexOf('Reference')]).toBe('+123');
  });

  it('imports a tab where the user pasted an export', async () => {
    const wb = rt.workbook;
    const sheet = wb.addSheet('Pasted');
    const rows = [['Transaction Date', 'Description', 'Debit Amount', 'Credit Amount', 'Currency'], ['2024-02-01', 'Refund RC-000042', '', '25.50', 'USD'], ['2024-02-02', 'Fee', '1.00', '', 'USD']];
    rows.forEach((r, i) => r.forEach((v, j) => wb.writeInput(sheet, i + 1, j + 1, v)));
    const r = await rt.run('importFromSheet', ['Pasted'], { kind: 'script-run' });
    const v = r.value as ImportResult;
    expect(v).toMatchObject({ ok: true, newCount: 2 });
    const again = await rt.run('importFromSheet', ['Pasted'], { kind: 'script-run' });
    expect(again.value).toMatchObject({ newCount: 0, alreadyCount: 2 });
  });

  it('offers only tabs a user could have pasted an export into, not the add-on\'s own tabs', async () => {
    await rt.run('setupWorkbook');
    rt.workbook.addSheet('Pasted export');
    await rt.run('importStatement', [{ fileName: 'x.csv', contentBase64: b64('Date,Amount,Currency,Description\n2024-01-02,10.00,EUR,a\n') }], { kind: 'script-run' });
    const tabs = (await rt.run('listImportableTabs', [], { kind: 'script-run' })).value as string[];
    expect(tabs).toContain('Pasted export');
    for (const own of ['Cases', 'Vendors', 'Evidence', 'Audit Log', 'Settings']) expect(tabs).not.toContain(own);
    expect(tabs.some((t) => t.startsWith('Stmt '))).toBe(false);
  });

  it('saves a mapping as a named profile and recognises the layout next time', async () => {
    const csv = 'Booked;Money;Ccy;Text\n02.01.2024;1.000,00;EUR;x\n03.01.2024;-31,50;EUR;y\n';
    const mapping = { date: 'Booked', amount: 'Money', currency: 'Ccy', description: 'Text' };
    const first = await rt.run('previewStatement', [{ fileName: 'own.csv', contentBase64: b64(csv) }], { kind: 'script-run' });
    expect(first.value).toMatchObject({ needsMapping: true });
    await rt.run('saveImportProfile', [{ name: 'My bank', headers: ['Booked', 'Money', 'Ccy', 'Text'], mapping, dateOrder: 'DMY', decimalMark: ',' }], { kind: 'script-run' });
    const p = await rt.run('previewStatement', [{ fileName: 'own.csv', contentBase64: b64(csv) }], { kind: 'script-run' });
    expect(p.value).toMatchObject({ profileId: 'saved:My bank', needsMapping: false, lineCount: 2 });
    const r = await rt.run('importStatement', [{ fileName: 'own.csv', contentBase64: b64(csv) }], { kind: 'script-run' });
    const v = r.value as ImportResult;
    expect(rt.workbook.readValues(v.tabName)[1][STATEMENT_HEADERS.indexOf('Amount')]).toBe(1000);
  });
});

d('statement tab names', () => {
  // Excel (and so the .xlsx the workbook is saved as) cuts sheet names at 31 characters; a
  // longer name would come back as another tab after a save and load.
  const csv = (rows: string[]) => b64(`Booked;Money;Ccy;Text\n${rows.join('\n')}\n`);
  const mapping = { date: 'Booked', amount: 'Money', currency: 'Ccy', description: 'Text' };
  const req = (rows: string[]) => ({ fileName: 'kb.csv', contentBase64: csv(rows), mapping, dateOrder: 'DMY', decimalMark: ',', sourceName: 'Deutsche Kreditbank Business Account' });

  it('stay within 31 characters, unique and readable, and survive a save as .xlsx', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rcl-tabnames-'));
    const workbookPath = path.join(dir, 'book.xlsx');
    try {
      let book = await Runtime.open({ workbookPath, executionLimitMs: 60000 });
      const names: string[] = [];
      try {
        // Across a year end (the longest period), then the same source and period again (other lines).
        for (const rows of [['30.12.2025;1.000,00;EUR;a', '02.02.2026;-31,50;EUR;b'], ['31.12.2025;5,00;EUR;c', '01.02.2026;6,00;EUR;d'], ['03.03.2026;7,00;EUR;e']]) {
          const preview = (await book.run('previewStatement', [req(rows)], { kind: 'script-run' })).value as { tabName: string };
          const v = (await book.run('importStatement', [req(rows)], { kind: 'script-run' })).value as ImportResult;
          expect(v.ok).toBe(true);
          expect(v.tabName).toBe(preview.tabName);
          names.push(v.tabName);
        }
        // A name the user asked for is kept within the limit too.
        const own = (await book.run('importStatement', [{ ...req(['04.04.2026;8,00;EUR;f']), sheetName: 'Kreditbank business account April 2026 (second try)' }], { kind: 'script-run' })).value as ImportResult;
        names.push(own.tabName);
        await book.save();
      } finally {
        await book.close();
      }
      expect(names[0]).toMatch(/^Stmt Deutsche.* 2025-12\.\.2026-02$/);
      expect(names[1]).toMatch(/^Stmt Deut.* 2025-12\.\.2026-02 \(2\)$/);
      expect(names[2]).toMatch(/^Stmt Deutsche.* 2026-03$/);
      expect(names[3]).toMatch(/^Stmt Kreditbank/);
      for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
      book = await Runtime.open({ workbookPath });
      try {
        const after = book.workbook.sheetNames();
        for (const n of names) expect(after).toContain(n);
        // Re-importing after the round trip still finds every line.
        const again = (await book.run('importStatement', [req(['30.12.2025;1.000,00;EUR;a', '02.02.2026;-31,50;EUR;b'])], { kind: 'script-run' })).value as ImportResult;
        expect(again).toMatchObject({ newCount: 0, alreadyCount: 2 });
      } finally {
        await book.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names a period inside one year compactly', async () => {
    const r = await rt.run('importStatement', [req(['02.01.2026;1,00;EUR;a', '03.03.2026;2,00;EUR;b'])], { kind: 'script-run' });
    expect((r.value as ImportResult).tabName).toMatch(/^Stmt Deutsche.* 2026-01\.\.03$/);
  });
});

d('importStatement: all or nothing', () => {
  // A bank CSV of `count` lines, one per day from 2024-01-01, generated here (no fixture file).
  const bankCsv = (count: number, description = (i: number) => `Payment ${i}`) => {
    const out = ['Date,Description,Amount,Currency'];
    for (let i = 0; i < count; i++) {
      const day = new Date(Date.UTC(2024, 0, 1 + (i % 28))).toISOString().slice(0, 10);
      out.push(`${day},${description(i)},${(i % 997) + 1}.25,EUR`);
    }
    return `${out.join('\n')}\n`;
  };

  it('refuses a statement that would take the spreadsheet over 10,000,000 cells before adding a tab, and says how big', async () => {
    // A workbook close to the limit: Sheet1 (1000 × 26) and a tab of 380,000 × 26 leave 94,000
    // cells free. A statement tab is cut to its 18 columns: 6,000 lines need 6,001 × 18 = 108,018
    // cells; 3,000 need 54,018.
    rt.workbook.addSheet('Big').maxRows = 380_000;
    expect(rt.workbook.totalCells()).toBe(9_906_000);
    const before = rt.workbook.sheetNames();
    const tooBig = rt.run('importStatement', [{ fileName: 'bank.csv', contentBase64: b64(bankCsv(6000)) }], { kind: 'script-run' });
    await expect(tooBig).rejects.toThrow(
      'Nothing was imported: the 6,000 lines need a tab of 108,018 cells (6,001 rows × 18 columns), but this spreadsheet already uses 9,906,000 of its 10,000,000 cells, so only 94,000 are free.',
    );
    expect(rt.workbook.sheetNames()).toEqual(before);
    expect(rt.workbook.totalCells()).toBe(9_906_000);
    // The same workbook still takes a statement that fits: nothing was left behind.
    const r = await rt.run('importStatement', [{ fileName: 'bank.csv', contentBase64: b64(bankCsv(3000)) }], { kind: 'script-run' });
    const v = r.value as ImportResult;
    expect(v).toMatchObject({ ok: true, newCount: 3000 });
    expect(rt.workbook.sheetNames()).toEqual([...before, v.tabName]);
    expect(rt.workbook.readValues(v.tabName)).toHaveLength(3001);
    expect(rt.workbook.totalCells()).toBe(9_906_000 + 3001 * 18);
  });

  it('removes the tab it created when writing the lines fails after all', async () => {
    // A cell holds at most 50,000 characters (Sheets help "Files you can store in Google Drive"):
    // the size check passes, the tab is inserted, then setValues fails on line 3's description.
    const csv = bankCsv(5, (i) => (i === 2 ? 'x'.repeat(60_000) : `Payment ${i}`));
    const before = rt.workbook.sheetNames();
    const r = rt.run('importStatement', [{ fileName: 'bank.csv', contentBase64: b64(csv) }], { kind: 'script-run' });
    await expect(r).rejects.toThrow('more than the maximum of 50000 characters');
    expect(rt.workbook.sheetNames()).toEqual(before);
  });
});
