import { cellInput, isFormulaLike } from '../../src/sheets/writer';
import { settingsFromValues } from '../../src/sheets/settings';
import { bytesToHex } from '../../src/sheets/clock';
import { base64Size, caseFolderName, folderIdFromUrl } from '../../src/sheets/evidenceStore';

describe('writer: formula injection and parsing', () => {
  test.each(['=1+1', '+SUM(A1)', '-2', '@x', '\tx', '\rx'])('%p is formula-like', (s) => expect(isFormulaLike(s)).toBe(true));
  test('plain-text cells take the string as typed', () => {
    expect(cellInput('=HYPERLINK("x")', true)).toBe('=HYPERLINK("x")');
    expect(cellInput('004512', true)).toBe('004512');
  });
  test('other cells get a leading apostrophe when Sheets would parse the text', () => {
    expect(cellInput('=1+1', false)).toBe("'=1+1");
    expect(cellInput('-5', false)).toBe("'-5");
    expect(cellInput('004512', false)).toBe("'004512");
    expect(cellInput('1/2', false)).toBe("'1/2");
    expect(cellInput('TRUE', false)).toBe("'TRUE");
    expect(cellInput("'quoted", false)).toBe("''quoted");
    expect(cellInput('Alpha', false)).toBe('Alpha');
    expect(cellInput(12.5, false)).toBe(12.5);
    expect(cellInput(null, false)).toBe('');
  });
});

describe('settings', () => {
  const header = ['Setting', 'Value', 'Meaning', '', 'Currency', 'Rate to Base', 'As Of', '', 'Reasons'];
  test('defaults fill blanks; FX rates and reasons are read', () => {
    const s = settingsFromValues([header, ['Base Currency', 'eur', '', '', 'USD', '0.92', '2026-01-01', '', 'Damaged'], ['Default SLA Days', '', '', '', '', '', '', '', 'Other']]);
    expect(s.baseCurrency).toBe('EUR');
    expect(s.defaultSlaDays).toBe(14);
    expect(s.fxRates.map((r) => [r.currency, r.rate.toString()])).toEqual([['USD', '0.92']]);
    expect(s.reasons).toEqual(['Damaged', 'Other']);
  });
  test('a typo is an error naming the row', () => {
    expect(() => settingsFromValues([header, ['Fee Tolerance %', 'two']])).toThrow('Settings row 2: Fee Tolerance % "two" must be a number ≥ 0');
    expect(() => settingsFromValues([header, ['', '', '', '', 'USD', '-1']])).toThrow(/row 2: FX rate for USD/);
  });
});

describe('adapter helpers', () => {
  test('signed digest bytes become hex', () => {
    expect(bytesToHex([-1, 0, 15, 127, -128])).toBe('ff000f7f80');
  });
  test('base64 size without decoding', () => {
    expect(base64Size(Buffer.from('hello').toString('base64'))).toBe(5);
    expect(base64Size(Buffer.alloc(1000).toString('base64'))).toBe(1000);
  });
  test('folder names and ids', () => {
    expect(caseFolderName({ caseId: 'RC-000042', vendorName: 'A/B\nC', orderNo: '004512' })).toBe('RC-000042 A B C 004512');
    expect(folderIdFromUrl('https://drive.google.com/drive/folders/1AbC_d-9')).toBe('1AbC_d-9');
  });
});
