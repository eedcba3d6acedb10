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
import type { PCase, PLine } from './model';
import { convertMinor, type FxTable } from './fx';
import { fxToleranceMinor } from './openAmount';

export interface Draft {
  ci: number;
  li: number;
  refCase: boolean;
  refOrder: boolean;
}

/** More same-amount lines than this for one case are a crowd: keep the nearest in date. */
export const MAX_AMOUNT_HITS_PER_CASE = 24;

interface AmountIndex {
  amounts: Float64Array;
  lines: Int32Array;
}

function buildIndex(entries: [number, number][]): AmountIndex {
  entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const amounts = new Float64Array(entries.length);
  const lines = new Int32Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    amounts[i] = entries[i][0];
    lines[i] = entries[i][1];
  }
  return { amounts, lines };
}

function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
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
  readonly caseByNum = new Map<number, PCase>();
  readonly caseByOrder = new Map<string, PCase[]>();
  private byCurrency = new Map<string, AmountIndex>();
  private byOriginal = new Map<string, AmountIndex>();
  private byVendor = new Map<string, AmountIndex>();

  constructor(private cases: PCase[], private lines: PLine[], private fx: FxTable, private s: ReconSettings) {
    for (const pc of cases) {
      if (pc.num !== null) this.caseByNum.set(pc.num, pc);
      if (pc.orderKey) {
        const list = this.caseByOrder.get(pc.orderKey);
        if (list) list.push(pc);
        else this.caseByOrder.set(pc.orderKey, [pc]);
      }
    }
    const cur = new Map<string, [number, number][]>();
    const orig = new Map<string, [number, number][]>();
    const vend = new Map<string, [number, number][]>();
    const push = (m: Map<string, [number, number][]>, k: string, e: [number, number]) => {
      const list = m.get(k);
      if (list) list.push(e);
      else m.set(k, [e]);
    };
    for (const pl of lines) {
      if (!pl.eligible || pl.remainingMinor <= 0) continue;
      push(cur, pl.l.currency, [pl.remainingMinor, pl.idx]);
      if (pl.vendor) push(vend, `${pl.vendor.vendorId}\u0001${pl.l.currency}`, [pl.remainingMinor, pl.idx]);
      if (pl.originalMinor !== null && pl.l.originalCurrency && pl.l.originalCurrency !== pl.l.currency && pl.remainingMinor === pl.amountMinor) {
        push(orig, pl.l.originalCurrency, [pl.originalMinor, pl.idx]);
      }
    }
    for (const [k, e] of cur) this.byCurrency.set(k, buildIndex(e));
    for (const [k, e] of orig) this.byOriginal.set(k, buildIndex(e));
    for (const [k, e] of vend) this.byVendor.set(k, buildIndex(e));
  }

  /** Does the line name a case or order other than this case, and not this one? */
  contradicts(pc: PCase, pl: PLine): boolean {
    let other = false;
    for (const n of pl.caseNums) {
      if (n === pc.num) return false;
      other = true;
    }
    for (const k of pl.orderKeys) {
      if (k === pc.orderKey) return false;
      const named = this.caseByOrder.get(k);
      if (named && named.some((x) => x !== pc)) other = true;
    }
    return other;
  }

  find(rejected: Set<string>): Draft[] {
    // Drafts of each case as a linked list (a handful each), so merging a reference hit with
    // an amount hit of the same line is a short scan, with no hash of 10^10 possible pairs and
    // no array per case.
    const head = new Int32Array(this.cases.length).fill(-1);
    const next: number[] = [];
    const all: Draft[] = [];
    const add = (pc: PCase, pl: PLine, refCase: boolean, refOrder: boolean) => {
      if (!pc.active || pc.openMinor <= 0) return;
      if (pl.day < pc.winLo || pl.day > pc.winHi) return;
      if (rejected.size && rejected.has(pairKey(pc.c.caseId, pl.l.lineId))) return;
      for (let k = head[pc.idx]; k >= 0; k = next[k]) {
        const d = all[k];
        if (d.li === pl.idx) {
          d.refCase = d.refCase || refCase;
          d.refOrder = d.refOrder || refOrder;
          return;
        }
      }
      all.push({ ci: pc.idx, li: pl.idx, refCase, refOrder });
      next.push(head[pc.idx]);
      head[pc.idx] = all.length - 1;
    };

    for (const pl of this.lines) {
      if (!pl.eligible || pl.remainingMinor <= 0) continue;
      for (const n of pl.caseNums) {
        const pc = this.caseByNum.get(n);
        if (pc) add(pc, pl, true, false);
      }
      for (const k of pl.orderKeys) {
        const list = this.caseByOrder.get(k);
        if (list) for (const pc of list) add(pc, pl, false, true);
      }
    }

    const hits: number[] = [];
    for (const pc of this.cases) {
      if (!pc.active || pc.openMinor <= 0) continue;
      hits.length = 0;
      this.collect(this.byCurrency.get(pc.c.currency), pc.openMinor, pc.openMinor, pc, hits);
      this.collect(this.byOriginal.get(pc.c.currency), pc.openMinor - pc.feeTolMinor, pc.openMinor, pc, hits);
      const vendorKey = `${pc.c.vendorId}\u0001`;
      if (pc.c.vendorId) this.collect(this.byVendor.get(vendorKey + pc.c.currency), pc.openMinor - pc.feeTolMinor, pc.openMinor - 1, pc, hits);
      for (const target of pc.c.vendorId ? this.fx.targets(pc.c.currency) : []) {
        const index = this.byVendor.get(vendorKey + target);
        if (!index) continue;
        // Rates move inside the window: search a band a quarter wider than the tolerance around
        // the rate at the expected date; assess() then checks each hit at its own date's rate.
        const rate = this.fx.exactRateOnDay(pc.c.currency, target, pc.expDay);
        if (!rate) continue;
        const expected = convertMinor(pc.openMinor, rate);
        const tol = fxToleranceMinor(expected, this.s);
        const band = tol + (tol >> 2) + convertMinor(pc.feeTolMinor, rate) + 1;
        this.collect(index, expected - band, expected + band, pc, hits);
      }
      if (hits.length > MAX_AMOUNT_HITS_PER_CASE) {
        hits.sort((a, b) => Math.abs(this.lines[a].day - pc.expDay) - Math.abs(this.lines[b].day - pc.expDay) || a - b);
        hits.length = MAX_AMOUNT_HITS_PER_CASE;
      }
      for (const li of hits) add(pc, this.lines[li], false, false);
    }
    return all;
  }

  private collect(index: AmountIndex | undefined, lo: number, hi: number, pc: PCase, out: number[]): void {
    if (!index) return;
    // A crowd of identical amounts is cut off: beyond a few dozen it is ambiguous anyway.
    const limit = out.length + 4 * MAX_AMOUNT_HITS_PER_CASE;
    for (let i = lowerBound(index.amounts, lo); i < index.amounts.length && index.amounts[i] <= hi && out.length < limit; i++) {
      const pl = this.lines[index.lines[i]];
      if (pl.day >= pc.winLo && pl.day <= pc.winHi) out.push(pl.idx);
    }
  }
}
