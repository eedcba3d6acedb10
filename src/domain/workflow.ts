// The case lifecycle (DESIGN §4) as a table, so the rules live in one place and the sidebar can
// show the legal next steps. Evidence gates keep a status from claiming more than the file holds.
import { CaseStatus, EvidenceType, isCaseStatus } from './caseRecord';

const CLOSE_WITH_REASON: CaseStatus[] = ['Rejected', 'Cancelled', 'Written off'];

export const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  Logged: ['Requested', ...CLOSE_WITH_REASON],
  Requested: ['Agreed', 'Disputed', ...CLOSE_WITH_REASON],
  Disputed: ['Agreed', ...CLOSE_WITH_REASON],
  Agreed: ['Received', ...CLOSE_WITH_REASON],
  Received: ['Reconciled', ...CLOSE_WITH_REASON],
  Reconciled: [],
  Rejected: [],
  Cancelled: [],
  'Written off': [],
};

/** What a move into a status needs to be on file (any one of the evidence types suffices). */
const GATES: Partial<Record<CaseStatus, { evidence: EvidenceType[]; orStatementMatch: boolean }>> = {
  Agreed: { evidence: ['Vendor correspondence', 'Mediation record'], orStatementMatch: false },
  Received: { evidence: ['Proof of refund', 'Statement'], orStatementMatch: true },
  Reconciled: { evidence: [], orStatementMatch: true },
};

export function allowedTransitions(status: string): CaseStatus[] {
  return isCaseStatus(status) ? [...TRANSITIONS[status]] : [];
}

export function needsReason(to: CaseStatus): boolean {
  return CLOSE_WITH_REASON.includes(to);
}

export interface CaseFacts {
  evidenceTypes: readonly string[];
  /** The case has a matched statement line (Matched Transactions not blank). */
  hasStatementMatch: boolean;
}

/** Why `facts` do not satisfy the gate into `to`, or null when they do (or there is no gate). */
export function gateProblem(to: CaseStatus, facts: CaseFacts): string | null {
  const gate = GATES[to];
  if (!gate) return null;
  if (gate.evidence.some((t) => facts.evidenceTypes.includes(t))) return null;
  if (gate.orStatementMatch && facts.hasStatementMatch) return null;
  if (!gate.evidence.length) return `${to} needs a statement match — run Reconcile ▸ Run reconciliation.`;
  const kinds = gate.evidence.join(' or ');
  return gate.orStatementMatch
    ? `${to} needs evidence of type ${kinds}, or a statement match — add it first.`
    : `${to} needs evidence of type ${kinds} — add it first.`;
}

export type TransitionResult =
  | { ok: true; setActualCompletion: boolean }
  | { ok: false; message: string };

/** Decides a status change; the caller writes it. */
export function checkTransition(caseId: string, from: string, to: string, note: string, facts: CaseFacts): TransitionResult {
  if (!isCaseStatus(to)) return { ok: false, message: `Unknown status "${to}".` };
  if (from === to) return { ok: false, message: `${caseId} is already ${to}.` };
  const allowed = allowedTransitions(from);
  if (!allowed.includes(to)) {
    return {
      ok: false,
      message: allowed.length
        ? `Cannot move ${caseId} from ${from || '(blank)'} to ${to}. Allowed: ${allowed.join(', ')}.`
        : `Cannot move ${caseId} from ${from || '(blank)'}: ${isCaseStatus(from) ? 'the case is closed' : 'its status is not a known status (run Check the log)'}.`,
    };
  }
  if (needsReason(to) && !note.trim()) return { ok: false, message: `Closing as ${to} needs a reason (note).` };
  const gate = gateProblem(to, facts);
  if (gate) return { ok: false, message: gate };
  // Money arrived or the case was closed: that day is when the refund was completed.
  return { ok: true, setActualCompletion: to === 'Received' || needsReason(to) || to === 'Reconciled' };
}

/** For the case view: the gated next statuses and what each is missing right now. */
export function missingForNext(from: string, facts: CaseFacts): Record<string, string> {
  const out: Record<string, string> = {};
  for (const to of allowedTransitions(from)) {
    const p = gateProblem(to, facts);
    if (p) out[to] = p;
  }
  return out;
}
