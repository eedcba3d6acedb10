// Amounts in the hot path are exact integers of minor units; these pin that they agree with
// Decimal arithmetic (and never with a binary float's idea of 0.1 + 0.2).
import { Decimal, roundToCurrency } from '../../src/domain/money';
import { minorUnits } from '../../src/domain/currency';
import { fromMinor, percentOfMinor, toMinor } from '../../src/domain/reconcile/minor';
import { FxTable, convertBackMinor, convertMinor } from '../../src/domain/reconcile/fx';
import { seededRandom as rng } from '../../dev/seededRandom';

describe('minor units', () => {
  test.each([
    ['19.99', 'CNY', 1999],
    ['0.1', 'USD', 10],
    ['500', 'JPY', 500],
    ['31.422', 'KWD', 31422],
    ['-12.50', 'EUR', -1250],
    ['12.345', 'USD', 1235],
  ])('%s %s → %d', (text, ccy, minor) => {
    expect(toMinor(new Decimal(text), ccy)).toBe(minor);
  });
  test('round trip through text, no float', () => {
    expect(fromMinor(1999, 'CNY').toString()).toBe('19.99');
    expect(fromMinor(-5, 'USD').toString()).toBe('-0.05');
    expect(fromMinor(31422, 'KWD').toString()).toBe('31.422');
    expect(toMinor(new Decimal('0.1').plus('0.2'), 'USD')).toBe(30);
    // Read off the Decimal's digits: long coefficients, exponents, signs, rounding cases.
    const cases: [string, string, number][] = [
      ['123.45', 'USD', 12345], ['-0.01', 'USD', -1], ['1e3', 'JPY', 1000], ['1234567.8912', 'KWD', 1234567891],
      ['98765432.10', 'CNY', 9876543210], ['0.125', 'USD', 13], ['-0.125', 'USD', -13], ['12345678901234.5', 'USD', 1234567890123450],
      ['0', 'USD', 0], ['100', 'USD', 10000], ['0.0000001', 'USD', 0], ['500', 'JPY', 500],
    ];
    for (const [text, ccy, minor] of cases) expect([text, toMinor(new Decimal(text), ccy)]).toEqual([text, minor]);
  });
  test('the one-pass digit reading equals the text route (split, pad, Number) it replaced', () => {
    // The earlier implementation, kept here as the reference.
    const viaText = (amount: Decimal, currency: string): number | string => {
      const places = minorUnits(currency);
      let text = amount.toString();
      const dot = text.indexOf('.');
      if (dot >= 0 && text.length - dot - 1 > places) text = roundToCurrency(amount, currency).toString();
      const negative = text.charCodeAt(0) === 45;
      if (negative) text = text.slice(1);
      const [int, frac = ''] = text.split('.');
      const n = Number(int + frac.padEnd(places, '0'));
      if (!Number.isSafeInteger(n)) return 'too large';
      return negative ? -n : n;
    };
    const attempt = (amount: Decimal, currency: string): number | string => {
      try {
        return toMinor(amount, currency);
      } catch {
        return 'too large';
      }
    };
    const r = rng(11);
    const texts = ['0', '-0', '1e-7', '-1e-7', '1e21', '123456789012345678901', '90071992547409.91', '90071992547409.92', '9007199254740.993', '0.005', '-0.005', '0.0000001'];
    for (let i = 0; i < 3000; i++) {
      const digits = String(Math.floor(r() * 10 ** (1 + Math.floor(r() * 15))));
      const places = Math.floor(r() * 6);
      const text = places && digits.length > places ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
      texts.push(r() < 0.2 ? `-${text}` : text);
    }
    for (const t of texts) {
      for (const ccy of ['USD', 'JPY', 'KWD']) {
        const d = new Decimal(t);
        expect([t, ccy, attempt(d, ccy)]).toEqual([t, ccy, viaText(d, ccy)]);
      }
    }
  });
  test('percentages in basis points round half up like Decimal', () => {
    const r = rng(1);
    for (let i = 0; i < 2000; i++) {
      const minor = Math.floor(r() * 1e9);
      const bp = Math.floor(r() * 2000);
      const expected = new Decimal(minor).times(bp).div(10000).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
      expect(percentOfMinor(minor, bp)).toBe(expected);
    }
    expect(percentOfMinor(Number.MAX_SAFE_INTEGER, 150)).toBe(Number(new Decimal(Number.MAX_SAFE_INTEGER).times(150).div(10000).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toString()));
  });
});

describe('FX conversion in minor units equals Decimal arithmetic', () => {
  test('the double fast path never differs from exact integer rounding, half-way amounts included', () => {
    // Rates whose products land exactly on k + ½ (1.5, 0.125, 2.675) and derived inverses with
    // ~20 digits: the guard must send every near-half product to the exact path.
    const rates = ['1.5', '0.125', '2.675', '1.0923', '0.140449', '7.1234567'].map((rate) => ({ date: '2026-10-01', from: 'AAA', to: 'USD', rate: new Decimal(rate) }));
    const r = rng(11);
    for (const rate of rates) {
      const fx = new FxTable([{ ...rate, from: 'EUR' }], 'USD');
      for (const [from, to] of [['EUR', 'USD'], ['USD', 'EUR']]) {
        const exact = fx.exactRateOnDay(from, to, 20400)!;
        const ref = (m: number, num: bigint, den: bigint) => Number((BigInt(m) * BigInt(2) * num + den) / (BigInt(2) * den));
        const minors = [1, 2, 3, 5, 7, 8, 40, 200, 999, 1000, 1001, 123456789];
        for (let i = 0; i < 2000; i++) minors.push(Math.floor(r() * 1e9));
        for (const m of minors) {
          expect(convertMinor(m, exact)).toBe(ref(m, exact.num, exact.den));
          expect(convertBackMinor(m, exact)).toBe(ref(m, exact.den, exact.num));
        }
      }
    }
  });

  test('random amounts and rates, both directions, including derived inverse rates', () => {
    const r = rng(7);
    const rates = [
      { date: '2026-10-01', from: 'EUR', to: 'USD', rate: new Decimal('1.0923') },
      { date: '2026-10-01', from: 'USD', to: 'JPY', rate: new Decimal('151.37') },
      { date: '2026-10-01', from: 'CNY', to: 'USD', rate: new Decimal('0.140449') },
    ];
    const fx = new FxTable(rates, 'USD');
    const pairs: [string, string][] = [['EUR', 'USD'], ['USD', 'EUR'], ['USD', 'JPY'], ['JPY', 'USD'], ['CNY', 'USD'], ['USD', 'CNY'], ['EUR', 'CNY']];
    for (const [from, to] of pairs) {
      const exact = fx.exactRateOnDay(from, to, 20400)!;
      const rate = fx.rateOnDay(from, to, 20400)!;
      for (let i = 0; i < 300; i++) {
        const minor = Math.floor(r() * 1e8);
        const scale = new Decimal(10).pow((to === 'JPY' ? 0 : 2) - (from === 'JPY' ? 0 : 2));
        const want = new Decimal(minor).times(rate).times(scale).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
        expect(convertMinor(minor, exact)).toBe(want);
        const back = new Decimal(minor).div(rate).div(scale).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
        expect(Math.abs(convertBackMinor(minor, exact) - back)).toBeLessThanOrEqual(back > 1e12 ? 1 : 0);
      }
    }
  });
});
