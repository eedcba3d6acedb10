// Monthly matching: cases ⇄ statement lines (DESIGN §5 Match). Pure: the same input always
// gives the same result, which is what makes a second run with no new data change nothing
// and lets a resumed run equal a one-shot run.
//
// Order of work: decisions from earlier runs are applied first (confirmed, auto and manual
// allocations stay put and use up their amounts; rejected pairs are never built again), then
// candidates are found through indexes, scored with named signals, and assigned globally.
import { Decimal } from '../money';
import type { CaseOutcome, Decision, Difference, LineOutcome, Pair, ReconCase, ReconInput, ReconResult } from './types';
import { CaseTable, CurrencyCodes, LineTable } from './model';
import { VendorDirectory } from './vendorIdentity';
import { FxTable } from './fx';
import { CandidateIndex, REF_CASE, REF_ORDER, pairKey } from './candidates';
import { CaseOrders } from './caseOrders';
import { assess, type Assessment } from './allocation';
import { ScoredPairs } from './score';
import { assign, type Taken } from './assign';
import { rankBy } from './ranks';
import { dayNumber, monthEnd, monthOf } from './dates';
import { fromMinor, toMinor } from './minor';
import { minorUnits } from '../currency';
import { settleToleranceMinor } from './openAmount';
import { proposeDifference } from './writeOff';

const LIVE = new Set(['auto', 'confirmed', 'manual']);
// Shared empty lists for the many rows with nothing to list (100k allocations fewer).
const NO_IDS: string[] = Object.freeze([]) as unknown as string[];
const NONE: CaseOutcome['received'] = Object.freeze([]) as unknown as CaseOutcome['received'];

interface Live {
  d: Decision;
  ci: number;
  li: number;
  allocMinor: number;
  coversMinor: number;
  lineCurrency: string;
  fx: boolean;
}

export function reconcile(input: ReconInput): ReconResult {
  const s = input.settings;
  const endDay = dayNumber(monthEnd(input.month));
  // Case ID / Line ID → index, only needed when there are decisions (a Map of 100k strings
  // each is not free). On duplicate IDs the last row wins, as Map.set does.
  const caseIndex = new Map<string, number>();
  if (input.decisions.length) input.cases.forEach((c, i) => caseIndex.set(c.caseId, i));
  const learned: { vendorId: string; counterparty: string }[] = [];
  for (const d of input.decisions) {
    if ((d.state === 'confirmed' || d.state === 'manual') && d.counterparty) {
      const ci = caseIndex.get(d.caseId);
      if (ci !== undefined && input.cases[ci].vendorId) learned.push({ vendorId: input.cases[ci].vendorId, counterparty: d.counterparty });
    }
  }
  const vendors = new VendorDirectory(input.vendors, learned);
  const currencies = new CurrencyCodes();
  const C = new CaseTable(input.cases, s, endDay, vendors, currencies);
  const fx = new FxTable(input.fxRates, s.baseCurrency);
  const lineIndex = new Map<string, number>();
  if (input.decisions.length) input.lines.forEach((l, i) => lineIndex.set(l.lineId, i));
  const orders = new CaseOrders(C);
  const L = new LineTable(input.lines, input.month, vendors, currencies, orders.has);

  // Earlier decisions.
  const rejected = new Set<string>();
  const unmatched = new Set<string>();
  const live: Live[] = [];
  const coveredBefore = new Map<number, number>();
  for (const d of input.decisions) {
    const key = pairKey(d.caseId, d.lineId);
    if (d.state === 'rejected') rejected.add(key);
    else if (d.state === 'unmatched') unmatched.add(key);
    if (!LIVE.has(d.state)) continue;
    const ci = caseIndex.get(d.caseId);
    if (ci === undefined) continue;
    const li = lineIndex.get(d.lineId);
    const caseCurrency = C.c[ci].currency;
    const lineCurrency = li !== undefined ? L.l[li].currency : caseCurrency;
    const allocMinor = d.amount ? toMinor(d.amount, lineCurrency) : 0;
    const coversMinor = d.covers ? toMinor(d.covers, caseCurrency) : lineCurrency === caseCurrency ? allocMinor : 0;
    live.push({ d, ci, li: li ?? -1, allocMinor, coversMinor, lineCurrency, fx: lineCurrency !== caseCurrency });
    C.open[ci] -= coversMinor;
    coveredBefore.set(ci, (coveredBefore.get(ci) || 0) + coversMinor);
    if (li !== undefined) L.remaining[li] = Math.max(0, L.remaining[li] - allocMinor);
  }
  const settled = new Set<number>();
  for (const [ci, cov] of coveredBefore) if (isSettled(C, ci, cov, live.some((x) => x.ci === ci && x.fx), s)) settled.add(ci);
  for (const ci of settled) C.active[ci] = 0;

  // Candidates, scores, assignment.
  const index = new CandidateIndex(C, L, fx, s, orders);
  const drafts = index.find(rejected);
  const scored = new ScoredPairs(drafts.n);
  const scratch: Assessment = { fit: 'amount:exact', alloc: 0, covers: 0, converted: false };
  for (let k = 0; k < drafts.n; k++) {
    const ci = drafts.ci[k];
    const li = drafts.li[k];
    const refCase = (drafts.ref[k] & REF_CASE) !== 0;
    const refOrder = (drafts.ref[k] & REF_ORDER) !== 0;
    const a = assess(C, ci, L, li, C.open[ci], L.remaining[li], refCase || refOrder, fx, s, scratch);
    if (!a) continue;
    scored.add(C, ci, L, li, a.fit, refCase, refOrder, index.contradicts(ci, li), unmatched.size > 0 && unmatched.has(pairKey(C.c[ci].caseId, L.l[li].lineId)));
  }
  // An unmatched pair may be suggested again but never auto-confirmed: the user said no once.
  if (unmatched.size) for (let k = 0; k < scored.n; k++) if (unmatched.has(pairKey(C.c[scored.ci[k]].caseId, L.l[scored.li[k]].lineId))) scored.dropReference(k);
  // Ties are broken by Case ID and Line ID (never the sheet order); ranks make those string
  // comparisons integer ones, for the assignment and for the order of the pairs returned.
  const caseRank = rankBy(C.n, (i) => C.c[i].caseId);
  const lineRank = rankBy(L.n, (i) => L.l[i].lineId);
  const taken = assign(scored, { C, L, fx, s, settled, caseRank, lineRank, rejected });

  return outcomes(input, C, L, live, taken, fx, caseRank, lineRank);
}

function isSettled(C: CaseTable, ci: number, coveredMinor: number, anyFx: boolean, s: ReconInput['settings']): boolean {
  return coveredMinor >= C.refund[ci] - settleToleranceMinor(C.refund[ci], C.c[ci].currency, anyFx, s, C.feeTol[ci]);
}

function outcomes(input: ReconInput, C: CaseTable, L: LineTable, live: Live[], taken: Taken, fx: FxTable, caseRank: Int32Array, lineRank: Int32Array): ReconResult {
  const s = input.settings;
  // At most one pair per kept decision and per pair taken: sized once, not grown by push.
  const capacity = live.length + taken.n;
  const pairs: Pair[] = new Array(capacity);
  const pairCi = new Int32Array(capacity);
  const pairLi = new Int32Array(capacity);
  let np = 0;
  // Per case / per line tallies in plain arrays indexed like the inputs: a month has 100k of
  // each, so no Map or Set per row.
  const LIVE_BIT = 1;
  const SUGGESTED_BIT = 2;
  const AMBIGUOUS_BIT = 4;
  // The states compared directly (LIVE holds these three): a Set lookup per pair otherwise.
  const bit = (state: string) => (state === 'auto' || state === 'confirmed' || state === 'manual' ? LIVE_BIT : state === 'ambiguous' ? AMBIGUOUS_BIT : SUGGESTED_BIT);
  const caseCovered = new Float64Array(C.n);
  const caseStates = new Uint8Array(C.n);
  const caseFx = new Uint8Array(C.n);
  const caseTouched = new Uint8Array(C.n);
  // What each case received per line currency: the first currency in two columns, any further
  // one (rare: a case paid in two currencies) in a short list.
  const recvCurrency: string[] = new Array(C.n).fill('');
  const recvMinor = new Float64Array(C.n);
  const recvAny = new Uint8Array(C.n);
  const recvMore: ([string, number][] | undefined)[] = new Array(C.n);
  const caseLines: (string[] | undefined)[] = new Array(C.n);
  const caseLast: string[] = new Array(C.n).fill('');
  // Live money booked after the month's end, per case, and the latest booking up to it: a past
  // month's report is drawn as the month ended (CaseOutcome.atMonthEnd).
  const monthEndDate = monthEnd(input.month);
  const caseLater = new Float64Array(C.n);
  const caseLastAtEnd: string[] = new Array(C.n).fill('');
  const lineAllocated = new Float64Array(L.n);
  const lineStates = new Uint8Array(L.n);
  // The cases of a line as positions (compared without reading a Case ID), in first-seen order:
  // the first in a column (most lines have one case: no array for them), any further in a list.
  const lineCase = new Int32Array(L.n).fill(-1);
  const lineMoreCases: (number[] | undefined)[] = new Array(L.n);
  // A line's signals: its first pair's own (shared, read-only) list until a second pair adds
  // to it; then a copy the line owns (lineOwnsSignals).
  const lineSignals: (string[] | undefined)[] = new Array(L.n);
  const lineOwnsSignals = new Uint8Array(L.n);
  const record = (ci: number, li: number, lineCurrency: string, lineId: string, state: string, allocMinor: number, coversMinor: number, isFx: boolean, signals: string[]) => {
    const b = bit(state);
    caseTouched[ci] = 1;
    caseStates[ci] |= b;
    if (b === LIVE_BIT) {
      caseCovered[ci] += coversMinor;
      if (isFx) caseFx[ci] = 1;
      if (!recvAny[ci] || recvCurrency[ci] === lineCurrency) {
        recvAny[ci] = 1;
        recvCurrency[ci] = lineCurrency;
        recvMinor[ci] += allocMinor;
      } else {
        const more = recvMore[ci] || (recvMore[ci] = []);
        const slot = more.find((r) => r[0] === lineCurrency);
        if (slot) slot[1] += allocMinor;
        else more.push([lineCurrency, allocMinor]);
      }
      // Made with its first ID (an empty array grown by push reserves room for 16 more).
      const ids = caseLines[ci];
      if (!ids) caseLines[ci] = [lineId];
      else if (ids.indexOf(lineId) < 0) ids.push(lineId);
      if (li >= 0) {
        const booked = L.l[li].bookingDate;
        if (booked > caseLast[ci]) caseLast[ci] = booked;
        if (booked > monthEndDate) caseLater[ci] += coversMinor;
        else if (booked > caseLastAtEnd[ci]) caseLastAtEnd[ci] = booked;
      }
    }
    if (li < 0) return;
    lineStates[li] |= b;
    if (b === LIVE_BIT) lineAllocated[li] += allocMinor;
    const first = lineCase[li];
    if (first < 0) lineCase[li] = ci;
    else if (first !== ci) {
      const more = lineMoreCases[li];
      if (!more) lineMoreCases[li] = [ci];
      else if (more.indexOf(ci) < 0) more.push(ci);
    }
    let ls = lineSignals[li];
    if (!ls) {
      lineSignals[li] = signals;
      return;
    }
    if (ls === signals) return;
    if (!lineOwnsSignals[li]) {
      lineSignals[li] = ls = ls.slice();
      lineOwnsSignals[li] = 1;
    }
    for (const sig of signals) if (ls.indexOf(sig) < 0) ls.push(sig);
  };

  for (const k of live) {
    const c = C.c[k.ci];
    const signals = k.d.signals && k.d.signals.length ? k.d.signals : [`decision:${k.d.state}`];
    record(k.ci, k.li, k.lineCurrency, k.d.lineId, k.d.state, k.allocMinor, k.coversMinor, k.fx, signals);
    if (k.li < 0 || !L.eligible[k.li]) continue; // another month's line: not in this month's pairs
    pairCi[np] = k.ci;
    pairLi[np] = k.li;
    pairs[np++] = {
      caseId: c.caseId,
      lineId: k.d.lineId,
      state: k.d.state as Pair['state'],
      score: k.d.score ?? 0,
      signals,
      amount: fromMinor(k.allocMinor, k.lineCurrency),
      currency: k.lineCurrency,
      covers: fromMinor(k.coversMinor, c.currency),
      caseCurrency: c.currency,
      kept: true,
    };
  }
  for (let k = 0; k < taken.n; k++) {
    const ci = taken.ci[k];
    const li = taken.li[k];
    const alloc = taken.alloc[k];
    const covers = taken.covers[k];
    const signals = taken.signals[k];
    const c = C.c[ci];
    const l = L.l[li];
    record(ci, li, l.currency, l.lineId, taken.state[k], alloc, covers, taken.fx[k] === 1, signals);
    pairCi[np] = ci;
    pairLi[np] = li;
    pairs[np++] = {
      caseId: c.caseId,
      lineId: l.lineId,
      state: taken.state[k],
      score: taken.score[k],
      signals,
      // The inputs' own Decimals when the amounts are whole (most pairs): no new parsing.
      amount: alloc === L.amount[li] ? l.amount : fromMinor(alloc, l.currency),
      currency: l.currency,
      covers: covers === C.refund[ci] ? c.amount : fromMinor(covers, c.currency),
      caseCurrency: c.currency,
      kept: false,
    };
  }

  // A case's age is counted to the month's end (or today, for the current month), so a past
  // month's report says how late the money was then, not how long ago that was.
  const asOfDay = Math.min(dayNumber(input.today), dayNumber(monthEnd(input.month)));
  // Outcome lists sized for every row and cut to what was filled: not grown by push.
  const caseOut: CaseOutcome[] = new Array(C.n);
  let nc = 0;
  const differences: Difference[] = [];
  // Each currency's rate to the base currency today, looked up once (not per difference).
  const rateToBase = new Map<string, Decimal | null>();
  const statusOf = (cov: number, set: boolean, st: number): CaseOutcome['matchStatus'] => (set
    ? 'matched'
    : cov > 0
      ? 'partial'
      : st & AMBIGUOUS_BIT
        ? 'ambiguous'
        : st & SUGGESTED_BIT
          ? 'suggested'
          : 'waiting');
  for (let i = 0; i < C.n; i++) {
    if (!C.active[i] && !caseTouched[i]) continue;
    const c = C.c[i];
    const refund = C.refund[i];
    const covered = caseCovered[i];
    const isFx = caseFx[i] === 1;
    const st = caseStates[i];
    const isSet = covered > 0 && isSettled(C, i, covered, isFx, s);
    const matchStatus = statusOf(covered, isSet, st);
    const ccy = c.currency;
    // As the month ended: without what was booked after it.
    const coveredAtEnd = covered - caseLater[i];
    const setAtEnd = caseLater[i] === 0 ? isSet : coveredAtEnd > 0 && isSettled(C, i, coveredAtEnd, isFx, s);
    const lastAtEnd = caseLater[i] === 0 ? caseLast[i] : caseLastAtEnd[i];
    caseOut[nc++] = {
      caseId: c.caseId,
      matchStatus,
      covered: covered === refund ? c.amount : fromMinor(covered, ccy),
      open: covered === 0 ? c.amount : fromMinor(Math.max(0, refund - covered), ccy),
      received: recvAny[i] ? receivedOf(c, refund, recvCurrency[i], recvMinor[i], recvMore[i]) : NONE,
      lineIds: caseLines[i] ? sortedIds(caseLines[i]!) : NO_IDS,
      settled: isSet,
      lastPaymentDate: caseLast[i],
      ageDays: Number.isNaN(C.logDay[i]) ? 0 : Math.max(0, asOfDay - C.logDay[i]),
    };
    if (caseLater[i] > 0) {
      caseOut[nc - 1].atMonthEnd = { open: fromMinor(Math.max(0, refund - coveredAtEnd), ccy), settled: setAtEnd, matchStatus: statusOf(coveredAtEnd, setAtEnd, st) };
    }
    const gap = refund - coveredAtEnd;
    // A difference is proposed once, in the month its (last) payment arrived; later months'
    // reports would otherwise repeat the same write-off. Counted as the month ended.
    if (coveredAtEnd > 0 && gap !== 0 && monthOf(lastAtEnd) === input.month) {
      const kind = !setAtEnd ? 'short' : gap < 0 ? 'over' : isFx ? 'fx' : 'fee';
      const amount = fromMinor(gap, ccy);
      let rate = rateToBase.get(ccy);
      if (rate === undefined) rateToBase.set(ccy, (rate = fx.rate(ccy, s.baseCurrency, input.today)));
      const base = rate ? amount.times(rate).toDecimalPlaces(minorUnits(s.baseCurrency), Decimal.ROUND_HALF_UP) : null;
      differences.push(proposeDifference(c.caseId, kind, amount, ccy, base));
    }
  }

  caseOut.length = nc;
  const lineOut: LineOutcome[] = new Array(L.n);
  let nl = 0;
  for (let i = 0; i < L.n; i++) {
    const l = L.l[i];
    if (!L.eligible[i]) {
      if (l.bookingDate.slice(0, 7) === input.month) {
        lineOut[nl++] = { lineId: l.lineId, matchStatus: 'not a refund', caseIds: [], allocated: fromMinor(0, l.currency), currency: l.currency, signals: [], vendorId: '' };
      }
      continue;
    }
    const amount = L.amount[i];
    const allocated = Math.min(lineAllocated[i], amount);
    const st = lineStates[i];
    const matchStatus: LineOutcome['matchStatus'] =
      allocated >= amount ? 'matched' : allocated > 0 ? 'partial' : st & AMBIGUOUS_BIT ? 'ambiguous' : st & SUGGESTED_BIT ? 'suggested' : 'unexplained';
    lineOut[nl++] = {
      lineId: l.lineId,
      matchStatus,
      caseIds: lineCase[i] >= 0 ? caseIdsOf(lineCase[i], lineMoreCases[i], C) : NO_IDS,
      allocated: allocated === amount ? l.amount : fromMinor(allocated, l.currency),
      currency: l.currency,
      signals: lineSignals[i] || NO_IDS,
      vendorId: L.vendor[i] ? L.vendor[i]!.vendorId : '',
    };
  }
  lineOut.length = nl;
  // By Case ID, then Line ID, then the order they were made in.
  pairs.length = np;
  const sortedPairs = sortedByIds(pairs, pairCi, pairLi, caseRank, lineRank);
  return { month: input.month, pairs: sortedPairs, cases: caseOut, lines: lineOut, differences };
}

/** Case IDs of a line's cases (the first, then any further), each once (two rows may share
 *  an ID), in first-seen order. */
function caseIdsOf(first: number, more: number[] | undefined, C: CaseTable): string[] {
  const out = [C.c[first].caseId];
  if (more) for (const ci of more) if (out.indexOf(C.c[ci].caseId) < 0) out.push(C.c[ci].caseId);
  return out;
}

/** A case's Line IDs in order (one ID, the usual case, is already sorted). */
function sortedIds(ids: string[]): string[] {
  return ids.length > 1 ? ids.sort() : ids;
}

/** A case's receipts per currency, in the order the currencies first came in; the case's own
 *  Decimal when a receipt is exactly its refund in its currency. */
function receivedOf(c: ReconCase, refund: number, first: string, minor: number, more: [string, number][] | undefined): CaseOutcome['received'] {
  const out = [{ amount: receiptAmount(c, refund, first, minor), currency: first }];
  if (more) for (const [currency, m] of more) out.push({ amount: receiptAmount(c, refund, currency, m), currency });
  return out;
}

function receiptAmount(c: ReconCase, refund: number, currency: string, minor: number): Decimal {
  return currency === c.currency && minor === refund ? c.amount : fromMinor(minor, currency);
}

/** Pairs by (case rank, line rank, position). The three integers are packed into one exact
 *  number and sorted natively when they fit in 2^53 (they do up to ~10^5 of each), else an
 *  index sort compares them one by one. */
function sortedByIds(pairs: Pair[], pairCi: Int32Array, pairLi: Int32Array, caseRank: Int32Array, lineRank: Int32Array): Pair[] {
  const n = pairs.length;
  const nl = lineRank.length + 1;
  const out: Pair[] = new Array(n);
  if (caseRank.length * nl * n < Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = (caseRank[pairCi[i]] * nl + lineRank[pairLi[i]]) * n + i;
    keys.sort();
    for (let k = 0; k < n; k++) out[k] = pairs[keys[k] % n];
    return out;
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => caseRank[pairCi[a]] - caseRank[pairCi[b]] || lineRank[pairLi[a]] - lineRank[pairLi[b]] || a - b);
  for (let k = 0; k < n; k++) out[k] = pairs[order[k]];
  return out;
}
