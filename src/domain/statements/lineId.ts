// Stable Line IDs: the same file imported twice gives the same IDs (so re-importing adds
// nothing), and two genuine identical transfers in one file stay two (the occurrence index).
import type { Decimal } from '../money';
import { fnvAdd, fnvAddAscii, fnvStart, type FnvState } from './hash';
import type { StatementLine } from './line';
import type { DraftLine } from './types';

export function fingerprint(source: string, d: DraftLine): string {
  // Decimal's toString is canonical (5.00 and 5 both print "5"), so no per-currency formatting.
  return `${source}|${d.bookingDate || d.valueDate}|${d.amount.toString()}|${d.currency}|${d.reference}`;
}

/** Char codes of "0".."9a".."f", for building an ID in one allocation. */
const HEX_CODES = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];

/** "L" + 16 lowercase hex digits of the 64-bit state, as one flat string (no concatenations). */
function idOf(hi: number, lo: number): string {
  const h = HEX_CODES;
  return String.fromCharCode(
    76,
    h[(hi >>> 28) & 15], h[(hi >>> 24) & 15], h[(hi >>> 20) & 15], h[(hi >>> 16) & 15],
    h[(hi >>> 12) & 15], h[(hi >>> 8) & 15], h[(hi >>> 4) & 15], h[hi & 15],
    h[(lo >>> 28) & 15], h[(lo >>> 24) & 15], h[(lo >>> 20) & 15], h[(lo >>> 16) & 15],
    h[(lo >>> 12) & 15], h[(lo >>> 8) & 15], h[(lo >>> 4) & 15], h[lo & 15],
  );
}

/** Scratch for addAmount: the significand's digits, then the printed amount. */
const DIGITS = new Uint8Array(64);
const PRINTED = new Uint8Array(128);

/** Decimal digits of a base-1e7 word (an integer below 1e7). */
function countDigits(w: number): number {
  return w < 10 ? 1 : w < 100 ? 2 : w < 1000 ? 3 : w < 10000 ? 4 : w < 100000 ? 5 : w < 1000000 ? 6 : 7;
}

/**
 * Adds amount.toString() to the hash without building the string: the same characters, from
 * the Decimal's read-only digits (`d`, base-1e7 words), exponent (`e`) and sign (`s`), following
 * decimal.js's own digitsToString/finiteToString for plain notation. Anything else (exponential
 * notation, more than 8 words, not finite) goes through toString().
 */
function addAmount(st: FnvState, x: Decimal): void {
  const d = x.d;
  const e = x.e;
  const ctor = x.constructor as typeof Decimal;
  if (!d || d.length === 0 || d.length > 8 || e <= ctor.toExpNeg || e >= ctor.toExpPos) { fnvAdd(st, x.toString()); return; }
  // digitsToString: the first word as is, the others padded to 7 digits, trailing zeros dropped.
  let n = 0;
  const last = d.length - 1;
  const zero = d[0] === 0;
  if (last === 0 && zero) DIGITS[n++] = 48;
  else {
    for (let i = 0; i <= last; i++) {
      let w = d[i] | 0; // words are integers below 1e7: int32 arithmetic is exact
      if (i > 0) for (let z = countDigits(w); z < 7; z++) DIGITS[n++] = 48;
      if (i === last) while (w !== 0 && w % 10 === 0) w = (w / 10) | 0;
      const k = countDigits(w);
      for (let j = n + k - 1; j >= n; j--) { const q = (w / 10) | 0; DIGITS[j] = 48 + w - q * 10; w = q; }
      n += k;
    }
  }
  // finiteToString (plain notation), with toString's "-" for a negative non-zero value.
  let m = 0;
  if (x.s < 0 && !zero) PRINTED[m++] = 45;
  if (e < 0) {
    PRINTED[m++] = 48; PRINTED[m++] = 46;
    for (let z = 0; z < -e - 1; z++) PRINTED[m++] = 48;
    for (let j = 0; j < n; j++) PRINTED[m++] = DIGITS[j];
  } else if (e >= n) {
    for (let j = 0; j < n; j++) PRINTED[m++] = DIGITS[j];
    for (let z = 0; z < e + 1 - n; z++) PRINTED[m++] = 48;
  } else {
    for (let j = 0; j < n; j++) {
      if (j === e + 1) PRINTED[m++] = 46;
      PRINTED[m++] = DIGITS[j];
    }
  }
  fnvAddAscii(st, PRINTED, m);
}

/**
 * Occurrence counts keyed by 53 bits of a fingerprint's hash (its high 32 bits and the top 21
 * of the low half, exact as a double): open addressing over one flat Float64Array of keys (8
 * bytes a slot, so a probe is one cache line and the table stays small); the rare fingerprint
 * seen more than once keeps its count in a Map. No object or boxed number per line.
 */
class OccurrenceTable {
  /** key + 1 per slot; 0 = empty. */
  private readonly keys: Float64Array;
  private readonly mask: number;
  private readonly repeats = new Map<number, number>();
  constructor(entries: number) {
    let cap = 16;
    while (cap < entries * 2) cap *= 2;
    this.keys = new Float64Array(cap);
    this.mask = cap - 1;
  }
  /** Counts one more occurrence of the key and returns the count (1 for the first). */
  next(hi: number, lo21: number): number {
    const key = (hi >>> 0) * 2097152 + (lo21 >>> 0) + 1;
    const t = this.keys;
    const mask = this.mask;
    let i = Math.imul((hi | 0) ^ Math.imul(lo21 | 0, 0x9e3779b1 | 0), 0x85ebca6b | 0) & mask;
    for (;;) {
      const k = t[i];
      if (k === 0) { t[i] = key; return 1; }
      if (k === key) {
        const n = (this.repeats.get(key) ?? 1) + 1;
        this.repeats.set(key, n);
        return n;
      }
      i = (i + 1) & mask;
    }
  }
}

/**
 * "L" + 16 hex digits of FNV-1a 64 over `source|date|amount|currency|reference|occurrence`
 * (the fingerprint, then "|" and the 1-based occurrence of that fingerprint in the file). The
 * pieces are hashed one after the other, which equals hashing the joined string.
 */
export function assignLineIds(source: string, drafts: DraftLine[]): StatementLine[] {
  const seen = new OccurrenceTable(drafts.length);
  const out: StatementLine[] = new Array(drafts.length);
  const base = fnvAdd(fnvStart(), `${source}|`);
  const st: FnvState = { hi: 0, lo: 0 };
  // The state after "source|date|", kept while consecutive lines share their date.
  let prevDate: string | null = null;
  let dateHi = 0;
  let dateLo = 0;
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i];
    const date = d.bookingDate || d.valueDate;
    if (date !== prevDate) {
      st.hi = base.hi; st.lo = base.lo;
      fnvAdd(st, date); fnvAdd(st, '|');
      prevDate = date; dateHi = st.hi; dateLo = st.lo;
    } else {
      st.hi = dateHi; st.lo = dateLo;
    }
    addAmount(st, d.amount); fnvAdd(st, '|');
    fnvAdd(st, d.currency); fnvAdd(st, '|');
    fnvAdd(st, d.reference);
    // The fingerprint's own hash (53 of its 64 bits) counts occurrences.
    const n = seen.next(st.hi, st.lo >>> 11);
    fnvAdd(st, n === 1 ? '|1' : `|${n}`);
    // The draft becomes the line (no copy: a 100k-line file would otherwise double its garbage).
    const line = d as StatementLine;
    line.lineId = idOf(st.hi, st.lo);
    out[i] = line;
  }
  return out;
}
