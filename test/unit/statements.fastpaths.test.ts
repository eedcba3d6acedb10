// The import's fast paths (bench/import.ts) must give exactly what the general code gives:
// amount cells read without regexes, decimal-mark votes without objects, Line IDs hashed
// without building the fingerprint string.
import { Decimal } from '../../src/domain/money';
import {
  addCellVote, addVote, cellDecimal, cleanAmount, newCellAmount, parseAmountCell, readCellAmount, type DecimalMark, type MarkVotes,
} from '../../src/domain/statements/numbers';
import { fnv1a64 } from '../../src/domain/statements/hash';
import { assignLineIds, fingerprint } from '../../src/domain/statements/lineId';
import { readTable } from '../../src/domain/statements/table';
import type { DraftLine } from '../../src/domain/statements/types';

const CELLS = [
  '', '-', '/', 'n/a', '0', '-0', '0.00', '-0.00', '00', '1', '12', '1.5', '1,5', '12.', '12,', '.5', ',5', '1.000', '1,000', '-1,000',
  '1.234,56', '1,234.56', '-1,234.56', '1.234.567', '1,234,567', '1,234,567.891', '1.234.567,891', '1,23,456.00', '12,5', '12.345',
  '31.422', '31,4225', '1234,567', '12.3.4', '1..2', '1,,2', ',', '.', "'", "1'000", "11'373.94", "1'234'567.89", '0012.50',
  '1,2345', '12 345.67', ' 12.00 ', '\t12.00\t', '+12', '--12', '12--', '(45.00)', '45.00-', '−12.00', '-$7,971.39', 'USD 12.00',
  '12,00 EUR', 'KWD 31.422', 'JPY 100', '100.5', '99999999999999999999999.99', 'abc', '12abc', '1e5', '１２',
];
const CURRENCIES = ['', 'EUR', 'JPY', 'KWD', 'XXX'];

describe('import fast paths equal the general code', () => {
  it('readCellAmount gives parseAmountCell’s value or message for every cell, mark and currency', () => {
    const slot = newCellAmount();
    for (const cell of CELLS) {
      for (const mark of ['.', ','] as DecimalMark[]) {
        for (const cur of CURRENCIES) {
          const general = parseAmountCell(cell, mark, cur);
          const fast = readCellAmount(cell, mark, cur, slot);
          const where = `${JSON.stringify(cell)} ${mark} ${cur}`;
          if (typeof general === 'string') { expect([where, fast]).toEqual([where, general]); continue; }
          if (typeof fast === 'string') throw new Error(`${where}: ${fast}`);
          if (general === null) { expect([where, fast.kind]).toEqual([where, 'empty']); continue; }
          expect([where, fast.kind === 'empty']).toEqual([where, false]);
          const v = cellDecimal(fast, 'as-is');
          expect([where, v.toString(), v.isNegative(), fast.currency]).toEqual([where, general.value.toString(), general.value.isNegative(), general.currency]);
          expect(cellDecimal(fast, 'abs').eq(general.value.abs())).toBe(true);
          expect(cellDecimal(fast, 'abs').isNegative()).toBe(false);
          expect(fast.zero).toBe(general.value.isZero());
          if (!general.value.isZero()) expect(cellDecimal(fast, 'minus-abs').eq(general.value.abs().negated())).toBe(true);
        }
      }
    }
  });

  it('an amount read by the fast path is the Decimal the parser makes (sign, exponent, digit words)', () => {
    let s = 11;
    const rnd = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 4294967296; };
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
    const slot = newCellAmount();
    const cells = ['0', '-0', '0.00', '-0.00', '1000000', '10000000', '0.0000001', '7000000.0000007', '00012.50'];
    for (let i = 0; i < 5000; i++) cells.push(`${rnd() < 0.4 ? '-' : ''}${digits(1 + Math.floor(rnd() * 24))}${rnd() < 0.7 ? `.${digits(1 + Math.floor(rnd() * 20))}` : ''}`);
    for (const cell of cells) {
      const r = readCellAmount(cell, '.', '', slot);
      if (typeof r === 'string' || r.kind !== 'text') throw new Error(`${cell} not read by the fast path`);
      const a = cellDecimal(r, 'as-is');
      const b = new Decimal(cell);
      expect([cell, a instanceof Decimal, a.s, a.e, [...a.d]]).toEqual([cell, true, b.s, b.e, [...b.d]]);
      expect(a.plus('0.01').times(3).toString()).toBe(b.plus('0.01').times(3).toString());
    }
  });

  it('addCellVote votes as addVote does on the cleaned digits', () => {
    for (const cell of CELLS) {
      const fast: MarkVotes = { dot: [], comma: [], ambiguous: 0 };
      const general: MarkVotes = { dot: [], comma: [], ambiguous: 0 };
      addCellVote(fast, 7, cell);
      const c = cleanAmount(cell);
      if (c && typeof c !== 'string') addVote(general, 7, c.digits);
      expect([cell, fast]).toEqual([cell, general]);
    }
  });

  it('Line IDs are "L" + FNV-1a 64 of fingerprint|occurrence, for any amount the lines can hold', () => {
    let s = 7;
    const rnd = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 4294967296; };
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
    const values = ['0', '-0', '0.00', '5.10', '1e7', '-12345678901234567890.123456789', '1e39', '1e40', '1e-39', '1e-40', '0.0000001'].map((x) => new Decimal(x));
    for (let i = 0; i < 3000; i++) {
      let x = new Decimal(`${rnd() < 0.5 ? '-' : ''}${digits(1 + Math.floor(rnd() * 20))}.${digits(Math.floor(rnd() * 12))}`);
      if (rnd() < 0.3) x = x.times(new Decimal(`0.${digits(3)}`));
      if (rnd() < 0.1) x = x.times(`1e${Math.floor(rnd() * 80) - 40}`);
      values.push(x);
    }
    const drafts = (): DraftLine[] => [...values, ...values.slice(0, 500), ...values.slice(0, 50)].map((amount, i) => ({
      bookingDate: i % 4 ? `2024-01-0${(i % 9) + 1}` : '', valueDate: '2024-02-01', amount, currency: i % 5 ? 'EUR' : 'CNY',
      counterparty: '', counterpartyAccount: '', reference: i % 7 ? `R${i % 40}` : 'Zürich 付款', description: '', fee: null,
      originalAmount: null, originalCurrency: '', kind: 'credit', sourceRow: i + 1,
    }));
    const got = assignLineIds('Bank é', drafts()).map((l) => l.lineId);
    const seen = new Map<string, number>();
    const want = drafts().map((d) => {
      const f = fingerprint('Bank é', d);
      const n = (seen.get(f) ?? 0) + 1;
      seen.set(f, n);
      return `L${fnv1a64(`${f}|${n}`)}`;
    });
    expect(got).toEqual(want);
    expect(new Set(got).size).toBe(got.length);
  });

  it('readTable still repairs a quote next to a space or tab, and leaves other files as they are', () => {
    expect(readTable('a,b\n"-18.00"\t\t,CNY\n', ',').rows[1]).toEqual(['-18.00', 'CNY']);
    expect(readTable('a,b\nx, "10.00"\n', ',').rows[1]).toEqual(['x', '10.00']);
    expect(readTable('a,b\n"x y","1,000.00"\n', ',').rows[1]).toEqual(['x y', '1,000.00']);
  });
});
