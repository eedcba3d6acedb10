// Candidate pairs without an N×M loop (DESIGN §11: 100k × 100k in seconds):
//   - reference side: each line's tokens are looked up in maps of Case ID numbers and order
//     keys (one hash lookup per token);
//   - amount side: each case asks sorted arrays of line amounts (minor units) by binary
//     search: the exact open amount among all lines of its currency (and among lines that
//     carry it as their pre-conversion amount); the fee band [open − tolerance, open) and
//     the converted band of every currency it can convert into only among lines whose
//     counterparty identifies the case's vendor.
//   Why vendor-scoped bands: without a reference or the vendor, an inexact amount is no
//   evidence at all (any month has many credits within 1 % of any amount), and searching
//   bands across all lines grows with the square of the month. With it, a band holds a few
//   lines of one vendor, and the work stays linear.
// Every hit must fall inside the case's date window. A pair the user rejected is never built.
import type { ReconSettings } from './types';
import type { CaseTable, LineTable } from './model';
import { convertMinor, type FxTable } from './fx';
import { fxToleranceMinor } from './openAmount';
import type { CaseOrders } from './caseOrders';

/** Candidate pairs as flat columns (k-th pair: case ci[k], line li[k], reference bits
 *  ref[k]): a month has hundreds of thousands, and an object each is garbage to collect.
 *  Typed arrays that double when full, with `next` (the case's previous draft, see find):
 *  growing plain arrays by push left their old backing stores for the collector. */
export class Drafts {
  n = 0;
  ci = new Int32Array(1024);
  li = new Int32Array(1024);
  ref = new Uint8Array(1024);
  next = new Int32Array(1024);

  push(ci: number, li: number, ref: number, next: number): number {
    if (this.n === this.ci.length) {
      this.ci = grown(this.ci, new Int32Array(this.n * 2));
      this.li = grown(this.li, new Int32Array(this.n * 2));
      this.ref = grown(this.ref, new Uint8Array(this.n * 2));
      this.next = grown(this.next, new Int32Array(this.n * 2));
    }
    const k = this.n++;
    this.ci[k] = ci;
    this.li[k] = li;
    this.ref[k] = ref;
    this.next[k] = next;
    return k;
  }
}

function grown<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
export const REF_CASE = 1;
export const REF_ORDER = 2;
const NO_TARGETS: string[] = [];

/** More same-amount lines than this for one case are a crowd: keep the nearest in date. */
export const MAX_AMOUNT_HITS_PER_CASE = 24;

/** Lines sorted by amount (then position), with their booking days beside them so the date
 *  window is checked without touching the line objects. */
interface AmountIndex {
  amounts: Float64Array;
  lines: Int32Array;
  days: Float64Array;
  /** Where each amount bucket starts (see bucketStarts): a search reads one short run. */
  min: number;
  width: number;
  starts: Int32Array | null;
}

/** Amounts and line positions collected for one index. */
interface Entries {
  amounts: number[];
  lines: number[];
}

function buildIndex(e: Entries, L: LineTable): AmountIndex {
  const n = e.amounts.length;
  const amounts = new Float64Array(n);
  const lines = new Int32Array(n);
  const days = new Float64Array(n);
  // Sorted by (amount, line): packed into one exact number (amount × L + line) and sorted
  // natively when that stays below 2^53, else by a comparator on the positions.
  const nl = L.n;
  let max = 0;
  for (let i = 0; i < n; i++) if (e.amounts[i] > max) max = e.amounts[i];
  let min = 0;
  for (let i = 0; i < n; i++) if (e.amounts[i] < min) min = e.amounts[i];
  if (min >= 0 && (max + 1) * nl < Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = e.amounts[i] * nl + e.lines[i];
    keys.sort();
    for (let i = 0; i < n; i++) {
      const li = keys[i] % nl;
      amounts[i] = (keys[i] - li) / nl;
      lines[i] = li;
    }
  } else {
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => e.amounts[a] - e.amounts[b] || e.lines[a] - e.lines[b]);
    for (let i = 0; i < n; i++) {
      amounts[i] = e.amounts[order[i]];
      lines[i] = e.lines[order[i]];
    }
  }
  for (let i = 0; i < n; i++) days[i] = L.day[lines[i]];
  return { amounts, lines, days, ...bucketStarts(amounts) };
}

/** Equal-width amount buckets over [min, max], each with the position of its first amount.
 *  A month asks the currency-wide indexes ~10^5 times: a plain binary search there is ~16
 *  scattered reads each (cache misses dominate), a bucket then a search inside it a few. */
function bucketStarts(amounts: Float64Array): { min: number; width: number; starts: Int32Array | null } {
  const n = amounts.length;
  if (n < 256) return { min: 0, width: 1, starts: null };
  const min = amounts[0];
  const range = amounts[n - 1] - min + 1;
  const count = Math.min(n >> 2, 65536);
  const width = Math.ceil(range / count);
  const buckets = Math.ceil(range / width);
  const starts = new Int32Array(buckets + 1);
  let i = 0;
  for (let b = 0; b <= buckets; b++) {
    const from = min + b * width;
    while (i < n && amounts[i] < from) i++;
    starts[b] = i;
  }
  return { min, width, starts };
}

function lowerBoundIn(index: AmountIndex, x: number): number {
  const { amounts, starts } = index;
  if (!starts) return lowerBound(amounts, x, 0, amounts.length);
  if (x <= index.min) return 0;
  const b = Math.floor((x - index.min) / index.width);
  if (b >= starts.length - 1) return x > amounts[amounts.length - 1] ? amounts.length : lowerBound(amounts, x, starts[starts.length - 2], amounts.length);
  // Every amount before starts[b] is below x and every one from starts[b + 1] is at least x.
  return lowerBound(amounts, x, starts[b], starts[b + 1]);
}

function lowerBound(a: Float64Array, x: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function pairKey(caseId: string, lineId: string): string {
  return `${caseId}\u0001${lineId}`;
}

export class CandidateIndex {
  /** Case number → case position: a plain array when the numbers are dense (they are
   *  sequential in a log), else a Map. On a repeated number the last case wins either way. */
  private caseByNum: Map<number, number> | Int32Array = new Map<number, number>();
  private byCurrency = new Map<string, AmountIndex>();
  private byOriginal = new Map<string, AmountIndex>();
  /** Vendor code → currency → amounts of the lines that vendor sent (no composed keys). */
  private byVendor: (Map<string, AmountIndex> | undefined)[] = [];

  constructor(private C: CaseTable, private L: LineTable, private fx: FxTable, private s: ReconSettings, private orders: CaseOrders) {
    let maxNum = 0;
    for (let ci = 0; ci < C.n; ci++) if (C.num[ci] > maxNum) maxNum = C.num[ci]; // NaN never is
    const byNum = maxNum <= 4 * C.n + 1024 ? new Int32Array(maxNum + 1).fill(-1) : null;
    if (byNum) this.caseByNum = byNum;
    for (let ci = 0; ci < C.n; ci++) {
      const num = C.num[ci];
      if (num === num) {
        if (byNum) byNum[num] = ci;
        else (this.caseByNum as Map<number, number>).set(num, ci);
      }
    }
    const cur = new Map<string, Entries>();
    const orig = new Map<string, Entries>();
    const vend = new Map<number, Map<string, Entries>>();
    const push = (m: Map<string, Entries>, k: string, amount: number, li: number) => {
      let e = m.get(k);
      if (!e) m.set(k, (e = { amounts: [], lines: [] }));
      e.amounts.push(amount);
      e.lines.push(li);
    };
    for (let li = 0; li < L.n; li++) {
      const remaining = L.remaining[li];
      if (!L.eligible[li] || remaining <= 0) continue;
      const l = L.l[li];
      push(cur, l.currency, remaining, li);
      const hit = L.vendor[li];
      if (hit) {
        let byCur = vend.get(hit.code);
        if (!byCur) vend.set(hit.code, (byCur = new Map()));
        push(byCur, l.currency, remaining, li);
      }
      if (!Number.isNaN(L.original[li]) && l.originalCurrency && l.originalCurrency !== l.currency && remaining === L.amount[li]) {
        push(orig, l.originalCurrency, L.original[li], li);
      }
    }
    for (const [k, e] of cur) this.byCurrency.set(k, buildIndex(e, L));
    for (const [k, e] of orig) this.byOriginal.set(k, buildIndex(e, L));
    for (const [v, byCur] of vend) {
      const m = new Map<string, AmountIndex>();
      for (const [k, e] of byCur) m.set(k, buildIndex(e, L));
      this.byVendor[v] = m;
    }
  }


  /** The position of the case with this number, or -1. */
  private caseNamed(n: number): number {
    const byNum = this.caseByNum;
    if (byNum instanceof Int32Array) return n < byNum.length ? byNum[n] : -1;
    const ci = byNum.get(n);
    return ci === undefined ? -1 : ci;
  }

  /** Per line: does its text name any case (a Case ID, or an order number some case has)? */
  private namesSome: Uint8Array | null = null;

  /** Does the line name a case or order other than this case, and not this one? A list of
   *  an order key holds only cases with that key, so once the line does not name this case,
   *  any named case is another one: that part is worked out once per line. */
  contradicts(ci: number, li: number): boolean {
    const { C, L } = this;
    if (!this.namesSome) {
      this.namesSome = new Uint8Array(L.n);
      for (let i = 0; i < L.n; i++) {
        const keys = L.orderKeys[i];
        let named = L.caseNums[i].length > 0;
        for (let k = 0; !named && k < keys.length; k++) named = this.orders.caseWith(keys[k]) >= 0;
        this.namesSome[i] = named ? 1 : 0;
      }
    }
    // A line that names no case cannot contradict one (most lines: no token lists read).
    if (this.namesSome[li] === 0) return false;
    // Does it name this case's number? The first number from its column, any other from the
    // list (NaN, no number, equals nothing).
    const num = C.num[ci];
    if (L.firstCaseNum[li] === num) return false;
    const nums = L.caseNums[li];
    if (nums.length > 1 && nums.indexOf(num) >= 0) return false;
    const key = C.orderKey[ci];
    return !(key && L.orderKeys[li].indexOf(key) >= 0);
  }

  find(rejected: Set<string>): Drafts {
    const { C, L } = this;
    // Drafts of each case as a linked list (a handful each), so merging a reference hit with
    // an amount hit of the same line is a short scan, with no hash of 10^10 possible pairs and
    // no array per case.
    const head = new Int32Array(C.n).fill(-1);
    const all = new Drafts();
    const add = (ci: number, li: number, ref: number) => {
      if (!C.active[ci] || C.open[ci] <= 0) return;
      const day = L.day[li];
      if (day < C.winLo[ci] || day > C.winHi[ci]) return;
      if (rejected.size && rejected.has(pairKey(C.c[ci].caseId, L.l[li].lineId))) return;
      for (let k = head[ci]; k >= 0; k = all.next[k]) {
        if (all.li[k] === li) {
          all.ref[k] |= ref;
          return;
        }
      }
      head[ci] = all.push(ci, li, ref, head[ci]);
    };

    for (let li = 0; li < L.n; li++) {
      if (!L.eligible[li] || L.remaining[li] <= 0) continue;
      // Indexed loops in this hot path: for…of may allocate an iterator result per step.
      const nums = L.caseNums[li];
      for (let k = 0; k < nums.length; k++) {
        const ci = this.caseNamed(nums[k]);
        if (ci >= 0) add(ci, li, REF_CASE);
      }
      const keys = L.orderKeys[li];
      for (let k = 0; k < keys.length; k++) {
        const one = this.orders.caseWith(keys[k]);
        if (one < 0) continue;
        const list = this.orders.severalWith(keys[k]);
        if (list) for (let m = 0; m < list.length; m++) add(list[m], li, REF_ORDER);
        else add(one, li, REF_ORDER);
      }
    }

    const hits = new Hits();
    for (let ci = 0; ci < C.n; ci++) {
      const open = C.open[ci];
      if (!C.active[ci] || open <= 0) continue;
      const c = C.c[ci];
      const feeTol = C.feeTol[ci];
      const lo = C.winLo[ci];
      const hi = C.winHi[ci];
      hits.n = 0;
      this.collect(this.byCurrency.get(c.currency), open, open, lo, hi, hits);
      this.collect(this.byOriginal.get(c.currency), open - feeTol, open, lo, hi, hits);
      const vendorLines = C.vendor[ci] >= 0 ? this.byVendor[C.vendor[ci]] : undefined;
      if (vendorLines) this.collect(vendorLines.get(c.currency), open - feeTol, open - 1, lo, hi, hits);
      const targets = vendorLines ? this.fx.targets(c.currency) : NO_TARGETS;
      for (let t = 0; t < targets.length; t++) {
        const target = targets[t];
        const index = vendorLines!.get(target);
        if (!index) continue;
        // Rates move inside the window: search a band a quarter wider than the tolerance around
        // the rate at the expected date; assess() then checks each hit at its own date's rate.
        const rate = this.fx.exactRateOnDay(c.currency, target, C.expDay[ci]);
        if (!rate) continue;
        const expected = convertMinor(open, rate);
        const tol = fxToleranceMinor(expected, this.s);
        const band = tol + (tol >> 2) + convertMinor(feeTol, rate) + 1;
        this.collect(index, expected - band, expected + band, lo, hi, hits);
      }
      if (hits.n > MAX_AMOUNT_HITS_PER_CASE) {
        // Rare (a crowd): sorted as a plain array, exactly as before.
        const exp = C.expDay[ci];
        const list = Array.from(hits.a.subarray(0, hits.n));
        list.sort((a, b) => Math.abs(L.day[a] - exp) - Math.abs(L.day[b] - exp) || a - b);
        for (let h = 0; h < MAX_AMOUNT_HITS_PER_CASE; h++) hits.a[h] = list[h];
        hits.n = MAX_AMOUNT_HITS_PER_CASE;
      }
      for (let h = 0; h < hits.n; h++) add(ci, hits.a[h], 0);
    }
    return all;
  }

  private collect(index: AmountIndex | undefined, lo: number, hi: number, dayLo: number, dayHi: number, out: Hits): void {
    if (!index) return;
    // A crowd of identical amounts is cut off: beyond a few dozen it is ambiguous anyway.
    const limit = out.n + 4 * MAX_AMOUNT_HITS_PER_CASE;
    const { amounts, lines, days } = index;
    for (let i = lowerBoundIn(index, lo); i < amounts.length && amounts[i] <= hi && out.n < limit; i++) {
      if (days[i] >= dayLo && days[i] <= dayHi) out.push(lines[i]);
    }
  }
}

/** One case's amount hits (line positions), a buffer reused from case to case: emptying a
 *  plain array per case (length = 0) drops its backing store, so every case made a new one. */
class Hits {
  n = 0;
  a = new Int32Array(256);
  push(li: number): void {
    if (this.n === this.a.length) this.a = grown(this.a, new Int32Array(this.n * 2));
    this.a[this.n++] = li;
  }
}
