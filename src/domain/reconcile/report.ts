// The `Recon YYYY-MM` tab (DESIGN §5 Match 5), built as one block of cells so it is written
// with one setValues. Sections, top to bottom: summary per currency and in base currency;
// matched pairs with their signals; cases still waiting for money (age, vendor); unexplained
// credits (and the rest of a credit a match used only part of); differences with the proposed
// write-off / FX line; pairs for review (suggested and ambiguous); vendor statements compared. Amounts are sheet numbers (exact: from Decimals
// rounded to the currency), dates ISO text; an amount inside text ("Covers", "Case amount") is
// grouped like the number cells beside it show theirs (formatAmountGrouped).
import { Decimal, formatAmount, formatAmountGrouped, toSheetNumber } from '../money';
import type { StatementLine } from '../statements/line';
import type { CaseOutcome, LineOutcome, ReconCase, ReconResult } from './types';
import type { VendorComparison } from './vendorStatement';
import type { FxTable } from './fx';


/** Still owed money when the month ended (a later month's payment does not change a month's report). */
function waitingAtMonthEnd(c: CaseOutcome): boolean {
  const end = c.atMonthEnd ?? c;
  return end.open.gt(0) && !end.settled;
}

/**
 * The part of a month's credit no live pair explains: the whole line when nothing was matched to
 * it, the rest of it when a match took only part (a manual match of a larger line, a referenced
 * line paying less than its amount to its cases). Null when all of it is explained or it still
 * waits for review. Without the partial rest, money on a partly used line would be in no total.
 */
export function unexplainedPart(l: LineOutcome, line: StatementLine): Decimal | null {
  if (l.matchStatus === 'unexplained') return line.amount;
  if (l.matchStatus !== 'partial') return null;
  const rest = line.amount.minus(l.allocated);
  return rest.gt(0) ? rest : null;
}

export type ReportCell = string | number;
export const REPORT_WIDTH = 11;

export interface ReportContext {
  month: string;
  today: string;
  baseCurrency: string;
  statements: string[];
  cases: Map<string, ReconCase>;
  lines: Map<string, { line: StatementLine; statement: string }>;
  fx: FxTable;
  vendorComparisons: VendorComparison[];
  /** Set when the month was closed. */
  closedAt?: string;
}

export interface ReportSummary {
  month: string;
  byCurrency: { currency: string; matchedCases: number; matchedAmount: string; waitingCases: number; waitingAmount: string; unexplainedLines: number; unexplainedAmount: string }[];
  base: { currency: string; matchedAmount: string; waitingAmount: string; unexplainedAmount: string; missingRates: string[] };
  counts: { auto: number; confirmed: number; manual: number; suggested: number; ambiguous: number; waiting: number; unexplained: number; differences: number };
  /** Lines booked in the month on the statements read (credits or not): none means nothing
   *  could be matched, which the run says instead of looking cleanly reconciled. */
  statementLines: number;
}

/** What to say when the month has no statement line at all, or '' . */
export function noLinesWarning(sum: ReportSummary): string {
  return sum.statementLines ? '' : `No statement line is booked in ${sum.month} on the statements read, so nothing could be matched: import the month's statements, then run it again.`;
}

function row(...cells: ReportCell[]): ReportCell[] {
  const out = cells.slice(0, REPORT_WIDTH);
  while (out.length < REPORT_WIDTH) out.push('');
  return out;
}

export function summarize(result: ReconResult, ctx: ReportContext): ReportSummary {
  const per = new Map<string, { mc: number; ma: Decimal; wc: number; wa: Decimal; uc: number; ua: Decimal }>();
  const slot = (ccy: string) => {
    let s = per.get(ccy);
    if (!s) per.set(ccy, (s = { mc: 0, ma: new Decimal(0), wc: 0, wa: new Decimal(0), uc: 0, ua: new Decimal(0) }));
    return s;
  };
  // Matched this month: what the month's live pairs cover (a case paid in an earlier month is
  // not counted again).
  const coveredNow = new Map<string, Decimal>();
  for (const p of result.pairs) {
    if (p.state !== 'auto' && p.state !== 'confirmed' && p.state !== 'manual') continue;
    coveredNow.set(p.caseId, (coveredNow.get(p.caseId) ?? new Decimal(0)).plus(p.covers));
  }
  for (const c of result.cases) {
    const rc = ctx.cases.get(c.caseId);
    if (!rc) continue;
    const now = coveredNow.get(c.caseId);
    if (now) {
      const s = slot(rc.currency);
      s.mc++;
      s.ma = s.ma.plus(now);
    }
    const end = c.atMonthEnd ?? c;
    if (end.open.gt(0) && !end.settled) {
      const s = slot(rc.currency);
      s.wc++;
      s.wa = s.wa.plus(end.open);
    }
  }
  let unexplainedLines = 0;
  for (const l of result.lines) {
    const info = ctx.lines.get(l.lineId);
    const part = info ? unexplainedPart(l, info.line) : null;
    if (!part) continue;
    const s = slot(l.currency);
    s.uc++;
    s.ua = s.ua.plus(part);
    unexplainedLines++;
  }
  const base = ctx.baseCurrency;
  const missing: string[] = [];
  const toBase = (amount: Decimal, ccy: string): Decimal => {
    const r = ctx.fx.rate(ccy, base, ctx.today);
    if (!r) {
      if (!missing.includes(ccy)) missing.push(ccy);
      return new Decimal(0);
    }
    return amount.times(r);
  };
  let bm = new Decimal(0), bw = new Decimal(0), bu = new Decimal(0);
  const byCurrency = [...per.keys()].sort().map((ccy) => {
    const s = per.get(ccy)!;
    bm = bm.plus(toBase(s.ma, ccy));
    bw = bw.plus(toBase(s.wa, ccy));
    bu = bu.plus(toBase(s.ua, ccy));
    return { currency: ccy, matchedCases: s.mc, matchedAmount: formatAmount(s.ma, ccy), waitingCases: s.wc, waitingAmount: formatAmount(s.wa, ccy), unexplainedLines: s.uc, unexplainedAmount: formatAmount(s.ua, ccy) };
  });
  const counts = { auto: 0, confirmed: 0, manual: 0, suggested: 0, ambiguous: 0, waiting: 0, unexplained: 0, differences: result.differences.length };
  for (const p of result.pairs) counts[p.state]++;
  counts.waiting = result.cases.filter(waitingAtMonthEnd).length;
  counts.unexplained = unexplainedLines;
  return {
    month: result.month,
    byCurrency,
    base: { currency: base, matchedAmount: formatAmount(bm, base), waitingAmount: formatAmount(bw, base), unexplainedAmount: formatAmount(bu, base), missingRates: missing },
    counts,
    statementLines: result.lines.length,
  };
}

export function buildReport(result: ReconResult, ctx: ReportContext): ReportCell[][] {
  const out: ReportCell[][] = [];
  const blank = () => out.push(row());
  const num = (amount: Decimal, ccy: string): ReportCell => toSheetNumber(amount, ccy);
  const sum = summarize(result, ctx);
  out.push(row(`Reconciliation ${ctx.month}`, '', `Run on ${ctx.today}`, '', ctx.closedAt ? `Closed ${ctx.closedAt}` : 'Open month'));
  out.push(row('Statements', ctx.statements.join(', ') || '(none)'));
  const warning = noLinesWarning(sum);
  if (warning) out.push(row('Warning', warning));
  out.push(row('Pairs', `auto ${sum.counts.auto}`, `confirmed ${sum.counts.confirmed}`, `manual ${sum.counts.manual}`, `suggested ${sum.counts.suggested}`, `ambiguous ${sum.counts.ambiguous}`, `waiting ${sum.counts.waiting}`, `unexplained ${sum.counts.unexplained}`, `differences ${sum.counts.differences}`));
  blank();

  out.push(row('SUMMARY'));
  out.push(row('Currency', 'Cases matched', 'Amount matched', 'Cases waiting', 'Amount waiting', 'Unexplained credits', 'Amount unexplained'));
  for (const s of sum.byCurrency) {
    out.push(row(s.currency, s.matchedCases, num(new Decimal(s.matchedAmount), s.currency), s.waitingCases, num(new Decimal(s.waitingAmount), s.currency), s.unexplainedLines, num(new Decimal(s.unexplainedAmount), s.currency)));
  }
  const b = sum.base;
  out.push(row(`Total in ${b.currency}`, '', num(new Decimal(b.matchedAmount), b.currency), '', num(new Decimal(b.waitingAmount), b.currency), '', num(new Decimal(b.unexplainedAmount), b.currency), '', b.missingRates.length ? `No FX rate for ${b.missingRates.join(', ')} (left out of the total)` : ''));
  blank();

  const lineDate = (id: string) => ctx.lines.get(id)?.line.bookingDate ?? '';
  const vendor = (id: string) => ctx.cases.get(id)?.vendorName ?? '';
  const live = result.pairs.filter((p) => p.state === 'auto' || p.state === 'confirmed' || p.state === 'manual');
  out.push(row('MATCHED'));
  out.push(row('Case ID', 'Vendor', 'Line ID', 'Statement', 'Date', 'Amount', 'Currency', 'Covers', 'State', 'Score', 'Signals'));
  for (const p of live) {
    out.push(row(p.caseId, vendor(p.caseId), p.lineId, ctx.lines.get(p.lineId)?.statement ?? '', lineDate(p.lineId), num(p.amount, p.currency), p.currency, `${formatAmountGrouped(p.covers, p.caseCurrency)} ${p.caseCurrency}`, p.state, p.score, p.signals.join(' · ')));
  }
  blank();

  out.push(row('FOR REVIEW (suggested and ambiguous)'));
  out.push(row('Case ID', 'Vendor', 'Line ID', 'Statement', 'Date', 'Amount', 'Currency', 'Case amount', 'State', 'Score', 'Signals'));
  for (const p of result.pairs.filter((x) => x.state === 'suggested' || x.state === 'ambiguous')) {
    const c = ctx.cases.get(p.caseId);
    out.push(row(p.caseId, vendor(p.caseId), p.lineId, ctx.lines.get(p.lineId)?.statement ?? '', lineDate(p.lineId), num(p.amount, p.currency), p.currency, c ? `${formatAmountGrouped(c.amount, c.currency)} ${c.currency}` : '', p.state, p.score, p.signals.join(' · ')));
  }
  blank();

  out.push(row('WAITING FOR MONEY'));
  out.push(row('Case ID', 'Vendor', 'Order #', 'Open', 'Currency', 'Date Logged', 'Expected', 'Age (days)', 'Status', 'Match'));
  const waiting = result.cases.filter(waitingAtMonthEnd).sort((a, b) => b.ageDays - a.ageDays || (a.caseId < b.caseId ? -1 : 1));
  for (const c of waiting) {
    const rc = ctx.cases.get(c.caseId);
    if (!rc) continue;
    const end = c.atMonthEnd ?? c;
    out.push(row(c.caseId, rc.vendorName, rc.orderNo, num(end.open, rc.currency), rc.currency, rc.dateLogged, rc.expectedCompletion, c.ageDays, rc.status, end.matchStatus));
  }
  blank();

  out.push(row('UNEXPLAINED CREDITS'));
  out.push(row('Line ID', 'Statement', 'Date', 'Amount', 'Currency', 'Unexplained', 'Counterparty', 'Reference', 'Description', 'Partly matched to'));
  for (const l of result.lines) {
    const info = ctx.lines.get(l.lineId);
    const part = info ? unexplainedPart(l, info.line) : null;
    if (!info || !part) continue;
    const ccy = info.line.currency;
    const to = l.matchStatus === 'partial' ? `${l.caseIds.join(', ')} (${formatAmountGrouped(l.allocated, ccy)} ${ccy})` : '';
    out.push(row(l.lineId, info.statement, info.line.bookingDate, num(info.line.amount, ccy), ccy, num(part, ccy), info.line.counterparty, info.line.reference, info.line.description, to));
  }
  blank();

  out.push(row('DIFFERENCES'));
  out.push(row('Case ID', 'Vendor', 'Kind', 'Amount', 'Currency', `In ${ctx.baseCurrency}`, 'Proposed entry'));
  for (const d of result.differences) {
    out.push(row(d.caseId, vendor(d.caseId), d.kind, num(d.amount, d.currency), d.currency, d.baseAmount ? toSheetNumber(d.baseAmount, ctx.baseCurrency) : '', d.proposal));
  }

  for (const v of ctx.vendorComparisons) {
    blank();
    const nothing = !v.matched.length && !v.notLogged.length && !v.notListed.length;
    const differ = v.amountDiffers.length;
    out.push(row(`VENDOR STATEMENT ${v.vendorId}`, nothing ? `no credit notes dated and no cases logged in ${ctx.month}` : `${v.matched.length} credit note${v.matched.length === 1 ? '' : 's'} of ${ctx.month} match cases${differ ? `, ${differ} of them for another amount` : ''}`));
    out.push(row('Vendor says refunded, not logged', 'Date', 'Reference', 'Order #', 'Amount', 'Currency'));
    for (const n of v.notLogged) out.push(row(n.lineId, n.date, n.reference, n.orderNo, toSheetNumber(n.amount, n.currency), n.currency));
    out.push(row('Logged, vendor does not list', 'Date Logged', 'Order #', 'Amount', 'Currency', 'Status'));
    for (const c of v.notListed) out.push(row(c.caseId, c.dateLogged, c.orderNo, toSheetNumber(c.amount, c.currency), c.currency, c.status));
    if (differ) {
      out.push(row('Vendor lists another amount', 'Date', 'Reference', 'Order #', 'Note amount', 'Currency', 'Case amount', 'Case currency'));
      for (const d of v.amountDiffers) out.push(row(d.caseId, d.note.date, d.note.reference, d.orderNo, toSheetNumber(d.note.amount, d.note.currency), d.note.currency, toSheetNumber(d.caseAmount, d.caseCurrency), d.caseCurrency));
    }
  }
  return out;
}
