// Building and checking journal lines. A line is one-sided and non-negative, so "balanced" is
// simply Σdebit = Σcredit in the base currency, which every entry must satisfy exactly.
import { Decimal, ZERO, formatAmount, roundToCurrency, sum } from '../money';
import type { AccountRef, AccountRole } from './accounts';
import type { JournalEntry, JournalLine, OriginalAmount } from './types';

export type Side = 'debit' | 'credit';

/** A line of `base` (already rounded to the base currency) on one side. */
export function line(side: Side, role: AccountRole, account: AccountRef, base: Decimal, original: OriginalAmount): JournalLine {
  return {
    role,
    account: account.name,
    code: account.code,
    debit: side === 'debit' ? base : ZERO,
    credit: side === 'credit' ? base : ZERO,
    original,
  };
}

/** The original side of a line already in the base currency. */
export function inBase(amount: Decimal, baseCurrency: string): OriginalAmount {
  return { amount, currency: baseCurrency, rate: new Decimal(1) };
}

/** amount × rate, rounded half up to the base currency's minor units. */
export function toBase(amount: Decimal, rate: Decimal, baseCurrency: string): Decimal {
  return roundToCurrency(amount.times(rate), baseCurrency);
}

export function sideOf(l: JournalLine): Side {
  return l.debit.isZero() ? 'credit' : 'debit';
}

export function lineAmount(l: JournalLine): Decimal {
  return l.debit.isZero() ? l.credit : l.debit;
}

export function totals(entry: JournalEntry): { debit: Decimal; credit: Decimal } {
  return { debit: sum(entry.lines.map((l) => l.debit)), credit: sum(entry.lines.map((l) => l.credit)) };
}

/** Why an entry is not a valid balanced entry, or null. */
export function balanceProblem(entry: JournalEntry): string | null {
  if (entry.lines.length < 2) return `${entry.ref} has ${entry.lines.length} line(s); an entry needs at least two`;
  for (const l of entry.lines) {
    if (l.debit.isNegative() || l.credit.isNegative()) return `${entry.ref}: ${l.account} has a negative amount`;
    if (l.debit.isZero() === l.credit.isZero()) return `${entry.ref}: ${l.account} must have exactly one of debit and credit`;
    if (!roundToCurrency(lineAmount(l), entry.baseCurrency).eq(lineAmount(l))) return `${entry.ref}: ${l.account} has more decimals than ${entry.baseCurrency} allows`;
  }
  const t = totals(entry);
  if (!t.debit.eq(t.credit)) {
    return `${entry.ref} does not balance: debits ${formatAmount(t.debit, entry.baseCurrency)}, credits ${formatAmount(t.credit, entry.baseCurrency)} ${entry.baseCurrency}`;
  }
  return null;
}

/**
 * The same lines on the opposite sides: the E6 reversal of a posted entry. Debits are listed
 * first, as every other entry lists them, so a reversal reads like one in the exports.
 */
export function oppositeLines(lines: readonly JournalLine[]): JournalLine[] {
  const flipped = lines.map((l) => ({ ...l, debit: l.credit, credit: l.debit }));
  return [...flipped.filter((l) => !l.debit.isZero()), ...flipped.filter((l) => l.debit.isZero())];
}

/** The line's base amount signed debit-positive (Xero Amount, IIF, beancount, hledger). */
export function signedAmount(l: JournalLine): Decimal {
  return l.debit.isZero() ? l.credit.neg() : l.debit;
}
