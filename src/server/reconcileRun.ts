// Monthly reconciliation use cases (DESIGN §5 Match). One run = read Cases, Vendors, Settings,
// Matches and each Stmt tab once; match in memory (src/domain/reconcile, pure); then write each
// changed block once: the Stmt tabs' match columns, the `Recon YYYY-MM` report, and — last, as
// the commit — Cases, Matches and the Audit Log together.
//
// Long months: the write phases above are the units of work. After each one the run checks its
// time budget (default 5 of Apps Script's 6 minutes; `budgetMs` or Settings ▸ "Reconcile Budget
// Seconds" lower it). Out of time, it saves its place in a document property and continues in a
// new execution (a time trigger calling continueReconciliation, or the dialog's Continue
// button). Each execution re-reads and re-matches: the engine is deterministic and its inputs
// do not change until the commit phase, so every execution computes the same plan and a
// resumed run ends exactly as a one-shot run would. Every phase is a single block write that
// either lands whole or not at all; a phase already applied is found unchanged and skipped.
// Until the commit has run, Cases and Matches are untouched.
import * as z from 'zod';
import { MONTH_MESSAGE } from './request';
import { Decimal, formatAmount, toSheetNumber } from '../domain/money';
import { isCurrencyCode } from '../domain/currency';
import type { CaseRecord } from '../domain/caseRecord';
import type { StatementLine } from '../domain/statements/line';
import { reconcile } from '../domain/reconcile/engine';
import { defaultReconSettings } from '../domain/reconcile/settings';
import type { Decision, FxRate, Pair, ReconCase, ReconResult, ReconSettings, ReconVendor } from '../domain/reconcile/types';
import { decisionsFromRows, mergeMatchRows, type MatchRow } from '../domain/reconcile/decisions';
import { caseChange, type CaseChange } from '../domain/reconcile/caseUpdates';
import { buildReport, noLinesWarning, summarize, type ReportSummary } from '../domain/reconcile/report';
import { compareVendorStatement, creditNoteOf, type VendorComparison } from '../domain/reconcile/vendorStatement';
import { FxTable } from '../domain/reconcile/fx';
import { isMonth, monthEnd } from '../domain/reconcile/dates';
import { readCases, writeCases, type CaseTable } from '../sheets/caseRepo';
import { readVendors } from '../sheets/vendorRepo';
import { readSettings, type Settings } from '../sheets/settings';
import { appendAudit, auditEntry } from '../sheets/auditLog';
import { withDocumentLock } from '../sheets/lock';
import type { Cell } from '../sheets/writer';
import {
  clearContinuation, readClosedMonths, readMatches, readRunState, readStatementTabs, sameCells, scheduleContinuation, statementMatchLayout,
  writeMatches, writeReport, writeRunState, writeStatementMatches, cellsForRunWrites, type MatchLayout, type RunState, type StatementTab,
} from '../sheets/reconRepo';
import { assertCellRoom } from '../sheets/grid';
import { stamp, type Stamp } from './context';

export const DEFAULT_BUDGET_MS = 5 * 60 * 1000;

export const runRequestSchema = z.object({
  month: z.string().refine(isMonth, MONTH_MESSAGE),
  statementSheets: z.array(z.string()).optional(),
  budgetMs: z.number().int().min(0).optional(),
});
export type RunRequest = z.infer<typeof runRequestSchema>;


export interface RunOutcome {
  status: 'done' | 'continuing';
  month: string;
  summary: ReportSummary;
  phasesDone: number;
  phasesTotal: number;
  /** What this execution wrote, e.g. ['Stmt CMB 2026-10', 'Recon 2026-10', 'Cases', 'Matches']. */
  wrote: string[];
  message: string;
  scheduled: boolean;
}

/** Everything a run reads. */
export interface Inputs {
  st: Stamp;
  month: string;
  caseTable: CaseTable;
  records: Map<string, CaseRecord>;
  cases: ReconCase[];
  tabs: StatementTab[];
  moneyLines: StatementLine[];
  lineInfo: Map<string, { line: StatementLine; statement: string }>;
  vendors: ReconVendor[];
  settings: Settings;
  recon: ReconSettings;
  fxRates: FxRate[];
  /** Matches rows the run works with (read, plus a decision's new rows in memory). */
  matchRows: MatchRow[];
  /** Matches rows as they are on the tab now (what a write replaces). */
  storedMatchRows: MatchRow[];
  decisions: Decision[];
}

export function loadInputs(st: Stamp, month: string, statementSheets?: string[]): Inputs {
  const settings = readSettings(st.ss);
  const caseTable = readCases(st.ss);
  const vendorTable = readVendors(st.ss);
  const tabs = readStatementTabs(st.ss, st.zone, statementSheets);
  const { rows: matchRows } = readMatches(st.ss);
  const { records, cases } = casesOf(caseTable);
  const moneyLines: StatementLine[] = [];
  const lineInfo = new Map<string, { line: StatementLine; statement: string }>();
  for (const t of tabs) {
    for (const l of t.lines) {
      lineInfo.set(l.lineId, { line: l, statement: t.name });
      if (!t.isVendor) moneyLines.push(l);
    }
  }
  const fxRates: FxRate[] = settings.fxRates.map((r) => ({ date: /^\d{4}-\d{2}-\d{2}/.test(r.asOf) ? r.asOf.slice(0, 10) : '1970-01-01', from: r.currency, to: settings.baseCurrency, rate: r.rate }));
  return {
    st, month, caseTable, records, cases, tabs, moneyLines, lineInfo,
    vendors: vendorTable.vendors.map((v) => ({ vendorId: v.vendorId, name: v.name, aliases: v.aliases })),
    settings, recon: reconSettingsFrom(settings), fxRates, matchRows, storedMatchRows: matchRows, decisions: decisionsFromRows(matchRows),
  };
}

function casesOf(caseTable: CaseTable, override?: (r: CaseRecord) => CaseRecord): { records: Map<string, CaseRecord>; cases: ReconCase[] } {
  const records = new Map<string, CaseRecord>();
  const cases: ReconCase[] = [];
  for (const row of caseTable.rows) {
    const r = override ? override(row.record) : row.record;
    if (!r.caseId || records.has(r.caseId)) continue;
    records.set(r.caseId, r);
    // A row Check the log would flag (no currency, amount not a number) is left out here.
    if (!isCurrencyCode(r.currency) || !/^\d+(\.\d+)?$/.test(r.amount)) continue;
    cases.push({
      caseId: r.caseId, dateLogged: r.dateLogged, orderNo: r.orderNo, vendorId: r.vendorId, vendorName: r.vendorName,
      amount: new Decimal(r.amount), currency: r.currency, status: r.status, expectedCompletion: r.expectedCompletion,
    });
  }
  return { records, cases };
}

/** The same inputs with decision rows added (in memory only: nothing is written) and, for an
 *  unmatch, case records amended (e.g. Reconciled → Agreed). */
export function withDecisions(inp: Inputs, added: readonly MatchRow[], override?: (r: CaseRecord) => CaseRecord): Inputs {
  const matchRows = [...inp.matchRows, ...added];
  const { records, cases } = override ? casesOf(inp.caseTable, override) : { records: inp.records, cases: inp.cases };
  return { ...inp, records, cases, matchRows, decisions: decisionsFromRows(matchRows) };
}

/** Settings tab → matching settings. The fee floor is in base currency; it is converted into
 *  each currency that has an FX rate (other currencies get the percentage only). */
export function reconSettingsFrom(s: Settings): ReconSettings {
  const d = defaultReconSettings(s.baseCurrency);
  const floor: Record<string, Decimal> = { [s.baseCurrency]: s.feeToleranceAmount };
  for (const r of s.fxRates) if (r.currency !== s.baseCurrency && r.rate.gt(0)) floor[r.currency] = s.feeToleranceAmount.div(r.rate);
  return {
    ...d,
    feeTolerancePercent: s.feeTolerancePct,
    feeToleranceMinimum: floor,
    fxTolerancePercent: s.fxTolerancePct,
    windowDaysAfter: s.dateWindowDays,
    defaultSlaDays: s.defaultSlaDays,
  };
}

export interface Plan {
  result: ReconResult;
  stmtCells: Map<string, Map<string, Cell[]>>;
  caseChanges: CaseChange[];
  matchRows: MatchRow[];
  report: (string | number)[][];
  summary: ReportSummary;
  vendorComparisons: VendorComparison[];
  audit: ReturnType<typeof auditEntry>[];
}

export function computePlan(inp: Inputs, reopen: Set<string> = new Set()): Plan {
  // A month's report is about the cases logged by its end: a case logged later is not "waiting"
  // in an earlier month (and no line of that month can pay it: the window starts at the log date).
  const end = monthEnd(inp.month);
  const result = reconcile({
    month: inp.month, cases: inp.cases.filter((c) => !c.dateLogged || c.dateLogged <= end), lines: inp.moneyLines, vendors: inp.vendors, fxRates: inp.fxRates,
    decisions: inp.decisions, settings: inp.recon, today: inp.st.today,
  });
  const fx = new FxTable(inp.fxRates, inp.recon.baseCurrency);
  // Stmt match columns, per tab, for this month's lines.
  const outcomeOf = new Map(result.lines.map((l) => [l.lineId, l]));
  const stmtCells = new Map<string, Map<string, Cell[]>>();
  for (const t of inp.tabs) {
    if (t.isVendor) continue;
    const cells = new Map<string, Cell[]>();
    for (const l of t.lines) {
      const o = outcomeOf.get(l.lineId);
      if (!o) continue;
      const next: Cell[] = o.matchStatus === 'not a refund' ? ['', '', '', ''] : [o.matchStatus, o.caseIds.join(', '), o.allocated.isZero() ? '' : toSheetNumber(o.allocated, o.currency), o.signals.join(' · ')];
      if (!sameCells(t.current.get(l.lineId), next)) cells.set(l.lineId, next);
    }
    if (cells.size) stmtCells.set(t.name, cells);
  }
  // Cases.
  const caseChanges: CaseChange[] = [];
  for (const o of result.cases) {
    const rec = inp.records.get(o.caseId);
    if (!rec) continue;
    const ch = caseChange(rec, o, inp.st.today, reopen.has(o.caseId));
    if (ch) caseChanges.push(ch);
  }
  // Matches.
  const info = (p: Pair) => {
    const i = inp.lineInfo.get(p.lineId);
    return { statement: i ? i.statement : '', counterparty: i ? i.line.counterparty : '' };
  };
  const matchRows = mergeMatchRows(inp.matchRows, inp.month, result.pairs, info, inp.st, formatAmount);
  // Audit: each case field that moved, and each new automatic match with its evidence.
  const audit: Plan['audit'] = [];
  for (const ch of caseChanges) for (const a of ch.audit) audit.push(auditEntry(inp.st, ch.caseId, 'Reconcile', a.field, a.oldValue, a.newValue));
  const decided = new Set(inp.decisions.map((d) => `${d.caseId}\u0001${d.lineId}`));
  for (const p of result.pairs) {
    if (p.state !== 'auto' || p.kept || decided.has(`${p.caseId}\u0001${p.lineId}`)) continue;
    audit.push(auditEntry(inp.st, p.caseId, 'Auto-match', p.lineId, '', `${formatAmount(p.amount, p.currency)} ${p.currency}; score ${p.score}; ${p.signals.join(' · ')}`));
  }
  // Vendor statements in scope.
  const vendorComparisons: VendorComparison[] = [];
  for (const t of inp.tabs) {
    if (!t.isVendor) continue;
    // The vendor ID is on every credit note (Counterparty); the tab name may be shortened to 31 characters.
    const vendorId = t.lines.find((l) => l.counterparty)?.counterparty ?? t.name.slice('Stmt Vendor '.length).split(' ')[0];
    const notes = t.lines.map(creditNoteOf);
    vendorComparisons.push(compareVendorStatement(vendorId, notes, inp.cases, { from: `${inp.month}-01`, to: end }));
  }
  const closed = readClosedMonths().find((c) => c.month === inp.month);
  const ctx = {
    month: inp.month, today: inp.st.today, baseCurrency: inp.recon.baseCurrency, statements: inp.tabs.map((t) => t.name),
    cases: new Map(inp.cases.map((c) => [c.caseId, c])), lines: inp.lineInfo, fx, vendorComparisons, closedAt: closed?.closedAt,
  };
  return { result, stmtCells, caseChanges, matchRows, report: buildReport(result, ctx), summary: summarize(result, ctx), vendorComparisons, audit };
}

/** The write phases of a plan, in order; the commit is last. */
function phasesOf(inp: Inputs, plan: Plan): string[] {
  return [...inp.tabs.filter((t) => !t.isVendor).map((t) => `stmt:${t.name}`), 'report', 'commit'];
}

function applyPhase(inp: Inputs, plan: Plan, phase: string, wrote: string[], layouts: Map<string, MatchLayout>): void {
  if (phase.startsWith('stmt:')) {
    const name = phase.slice(5);
    const cells = plan.stmtCells.get(name);
    const tab = inp.tabs.find((t) => t.name === name);
    if (cells && tab && writeStatementMatches(tab, cells, layouts.get(name))) wrote.push(name);
  } else if (phase === 'report') {
    if (writeReport(inp.st.ss, inp.month, plan.report)) wrote.push(`Recon ${inp.month}`);
  } else if (phase === 'commit') {
    if (plan.caseChanges.length) {
      const stampUpdate = (r: CaseRecord): CaseRecord => ({ ...r, updatedAt: inp.st.time, updatedBy: inp.st.user });
      writeCases(inp.st.ss, inp.caseTable, plan.caseChanges.map((c) => stampUpdate(c.record)));
      wrote.push('Cases');
    }
    if (!sameMatchRows(inp.storedMatchRows, plan.matchRows)) {
      writeMatches(inp.st.ss, plan.matchRows);
      wrote.push('Matches');
    }
    if (plan.audit.length) {
      appendAudit(inp.st.ss, plan.audit);
      wrote.push('Audit Log');
    }
  }
}

function sameMatchRows(a: readonly MatchRow[], b: readonly MatchRow[]): boolean {
  if (a.length !== b.length) return false;
  const key = (r: MatchRow) => JSON.stringify([r.caseId, r.lineId, r.statement, r.month, r.state, r.amount, r.currency, r.covers, r.caseCurrency, r.score, r.signals, r.counterparty, r.decidedAt, r.decidedBy, r.note]);
  return a.every((r, i) => key(r) === key(b[i]));
}

function budgetFor(settings: Settings, requested?: number): number {
  if (requested !== undefined) return requested;
  const s = settings.values['Reconcile Budget Seconds'];
  return s && /^\d+$/.test(s) ? Number(s) * 1000 : DEFAULT_BUDGET_MS;
}

/** One execution's share of a run: match, then write phases until done or out of time. */
export function runOnce(req: RunRequest, resumed: RunState | null): RunOutcome {
  const started = Date.now();
  const st = stamp();
  // A month that has not begun has no statement lines; running it would only add an empty report tab.
  if (req.month > st.today.slice(0, 7)) throw new Error(`${req.month} has not begun (today is ${st.today}): there is nothing to reconcile yet. Nothing was changed.`);
  return withDocumentLock(() => {
    assertMonthOpen(req.month);
    const inp = loadInputs(st, req.month, req.statementSheets);
    return runLocked(inp, computePlan(inp), req, resumed, started);
  });
}

export function assertMonthOpen(month: string): void {
  if (readClosedMonths().some((c) => c.month === month)) {
    throw new Error(`${month} is closed. Nothing was changed. (Closed months are kept as they were reported.)`);
  }
}

/**
 * The write phases of a computed plan, for a caller that already holds the document lock (the
 * lock is not re-entrant: a nested withDocumentLock would release it on its way out). Checks
 * everything it can before its first write (the Stmt tabs' match columns), so a plan that
 * cannot be written writes nothing.
 */
export function runLocked(inp: Inputs, plan: Plan, req: RunRequest, resumed: RunState | null, started: number): RunOutcome {
  const phases = phasesOf(inp, plan);
  const budget = resumed ? resumed.budgetMs : budgetFor(inp.settings, req.budgetMs);
  const state: RunState = resumed ?? { month: req.month, statementSheets: req.statementSheets ?? [], done: [], startedAt: inp.st.time, budgetMs: budget, executions: 0 };
  const layouts = new Map<string, MatchLayout>();
  for (const phase of phases) {
    if (!phase.startsWith('stmt:') || state.done.includes(phase)) continue;
    const tab = inp.tabs.find((t) => t.name === phase.slice(5));
    if (tab && plan.stmtCells.has(tab.name)) layouts.set(tab.name, statementMatchLayout(tab));
  }
  // The cell limit is the one failure a block write cannot rule out by itself: check what the
  // remaining phases add before the first of them writes.
  const pending = (p: string) => !state.done.includes(p);
  const commitPending = pending('commit');
  const cells = cellsForRunWrites(inp.st.ss, inp.month, {
    report: pending('report') ? plan.report.length : 0,
    matches: commitPending && !sameMatchRows(inp.storedMatchRows, plan.matchRows) ? plan.matchRows.length : 0,
    audit: commitPending ? plan.audit.length : 0,
  });
  if (cells > 0) assertCellRoom(inp.st.ss, cells, `Nothing was changed: reconciling ${inp.month} would take the spreadsheet over its cell limit`);
  state.executions++;
  const wrote: string[] = [];
  let progressed = 0;
  for (const phase of phases) {
    if (state.done.includes(phase)) continue;
    // Out of time before this phase: save the place and continue in a fresh execution (each
    // execution completes at least one phase, so a run always ends).
    if (progressed > 0 && Date.now() - started > budget) {
      writeRunState(state);
      const scheduled = scheduleContinuation();
      return outcome('continuing', req.month, plan.summary, state.done.length, phases.length, wrote, scheduled);
    }
    applyPhase(inp, plan, phase, wrote, layouts);
    state.done.push(phase);
    progressed++;
  }
  writeRunState(null);
  clearContinuation();
  return outcome('done', req.month, plan.summary, phases.length, phases.length, wrote, false);
}

function outcome(status: RunOutcome['status'], month: string, summary: ReportSummary, done: number, total: number, wrote: string[], scheduled: boolean): RunOutcome {
  const c = summary.counts;
  // Cases, as in the per-currency table (a case paid in two instalments is one case, two pairs).
  const matchedCases = summary.byCurrency.reduce((n, x) => n + x.matchedCases, 0);
  const pairs = c.auto + c.confirmed + c.manual;
  const message =
    status === 'done'
      ? `${month}: ${matchedCases} case${matchedCases === 1 ? '' : 's'} matched (${pairs} pair${pairs === 1 ? '' : 's'}, ${c.auto} automatic), ${c.suggested} suggested and ${c.ambiguous} ambiguous pairs to review, ${c.waiting} cases waiting, ${c.unexplained} unexplained credits${wrote.length ? '' : ' — nothing changed'}.${noLinesWarning(summary) ? ` ${noLinesWarning(summary)}` : ''}`
      : `${month}: ${done} of ${total} steps done; ${scheduled ? 'continuing automatically in a minute' : 'press Continue'}.`;
  return { status, month, summary, phasesDone: done, phasesTotal: total, wrote, message, scheduled };
}

export { readRunState };
