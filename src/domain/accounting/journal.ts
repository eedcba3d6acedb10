// One journal run: for every case given, what to append to the Journal tab. A case whose facts
// are incomplete gets a problem naming the case and field and posts nothing this run; the
// other cases still post. Cases not given are left alone, so a partial run never reverses them.
// A Received or Reconciled case whose money is short beyond the tolerance posts what it
// received and keeps the rest open on AP–vendor; the result names it (`shortPaid`).
import { defaultReconSettings } from '../reconcile/settings';
import type { ReconSettings } from '../reconcile/types';
import type { AccountingSettings } from './accounts';
import { balanceProblem } from './entry';
import { CaseFactError, dueEntries, shortfallOf } from './events';
import { BaseRates, type BaseRate } from './rates';
import { slotRef } from './refs';
import { entriesToAppend, eventDateOf, livePosted } from './reversal';
import type { CaseFacts, CaseProblem, JournalEntry, JournalResult, ShortPaid } from './types';

export interface JournalInput {
  cases: readonly CaseFacts[];
  /** Entries already on the Journal tab (any cases; see entriesFromJournalRows). */
  posted: readonly JournalEntry[];
  settings: AccountingSettings;
  /** Settings ▸ FX rates: base-currency units per unit of a currency, from a date on. */
  rates: readonly BaseRate[];
  /** `YYYY-MM-DD` in the spreadsheet's zone: the day of the run; reversals are dated no earlier. */
  today: string;
  /**
   * Reconciliation's settings (the server passes reconSettingsFrom(Settings)): a Received or
   * Reconciled case short of its credit by no more than their fee tolerance (plus the FX band
   * when money came in another currency) books the gap as Bank fees or FX; a larger gap stays
   * open on AP–vendor. Default: defaultReconSettings(base currency).
   */
  tolerance?: ReconSettings;
}

export function journalFor(input: JournalInput): JournalResult {
  const rates = new BaseRates(input.rates, input.settings.baseCurrency);
  const postedByCase = new Map<string, JournalEntry[]>();
  for (const e of input.posted) {
    let list = postedByCase.get(e.caseId);
    if (!list) postedByCase.set(e.caseId, (list = []));
    list.push(e);
  }
  const tolerance = input.tolerance ?? defaultReconSettings(input.settings.baseCurrency);
  const entries: JournalEntry[] = [];
  const problems: CaseProblem[] = [];
  const shortPaid: ShortPaid[] = [];
  const seen = new Set<string>();
  for (const facts of input.cases) {
    const problem = (field: string, message: string) => problems.push({ caseId: facts.caseId, field, message: `${facts.caseId || '(no Case ID)'}, ${field}: ${message}` });
    if (!facts.caseId) {
      problem('caseId', 'the case has no Case ID');
      continue;
    }
    if (seen.has(facts.caseId)) {
      problem('caseId', 'the case appears twice in this run');
      continue;
    }
    seen.add(facts.caseId);
    try {
      const posted = postedByCase.get(facts.caseId) ?? [];
      const e1 = livePosted(posted, slotRef(facts.caseId, 'AGREED'));
      // The live E1 fixes the case's AP account (unless the case moved to another vendor, which
      // reverses that E1) and, when the facts carry no agreed date, the E1's date.
      const e1Ap = e1 && e1.vendorId === facts.vendorId ? e1.lines.find((l) => l.role === 'AP_VENDOR') : undefined;
      const due = dueEntries(facts, input.settings, rates, tolerance, { date: e1 ? eventDateOf(e1) : undefined, ap: e1Ap ? { name: e1Ap.account, code: e1Ap.code } : undefined });
      const append = entriesToAppend(due, posted, facts.status, input.today);
      const unbalanced = append.map(balanceProblem).find((p) => p !== null);
      if (unbalanced) throw new CaseFactError('entries', unbalanced);
      entries.push(...append);
      const short = shortfallOf(facts, tolerance);
      if (short) shortPaid.push({ caseId: facts.caseId, currency: facts.currency, ...short });
    } catch (e) {
      if (e instanceof CaseFactError) problem(e.field, e.message);
      else problem('case', e instanceof Error ? e.message : String(e));
    }
  }
  return { entries, problems, shortPaid };
}
