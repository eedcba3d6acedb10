// What the sidebar sees of a case, and the derived facts (open amount, overdue) that lists,
// vendor totals and the scorecard agree on.
import { CaseRecord, CaseStatus, isOpenStatus } from './caseRecord';
import { isCurrencyCode } from './currency';
import { Decimal, formatAmount, ZERO } from './money';

export interface CaseView extends Omit<CaseRecord, 'evidence' | 'status'> {
  status: CaseStatus;
  row: number;
  evidenceCount: number;
  evidenceFolderUrl: string;
  open: boolean;
  overdue: boolean;
  openAmount: string;
}

/** "3 files" → 3. The Evidence cell shows a count next to its folder link. */
export function evidenceCountOf(cell: string): number {
  const m = /^(\d+) files?$/.exec(cell.trim());
  return m ? Number(m[1]) : 0;
}
export function evidenceLabel(count: number): string {
  return `${count} file${count === 1 ? '' : 's'}`;
}

function decimalOrZero(s: string): Decimal {
  return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s) ? new Decimal(s) : ZERO;
}

/** Amount still owed: the refund less what arrived in its currency; zero once closed. */
export function openAmountOf(c: CaseRecord): Decimal {
  if (!isOpenStatus(c.status)) return ZERO;
  const received = c.receivedCurrency === '' || c.receivedCurrency === c.currency ? decimalOrZero(c.receivedAmount) : ZERO;
  const rest = decimalOrZero(c.amount).minus(received);
  return rest.isNegative() ? ZERO : rest;
}

/** Past its expected date and the money has not arrived yet. */
export function isOverdue(c: CaseRecord, today: string): boolean {
  return isOpenStatus(c.status) && c.status !== 'Received' && c.expectedCompletion !== '' && c.expectedCompletion < today;
}

export function toCaseView(c: CaseRecord, row: number, today: string, evidenceFolderUrl = ''): CaseView {
  const { evidence, ...rest } = c;
  const money = isCurrencyCode(c.currency) ? formatAmount(openAmountOf(c), c.currency) : '';
  return {
    ...rest,
    status: c.status as CaseStatus,
    row,
    evidenceCount: evidenceCountOf(evidence),
    evidenceFolderUrl,
    open: isOpenStatus(c.status),
    overdue: isOverdue(c, today),
    openAmount: money,
  };
}

export interface OpenTotals {
  openCount: number;
  openAmounts: { currency: string; amount: string }[];
}

/** Open count and open amount per currency of some cases (e.g. one vendor's). */
export function openTotals(cases: Iterable<CaseRecord>): OpenTotals {
  let openCount = 0;
  const byCurrency = new Map<string, Decimal>();
  for (const c of cases) {
    if (!isOpenStatus(c.status)) continue;
    openCount++;
    if (!isCurrencyCode(c.currency)) continue;
    byCurrency.set(c.currency, (byCurrency.get(c.currency) ?? ZERO).plus(openAmountOf(c)));
  }
  const openAmounts = [...byCurrency.keys()].sort().map((currency) => ({ currency, amount: formatAmount(byCurrency.get(currency)!, currency) }));
  return { openCount, openAmounts };
}

export interface CaseQuery {
  text?: string;
  caseId?: string;
  orderNo?: string;
  vendorId?: string;
  tag?: string;
  status?: string;
  overdue?: boolean;
  limit?: number;
}

/** Whether a case matches a Find query; every given criterion must hold, text words all match. */
export function matchesQuery(c: CaseRecord, q: CaseQuery, today: string): boolean {
  const eq = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  if (q.caseId && !eq(c.caseId, q.caseId)) return false;
  if (q.orderNo && !eq(c.orderNo, q.orderNo)) return false;
  if (q.vendorId && !eq(c.vendorId, q.vendorId)) return false;
  if (q.tag && !eq(c.vendorTag, q.tag) && !c.tags.some((t) => eq(t, q.tag!))) return false;
  if (q.status) {
    if (q.status === 'open' ? !isOpenStatus(c.status) : q.status === 'closed' ? isOpenStatus(c.status) : !eq(c.status, q.status)) return false;
  }
  if (q.overdue && !isOverdue(c, today)) return false;
  if (q.text && q.text.trim()) {
    const hay = [c.caseId, c.orderNo, c.vendorName, c.vendorId, c.vendorTag, c.reason, c.reasonDetail, c.tags.join(' '), c.notes, c.status]
      .join('\n').toLowerCase();
    if (!q.text.toLowerCase().split(/\s+/).filter(Boolean).every((w) => hay.includes(w))) return false;
  }
  return true;
}
