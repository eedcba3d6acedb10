// The Run reconciliation dialog's summary table as text cells. The server sends plain fixed
// amounts ("29640.50", what docs/api-reconcile.md documents and scripts read); the page groups
// them as the Recon tab's amount cells show theirs ("29,640.50"). No DOM here, so it is unit-tested.
import { groupedAmount } from '../../components/money';
import type { ReportSummary } from '../../../src/domain/reconcile/report';

/** Header and rows: Currency · Matched · Waiting · Unexplained ("cases · amount"), then the base-currency totals. */
export function summaryRows(s: ReportSummary): { header: string[]; rows: string[][] } {
  const money = groupedAmount;
  return {
    header: ['Currency', 'Matched', 'Waiting', 'Unexplained'],
    rows: [
      ...s.byCurrency.map((r) => [
        r.currency,
        `${r.matchedCases} · ${money(r.matchedAmount, r.currency)}`,
        `${r.waitingCases} · ${money(r.waitingAmount, r.currency)}`,
        `${r.unexplainedLines} · ${money(r.unexplainedAmount, r.currency)}`,
      ]),
      [`In ${s.base.currency}`, money(s.base.matchedAmount, s.base.currency), money(s.base.waitingAmount, s.base.currency), money(s.base.unexplainedAmount, s.base.currency)],
    ],
  };
}
