// Dated FX rates (Settings ▸ FX Rates). A pair's rate on a day is its latest rate dated on or
// before that day (the earliest one if the day precedes them all). Inverse pairs are derived,
// and a pair without a rate goes through the base currency (EUR→CNY = EUR→USD × USD→CNY).
import { Decimal } from '../money';
import type { FxRate } from './types';
import { dayNumber } from './dates';
import { minorUnits } from '../currency';

const ONE = new Decimal(1);

interface Dated {
  day: number;
  rate: Decimal;
}

export class FxTable {
  private pairs = new Map<string, Dated[]>();
  private targetCache = new Map<string, string[]>();
  private exactCache = new Map<string, Map<string, Map<number, ExactRate | null>>>();

  constructor(rates: FxRate[], private base: string) {
    const add = (from: string, to: string, day: number, rate: Decimal) => {
      const k = `${from}>${to}`;
      let list = this.pairs.get(k);
      if (!list) this.pairs.set(k, (list = []));
      list.push({ day, rate });
    };
    for (const r of rates) {
      if (!r.rate || r.rate.lte(0) || r.from === r.to) continue;
      const day = dayNumber(r.date);
      if (Number.isNaN(day)) continue;
      add(r.from, r.to, day, r.rate);
    }
    // Derived inverses only where no direct quote of that direction exists.
    for (const r of rates) {
      if (!r.rate || r.rate.lte(0) || r.from === r.to) continue;
      if (rates.some((x) => x.from === r.to && x.to === r.from)) continue;
      add(r.to, r.from, dayNumber(r.date), new Decimal(1).div(r.rate));
    }
    for (const list of this.pairs.values()) list.sort((a, b) => a.day - b.day);
  }

  /** Currencies `from` can be converted into (directly or through the base currency). */
  targets(from: string): string[] {
    const cached = this.targetCache.get(from);
    if (cached) return cached;
    const out = new Set<string>();
    for (const k of this.pairs.keys()) {
      const [f, t] = k.split('>');
      if (f === from) out.add(t);
    }
    if (from !== this.base && out.has(this.base)) {
      for (const k of this.pairs.keys()) {
        const [f, t] = k.split('>');
        if (f === this.base && t !== from) out.add(t);
      }
    }
    const list = [...out];
    this.targetCache.set(from, list);
    return list;
  }

  /** 1 `from` in `to` on `date`, or null when unknown. */
  rate(from: string, to: string, date: string): Decimal | null {
    return this.rateOnDay(from, to, dayNumber(date));
  }

  /** As rate(), for a day number (the engine's form of a date). */
  rateOnDay(from: string, to: string, day: number): Decimal | null {
    if (from === to) return ONE;
    const direct = this.lookup(`${from}>${to}`, day);
    if (direct) return direct;
    if (from !== this.base && to !== this.base) {
      const a = this.lookup(`${from}>${this.base}`, day);
      const b = this.lookup(`${this.base}>${to}`, day);
      if (a && b) return a.times(b);
    }
    return null;
  }

  /**
   * The rate on a day as an exact fraction of minor units (`to` minor per `from` minor): the
   * Decimal's own digits over its power of ten, so integer arithmetic on it gives exactly what
   * Decimal arithmetic gives, at a fraction of the cost in the hot path.
   */
  exactRateOnDay(from: string, to: string, day: number): ExactRate | null {
    let byTo = this.exactCache.get(from);
    if (!byTo) this.exactCache.set(from, (byTo = new Map()));
    let byDay = byTo.get(to);
    if (!byDay) byTo.set(to, (byDay = new Map()));
    let v = byDay.get(day);
    if (v === undefined) {
      const r = this.rateOnDay(from, to, day);
      v = r ? exactRate(r, minorUnits(from), minorUnits(to)) : null;
      byDay.set(day, v);
    }
    return v;
  }

  private lookup(key: string, day: number): Decimal | null {
    const list = this.pairs.get(key);
    if (!list || !list.length) return null;
    let lo = 0;
    let hi = list.length - 1;
    if (Number.isNaN(day) || day < list[0].day) return list[0].rate;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid].day <= day) lo = mid;
      else hi = mid - 1;
    }
    return list[lo].rate;
  }
}

/** A rate as num/den in minor units of the two currencies (also as safe integers when they
 *  fit, for the common case where no product leaves the safe range). */
export interface ExactRate {
  num: bigint;
  den: bigint;
  numN: number;
  denN: number;
  /** 2·num and 2·den, for the BigInt path of rounding half up (fewer BigInt operations). */
  num2: bigint;
  den2: bigint;
  /** num/den and den/num as doubles, for the guarded fast path of mulDivRound. */
  ratio: number;
  inverse: number;
}

const TEN = BigInt(10);
const TWO = BigInt(2);

function exactRate(rate: Decimal, fromPlaces: number, toPlaces: number): ExactRate {
  const [int, frac = ''] = rate.toString().split('.');
  const num = BigInt(int + frac) * TEN ** BigInt(toPlaces);
  const den = TEN ** BigInt(frac.length + fromPlaces);
  const safe = (b: bigint) => (b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : 0);
  const ratio = Number(num) / Number(den);
  return { num, den, numN: safe(num), denN: safe(den), num2: TWO * num, den2: TWO * den, ratio, inverse: 1 / ratio };
}

/** round-half-up(minor × ratio) from a double, or NaN when the double cannot be trusted.
 *  `ratio` is within a few ulps of the exact fraction, so the product is within
 *  |x|·2^-50 of the exact value; round half up can only differ if a k + ½ lies that close,
 *  and then the exact integer path decides. Derived rates (1/r, cross rates) have ~20 digits,
 *  which would send every conversion through BigInt otherwise. */
function roundedProduct(minor: number, ratio: number): number {
  const x = minor * ratio;
  if (!(x >= 0 && x < 2 ** 50)) return NaN;
  const eps = x * 2 ** -50 + 2 ** -40;
  const frac = x - Math.floor(x);
  return Math.abs(frac - 0.5) > eps ? Math.floor(x + 0.5) : NaN;
}

/** minor × num / den, rounded half up (amounts here are ≥ 0). Integer arithmetic only: in
 *  safe integers when every intermediate is below 2^53 (then `%` and an exact division are
 *  exact), else in BigInt. */
function mulDivRound(minor: number, den: bigint, numN: number, denN: number, num2: bigint, den2: bigint): number {
  if (numN && denN) {
    const a = 2 * minor * numN + denN;
    const b = 2 * denN;
    if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) return (a - (a % b)) / b;
  }
  // (2·minor·num + den) / (2·den), with 2·num and 2·den made once per rate.
  return Number((BigInt(minor) * num2 + den) / den2);
}

/** `from` minor units → `to` minor units at the rate. */
export function convertMinor(minor: number, r: ExactRate): number {
  const q = roundedProduct(minor, r.ratio);
  return q === q ? q : mulDivRound(minor, r.den, r.numN, r.denN, r.num2, r.den2);
}

/** `to` minor units back → `from` minor units at the rate. */
export function convertBackMinor(minor: number, r: ExactRate): number {
  const q = roundedProduct(minor, r.inverse);
  return q === q ? q : mulDivRound(minor, r.num, r.denN, r.numN, r.den2, r.num2);
}
