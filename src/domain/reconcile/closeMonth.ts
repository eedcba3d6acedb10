// Closing a month (DESIGN anchors §8.9, GnuCash/beancount-style assertions): once closed, the
// money matched in that month is a fact the books rely on. Closing writes a fingerprint of
// each matched case into its `Matches` rows (Note column: `closed YYYY-MM | <fingerprint>`);
// Check the log compares the Cases row with it and flags any later edit. The list of closed
// months is the document property `rcl.closedMonths` (JSON [{month, closedAt, closedBy}]).
import type { CaseRecord } from '../caseRecord';
import { LIVE_STATES, type MatchRow } from './decisions';

/** The facts of a case a closed month relies on: who owed what for which order. (Received
 *  Amount and status may still move when a later month pays the rest of an instalment.) */
export function caseFingerprint(r: Pick<CaseRecord, 'vendorId' | 'orderNo' | 'amount' | 'currency'>): string {
  return [r.vendorId, r.orderNo, r.amount, r.currency].join('|');
}

export function closedNote(month: string, fingerprint: string): string {
  return `closed ${month} | ${fingerprint}`;
}

/** Marks the month's live rows with the fingerprint of their case. */
export function markClosed(rows: readonly MatchRow[], month: string, records: Map<string, CaseRecord>): MatchRow[] {
  return rows.map((r) => {
    if (r.month !== month || !LIVE_STATES.has(r.state)) return r;
    const rec = records.get(r.caseId);
    return rec ? { ...r, note: closedNote(month, caseFingerprint(rec)) } : r;
  });
}

export interface ClosedMonthProblem {
  caseId: string;
  month: string;
  message: string;
}

/**
 * Cases edited after their month was closed (for Check the log): the fingerprint, and the money
 * the closed month matched, which must still be on the case (a later month may add lines to
 * Matched Transactions, never take one away).
 */
export function closedMonthProblems(rows: readonly MatchRow[], records: Map<string, CaseRecord>): ClosedMonthProblem[] {
  const out: ClosedMonthProblem[] = [];
  const seen = new Set<string>();
  const missing = new Set<string>();
  for (const r of rows) {
    const m = /^closed (\d{4}-\d{2}) \| (.*)$/.exec(r.note);
    if (!m) continue;
    const rec = records.get(r.caseId);
    if (!seen.has(r.caseId)) {
      seen.add(r.caseId);
      if (!rec) {
        out.push({ caseId: r.caseId, month: m[1], message: `${r.caseId} was matched in closed month ${m[1]} but is no longer on the Cases tab` });
        continue;
      }
      if (caseFingerprint(rec) !== m[2]) {
        out.push({ caseId: r.caseId, month: m[1], message: `${r.caseId} changed after ${m[1]} was closed (was ${m[2].split('|').join(' · ')})` });
      }
    }
    if (!rec || missing.has(r.caseId)) continue;
    const listed = rec.matchedTransactions.split(/[,;\s]+/);
    if (!listed.includes(r.lineId)) {
      missing.add(r.caseId);
      out.push({ caseId: r.caseId, month: m[1], message: `${r.caseId} no longer lists ${r.lineId} in Matched Transactions, though closed month ${m[1]} matched it (${r.amount} ${r.currency})` });
    }
  }
  return out;
}
