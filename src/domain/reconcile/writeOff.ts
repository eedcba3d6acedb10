// Differences are never silent (DESIGN §4): a case paid short by a fee, paid in another
// currency at a different rate, overpaid, or paid only in part gets a line saying what to book.
import type { Decimal } from '../money';
import { formatAmount } from '../money';
import type { Difference, DifferenceKind } from './types';

export function proposeDifference(caseId: string, kind: DifferenceKind, amount: Decimal, currency: string, baseAmount: Decimal | null): Difference {
  const text = formatAmount(amount.abs(), currency) + ' ' + currency;
  const proposal =
    kind === 'fee'
      ? `Write off ${text} as bank/payment fees (Dr Bank fees, Cr AP–vendor)`
      : kind === 'fx'
        ? `Book ${text} as realised FX ${amount.isNegative() ? 'gain' : 'loss'} (FX difference line)`
        : kind === 'over'
          ? `Vendor paid ${text} more than the refund: confirm with the vendor or book to AP–vendor`
          : `Short by ${text}: chase the vendor, or write off the rest with a reason`;
  return { caseId, kind, amount, currency, baseAmount, proposal };
}
