// A refund logged twice is paid (and booked) twice: two clerks log the same damaged item from
// the same chat, or one logs it again after a reload. The log never refuses a second case —
// a vendor can owe two partial refunds of one amount on one order — but says which cases look
// like the same refund so the clerk can cancel one before it is chased and matched.
import { Decimal } from './money';
import { orderKey } from './reconcile/tokens';

export interface DuplicateProbe {
  caseId: string;
  vendorId: string;
  orderNo: string;
  amount: string;
  currency: string;
  status: string;
  dateLogged: string;
}

/** Statuses of a case that can no longer be paid: a duplicate of one of them is harmless. */
const ENDED = new Set(['Cancelled', 'Rejected']);

/** The order as compared: its order key (`PO-2026-04002` = `po 2026 04002`), else its text. */
function sameOrder(a: string, b: string): boolean {
  const ka = orderKey(a);
  const kb = orderKey(b);
  if (ka || kb) return ka === kb;
  return a.trim() !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();
}

function sameAmount(a: string, b: string): boolean {
  try {
    return new Decimal(a).eq(new Decimal(b));
  } catch {
    return false; // a hand-typed amount the log would flag: not compared
  }
}

/** Other cases (not cancelled or rejected) of the same vendor, order, amount and currency. */
export function likelyDuplicates(c: DuplicateProbe, others: Iterable<DuplicateProbe>): DuplicateProbe[] {
  const out: DuplicateProbe[] = [];
  for (const o of others) {
    if (o.caseId === c.caseId || ENDED.has(o.status)) continue;
    if (o.vendorId !== c.vendorId || o.currency !== c.currency || !sameOrder(o.orderNo, c.orderNo) || !sameAmount(o.amount, c.amount)) continue;
    out.push(o);
  }
  return out;
}

/** What the clerk reads after logging `c`, or '' when nothing looks the same. */
export function duplicateWarning(c: DuplicateProbe, dups: readonly DuplicateProbe[]): string {
  if (!dups.length) return '';
  const list = dups.slice(0, 3).map((d) => `${d.caseId} (logged ${d.dateLogged}, ${d.status})`).join(', ');
  const more = dups.length > 3 ? ` and ${dups.length - 3} more` : '';
  return `Same vendor, order ${c.orderNo} and amount as ${list}${more}. If it is the same refund, cancel one of them so it is not chased and paid twice.`;
}
