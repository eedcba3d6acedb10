// Review of a month's matches (sidebar `review` view) and the decisions on them. Each decision
// is a row added to `Matches` (nothing is deleted: an unmatched pair keeps its earlier rows as
// evidence) together with a full run of the month, under one hold of the document lock: the
// decision is checked and the month's plan computed with the new rows in memory before anything
// is written, so Cases, the Stmt tabs and the report always agree with the decisions, and a
// decision that cannot be carried through writes nothing. Decisions are refused on closed months
// and while a run of another month is in progress.
import * as z from 'zod';
import { Decimal, formatAmount, roundToCurrency } from '../domain/money';
import type { CaseRecord } from '../domain/caseRecord';
import { isMonth } from '../domain/reconcile/dates';
import { LIVE_STATES, type MatchRow } from '../domain/reconcile/decisions';
import { markClosed } from '../domain/reconcile/closeMonth';
import { AlternativeLines } from '../domain/reconcile/alternatives';
import { FxTable } from '../domain/reconcile/fx';
import { parseVendorCsv, VENDOR_TAB_PREFIX } from '../domain/reconcile/vendorStatement';
import { notStatementReason } from '../domain/statements/binary';
import { appendAudit, auditEntry } from '../sheets/auditLog';
import { withDocumentLock } from '../sheets/lock';
import { writeStatementTab, existingLineIds, freeStatementTabName, periodMonths } from '../sheets/statementRepo';
import { activateRow, laterOpenReports, readClosedMonths, readRunState, reportTabName, statementTabNames, writeClosedMonths, writeMatches, writeReport } from '../sheets/reconRepo';
import { readVendors } from '../sheets/vendorRepo';
import { computePlan, loadInputs, runLocked, withDecisions, type Inputs, type Plan, type RunOutcome } from './reconcileRun';
import { MONTH_MESSAGE, validateRequest } from './request';
import { stamp } from './context';

const monthSchema = z.string().refine(isMonth, MONTH_MESSAGE);
const pairSchema = z.object({ month: monthSchema, caseId: z.string().min(1), lineId: z.string().min(1), note: z.string().max(500).optional() });
const manualSchema = z.object({ month: monthSchema, caseId: z.string().min(1), lineIds: z.array(z.string().min(1)).min(1), note: z.string().max(500).optional() });

export interface ReviewSide {
  caseId: string; vendor: string; orderNo: string; amount: string; currency: string; dateLogged: string; expected: string; status: string;
}
export interface ReviewLine {
  lineId: string; statement: string; date: string; amount: string; currency: string; counterparty: string; reference: string; description: string;
}
/** A case and a statement line side by side, with why they were paired. */
export interface PairView {
  score: number;
  signals: string[];
  /** Amount proposed for the case, in the line's currency, and what it covers of the case. */
  amount: string;
  covers: string;
  case: ReviewSide;
  line: ReviewLine;
}
export interface ReviewItem extends PairView {
  state: 'suggested' | 'ambiguous';
  /** Other lines that could pay the case (for "pick another line"): the engine's other
   *  proposals, then unallocated lines of the month within tolerance of the open amount. */
  alternatives: string[];
  /** The same lines as the user sees them: "2026-11-18 · 1,125.30 CNY · 义乌快乐玩具贸易 · Stmt CMB 2026-09..11". */
  alternativeLines: { lineId: string; label: string }[];
}
/** A live pairing of the month (auto, confirmed or manual), which the accountant may unmatch. */
export interface MatchedPair extends PairView {
  state: 'auto' | 'confirmed' | 'manual';
}
export interface ReviewItems {
  month: string;
  closed: boolean;
  items: ReviewItem[];
  /** The month's live pairs, newest decisions included. */
  matched: MatchedPair[];
  counts: Record<string, number>;
}

function assertOpen(month: string): void {
  if (readClosedMonths().some((c) => c.month === month)) throw new Error(`${month} is closed; its matches can no longer change. Nothing was changed.`);
}

export function reviewItems(monthInput: unknown): ReviewItems {
  const month = validateRequest(monthSchema, monthInput, 'month');
  const st = stamp();
  const inp = loadInputs(st, month);
  const plan = computePlan(inp);
  const caseOf = new Map(inp.cases.map((c) => [c.caseId, c]));
  const items: ReviewItem[] = [];
  const matched: MatchedPair[] = [];
  const proposals = plan.result.pairs.filter((p) => p.state === 'suggested' || p.state === 'ambiguous');
  const openOf = new Map(plan.result.cases.map((o) => [o.caseId, o.open]));
  const nearMisses = new AlternativeLines({
    lines: inp.moneyLines, month, allocated: new Map(plan.result.lines.map((l) => [l.lineId, l.allocated])),
    vendorOf: new Map(plan.result.lines.filter((l) => l.vendorId).map((l) => [l.lineId, l.vendorId])),
    fx: new FxTable(inp.fxRates, inp.recon.baseCurrency), feeTolerancePercent: inp.recon.feeTolerancePercent, fxTolerancePercent: inp.recon.fxTolerancePercent,
  });
  const rejected = new Set(inp.decisions.filter((x) => x.state === 'rejected').map((x) => `${x.caseId}\u0001${x.lineId}`));
  for (const p of plan.result.pairs) {
    const c = caseOf.get(p.caseId);
    const li = inp.lineInfo.get(p.lineId);
    if (!c || !li) continue;
    const l = li.line;
    const pair: PairView = {
      score: p.score,
      signals: p.signals,
      amount: `${formatAmount(p.amount, p.currency)} ${p.currency}`,
      covers: `${formatAmount(p.covers, p.caseCurrency)} ${p.caseCurrency}`,
      case: { caseId: c.caseId, vendor: c.vendorName, orderNo: c.orderNo, amount: formatAmount(c.amount, c.currency), currency: c.currency, dateLogged: c.dateLogged, expected: c.expectedCompletion, status: c.status },
      line: { lineId: l.lineId, statement: li.statement, date: l.bookingDate, amount: formatAmount(l.amount, l.currency), currency: l.currency, counterparty: l.counterparty, reference: l.reference, description: l.description },
    };
    if (p.state === 'auto' || p.state === 'confirmed' || p.state === 'manual') {
      matched.push({ state: p.state, ...pair });
      continue;
    }
    if (p.state !== 'suggested' && p.state !== 'ambiguous') continue;
    // The engine's other proposals for the case first, then near misses it did not propose.
    const others = proposals.filter((q) => q.caseId === p.caseId && q.lineId !== p.lineId).map((q) => q.lineId);
    const exclude = new Set([p.lineId, ...others]);
    const near = nearMisses.find(openOf.get(p.caseId) ?? c.amount, c.currency, c.vendorId, l.bookingDate, exclude).filter((id) => !rejected.has(`${p.caseId}\u0001${id}`));
    const alternatives = [...others, ...near];
    items.push({
      state: p.state,
      ...pair,
      alternatives,
      alternativeLines: alternatives.map((id) => ({ lineId: id, label: lineLabel(inp, id) })),
    });
  }
  items.sort((a, b) => (a.state === b.state ? b.score - a.score : a.state === 'ambiguous' ? -1 : 1));
  const c = plan.summary.counts;
  matched.sort((a, b) => a.case.caseId.localeCompare(b.case.caseId) || a.line.date.localeCompare(b.line.date));
  return { month, closed: readClosedMonths().some((x) => x.month === month), items, matched, counts: { ...c } };
}

function lineLabel(inp: Inputs, lineId: string): string {
  const li = inp.lineInfo.get(lineId);
  if (!li) return lineId;
  const l = li.line;
  return [l.bookingDate, `${formatAmount(l.amount, l.currency)} ${l.currency}`, l.counterparty || l.reference || l.description, li.statement].filter(Boolean).join(' · ');
}

/**
 * One decision, atomically: under a single hold of the document lock, read the month, check the
 * decision against it, compute the month's plan with the new Matches rows in memory, check every
 * tab it will write, then write the Stmt match columns, the report and — last — Cases, Matches
 * and the Audit Log (the decision rows, the unmatch changes, the run's own). A decision that
 * fails any check writes nothing, and no other execution can run between the decision and the
 * run of the month.
 */
function decideAndRun(month: string, decide: (inp: Inputs, plan: Plan) => MatchRow[], reopen: Set<string> = new Set()): RunOutcome {
  const started = Date.now();
  const st = stamp();
  return withDocumentLock(() => {
    assertOpen(month);
    const run = readRunState();
    if (run && run.month !== month) {
      throw new Error(`A reconciliation of ${run.month} is still in progress; let it finish (or press Continue) before deciding on ${month}. Nothing was changed.`);
    }
    const inp = loadInputs(st, month);
    const added = decide(inp, computePlan(inp));
    // Unmatch: a Reconciled case goes back to Agreed (money expected again) and its received
    // amounts follow what is still matched; the month's plan sees it as open.
    const original = new Map<string, CaseRecord>();
    const inp2 = withDecisions(inp, added, reopen.size ? (r) => {
      if (!reopen.has(r.caseId) || r.status !== 'Reconciled') return r;
      original.set(r.caseId, r);
      // The refund is no longer complete: the completion date goes with the status.
      return { ...r, status: 'Agreed', reconciledOn: '', actualCompletion: '' };
    } : undefined);
    const plan = computePlan(inp2);
    const decisionAudit = added.map((r) => auditEntry(st, r.caseId, `Match ${r.state}`, r.lineId, '', `${r.amount ? `${r.amount} ${r.currency}` : ''}${r.note ? `; ${r.note}` : ''}`));
    const unmatchAudit: ReturnType<typeof auditEntry>[] = [];
    const caseChanges = plan.caseChanges.filter((c) => !original.has(c.caseId));
    for (const [caseId, before] of original) {
      const reopened = inp2.records.get(caseId)!;
      const ch = plan.caseChanges.find((c) => c.caseId === caseId);
      const after = ch ? ch.record : reopened;
      caseChanges.push({ caseId, record: after, audit: ch ? ch.audit : [] });
      unmatchAudit.push(auditEntry(st, caseId, 'Unmatch', 'Status', before.status, after.status));
      if (before.reconciledOn !== after.reconciledOn) unmatchAudit.push(auditEntry(st, caseId, 'Unmatch', 'Reconciled On', before.reconciledOn, after.reconciledOn));
      if (before.actualCompletion !== after.actualCompletion) unmatchAudit.push(auditEntry(st, caseId, 'Unmatch', 'Actual Completion', before.actualCompletion, after.actualCompletion));
      const said = new Set(['Status', 'Reconciled On', 'Actual Completion']);
      for (const a of ch ? ch.audit : []) if (!said.has(a.field)) unmatchAudit.push(auditEntry(st, caseId, 'Unmatch', a.field, a.oldValue, a.newValue));
    }
    // The run's Reconcile entries of a reopened case are said by its Unmatch entries.
    const runAudit = plan.audit.filter((a) => !(original.has(a.caseId) && a.action === 'Reconcile'));
    const decided: Plan = { ...plan, caseChanges, audit: [...decisionAudit, ...unmatchAudit, ...runAudit] };
    const out = runLocked(inp2, decided, { month, budgetMs: Number.MAX_SAFE_INTEGER }, null, started);
    // Only this month is run again; a later month's report keeps what it showed until it is.
    const later = out.wrote.length ? laterOpenReports(st.ss, month, readClosedMonths().map((c) => c.month)) : [];
    if (!later.length) return out;
    const tabs = later.map(reportTabName).join(', ');
    return { ...out, message: `${out.message} ${tabs} ${later.length === 1 ? 'was' : 'were'} drawn before this decision: run ${later.join(', ')} again to bring ${later.length === 1 ? 'it' : 'them'} up to date.` };
  });
}

function row(inp: Inputs, month: string, caseId: string, lineId: string, state: MatchRow['state'], amount: Decimal | null, currency: string, covers: Decimal | null, caseCurrency: string, note: string, extra: Partial<MatchRow> = {}): MatchRow {
  const li = inp.lineInfo.get(lineId);
  return {
    caseId, lineId, statement: li ? li.statement : '', month, state,
    amount: amount ? formatAmount(amount, currency) : '', currency: amount ? currency : '',
    covers: covers ? formatAmount(covers, caseCurrency) : '', caseCurrency: covers ? caseCurrency : '',
    score: '', signals: '', counterparty: li ? li.line.counterparty : '', decidedAt: inp.st.time, decidedBy: inp.st.user, note, ...extra,
  };
}

export function confirm(input: unknown): RunOutcome {
  const req = validateRequest(pairSchema, input);
  return decideAndRun(req.month, (inp, plan) => {
    const p = plan.result.pairs.find((x) => x.caseId === req.caseId && x.lineId === req.lineId && (x.state === 'suggested' || x.state === 'ambiguous'));
    if (!p) throw new Error(`${req.caseId} ⇄ ${req.lineId} is not a suggestion of ${req.month} any more (run reconciliation again). Nothing was changed.`);
    return [row(inp, req.month, p.caseId, p.lineId, 'confirmed', p.amount, p.currency, p.covers, p.caseCurrency, req.note ?? '', { score: p.score, signals: p.signals.join(' · ') })];
  });
}

export function reject(input: unknown): RunOutcome {
  const req = validateRequest(pairSchema, input);
  return decideAndRun(req.month, (inp) => {
    const c = inp.cases.find((x) => x.caseId === req.caseId);
    if (!c) throw new Error(`No case ${req.caseId}. Nothing was changed.`);
    if (!inp.lineInfo.has(req.lineId)) throw new Error(`No statement line ${req.lineId}. Nothing was changed.`);
    return [row(inp, req.month, req.caseId, req.lineId, 'rejected', null, '', null, '', req.note ?? '')];
  });
}

/** The user's own pick: each line pays what it can of the case (line remaining, case open). */
export function manual(input: unknown): RunOutcome {
  const req = validateRequest(manualSchema, input);
  return decideAndRun(req.month, (inp, plan) => {
    const c = inp.cases.find((x) => x.caseId === req.caseId);
    if (!c) throw new Error(`No case ${req.caseId}. Nothing was changed.`);
    const outcome = plan.result.cases.find((x) => x.caseId === req.caseId);
    let open = outcome ? outcome.open : c.amount;
    const fx = new FxTable(inp.fxRates, inp.recon.baseCurrency);
    const rows: MatchRow[] = [];
    for (const lineId of req.lineIds) {
      const li = inp.lineInfo.get(lineId);
      if (!li) throw new Error(`No statement line ${lineId}. Nothing was changed.`);
      const l = li.line;
      if (!l.amount.gt(0)) throw new Error(`${lineId} is not money in (${formatAmount(l.amount, l.currency)} ${l.currency}). Nothing was changed.`);
      // A line belongs to the month it was booked in: matched from another month's review it
      // would be counted in neither report (and a closed month's line could be paid twice).
      const lineMonth = l.bookingDate.slice(0, 7);
      if (lineMonth !== req.month) {
        const closed = readClosedMonths().some((m) => m.month === lineMonth);
        throw new Error(`${lineId} was booked on ${l.bookingDate}, outside ${req.month}: ${closed ? `${lineMonth} is closed, so it cannot be matched any more` : `match it from ${lineMonth}'s review`}. Nothing was changed.`);
      }
      const used = plan.result.lines.find((x) => x.lineId === lineId)?.allocated ?? new Decimal(0);
      const remaining = l.amount.minus(used);
      if (!remaining.gt(0)) throw new Error(`${lineId} is already fully allocated. Unmatch it first. Nothing was changed.`);
      if (!open.gt(0)) break;
      let amount: Decimal;
      let covers: Decimal;
      if (l.currency === c.currency) {
        amount = Decimal.min(remaining, open);
        covers = amount;
      } else {
        const rate = fx.rate(l.currency, c.currency, l.bookingDate);
        if (!rate) throw new Error(`No FX rate from ${l.currency} to ${c.currency} (Settings ▸ FX rates). Nothing was changed.`);
        // Only the part of the line the open amount takes is allocated: the rest of the line
        // stays unexplained in the report (or pays another case), so no money drops out.
        const worth = roundToCurrency(remaining.times(rate), c.currency);
        if (worth.lte(open)) {
          amount = remaining;
          covers = worth;
        } else {
          amount = Decimal.min(remaining, roundToCurrency(open.div(rate), l.currency));
          covers = open;
        }
      }
      open = open.minus(covers);
      // What a reviewer should see later on the Matches row, when the user did not say it.
      const note = req.note ?? (l.currency !== c.currency ? `${l.currency} line for a ${c.currency} case` : '');
      rows.push(row(inp, req.month, c.caseId, lineId, 'manual', amount, l.currency, covers, c.currency, note));
    }
    // Nothing left open to pay: said, not answered with the month's summary as if it were matched.
    if (!rows.length) throw new Error(`${c.caseId} has nothing left open to match: it is already matched in full. Unmatch one of its lines first. Nothing was changed.`);
    return rows;
  });
}

export function unmatchPair(input: unknown): RunOutcome {
  const req = validateRequest(pairSchema, input);
  return decideAndRun(
    req.month,
    (inp) => {
      const live = inp.decisions.find((d) => d.caseId === req.caseId && d.lineId === req.lineId && (d.state === 'auto' || d.state === 'confirmed' || d.state === 'manual'));
      if (!live) throw new Error(`${req.caseId} ⇄ ${req.lineId} is not matched. Nothing was changed.`);
      // A case a closed month reports as matched keeps all its money: unmatching an instalment
      // of an open month would reopen a case the closed month relies on.
      const closed = new Set(readClosedMonths().map((m) => m.month));
      const fixedIn = inp.matchRows.find((r) => r.caseId === req.caseId && closed.has(r.month) && LIVE_STATES.has(r.state));
      if (fixedIn) throw new Error(`${req.caseId} is matched in closed month ${fixedIn.month} (${fixedIn.lineId}); its other matches can no longer change. Nothing was changed.`);
      return [row(inp, req.month, req.caseId, req.lineId, 'unmatched', null, '', null, '', req.note ?? 'unmatched by user')];
    },
    new Set([String((input as { caseId?: unknown })?.caseId ?? '')]),
  );
}

export interface CloseResult {
  month: string;
  closedAt: string;
  matchedCases: number;
}

export function close(monthInput: unknown): CloseResult {
  const month = validateRequest(monthSchema, monthInput, 'month');
  assertOpen(month);
  if (readRunState()) throw new Error('A reconciliation is still in progress; let it finish (or press Continue) before closing. Nothing was changed.');
  const st = stamp();
  return withDocumentLock(() => {
    const inp = loadInputs(st, month);
    const rows = markClosed(inp.matchRows, month, inp.records as Map<string, CaseRecord>);
    writeMatches(st.ss, rows);
    const list = readClosedMonths().filter((c) => c.month !== month);
    list.push({ month, closedAt: st.time, closedBy: st.user });
    list.sort((a, b) => (a.month < b.month ? -1 : 1));
    writeClosedMonths(list);
    const matched = new Set(rows.filter((r) => r.month === month && r.note.startsWith('closed ')).map((r) => r.caseId));
    appendAudit(st.ss, [auditEntry(st, '', 'Close month', month, '', `${matched.size} matched cases`)]);
    // The report says it is closed.
    const plan = computePlan(inp);
    writeReport(st.ss, month, plan.report);
    return { month, closedAt: st.time, matchedCases: matched.size };
  });
}

export interface ReconcileOptions {
  today: string;
  months: string[];
  defaultMonth: string;
  statementTabs: string[];
  closedMonths: string[];
  runInProgress: { month: string; done: number } | null;
}

export function options(): ReconcileOptions {
  const st = stamp();
  const tabs = statementTabNames(st.ss);
  const y = Number(st.today.slice(0, 4));
  const m = Number(st.today.slice(5, 7));
  const recent: string[] = [];
  for (let i = 0; i < 12; i++) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    recent.push(d.toISOString().slice(0, 7));
  }
  // The last twelve months, and any older month a statement tab covers or that was closed
  // (statements of last year imported now must be reconcilable for their own months).
  const closedMonths = readClosedMonths().map((c) => c.month);
  const months = [...new Set([...recent, ...tabs.flatMap(periodMonths), ...closedMonths])].filter((x) => x <= recent[0]).sort().reverse();
  const run = readRunState();
  return {
    today: st.today, months, defaultMonth: recent[1], statementTabs: tabs,
    closedMonths, runInProgress: run ? { month: run.month, done: run.done.length } : null,
  };
}

/** Selects a case's row on Cases, or a line's row on its Stmt tab. */
export function jump(input: unknown): boolean {
  const req = validateRequest(z.object({ caseId: z.string().optional(), lineId: z.string().optional(), statement: z.string().optional(), month: z.string().optional() }), input);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (req.caseId) return activateRow(ss, 'Cases', 'Case ID', req.caseId);
  if (req.lineId) {
    const tabs = req.statement ? [req.statement] : statementTabNames(ss);
    return tabs.some((t) => activateRow(ss, t, 'Line ID', req.lineId!));
  }
  if (req.month) {
    const sheet = ss.getSheetByName(reportTabName(req.month));
    if (sheet) sheet.activate();
    return !!sheet;
  }
  return false;
}

export interface VendorImportResult {
  ok: boolean;
  tabName: string;
  newCount: number;
  alreadyCount: number;
  errors: string[];
  message: string;
}

/** A vendor's credit-note list (CSV: date, reference, order #, amount, currency) into a
 *  `Stmt Vendor <ID> <period>` tab; the whole file or nothing. */
export function importVendor(input: unknown): VendorImportResult {
  const req = validateRequest(z.object({ vendorId: z.string().min(1).max(40), csv: z.string().min(1, 'The file is empty') }), input);
  // The dialog reads the file as text, so a PDF, image or workbook arrives as mojibake: sniff it
  // as the statement import sniffs bytes (code units as bytes; an undecodable byte, U+FFFD, as a
  // high byte, which is text in a legacy charset as often as it is binary).
  const sniff = Array.from(req.csv.slice(0, 4096), (ch) => { const c = ch.charCodeAt(0); return c === 0xfffd ? 0x80 : c > 0xff ? 0x41 : c; });
  const binary = notStatementReason(sniff);
  if (binary) return { ok: false, tabName: '', newCount: 0, alreadyCount: 0, errors: [binary], message: `Nothing was imported: ${binary}` };
  const { lines, errors } = parseVendorCsv(req.vendorId, req.csv);
  if (errors.length) return { ok: false, tabName: '', newCount: 0, alreadyCount: 0, errors, message: `Nothing was imported: ${errors.length} problem(s).` };
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  // Credit notes are compared with this vendor's cases: a mistyped ID would list them all as "not logged".
  if (!readVendors(ss).vendors.some((v) => v.vendorId === req.vendorId)) {
    const msg = `No vendor "${req.vendorId}" in the Vendors tab. Nothing was imported.`;
    return { ok: false, tabName: '', newCount: 0, alreadyCount: 0, errors: [msg], message: msg };
  }
  return withDocumentLock(() => {
    const known = existingLineIds(ss);
    const fresh = lines.filter((l) => !known.has(l.lineId));
    if (!fresh.length) return { ok: true, tabName: '', newCount: 0, alreadyCount: lines.length, errors: [], message: `0 new, ${lines.length} already imported` };
    // Named by its last month: tab names must stay within 31 characters to survive .xlsx.
    const dates = fresh.map((l) => l.bookingDate).sort();
    const name = freeStatementTabName(ss, `${VENDOR_TAB_PREFIX}${req.vendorId}`, dates[dates.length - 1].slice(0, 7));
    writeStatementTab(ss, name, fresh);
    return { ok: true, tabName: name, newCount: fresh.length, alreadyCount: lines.length - fresh.length, errors: [], message: `${fresh.length} credit notes → ${name}` };
  });
}
