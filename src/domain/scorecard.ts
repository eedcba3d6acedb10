// The Vendor Scorecard (DESIGN §8): per vendor and per free tag, how much refunding costs us
// and how well the vendor pays. Pure: case records, vendors, base currency and FX rates in,
// plain JSON out (amounts as strings with their currency's minor units). docs/api-scorecard.md
// defines every metric; the sheet adapter (sheets/scorecardRepo.ts) only lays the result out.
import { CaseRecord, isIsoDate, isOpenStatus } from './caseRecord';
import { isOverdue, openAmountOf } from './caseView';
import { isCurrencyCode } from './currency';
import { daysBetween } from './dates';
import { Decimal, formatAmount, ZERO } from './money';

export interface ScorecardVendor {
  vendorId: string;
  name: string;
  tag: string;
}

/** Units of base currency per one unit of `currency` (Settings ▸ FX rates). */
export interface ScorecardRate {
  currency: string;
  rate: Decimal;
  /** `YYYY-MM-DD` or '' (a row without a date is older than any dated row). */
  asOf: string;
}

export interface ScorecardInput {
  cases: readonly CaseRecord[];
  vendors: readonly ScorecardVendor[];
  baseCurrency: string;
  fxRates: readonly ScorecardRate[];
  /** `YYYY-MM-DD` in the spreadsheet's zone. */
  today: string;
}

export interface CurrencyAmount {
  currency: string;
  amount: string;
}

export interface Rate {
  count: number;
  of: number;
  /** count / of × 100, one decimal; null when `of` is 0. */
  pct: number | null;
}

export interface ReasonCount {
  reason: string;
  count: number;
}

export interface MonthCount {
  /** `YYYY-MM` */
  month: string;
  count: number;
}

/** The metrics of one group of cases (a vendor, a tag, or all of them). */
export interface ScorecardMetrics {
  cases: number;
  openCases: number;
  overdueOpen: number;
  /** Refund Amount of every case except Cancelled ones, per currency. */
  claimed: CurrencyAmount[];
  /** Received Amount recorded on the cases, per received currency. */
  refunded: CurrencyAmount[];
  /** Still owed on open cases (caseView.openAmountOf), per currency. */
  open: CurrencyAmount[];
  /** The three above in base currency, converted at the latest Settings rate; amounts in a
   *  currency without a rate are left out and listed in `missingRates` / `notInBase`. */
  burdenBase: string;
  refundedBase: string;
  openBase: string;
  /** Currencies of this group that have no FX rate to base (sorted). */
  missingRates: string[];
  /** Claimed amounts that could not be converted (no rate), per currency. */
  notInBase: CurrencyAmount[];
  /** Received or Reconciled cases with both dates. */
  completed: number;
  medianDaysToRefund: number | null;
  p90DaysToRefund: number | null;
  /** Completed cases with an Expected Completion: Actual Completion on or before it. */
  onTime: Rate;
  disputes: Rate;
  rejections: Rate;
  topReasons: ReasonCount[];
  /** Cases logged per month, the last six months up to today's, oldest first. */
  trend: MonthCount[];
}

export interface VendorScore extends ScorecardMetrics {
  rank: number;
  vendorId: string;
  vendorName: string;
  vendorTag: string;
  /** false when cases name a Vendor ID that the Vendors tab does not have. */
  knownVendor: boolean;
}

export interface TagScore extends ScorecardMetrics {
  tag: string;
  vendors: number;
}

export interface Scorecard {
  asOf: string;
  baseCurrency: string;
  /** The rate used per currency (the latest As Of; a later row wins a tie). */
  ratesUsed: { currency: string; rate: string; asOf: string }[];
  vendors: VendorScore[];
  tags: TagScore[];
  totals: ScorecardMetrics;
  /** Cases whose amount or currency cannot be read: counted, but left out of every amount. */
  unreadable: { caseId: string; problem: string }[];
}

const COMPLETED = ['Received', 'Reconciled'];
const AMOUNT = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;
// changeStatus appends "2026-12-03 Disputed: <note>" to Notes; the status itself moves on.
const DISPUTE_NOTE = /^\d{4}-\d{2}-\d{2} Disputed:/m;

/** Median of numbers (mean of the two middle values for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile: the smallest value with at least p% of values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1];
}

export function rate(count: number, of: number): Rate {
  return { count, of, pct: of ? Math.round((count * 1000) / of) / 10 : null };
}

/** The six `YYYY-MM` months ending with today's, oldest first. */
export function lastMonths(today: string, n = 6): string[] {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

/** The rate per currency: the row with the latest As Of ('' counts as oldest; later row wins ties). */
export function latestRates(rates: readonly ScorecardRate[], base: string): Map<string, ScorecardRate> {
  const out = new Map<string, ScorecardRate>();
  for (const r of rates) {
    if (r.currency === base || !r.rate.gt(0)) continue;
    const have = out.get(r.currency);
    if (!have || r.asOf >= have.asOf) out.set(r.currency, r);
  }
  return out;
}

function add(map: Map<string, Decimal>, currency: string, amount: Decimal): void {
  map.set(currency, (map.get(currency) ?? ZERO).plus(amount));
}

function listOf(map: Map<string, Decimal>): CurrencyAmount[] {
  return [...map.keys()].sort().map((currency) => ({ currency, amount: formatAmount(map.get(currency)!, currency) }));
}

/** Why a case's money cannot be read, or '' when it can. */
function moneyProblem(c: CaseRecord): string {
  if (!isCurrencyCode(c.currency)) return `currency "${c.currency}" is not an ISO 4217 code`;
  if (!AMOUNT.test(c.amount)) return `Refund Amount "${c.amount}" is not a number`;
  if (c.receivedAmount !== '' && !AMOUNT.test(c.receivedAmount)) return `Received Amount "${c.receivedAmount}" is not a number`;
  if (c.receivedAmount !== '' && c.receivedCurrency !== '' && !isCurrencyCode(c.receivedCurrency)) return `Received Currency "${c.receivedCurrency}" is not an ISO 4217 code`;
  return '';
}

interface Converter {
  base: string;
  rates: Map<string, ScorecardRate>;
}

/** Sum of per-currency amounts in base, and the currencies that had no rate. */
function toBase(amounts: Map<string, Decimal>, fx: Converter): { total: Decimal; missing: Map<string, Decimal> } {
  let total = ZERO;
  const missing = new Map<string, Decimal>();
  for (const [currency, amount] of amounts) {
    if (currency === fx.base) total = total.plus(amount);
    else {
      const r = fx.rates.get(currency);
      if (r) total = total.plus(amount.times(r.rate));
      else if (!amount.isZero()) add(missing, currency, amount);
    }
  }
  return { total, missing };
}

/** Metrics of a group of cases. */
export function metricsOf(cases: readonly CaseRecord[], fx: Converter, today: string): ScorecardMetrics {
  const claimed = new Map<string, Decimal>();
  const refunded = new Map<string, Decimal>();
  const open = new Map<string, Decimal>();
  const days: number[] = [];
  const reasons = new Map<string, number>();
  const months = lastMonths(today);
  const perMonth = new Map<string, number>(months.map((m) => [m, 0]));
  let openCases = 0;
  let overdueOpen = 0;
  let onTime = 0;
  let onTimeOf = 0;
  let disputed = 0;
  let rejected = 0;
  for (const c of cases) {
    if (isOpenStatus(c.status)) openCases++;
    if (isOverdue(c, today)) overdueOpen++;
    if (c.status === 'Disputed' || DISPUTE_NOTE.test(c.notes)) disputed++;
    if (c.status === 'Rejected') rejected++;
    const reason = c.reason.trim() || '(no reason)';
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    const month = c.dateLogged.slice(0, 7);
    if (perMonth.has(month)) perMonth.set(month, perMonth.get(month)! + 1);
    if (COMPLETED.includes(c.status) && isIsoDate(c.dateLogged) && isIsoDate(c.actualCompletion)) {
      days.push(daysBetween(c.dateLogged, c.actualCompletion));
      if (isIsoDate(c.expectedCompletion)) {
        onTimeOf++;
        if (c.actualCompletion <= c.expectedCompletion) onTime++;
      }
    }
    if (moneyProblem(c)) continue;
    if (c.status !== 'Cancelled') add(claimed, c.currency, new Decimal(c.amount));
    if (c.receivedAmount !== '') add(refunded, c.receivedCurrency || c.currency, new Decimal(c.receivedAmount));
    if (isOpenStatus(c.status)) add(open, c.currency, openAmountOf(c));
  }
  const burden = toBase(claimed, fx);
  const refundedBase = toBase(refunded, fx);
  const openBase = toBase(open, fx);
  const missingRates = new Set<string>([...burden.missing.keys(), ...refundedBase.missing.keys(), ...openBase.missing.keys()]);
  const topReasons = [...reasons].map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
    .slice(0, 3);
  return {
    cases: cases.length,
    openCases,
    overdueOpen,
    claimed: listOf(claimed),
    refunded: listOf(refunded),
    open: listOf(open),
    burdenBase: formatAmount(burden.total, fx.base),
    refundedBase: formatAmount(refundedBase.total, fx.base),
    openBase: formatAmount(openBase.total, fx.base),
    missingRates: [...missingRates].sort(),
    notInBase: listOf(burden.missing),
    completed: days.length,
    medianDaysToRefund: median(days),
    p90DaysToRefund: percentile(days, 90),
    onTime: rate(onTime, onTimeOf),
    disputes: rate(disputed, cases.length),
    rejections: rate(rejected, cases.length),
    topReasons,
    trend: months.map((month) => ({ month, count: perMonth.get(month)! })),
  };
}

/** Higher burden first, then more open cases, then name and ID (a stable, readable order). */
function byBurden(a: ScorecardMetrics & { name: string; id: string }, b: ScorecardMetrics & { name: string; id: string }): number {
  const d = new Decimal(b.burdenBase).comparedTo(new Decimal(a.burdenBase));
  return d || b.openCases - a.openCases || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

export function computeScorecard(input: ScorecardInput): Scorecard {
  if (!isIsoDate(input.today)) throw new Error(`"${input.today}" is not a date YYYY-MM-DD`);
  const fx: Converter = { base: input.baseCurrency, rates: latestRates(input.fxRates, input.baseCurrency) };
  const byVendor = new Map<string, CaseRecord[]>();
  const byTag = new Map<string, { cases: CaseRecord[]; vendors: Set<string> }>();
  const unreadable: Scorecard['unreadable'] = [];
  for (const c of input.cases) {
    const id = c.vendorId.trim();
    let list = byVendor.get(id);
    if (!list) byVendor.set(id, (list = []));
    list.push(c);
    for (const t of new Set(c.tags.map((x) => x.trim()).filter(Boolean))) {
      let g = byTag.get(t);
      if (!g) byTag.set(t, (g = { cases: [], vendors: new Set() }));
      g.cases.push(c);
      g.vendors.add(id);
    }
    const problem = moneyProblem(c);
    if (problem) unreadable.push({ caseId: c.caseId, problem });
  }
  const known = new Map(input.vendors.map((v) => [v.vendorId, v]));
  const ids = new Set<string>([...input.vendors.map((v) => v.vendorId), ...byVendor.keys()]);
  const rows = [...ids].map((id) => {
    const v = known.get(id);
    const cases = byVendor.get(id) ?? [];
    const first = cases[0];
    return {
      ...metricsOf(cases, fx, input.today),
      id,
      name: v?.name ?? (first?.vendorName || id || '(no vendor)'),
      tag: v?.tag ?? first?.vendorTag ?? '',
      known: !!v,
    };
  });
  rows.sort(byBurden);
  const vendors: VendorScore[] = rows.map(({ id, name, tag, known: k, ...m }, i) => ({
    rank: i + 1, vendorId: id, vendorName: name, vendorTag: tag, knownVendor: k, ...m,
  }));
  const tagRows = [...byTag].map(([tag, g]) => ({ ...metricsOf(g.cases, fx, input.today), id: tag, name: tag, vendors: g.vendors.size }));
  tagRows.sort(byBurden);
  const tags: TagScore[] = tagRows.map(({ id, name, ...m }) => ({ tag: id, ...m }));
  const ratesUsed = [...fx.rates.values()]
    .sort((a, b) => a.currency.localeCompare(b.currency))
    .map((r) => ({ currency: r.currency, rate: r.rate.toString(), asOf: r.asOf }));
  return {
    asOf: input.today,
    baseCurrency: input.baseCurrency,
    ratesUsed,
    vendors,
    tags,
    totals: metricsOf(input.cases, fx, input.today),
    unreadable,
  };
}

/** One vendor's card for the sidebar; null when neither the Vendors tab nor any case has the ID. */
export function vendorCard(card: Scorecard, vendorId: string): (VendorScore & { of: number; asOf: string; baseCurrency: string }) | null {
  const v = card.vendors.find((x) => x.vendorId === vendorId.trim());
  return v ? { ...v, of: card.vendors.length, asOf: card.asOf, baseCurrency: card.baseCurrency } : null;
}
