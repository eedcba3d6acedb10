// Number-format rendering, user-entered parsing and zone arithmetic (dev/runtime/spreadsheet/format.ts, tz.ts).
import { displayValue, formatKind, localeInfo, parseUserEntered } from '../../dev/runtime/spreadsheet/format';
import { dateToSerial, serialToDate } from '../../dev/runtime/spreadsheet/tz';
import { parseA1, rectA1 } from '../../dev/runtime/spreadsheet/a1';
import { evaluateFormula } from '../../dev/runtime/spreadsheet/formula';

const us = localeInfo('en_US');

test('serials are days since 1899-12-30 at wall time in the spreadsheet zone, across DST', () => {
  expect(dateToSerial(new Date('2024-03-15T00:00:00+08:00'), 'Asia/Shanghai')).toBe(45366);
  expect(serialToDate(45366, 'Asia/Shanghai').toISOString()).toBe('2024-03-14T16:00:00.000Z');
  // New York: 2024-03-10 is the spring-forward day; noon is EDT (UTC-4), the day before EST (UTC-5)
  expect(serialToDate(45361.5, 'America/New_York').toISOString()).toBe('2024-03-10T16:00:00.000Z');
  expect(serialToDate(45360.5, 'America/New_York').toISOString()).toBe('2024-03-09T17:00:00.000Z');
  expect(dateToSerial(serialToDate(45361.75, 'America/New_York'), 'America/New_York')).toBeCloseTo(45361.75, 9);
});

test('format kinds', () => {
  expect(['General', '@', '0.00', '#,##0', '0%', '"$"#,##0.00', 'yyyy-mm-dd', 'h:mm', 'M/d/yyyy H:mm:ss', 'mmm d, yyyy'].map(formatKind)).toEqual(
    ['general', 'text', 'number', 'number', 'percent', 'currency', 'date', 'time', 'datetime', 'date'],
  );
});

test('display: number patterns, sections, literals, dates', () => {
  const cases: [unknown, string, string][] = [
    [1234.5, '#,##0.00', '1,234.50'],
    [-1234.5, '#,##0.00', '-1,234.50'],
    [0.1234, '0.000', '0.123'],
    [1.005, '0.00', '1.01'],
    [0.156, '0.0%', '15.6%'],
    [12, '"$"#,##0.00', '$12.00'],
    [12, '[$€]#,##0.00', '€12.00'],
    [-5, '0;(0)', '(5)'],
    [0, '0;(0);"-"', '-'],
    [45366.5, 'yyyy-mm-dd hh:mm', '2024-03-15 12:00'],
    [45366.5, 'dddd d mmmm yyyy', 'Friday 15 March 2024'],
    [45366.25, 'h:mm am/pm', '6:00 AM'],
    [45366, 'M/d/yyyy', '3/15/2024'],
    [1234567.891, 'General', '1234567.891'],
    [0.1 + 0.2, 'General', '0.3'],
    [true, 'General', 'TRUE'],
    ['abc', '0.00', 'abc'],
  ];
  for (const [v, f, want] of cases) expect([v, f, displayValue(v, f, us)]).toEqual([v, f, want]);
  expect(displayValue(1234.5, '#,##0.00', localeInfo('de_DE'))).toBe('1.234,50');
});

test('user-entered parsing', () => {
  expect(parseUserEntered('=A1', undefined, us)).toEqual({ type: 'formula', formula: '=A1' });
  expect(parseUserEntered('=A1', '@', us)).toEqual({ type: 'value', value: '=A1' });
  expect(parseUserEntered("'123", undefined, us)).toEqual({ type: 'value', value: '123' });
  expect(parseUserEntered('=', undefined, us)).toEqual({ type: 'value', value: '=' });
  expect(parseUserEntered('(1,200.00)', undefined, us)).toMatchObject({ value: -1200 });
  expect(parseUserEntered('-$3.50', undefined, us)).toMatchObject({ value: -3.5 });
  expect(parseUserEntered('1e3', undefined, us)).toMatchObject({ value: 1000 });
  expect(parseUserEntered('12 apples', undefined, us)).toEqual({ type: 'value', value: '12 apples' });
  expect(parseUserEntered('RC-000042', undefined, us)).toEqual({ type: 'value', value: 'RC-000042' });
  expect(parseUserEntered('1,000.50', undefined, localeInfo('de_DE'))).toEqual({ type: 'value', value: '1,000.50' });
  expect(parseUserEntered('31.12.2024', undefined, localeInfo('de_DE'))).toMatchObject({ value: 45657 });
  expect(parseUserEntered('12/31/2024', undefined, us)).toMatchObject({ value: 45657, format: 'M/d/yyyy' });
  expect(parseUserEntered('2/30/2024', undefined, us)).toEqual({ type: 'value', value: '2/30/2024' });
  expect(parseUserEntered('2024-12-31 13:45', undefined, us)).toMatchObject({ value: 45657 + (13 * 60 + 45) / 1440 });
  expect(parseUserEntered('Mar 15, 2024', undefined, us)).toMatchObject({ value: 45366 });
});

test('A1 parsing', () => {
  expect(parseA1('B2:D5', 1000, 26)!.rect).toEqual({ row: 2, col: 2, numRows: 4, numCols: 3 });
  expect(parseA1("'It''s'!A1", 1000, 26)).toEqual({ sheet: "It's", rect: { row: 1, col: 1, numRows: 1, numCols: 1 } });
  expect(parseA1('A2:C', 1000, 26)!.rect).toEqual({ row: 2, col: 1, numRows: 999, numCols: 3 });
  expect(parseA1('3:4', 1000, 26)!.rect).toEqual({ row: 3, col: 1, numRows: 2, numCols: 26 });
  expect(parseA1('$A$1', 1000, 26)!.rect.row).toBe(1);
  expect(parseA1('A0', 1000, 26)).toBeUndefined();
  expect(parseA1('A', 1000, 26)).toBeUndefined();
  expect(rectA1({ row: 1, col: 27, numRows: 2, numCols: 2 })).toBe('AA1:AB2');
});

test('formula evaluator: supported set, errors', () => {
  const cells: Record<string, unknown> = { '1,1': 2, '1,2': 'x', '2,1': 3 };
  const ctx = {
    value: (_s: string | undefined, r: number, c: number) => (cells[`${r},${c}`] ?? null) as never,
    bounds: () => ({ maxRows: 1000, maxCols: 26 }),
    now: () => 0,
    timeZone: 'UTC',
  };
  expect(evaluateFormula('=A1+A2*2', ctx)).toBe(8);
  expect(evaluateFormula('=SUM(A1:A3)', ctx)).toBe(5);
  expect(evaluateFormula('=B1&"-"&A1', ctx)).toBe('x-2');
  expect(evaluateFormula('=IF(A1>1,"big","small")', ctx)).toBe('big');
  expect(evaluateFormula('=HYPERLINK("https://a","label")', ctx)).toBe('label');
  expect(evaluateFormula('=B1*2', ctx)).toBe('#VALUE!');
  expect(evaluateFormula('=XLOOKUP(1)', ctx)).toBe('#NAME?');
  expect(evaluateFormula('=1+', ctx)).toBe('#ERROR!');
  expect(evaluateFormula('=10%', ctx)).toBe(0.1);
});

test('numbers show at most 15 significant digits, without float noise, in every numeric format', () => {
  // Sheets' default number format 0.############### and a date serial (46366 = 2026-12-03).
  expect(displayValue(46366, '0.###############', us)).toBe('46366');
  expect(displayValue(0.1 + 0.2, '0.###############', us)).toBe('0.3');
  expect(displayValue(46366.25, '0.###############', us)).toBe('46366.25');
  expect(displayValue(123456789.123, '#,##0.###############', us)).toBe('123,456,789.123');
  expect(displayValue(1 / 3, '0.###############', us)).toBe('0.333333333333333');
  expect(displayValue(46366, '0.000000000000000', us)).toBe('46366.000000000000000');
  expect(displayValue(0.07 * 100, '0.############%', us)).toBe('700%');
  expect(displayValue(1.005, '0.00', us)).toBe('1.01');
  expect(displayValue(1e20, '0.###', us)).toBe('100000000000000000000');
});
