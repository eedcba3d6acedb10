// The engine's working form of cases and lines: parsed once (minor units, day numbers,
// reference tokens, identified vendor), then only integers and small arrays are compared.
import type { StatementLine } from '../statements/line';
import type { ReconCase, ReconSettings } from './types';
import { toMinor } from './minor';
import { dayNumber } from './dates';
import { caseNumber, caseNumbersIn, orderKey, orderKeysIn } from './tokens';
import { CLOSED_STATUSES, feeToleranceMinor } from './openAmount';
import type { VendorDirectory, VendorHit } from './vendorIdentity';

export interface PCase {
  idx: number;
  c: ReconCase;
  num: number | null;
  orderKey: string;
  refundMinor: number;
  /** Open after the allocations kept from earlier runs; changes while assigning. */
  openMinor: number;
  feeTolMinor: number;
  logDay: number;
  expDay: number;
  winLo: number;
  winHi: number;
  /** Still expecting money (not closed, logged before the month ended). */
  active: boolean;
}

export interface PLine {
  idx: number;
  l: StatementLine;
  amountMinor: number;
  remainingMinor: number;
  originalMinor: number | null;
  day: number;
  caseNums: number[];
  orderKeys: string[];
  vendor: VendorHit | null;
  /** A credit booked in the month: the only lines matched. */
  eligible: boolean;
}

const CREDIT_KINDS = new Set(['credit', 'refund', 'reversal']);
// Most lines name no case and no order: one shared empty list (never mutated) for all of them.
const NONE_NUM: number[] = Object.freeze([]) as unknown as number[];
const NONE_STR: string[] = Object.freeze([]) as unknown as string[];

/** `bookingDate.slice(0, 7) === month` without cutting a string per line. */
function inMonthOf(bookingDate: string, month: string): boolean {
  return month.length === 7 ? bookingDate.startsWith(month) : bookingDate.slice(0, 7) === month;
}

export function prepareCase(c: ReconCase, idx: number, s: ReconSettings, monthEndDay: number): PCase {
  const refundMinor = toMinor(c.amount, c.currency);
  const logDay = dayNumber(c.dateLogged);
  const exp = dayNumber(c.expectedCompletion);
  const expDay = Number.isNaN(exp) ? logDay + s.defaultSlaDays : exp;
  return {
    idx,
    c,
    num: caseNumber(c.caseId),
    orderKey: orderKey(c.orderNo),
    refundMinor,
    openMinor: refundMinor,
    feeTolMinor: feeToleranceMinor(refundMinor, c.currency, s),
    logDay,
    expDay,
    winLo: logDay - s.windowDaysBefore,
    winHi: Math.max(expDay, logDay) + s.windowDaysAfter,
    active: !CLOSED_STATUSES.has(c.status) && !Number.isNaN(logDay) && logDay - s.windowDaysBefore <= monthEndDay,
  };
}

export function prepareLine(l: StatementLine, idx: number, month: string, vendors: VendorDirectory): PLine {
  // Lines of other months and debits are only carried along (statement tabs often span
  // several months): no amount conversion, tokens or vendor lookup for them.
  const inMonth = inMonthOf(l.bookingDate, month) && CREDIT_KINDS.has(l.kind) && l.amount.isPositive() && !l.amount.isZero();
  const amountMinor = inMonth ? toMinor(l.amount, l.currency) : 0;
  const eligible = inMonth && amountMinor > 0;
  const text = l.reference && l.description ? `${l.reference} ${l.description}` : l.reference || l.description;
  return {
    idx,
    l,
    amountMinor,
    remainingMinor: eligible ? amountMinor : 0,
    originalMinor: l.originalAmount && l.originalCurrency ? Math.abs(toMinor(l.originalAmount, l.originalCurrency)) : null,
    day: dayNumber(l.bookingDate),
    caseNums: eligible && text ? nonEmpty(caseNumbersIn(text), NONE_NUM) : NONE_NUM,
    orderKeys: eligible && text ? nonEmpty(orderKeysIn(text), NONE_STR) : NONE_STR,
    vendor: eligible ? vendors.identify(l.counterparty, l.counterpartyAccount) : null,
    eligible,
  };
}

function nonEmpty<T>(list: T[], none: T[]): T[] {
  return list.length ? list : none;
}
