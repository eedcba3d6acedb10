// Global assignment (DESIGN §5 Match 3–4). Pairs are taken best first; amounts left on each
// line and case shrink as they are taken, so no line is allocated beyond its amount and no
// case beyond its refund, whatever order the data came in.
//
// - auto: score ≥ the high bar, a reference names the case, nothing contradicts it, and no
//   competitor reaches the suggest bar. Competitors are other pairs of the same case or line,
//   except that pairs which *both* carry a reference do not compete (they are instalments of
//   one case, or one transfer naming several cases).
// - ambiguous: a competitor scores within the margin; the whole group is shown, nothing is
//   reserved, and its cases and lines wait for the user.
// - suggested: otherwise; its amounts are reserved so a line is suggested once.
// - subset sums: a line still untouched whose vendor is known may pay several of that
//   vendor's open cases at once (and the rest of a batch the user confirmed part of is offered
//   first to cases summing to it exactly); a bounded search (≤ 14 cases, ≤ 6 per set, capped steps)
//   looks for sets summing to the line (less a fee within tolerance). One set is suggested;
//   two or more are ambiguous (GnuCash refuses to guess between subsets, so do we).
import type { ReconSettings } from './types';
import type { CaseTable, LineTable } from './model';
import { assess, type Assessment } from './allocation';
import type { FxTable } from './fx';
import type { ScoredPairs } from './score';
import { WEIGHTS, dateSignal } from './signals';
import { feeToleranceMinor } from './openAmount';
import { pairKey } from './candidates';


export type TakenState = 'auto' | 'suggested' | 'ambiguous';

/** The pairs taken, as columns (pair k: case ci[k], line li[k], …): a month takes ~10^5, and
 *  an object each would live from assignment to the outcomes for the collector to copy. The
 *  numeric columns are typed arrays that double when full (plain arrays grown by push left
 *  their old backing stores behind); state and signals stay plain arrays of shared values. */
export class Taken {
  n = 0;
  ci = new Int32Array(1024);
  li = new Int32Array(1024);
  readonly state: TakenState[] = [];
  score = new Float64Array(1024);
  /** Shared, read-only lists (ScoredPairs.signals) or one made for the pair. */
  readonly signals: string[][] = [];
  alloc = new Float64Array(1024);
  covers = new Float64Array(1024);
  /** 1 when paid in another currency (or by its pre-conversion amount). */
  fx = new Uint8Array(1024);

  push(ci: number, li: number, state: TakenState, score: number, signals: string[], alloc: number, covers: number, fx: boolean): void {
    const k = this.n;
    if (k === this.ci.length) this.grow(2 * k);
    this.ci[k] = ci;
    this.li[k] = li;
    this.state.push(state);
    this.score[k] = score;
    this.signals.push(signals);
    this.alloc[k] = alloc;
    this.covers[k] = covers;
    this.fx[k] = fx ? 1 : 0;
    this.n++;
  }

  private grow(size: number): void {
    const ci = new Int32Array(size);
    ci.set(this.ci);
    this.ci = ci;
    const li = new Int32Array(size);
    li.set(this.li);
    this.li = li;
    const score = new Float64Array(size);
    score.set(this.score);
    this.score = score;
    const alloc = new Float64Array(size);
    alloc.set(this.alloc);
    this.alloc = alloc;
    const covers = new Float64Array(size);
    covers.set(this.covers);
    this.covers = covers;
    const fx = new Uint8Array(size);
    fx.set(this.fx);
    this.fx = fx;
  }
}

export interface AssignContext {
  C: CaseTable;
  L: LineTable;
  fx: FxTable;
  s: ReconSettings;
  /** Cases whose kept allocations already settle them. */
  settled: Set<number>;
  /** Rank of each case by Case ID and of each line by Line ID (equal IDs, equal ranks). */
  caseRank: Int32Array;
  lineRank: Int32Array;
  /** Pairs the user rejected (candidates.pairKey): never proposed again, in a sum either. */
  rejected: ReadonlySet<string>;
}

const SUBSET_MAX_CASES = 14;
const SUBSET_MAX_SIZE = 6;
const SUBSET_MAX_STEPS = 20000;

export function assign(scored: ScoredPairs, ctx: AssignContext): Taken {
  const { C, L, fx, s } = ctx;
  const { ci, li, score, dist } = scored;
  // Pairs by position in `scored` (k); `plausible` lists those worth assigning, best first.
  let np = 0;
  const plausible = new Int32Array(scored.n);
  for (let k = 0; k < scored.n; k++) if (score[k] >= s.suggestScore) plausible[np++] = k;
  // Ties are broken by Case ID and Line ID (not input order), so the result does not depend
  // on how the sheets are sorted; ranks turn those string comparisons into integer ones.
  const { caseRank, lineRank } = ctx;
  const order = bestFirst(plausible.subarray(0, np), score, dist, ci, li, caseRank, lineRank);
  // Pairs of each case and of each line as linked lists over `order` positions (heads per
  // row, `next` per pair): no array per row.
  const caseHead = new Int32Array(C.n).fill(-1);
  const lineHead = new Int32Array(L.n).fill(-1);
  const caseNext = new Int32Array(np);
  const lineNext = new Int32Array(np);
  for (let r = np - 1; r >= 0; r--) {
    const p = order[r];
    caseNext[r] = caseHead[ci[p]];
    caseHead[ci[p]] = r;
    lineNext[r] = lineHead[li[p]];
    lineHead[li[p]] = r;
  }

  const done = new Uint8Array(C.n); // cases fully paid (or reserved in full)
  for (const c of ctx.settled) done[c] = 1;
  const heldCases = new Uint8Array(C.n);
  const heldLines = new Uint8Array(L.n);
  const taken = new Taken();
  // A batch transfer the user confirmed part of (one case of a subset sum): what is left of it
  // is first offered to the vendor's cases that sum to it exactly, before single pairs compete
  // for it — else a case merely within the fee tolerance of the rest took it, and the cases the
  // batch really paid moved to other lines.
  subsetSums(ctx, taken, done, heldCases, heldLines, 'rest of a kept batch');
  // `into`: a scratch object for callers that only ask whether a pair is feasible.
  const feasible = (p: number, into?: Assessment): Assessment | null =>
    done[ci[p]] || heldCases[ci[p]] || heldLines[li[p]]
      ? null
      : assess(C, ci[p], L, li[p], C.open[ci[p]], L.remaining[li[p]], scored.hasReference(p), fx, s, into);
  const probe: Assessment = { fit: 'amount:exact', alloc: 0, covers: 0, converted: false };
  // The pair being placed, assessed into one reused object (read at once by take, or copied
  // into an ambiguous group): not a new object per pair.
  const current: Assessment = { fit: 'amount:exact', alloc: 0, covers: 0, converted: false };
  const take = (p: number, a: Assessment, state: TakenState) => {
    const c = ci[p];
    taken.push(ci[p], li[p], state, score[p], scored.signals(p), a.alloc, a.covers, a.fit === 'amount:original' || a.converted);
    if (state === 'ambiguous') return;
    L.remaining[li[p]] -= a.alloc;
    C.open[c] -= a.covers;
    // A whole-amount fit (exact, fee, FX) settles the case; instalments keep it open for more
    // referenced instalments until nothing is left (the outcome still calls it settled when
    // what came in is within the fee tolerance).
    if (a.fit !== 'amount:partial' || C.open[c] <= 0) done[c] = 1;
  };
  const competes = (p: number, q: number) => q !== p && !(scored.hasReference(p) && scored.hasReference(q));
  /** The group of p with q added when q competes within the margin (`bar`) and is feasible. */
  const considerFor = (group: [number, Assessment][] | null, p: number, a: Assessment, q: number, bar: number): [number, Assessment][] | null => {
    if (!competes(p, q) || score[q] < bar) return group;
    const qa = feasible(q);
    if (!qa) return group;
    if (!group) group = [[p, { ...a }]];
    if (!inGroup(group, q)) group.push([q, qa]);
    return group;
  };

  for (let r = 0; r < np; r++) {
    const p = order[r];
    const a = feasible(p, current);
    if (!a) continue;
    if (score[p] >= s.autoConfirmScore && scored.hasReference(p) && !scored.contradicts(p)) {
      let blocking = false;
      for (let k = caseHead[ci[p]]; k >= 0 && !blocking; k = caseNext[k]) if (competes(p, order[k]) && feasible(order[k], probe)) blocking = true;
      for (let k = lineHead[li[p]]; k >= 0 && !blocking; k = lineNext[k]) if (competes(p, order[k]) && feasible(order[k], probe)) blocking = true;
      if (!blocking) {
        take(p, a, 'auto');
        continue;
      }
    }
    // Competitors within the margin: the case's pairs, then the line's (two plain loops, no
    // closure made per pair).
    let group: [number, Assessment][] | null = null;
    const bar = score[p] - s.ambiguityMargin;
    for (let k = caseHead[ci[p]]; k >= 0; k = caseNext[k]) group = considerFor(group, p, a, order[k], bar);
    for (let k = lineHead[li[p]]; k >= 0; k = lineNext[k]) group = considerFor(group, p, a, order[k], bar);
    if (!group) {
      take(p, a, 'suggested');
      continue;
    }
    const members: [number, Assessment][] = group;
    for (const [q, qa] of members) take(q, qa, 'ambiguous');
    for (const [q] of members) {
      heldCases[ci[q]] = 1;
      heldLines[li[q]] = 1;
    }
  }

  subsetSums(ctx, taken, done, heldCases, heldLines, 'untouched lines');
  return taken;
}

function inGroup(group: [number, Assessment][], q: number): boolean {
  for (let i = 0; i < group.length; i++) if (group[i][0] === q) return true;
  return false;
}

/**
 * Pairs (positions in ascending order) best first: score down, date distance (absolute) up,
 * then Case ID rank, Line ID rank and position. When every distance is an integer and the
 * (score, distance) range is small, the ties are ordered by one native sort of packed exact
 * integer keys and the pairs then bucketed (stably) by (score, distance): the same order as
 * the comparator, which is used otherwise.
 */
function bestFirst(idx: Int32Array, score: Int32Array, dist: Float64Array, ci: Int32Array, li: Int32Array, caseRank: Int32Array, lineRank: Int32Array): Int32Array {
  const n = idx.length;
  const cmp = (a: number, b: number) =>
    score[b] - score[a] ||
    Math.abs(dist[a]) - Math.abs(dist[b]) ||
    caseRank[ci[a]] - caseRank[ci[b]] ||
    lineRank[li[a]] - lineRank[li[b]] ||
    a - b;
  if (n < 2) return idx.sort(cmp);
  let minS = score[idx[0]];
  let maxS = minS;
  let maxD = 0;
  for (let k = 0; k < n; k++) {
    const p = idx[k];
    const sc = score[p];
    if (sc < minS) minS = sc;
    if (sc > maxS) maxS = sc;
    const d = Math.abs(dist[p]);
    if (!Number.isInteger(d)) return idx.sort(cmp); // NaN (a line without a readable day)
    if (d > maxD) maxD = d;
  }
  for (let k = 1; k < n; k++) if (idx[k] <= idx[k - 1]) return idx.sort(cmp);
  const width = maxD + 1;
  const buckets = (maxS - minS + 1) * width;
  const nl = lineRank.length + 1;
  if (buckets > 4 * n + 65536 || (caseRank.length + 1) * nl * n >= Number.MAX_SAFE_INTEGER) return idx.sort(cmp);
  const keys = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const p = idx[k];
    keys[k] = (caseRank[ci[p]] * nl + lineRank[li[p]]) * n + k;
  }
  keys.sort();
  const start = new Int32Array(buckets + 1);
  for (let k = 0; k < n; k++) {
    const p = idx[k];
    start[(maxS - score[p]) * width + Math.abs(dist[p]) + 1]++;
  }
  for (let b = 0; b < buckets; b++) start[b + 1] += start[b];
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const p = idx[keys[k] % n];
    out[start[(maxS - score[p]) * width + Math.abs(dist[p])]++] = p;
  }
  return out;
}

/**
 * Lines paying several of one vendor's open cases at once. `untouched lines`: lines no pair
 * took and no earlier decision used (sums within the fee tolerance). `rest of a kept batch`:
 * lines an earlier decision used part of, before any pair is taken (exact sums only: the
 * vendor already paid those cases' fees on the part that was confirmed, if any).
 */
function subsetSums(ctx: AssignContext, taken: Taken, done: Uint8Array, heldCases: Uint8Array, heldLines: Uint8Array, which: 'untouched lines' | 'rest of a kept batch'): void {
  const { C, L, s } = ctx;
  const rest = which === 'rest of a kept batch';
  if (rest) {
    let any = false;
    for (let li = 0; li < L.n && !any; li++) any = L.remaining[li] > 0 && L.remaining[li] < L.amount[li];
    if (!any) return; // the usual month: no decision left a line partly used
  }
  // Rows already in a pair, as flags per row (not Sets of 100k numbers).
  const touchedLines = new Uint8Array(L.n);
  const touchedCases = new Uint8Array(C.n);
  for (let k = 0; k < taken.n; k++) {
    touchedLines[taken.li[k]] = 1;
    touchedCases[taken.ci[k]] = 1;
  }
  // Open cases per vendor and currency (the only ones a vendor's transfer can sum).
  // Vendor ID → currency → case positions (nested maps: no composed key string per row).
  const byVendor = new Map<string, Map<string, number[]>>();
  for (let ci = 0; ci < C.n; ci++) {
    const c = C.c[ci];
    if (!C.active[ci] || C.open[ci] <= 0 || done[ci] || heldCases[ci] || touchedCases[ci] || !c.vendorId) continue;
    let byCur = byVendor.get(c.vendorId);
    if (!byCur) byVendor.set(c.vendorId, (byCur = new Map()));
    const list = byCur.get(c.currency);
    if (list) list.push(ci);
    else byCur.set(c.currency, [ci]);
  }
  if (!byVendor.size) return;
  for (let li = 0; li < L.n; li++) {
    const hit = L.vendor[li];
    if (!L.eligible[li] || !hit || heldLines[li] || touchedLines[li]) continue;
    if (rest ? !(L.remaining[li] > 0 && L.remaining[li] < L.amount[li]) : L.remaining[li] !== L.amount[li]) continue;
    const byCur = byVendor.get(hit.vendorId);
    const candidates = byCur && byCur.get(L.l[li].currency);
    if (!candidates || candidates.length < 2) continue;
    const day = L.day[li];
    const remaining = L.remaining[li];
    // Counted first: most lines have fewer than two cases that fit, and then no list is made.
    let fits = 0;
    for (let k = 0; k < candidates.length && fits < 2; k++) if (fitsSum(candidates[k], done, heldCases, C, remaining, day)) fits++;
    if (fits < 2) continue;
    // A pair the user rejected is never proposed again, as one case of a sum either.
    const lineId = L.l[li].lineId;
    const pool = candidates.filter((ci) => fitsSum(ci, done, heldCases, C, remaining, day) && !(ctx.rejected.size && ctx.rejected.has(pairKey(C.c[ci].caseId, lineId))));
    if (pool.length < 2) continue;
    pool.sort((a, b) => Math.abs(C.expDay[a] - day) - Math.abs(C.expDay[b] - day) || cmp(C.c[a].caseId, C.c[b].caseId));
    if (pool.length > SUBSET_MAX_CASES) pool.length = SUBSET_MAX_CASES;
    const sets = findSubsets(pool, C.open, remaining, rest ? () => 0 : (total) => feeToleranceMinor(total, L.l[li].currency, s));
    if (!sets.length) continue;
    const state: TakenState = sets.length === 1 ? 'suggested' : 'ambiguous';
    const seen = new Set<number>();
    for (const set of sets) {
      const sumOpen = set.reduce((t, ci) => t + C.open[ci], 0);
      let fee = sumOpen - remaining; // taken from the last (largest) case
      for (let i = set.length - 1; i >= 0; i--) {
        const ci = set[i];
        if (seen.has(ci)) continue;
        seen.add(ci);
        const cut = i === set.length - 1 ? fee : 0;
        fee -= cut;
        const vendorSignal = `vendor:${hit.how}` as keyof typeof WEIGHTS;
        const distance = day - C.expDay[ci];
        const date = dateSignal(distance);
        const score = WEIGHTS[vendorSignal] + WEIGHTS['amount:sum'] + WEIGHTS[date];
        const signals = [vendorSignal, `amount:sum ${set.length} cases`, `${date} ${distance >= 0 ? '+' : ''}${distance}d`];
        const alloc = C.open[ci] - cut;
        taken.push(ci, li, state, score, signals, alloc, alloc, false);
        if (state === 'suggested') {
          C.open[ci] -= alloc;
          done[ci] = 1;
        } else heldCases[ci] = 1;
      }
    }
    if (state === 'suggested') L.remaining[li] = 0;
    heldLines[li] = 1;
  }
}

/** May this case be part of a sum paying a line with `remaining` left, booked on `day`? */
function fitsSum(ci: number, done: Uint8Array, heldCases: Uint8Array, C: CaseTable, remaining: number, day: number): boolean {
  return !done[ci] && !heldCases[ci] && C.open[ci] < remaining && day >= C.winLo[ci] && day <= C.winHi[ci];
}

/** Sets of ≥ 2 cases (positions) whose open amounts sum to `target`, or exceed it by a fee
 *  within `feeTol(total)`. Returns at most two (two already means "ambiguous"). Bounded in steps. */
function findSubsets(pool: number[], open: Float64Array, target: number, feeTol: (total: number) => number): number[][] {
  const sorted = [...pool].sort((a, b) => open[a] - open[b]);
  const found: number[][] = [];
  const chosen: number[] = [];
  let steps = 0;
  const walk = (start: number, total: number): void => {
    if (found.length >= 2 || steps++ > SUBSET_MAX_STEPS) return;
    if (chosen.length >= 2 && total >= target && total - target <= feeTol(total)) {
      found.push([...chosen]);
      return;
    }
    if (chosen.length >= SUBSET_MAX_SIZE) return;
    for (let i = start; i < sorted.length; i++) {
      const next = total + open[sorted[i]];
      if (next - target > feeTol(next)) break; // sorted: the rest is larger
      chosen.push(sorted[i]);
      walk(i + 1, next);
      chosen.pop();
      if (found.length >= 2) return;
    }
  };
  walk(0, 0);
  return found;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
