// A pair's score is the sum of its named signals' weights (signals.ts); nothing hidden. The
// names are kept as a few fields per pair (not a list), and spelled out only for the pairs
// that are kept: a month has hundreds of thousands of candidates.
import type { CaseTable, LineTable } from './model';
import type { AmountFit } from './allocation';
import { WEIGHTS, dateSignal, type SignalName } from './signals';

export interface Scored {
  score: number;
  refCase: boolean;
  refOrder: boolean;
  hasReference: boolean;
  contradicts: boolean;
  vendorSignal: SignalName | null;
  fit: AmountFit;
  dateDistance: number;
  unmatched: boolean;
}

const FITS: AmountFit[] = ['amount:exact', 'amount:original', 'amount:fee', 'amount:fx', 'amount:partial'];
const VENDOR_SIGNALS: (SignalName | null)[] = [null, 'vendor:account', 'vendor:alias', 'vendor:confirmed', 'vendor:fuzzy', 'vendor:other'];
const VENDOR_CODE: Record<string, number> = { account: 1, alias: 2, confirmed: 3, fuzzy: 4 };
const REF_CASE = 1;
const REF_ORDER = 2;
const HAS_REFERENCE = 4;
const CONTRADICTS = 8;
const UNMATCHED = 16;

/**
 * Scored candidate pairs as flat columns: pair k is case ci[k] and line li[k] with its score,
 * date distance and signal codes. A month has hundreds of thousands of candidates; typed
 * arrays hold them outside the garbage-collected heap, and sorting compares integers.
 * A `Scored` object (for the signal names) is made only for pairs that are kept.
 */
export class ScoredPairs {
  n = 0;
  readonly ci: Int32Array;
  readonly li: Int32Array;
  readonly score: Int32Array;
  readonly dist: Float64Array; // NaN for a line without a readable booking day, as before
  private flags: Uint8Array;
  private vendor: Uint8Array;
  private fitCode: Uint8Array;

  constructor(capacity: number) {
    this.ci = new Int32Array(capacity);
    this.li = new Int32Array(capacity);
    this.score = new Int32Array(capacity);
    this.dist = new Float64Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.vendor = new Uint8Array(capacity);
    this.fitCode = new Uint8Array(capacity);
  }

  /** Scores one pair (the sum of its signals' weights) and appends it. */
  add(C: CaseTable, ci: number, L: LineTable, li: number, fit: AmountFit, refCase: boolean, refOrder: boolean, contradicts: boolean, unmatchedBefore: boolean): void {
    const hit = L.vendor[li];
    const vendor = hit ? (hit.code === C.vendor[ci] ? VENDOR_CODE[hit.how] : 5) : 0;
    const distance = L.day[li] - C.expDay[ci];
    let score = WEIGHTS[fit] + WEIGHTS[dateSignal(distance)];
    if (refCase) score += WEIGHTS['ref:case'];
    if (refOrder) score += WEIGHTS['ref:order'];
    if (contradicts) score += WEIGHTS['ref:contradicts'];
    if (vendor) score += WEIGHTS[VENDOR_SIGNALS[vendor]!];
    if (unmatchedBefore) score += WEIGHTS['decision:unmatched'];
    const k = this.n++;
    this.ci[k] = ci;
    this.li[k] = li;
    this.score[k] = score;
    this.dist[k] = distance;
    this.flags[k] = (refCase ? REF_CASE : 0) | (refOrder ? REF_ORDER : 0) | (refCase || refOrder ? HAS_REFERENCE : 0) | (contradicts ? CONTRADICTS : 0) | (unmatchedBefore ? UNMATCHED : 0);
    this.vendor[k] = vendor;
    this.fitCode[k] = FITS.indexOf(fit);
  }

  hasReference(k: number): boolean {
    return (this.flags[k] & HAS_REFERENCE) !== 0;
  }
  contradicts(k: number): boolean {
    return (this.flags[k] & CONTRADICTS) !== 0;
  }
  /** An unmatched pair may be suggested again but never auto-confirmed. */
  dropReference(k: number): void {
    this.flags[k] &= ~HAS_REFERENCE;
  }

  /** The display signals of pair k (as signalsOf(scored(k))). A month's pairs share a few
   *  hundred combinations, so each list is made once and shared, frozen: read-only. */
  signals(k: number): string[] {
    const d = this.dist[k];
    const slot = d + DATE_TEXT_OFFSET;
    if (!(Number.isInteger(d) && slot >= 0 && slot < 2 * DATE_TEXT_OFFSET)) return signalsOf(this.scored(k));
    const key = ((slot * 32 + (this.flags[k] & ~HAS_REFERENCE)) * 8 + this.vendor[k]) * 8 + this.fitCode[k];
    let list = signalLists.get(key);
    if (!list) signalLists.set(key, (list = Object.freeze(signalsOf(this.scored(k))) as string[]));
    return list;
  }

  scored(k: number): Scored {
    const f = this.flags[k];
    return {
      score: this.score[k],
      refCase: (f & REF_CASE) !== 0,
      refOrder: (f & REF_ORDER) !== 0,
      hasReference: (f & HAS_REFERENCE) !== 0,
      contradicts: (f & CONTRADICTS) !== 0,
      vendorSignal: VENDOR_SIGNALS[this.vendor[k]],
      fit: FITS[this.fitCode[k]],
      dateDistance: this.dist[k],
      unmatched: (f & UNMATCHED) !== 0,
    };
  }
}

/** Display form, e.g. ['ref:case', 'vendor:account', 'amount:exact', 'date:near +2d']. */
export function signalsOf(s: Scored): string[] {
  const out: string[] = [];
  if (s.refCase) out.push('ref:case');
  if (s.refOrder) out.push('ref:order');
  if (s.contradicts) out.push('ref:contradicts');
  if (s.vendorSignal) out.push(s.vendorSignal);
  out.push(s.fit);
  out.push(dateText(s.dateDistance));
  if (s.unmatched) out.push('decision:unmatched');
  return out;
}

// 'date:near +2d' for each distance seen, made once (a month repeats a few hundred distances
// across its pairs).
const DATE_TEXT_OFFSET = 1000;
const signalLists = new Map<number, string[]>();
const dateTexts: (string | undefined)[] = [];
function dateText(d: number): string {
  const slot = d + DATE_TEXT_OFFSET;
  const cacheable = Number.isInteger(d) && slot >= 0 && slot < 2 * DATE_TEXT_OFFSET;
  let text = cacheable ? dateTexts[slot] : undefined;
  if (text === undefined) {
    text = `${dateSignal(d)} ${d >= 0 ? '+' : ''}${d}d`;
    if (cacheable) dateTexts[slot] = text;
  }
  return text;
}

/** The weight of a display signal ('date:near +2d' → 10). */
export function signalWeight(display: string): number {
  const name = display.split(' ')[0] as SignalName;
  return WEIGHTS[name] ?? 0;
}
