// The local workbook is a real .xlsx: after `setupWorkbook` and a logged case, LibreOffice
// (a reader we did not write) opens the saved file and sees the Cases header and the row.
// CI installs LibreOffice (.ci/run); elsewhere the test says why it does not run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Runtime } from '../../dev/runtime';
import { CASE_HEADERS } from '../../src/sheets/layout';

jest.setTimeout(180000);

function findLibreOffice(): string | null {
  for (const p of ['/usr/bin/libreoffice', '/usr/bin/soffice']) if (existsSync(p)) return p;
  return null;
}
const office = findLibreOffice();
if (!office && process.env.CI) throw new Error('LibreOffice is missing: .ci/run installs libreoffice-calc-nogui');
if (!office) console.warn('xlsxOpensInLibreOffice: LibreOffice is not installed here; skipping (apt-get install -y libreoffice-calc-nogui)');
const maybe = office ? test : test.skip;

maybe('a saved workbook opens in LibreOffice with the Cases header and a logged row', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rcl-lo-'));
  const file = path.join(dir, 'w.xlsx');
  const rt = await Runtime.open({ workbookPath: file });
  try {
    await rt.run('setupWorkbook');
    await rt.run('addVendor', [{ vendorId: 'V001', name: 'Alpha Trading' }], { kind: 'script-run' });
    await rt.run(
      'logCase',
      [{ vendorId: 'V001', orderNo: '004512', amount: '12.50', currency: 'CNY', reason: 'Damaged goods', requestId: 'lo-1' }],
      { kind: 'script-run' },
    );
    await rt.save();
  } finally {
    await rt.close();
  }
  // The CSV filter's 12th token (-1) exports every sheet to its own `w-<Sheet>.csv` (LibreOffice
  // 7.2+, "CSV Filter Options" in the LibreOffice help).
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
  execFileSync(office!, ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', filter, '--outdir', dir, file], {
    stdio: 'pipe',
    timeout: 120000,
  });
  const csv = readFileSync(path.join(dir, 'w-Cases.csv'), 'utf8').split(/\r?\n/);
  expect(csv[0].split(',').slice(0, 5)).toEqual(CASE_HEADERS.slice(0, 5));
  expect(csv[1]).toMatch(/^RC-000001,/);
  expect(csv[1]).toContain('004512');
});
