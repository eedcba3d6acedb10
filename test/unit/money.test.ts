import { parseAmount, formatAmount, formatAmountGrouped, fromSheetNumber, Decimal, sum } from '../../src/domain/money';
import { minorUnits, isCurrencyCode } from '../../src/domain/currency';

describe('money', () => {
  test.each([
    ['12.34', 'CNY', '12.34'],
    ['500', 'JPY', '500'],
    ['12.345', 'KWD', '12.345'],
    ['0.5', 'USD', '0.50'],
  ])('parses %s %s', (text, ccy, out) => {
    expect(formatAmount(parseAmount(text, ccy), ccy)).toBe(out);
  });
  test.each([
    ['12.345', 'CNY'],
    ['500.5', 'JPY'],
    ['12.3456', 'KWD'],
    ['abc', 'USD'],
    ['1e', 'USD'],
  ])('refuses %s %s', (text, ccy) => {
    expect(() => parseAmount(text, ccy)).toThrow();
  });
  test('sheet float noise is rounded away', () => {
    expect(formatAmount(fromSheetNumber(0.1 + 0.2, 'USD'), 'USD')).toBe('0.30');
  });
  test('a sheet number reads as the rounded decimal of its text, with or without the shortcut for numbers already in minor units', () => {
    const slow = (v: number, ccy: string) => new Decimal(String(v)).toDecimalPlaces(minorUnits(ccy), Decimal.ROUND_HALF_UP).toString();
    const values = [0, -0, 1, -1, 12.5, 12.345, -12.345, 0.1 + 0.2, 1e21, 1.5e-7, -2.5e-10, 123456789.125, 5e-324, 31.4225, 999999999999.995, 0.005, -0.005];
    let x = 7;
    for (let i = 0; i < 2000; i++) {
      x = (x * 48271) % 2147483647; // a fixed sequence: the same values every run
      values.push((x % 2000000) / [1, 10, 100, 1000, 10000][i % 5] * (i % 3 ? 1 : -1));
    }
    for (const ccy of ['USD', 'JPY', 'KWD', 'CNY']) for (const v of values) expect([v, ccy, fromSheetNumber(v, ccy).toString()]).toEqual([v, ccy, slow(v, ccy)]);
  });
  test('sums exactly', () => {
    expect(sum([new Decimal('0.1'), new Decimal('0.2')]).equals(new Decimal('0.3'))).toBe(true);
  });
  test('minor units', () => {
    expect(minorUnits('JPY')).toBe(0);
    expect(minorUnits('KWD')).toBe(3);
    expect(isCurrencyCode('XYZ')).toBe(false);
    expect(() => minorUnits('XYZ')).toThrow(/XYZ/);
  });
  test('negative formatting', () => {
    expect(formatAmount(new Decimal('-3.5'), 'EUR')).toBe('-3.50');
  });
  test('grouped text reads like the #,##0.00 cells: thousands commas, the currency\'s decimals', () => {
    const g = (v: string, ccy: string) => formatAmountGrouped(new Decimal(v), ccy);
    expect(g('2809.2', 'CNY')).toBe('2,809.20');
    expect(g('29640.5', 'USD')).toBe('29,640.50');
    expect(g('1234567.891', 'KWD')).toBe('1,234,567.891');
    expect(g('1500', 'JPY')).toBe('1,500');
    expect(g('999.99', 'USD')).toBe('999.99');
    expect(g('100000', 'USD')).toBe('100,000.00');
    expect(g('-12345.6', 'EUR')).toBe('-12,345.60');
    expect(g('-0.001', 'USD')).toBe('0.00'); // rounds to zero: no "-0.00"
  });
});
