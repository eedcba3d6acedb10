// The `Matches` tab: every pairing reconciliation made or proposed, and every user decision,
// one row each. It is both the memory that makes re-runs respect decisions (rejected pairs are
// never suggested again; confirmed, auto and manual allocations stay put) and the trail of
// *why*: score and signals as they were when the pair was made.
import { Decimal } from '../money';
import type { Decision, DecisionState, Pair } from './types';

export const MATCHES_TAB = 'Matches';
export const MATCH_HEADERS = [
  'Case ID', 'Line ID', 'Statement', 'Month', 'State', 'Amount', 'Currency', 'Covers',
  'Case Currency', 'Score', 'Signals', 'Counterparty', 'Decided At', 'Decided By', 'Note',
] as const;

export type MatchState = DecisionState | 'suggested' | 'ambiguous';
/** The states of a pair that allocate money (the others propose, reject or undo). */
export const LIVE_STATES: ReadonlySet<string> = new Set<MatchState>(['auto', 'confirmed', 'manual']);

export interface MatchRow {
  caseId: string;
  lineId: string;
  statement: string;
  month: string;
  state: MatchState;
  /** Amounts as fixed-decimal text of their currency ('' for rejected/unmatched rows). */
  amount: string;
  currency: string;
  covers: string;
  caseCurrency: string;
  score: number | '';
  signals: string;
  counterparty: string;
  decidedAt: string;
  decidedBy: string;
  note: string;
}

const STATES = new Set(['auto', 'confirmed', 'manual', 'rejected', 'unmatched', 'suggested', 'ambiguous']);

export function matchRowFromCells(cells: readonly unknown[]): MatchRow | null {
  const t = (i: number) => (cells[i] === null || cells[i] === undefined ? '' : String(cells[i]).trim());
  const state = t(4);
  if (!t(0) || !t(1) || !STATES.has(state)) return null;
  const score = cells[9];
  return {
    caseId: t(0), lineId: t(1), statement: t(2), month: t(3), state: state as MatchState,
    amount: t(5), currency: t(6), covers: t(7), caseCurrency: t(8),
    score: typeof score === 'number' ? score : /^-?\d+$/.test(t(9)) ? Number(t(9)) : '',
    signals: t(10), counterparty: t(11), decidedAt: t(12), decidedBy: t(13), note: t(14),
  };
}

export function matchRowCells(r: MatchRow): (string | number)[] {
  return [r.caseId, r.lineId, r.statement, r.month, r.state, r.amount, r.currency, r.covers, r.caseCurrency, r.score, r.signals, r.counterparty, r.decidedAt, r.decidedBy, r.note];
}

const DECIDED = new Set<MatchState>(['auto', 'confirmed', 'manual', 'rejected', 'unmatched']);
export function isDecided(r: MatchRow): boolean {
  return DECIDED.has(r.state);
}

/** What the engine needs from the tab: the decided rows. For a pair with several rows the
 *  last one wins (a pair confirmed, then unmatched, then confirmed again). */
export function decisionsFromRows(rows: readonly MatchRow[]): Decision[] {
  const last = new Map<string, MatchRow>();
  for (const r of rows) if (isDecided(r)) last.set(`${r.caseId}\u0001${r.lineId}`, r);
  const out: Decision[] = [];
  for (const r of last.values()) {
    const num = (s: string) => (/^-?\d+(\.\d+)?$/.test(s) ? new Decimal(s) : undefined);
    out.push({
      caseId: r.caseId, lineId: r.lineId, state: r.state as DecisionState, amount: num(r.amount), covers: num(r.covers), counterparty: r.counterparty || undefined,
      score: typeof r.score === 'number' ? r.score : undefined, signals: r.signals ? r.signals.split(' · ') : undefined,
    });
  }
  return out;
}

/**
 * The tab after a run: decided rows stay as they are (in their order); this month's
 * proposals (suggested/ambiguous) are replaced by the run's; new auto pairs are added.
 * Proposals of other months stay until their month is run again.
 */
export function mergeMatchRows(
  existing: readonly MatchRow[],
  month: string,
  pairs: readonly Pair[],
  info: (p: Pair) => { statement: string; counterparty: string },
  stamp: { time: string; user: string },
  fmt: (amount: Decimal, currency: string) => string,
): MatchRow[] {
  // Order: decided rows (as they were), new automatic matches, then proposals (other months'
  // as they were, this month's new ones). A re-run therefore reproduces the same tab.
  const decided = existing.filter(isDecided);
  const otherProposals = existing.filter((r) => !isDecided(r) && r.month !== month);
  const decidedKeys = new Set(decided.map((r) => `${r.caseId}\u0001${r.lineId}`));
  const previous = new Map(existing.map((r) => [`${r.caseId}\u0001${r.lineId}\u0001${r.state}`, r]));
  const added: MatchRow[] = [];
  for (const p of pairs) {
    if (p.kept) continue;
    const key = `${p.caseId}\u0001${p.lineId}`;
    if (p.state === 'auto' && decidedKeys.has(key)) continue;
    const { statement, counterparty } = info(p);
    // A proposal unchanged since the last run keeps its original time (re-runs change nothing).
    const before = previous.get(`${key}\u0001${p.state}`);
    added.push({
      caseId: p.caseId, lineId: p.lineId, statement, month, state: p.state,
      amount: fmt(p.amount, p.currency), currency: p.currency, covers: fmt(p.covers, p.caseCurrency), caseCurrency: p.caseCurrency,
      score: p.score, signals: p.signals.join(' · '), counterparty,
      decidedAt: before ? before.decidedAt : p.state === 'auto' ? stamp.time : '',
      decidedBy: before ? before.decidedBy : p.state === 'auto' ? 'reconciliation' : '',
      note: '',
    });
  }
  return [...decided, ...added.filter(isDecided), ...otherProposals, ...added.filter((r) => !isDecided(r))];
}
