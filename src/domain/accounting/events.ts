// What a case should have posted right now (research §1.3), from its facts alone:
//   E1 CREDIT_AGREED    Dr AP–vendor / Cr the Vendor Credit Account role, at the agreed-date rate
//   E3 REFUND_RECEIVED  one per receipt: Dr Bank (net), Dr Bank fees, Dr/Cr FX, Cr AP–vendor at
//                       the booked (E1) rate
//   E5 WRITE_OFF        Dr Write-off / Cr AP–vendor for what is still open when written off
// E1 is posted whenever money is owed or arrived, even for a case that went straight to
// Received or Reconciled: the vendor-specific credit is never skipped (no E3′ shortcut).
// Refs here are slots (version 1); reversal.ts turns "should be" into "append this".
// A Received or Reconciled case is settled only within reconciliation's own tolerance
// (settleToleranceMinor, from Settings' fee and FX tolerances): only then does its last receipt
// book the gap as Bank fees or FX. A larger gap is no expense: it stays open on AP–vendor, the
// vendor still owes it, until it is written off or more money comes (`shortPaid` names it).
import { isCaseStatus, isIsoDate } from '../caseRecord';
import { isCurrencyCode, minorUnits } from '../currency';
import { Decimal, ZERO, formatAmount, sum } from '../money';
import { fromMinor, toMinor } from '../reconcile/minor';
import { settleToleranceMinor } from '../reconcile/openAmount';
import type { ReconSettings } from '../reconcile/types';
import type { AccountRef, AccountingSettings } from './accounts';
import { inBase, line, toBase } from './entry';
import { MissingRateError, type BaseRates } from './rates';
import { receiptSubject, slotRef } from './refs';
import type { CaseFacts, JournalEntry, JournalLine, ReceiptFact } from './types';

/** A fact that keeps a case from posting, naming the field. */
export class CaseFactError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** Statuses in which the vendor owes (or paid) the credit. */
const CREDIT_STATUSES = new Set(['Agreed', 'Received', 'Reconciled', 'Written off']);
/** Statuses in which the credit is paid in full: what is still open on the last receipt is its fee/FX difference, within the tolerance. */
const SETTLED_STATUSES = new Set(['Received', 'Reconciled']);
/** Statuses that say there never was a credit: whatever was posted is reversed. */
const VOID_STATUSES = new Set(['Rejected', 'Cancelled']);

/** What the case's live posted E1 fixes for the entries after it. */
export interface PostedCredit {
  /** Its event date, used when the facts carry no agreed date (so the E1 keeps its date). */
  date?: string;
  /**
   * The AP–vendor account (name and code) it debited. Every AP line of the case uses it, so the
   * receipts and the write-off clear the very account the credit was booked to, even after
   * Vendors ▸ AP Account or the AP–vendor setting changed.
   */
  ap?: AccountRef;
}

/** A Received or Reconciled case whose money falls short of the credit by more than the tolerance. */
export interface Shortfall {
  /** Case currency: the credit, what the receipts cover, and what stays open on AP–vendor. */
  amount: Decimal;
  covered: Decimal;
  open: Decimal;
  /** The most a gap may be and still be booked as a fee or FX difference (case currency). */
  tolerance: Decimal;
  /** Some of the money came in another currency (the tolerance includes the FX band). */
  converted: boolean;
}

/**
 * How a Received or Reconciled case's receipts stand against its credit, by reconciliation's
 * rule (settleToleranceMinor): null when they settle it (in full, or short by no more than the
 * tolerance, so the last receipt books the gap as fee or FX), else the shortfall left open on
 * AP–vendor. Other statuses are never short: an Agreed case is still being paid, a Written off
 * one writes its rest off.
 */
export function shortfallOf(facts: Pick<CaseFacts, 'status' | 'amount' | 'currency' | 'receipts'>, tolerance: ReconSettings): Shortfall | null {
  if (!SETTLED_STATUSES.has(facts.status) || !facts.receipts.length) return null;
  const covered = sum(facts.receipts.map((r) => r.covers));
  const open = facts.amount.minus(covered);
  if (!open.gt(0)) return null;
  const converted = facts.receipts.some((r) => r.currency !== facts.currency);
  const tolMinor = settleToleranceMinor(toMinor(facts.amount, facts.currency), facts.currency, converted, tolerance);
  if (toMinor(open, facts.currency) <= tolMinor) return null;
  return { amount: facts.amount, covered, open, tolerance: fromMinor(tolMinor, facts.currency), converted };
}

/**
 * The entries `facts` call for, refs without version. `postedE1` describes the live posted E1,
 * when there is one. `tolerance` is reconciliation's (Settings' fee and FX tolerances): a
 * Received or Reconciled case short by more than it is not settled (see shortfallOf).
 */
export function dueEntries(facts: CaseFacts, settings: AccountingSettings, rates: BaseRates, tolerance: ReconSettings, postedE1: PostedCredit = {}): JournalEntry[] {
  const postedE1Date = postedE1.date;
  if (postedE1.ap) facts = { ...facts, apAccount: postedE1.ap.name, apAccountCode: postedE1.ap.code };
  checkCase(facts);
  // Checked in the order the caller gave them, so a problem's `receipts[i]` names the receipt
  // the caller knows; then posted in date order (the last one settles a settled case).
  facts.receipts.forEach((r, i) => checkReceipt(facts, r, i));
  checkReceiptRefs(facts);
  const receipts = [...facts.receipts].sort(compareReceipts);
  const status = facts.status;
  if (VOID_STATUSES.has(status)) {
    if (receipts.length) throw new CaseFactError('receipts', `${status} but money was received for it: unmatch the receipts first, or close it as Written off`);
    return [];
  }
  const owed = CREDIT_STATUSES.has(status) || receipts.length > 0 || (status === 'Written off' && !!postedE1Date);
  if (!owed) return [];
  if (status === 'Written off' && !facts.agreedOn && !facts.assumedAgreedOn && !postedE1Date && !receipts.length) return []; // closed before any credit existed

  const base = settings.baseCurrency;
  const covered = sum(receipts.map((r) => r.covers));
  if (covered.gt(facts.amount)) {
    throw new CaseFactError('receipts', `receipts cover ${formatAmount(covered, facts.currency)} ${facts.currency}, more than the refund of ${formatAmount(facts.amount, facts.currency)}: correct the allocation or the Refund Amount`);
  }
  if (SETTLED_STATUSES.has(status) && !receipts.length) {
    throw new CaseFactError('receipts', `${status} but no received money is known (a matched statement line or Received Amount) for the refund entry`);
  }

  const e1Date = facts.agreedOn || postedE1Date || receipts[0]?.date || facts.assumedAgreedOn;
  if (!e1Date) throw new CaseFactError('agreedOn', `${status} but the date the vendor agreed is missing`);
  const bookedRate = rateFor(rates, facts.currency, e1Date);
  const e1Base = toBase(facts.amount, bookedRate, base);
  const entries: JournalEntry[] = [agreed(facts, settings, e1Date, bookedRate, e1Base)];

  // Settled: paid in full, or Received/Reconciled within the tolerance (the last receipt books
  // the gap as fee or FX). Short beyond it, each receipt clears only what it covers and the
  // rest stays open on AP–vendor.
  const settled = covered.eq(facts.amount) || (SETTLED_STATUSES.has(status) && !shortfallOf(facts, tolerance));
  let apCleared = ZERO;
  receipts.forEach((r, i) => {
    const last = i === receipts.length - 1;
    const rest = last && settled ? facts.amount.minus(covered) : ZERO;
    const e3 = received(facts, settings, rates, r, rest, bookedRate, last && settled ? e1Base.minus(apCleared) : null);
    if (e3) {
      apCleared = apCleared.plus(sum(e3.lines.filter((l) => l.role === 'AP_VENDOR').map((l) => l.credit.minus(l.debit))));
      entries.push(e3);
    }
  });

  if (status === 'Written off') {
    const open = facts.amount.minus(covered);
    const openBase = e1Base.minus(apCleared);
    if (open.gt(0) && openBase.gt(0)) {
      if (!facts.closedOn) throw new CaseFactError('closedOn', 'Written off but the date it was written off is missing');
      if (!isIsoDate(facts.closedOn)) throw new CaseFactError('closedOn', `"${facts.closedOn}" is not a date YYYY-MM-DD`);
      entries.push(writtenOff(facts, settings, open, openBase, bookedRate));
    }
  }
  return entries;
}

function checkCase(f: CaseFacts): void {
  if (!isCaseStatus(f.status)) throw new CaseFactError('status', `status "${f.status}" is not a known status`);
  if (!f.vendorId) throw new CaseFactError('vendorId', 'the vendor is missing (the AP–vendor line must name it)');
  if (!isCurrencyCode(f.currency)) throw new CaseFactError('currency', `currency "${f.currency}" is not an ISO 4217 code`);
  if (!f.amount || !f.amount.gt(0)) throw new CaseFactError('amount', 'the refund amount must be greater than 0');
  if (f.amount.decimalPlaces() > minorUnits(f.currency)) throw new CaseFactError('amount', `${f.amount.toString()} has more decimals than ${f.currency} allows`);
  if (f.agreedOn && !isIsoDate(f.agreedOn)) throw new CaseFactError('agreedOn', `"${f.agreedOn}" is not a date YYYY-MM-DD`);
  if (f.assumedAgreedOn && !isIsoDate(f.assumedAgreedOn)) throw new CaseFactError('agreedOn', `"${f.assumedAgreedOn}" is not a date YYYY-MM-DD`);
}

function checkReceipt(f: CaseFacts, r: ReceiptFact, i: number): void {
  const field = (name: string) => `receipts[${i}].${name}`;
  if (!r.receiptId) throw new CaseFactError(field('receiptId'), 'a receipt has no id (statement Line ID)');
  if (!isIsoDate(r.date)) throw new CaseFactError(field('date'), `"${r.date}" is not a date YYYY-MM-DD`);
  if (!isCurrencyCode(r.currency)) throw new CaseFactError(field('currency'), `currency "${r.currency}" is not an ISO 4217 code`);
  if (!r.amount || !r.amount.gt(0)) throw new CaseFactError(field('amount'), `receipt ${r.receiptId}: the amount received must be greater than 0`);
  if (r.amount.decimalPlaces() > minorUnits(r.currency)) throw new CaseFactError(field('amount'), `receipt ${r.receiptId}: ${r.amount.toString()} has more decimals than ${r.currency} allows`);
  if (!r.covers || !r.covers.gt(0)) throw new CaseFactError(field('covers'), `receipt ${r.receiptId}: the part of the refund it covers must be greater than 0`);
  if (r.fee && r.fee.isNegative()) throw new CaseFactError(field('fee'), `receipt ${r.receiptId}: a fee is a positive amount`);
  if (r.currency === f.currency && r.amount.gt(r.covers)) {
    throw new CaseFactError(field('amount'), `receipt ${r.receiptId}: ${formatAmount(r.amount, r.currency)} received but only ${formatAmount(r.covers, f.currency)} allocated to the case; allocate the rest to another case or confirm the overpayment with the vendor`);
  }
}

/** Two receipts of a case would share a Journal Ref: refuse rather than post one over the other. */
function checkReceiptRefs(f: CaseFacts): void {
  const seen = new Map<string, number>();
  f.receipts.forEach((r, i) => {
    const subject = receiptSubject(r.receiptId);
    const before = seen.get(subject);
    if (before !== undefined) {
      throw new CaseFactError(`receipts[${i}].receiptId`, `receipt ${r.receiptId} has the same id as receipts[${before}] (${f.receipts[before].receiptId}); each allocation needs its own statement line or receipt id`);
    }
    seen.set(subject, i);
  });
}

function compareReceipts(a: ReceiptFact, b: ReceiptFact): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.receiptId < b.receiptId ? -1 : a.receiptId > b.receiptId ? 1 : 0;
}

// A missing rate is a Settings gap, not a wrong case fact: the problem names `rates`, and the
// message names the currency and the day that need one.
function rateFor(rates: BaseRates, currency: string, date: string): Decimal {
  try {
    return rates.rate(currency, date);
  } catch (e) {
    if (e instanceof MissingRateError) throw new CaseFactError('rates', e.message);
    throw e;
  }
}

function header(f: CaseFacts, settings: AccountingSettings) {
  return { caseId: f.caseId, vendorId: f.vendorId, vendorName: f.vendorName, vendorTag: f.vendorTag, orderNo: f.orderNo, baseCurrency: settings.baseCurrency };
}

/** The vendor's own payable account (Vendors ▸ AP Account) when it has one, else the AP–vendor setting. */
function apAccount(f: CaseFacts, settings: AccountingSettings) {
  const fallback = settings.accounts.AP_VENDOR;
  return { name: f.apAccount?.trim() || fallback.name, code: f.apAccountCode?.trim() || fallback.code };
}

function agreed(f: CaseFacts, settings: AccountingSettings, date: string, rate: Decimal, base: Decimal): JournalEntry {
  const original = { amount: f.amount, currency: f.currency, rate };
  const about = [f.reason, f.orderNo && `order ${f.orderNo}`, f.creditNoteRef && `credit note ${f.creditNoteRef}`].filter(Boolean).join(', ');
  return {
    ...header(f, settings),
    ref: slotRef(f.caseId, 'AGREED'),
    event: 'CREDIT_AGREED',
    date,
    reference: f.creditNoteRef,
    memo: `${f.caseId} vendor credit agreed ${formatAmount(f.amount, f.currency)} ${f.currency}${about ? `: ${about}` : ''}`,
    lines: [
      line('debit', 'AP_VENDOR', apAccount(f, settings), base, original),
      line('credit', settings.creditRole, settings.accounts[settings.creditRole], base, original),
    ],
  };
}

/**
 * E3 for one receipt. `rest` is what was still open when a settled case's last receipt came
 * (its fee or rate shortfall); `apBase`, for that last receipt, is what clears AP to zero.
 * Bank and fee are valued at the receipt day's rate, AP at the booked rate, and the FX line
 * takes the difference, including any rounding cent, so the entry always balances.
 */
function received(f: CaseFacts, settings: AccountingSettings, rates: BaseRates, r: ReceiptFact, rest: Decimal, bookedRate: Decimal, apBase: Decimal | null): JournalEntry | null {
  const base = settings.baseCurrency;
  const gross = r.covers.plus(rest);
  const bankRate = rateFor(rates, r.currency, r.date);
  const bankBase = toBase(r.amount, bankRate, base);
  const ap = apBase ?? toBase(gross, bookedRate, base);

  let fee: JournalLine | null = null;
  const feeAccount = settings.accounts.BANK_FEES;
  if (r.currency === f.currency) {
    // Same currency: the shortfall of a settled case (within the tolerance) is the fee
    // reconciliation accepted; a larger one never reaches here (`rest` is zero). Its base
    // amount is (gross at the bank rate) − (bank at the bank rate), both rounded, so the FX line
    // is exactly (gross at the bank rate) − (gross at the booked rate): zero when the rates agree.
    const feeOriginal = gross.minus(r.amount);
    const feeBase = toBase(gross, bankRate, base).minus(bankBase);
    if (feeOriginal.gt(0) && feeBase.gt(0)) fee = line('debit', 'BANK_FEES', feeAccount, feeBase, { amount: feeOriginal, currency: r.currency, rate: bankRate });
  } else if (r.fee && r.fee.gt(0)) {
    // Converted, with a fee the statement states (Wise, PayPal): that fee is Bank fees.
    fee = line('debit', 'BANK_FEES', feeAccount, toBase(r.fee, bankRate, base), { amount: r.fee, currency: r.currency, rate: bankRate });
  }
  // Converted and no fee stated: the whole gap is FX, as the reconciliation report calls it.

  const lines: JournalLine[] = [];
  if (bankBase.gt(0)) lines.push(line('debit', 'BANK', settings.accounts.BANK, bankBase, { amount: r.amount, currency: r.currency, rate: bankRate }));
  if (fee && fee.debit.gt(0)) lines.push(fee);
  const fx = bankBase.plus(fee ? fee.debit : ZERO).minus(ap);
  if (fx.isNegative()) lines.push(line('debit', 'FX', settings.accounts.FX, fx.abs(), inBase(fx.abs(), base)));
  // AP is credited; only rounding of many tiny instalments could leave the last one's share
  // below zero, and then it is a debit, so the entry still balances with the FX line.
  const apOriginal = { amount: gross, currency: f.currency, rate: bookedRate };
  if (ap.gt(0)) lines.push(line('credit', 'AP_VENDOR', apAccount(f, settings), ap, apOriginal));
  else if (ap.isNegative()) lines.unshift(line('debit', 'AP_VENDOR', apAccount(f, settings), ap.abs(), apOriginal));
  if (fx.gt(0)) lines.push(line('credit', 'FX', settings.accounts.FX, fx, inBase(fx, base)));
  if (lines.length < 2) return null; // too small to show in the base currency

  return {
    ...header(f, settings),
    ref: slotRef(f.caseId, 'RECEIVED', receiptSubject(r.receiptId)),
    event: 'REFUND_RECEIVED',
    date: r.date,
    reference: r.receiptId,
    sourceRef: r.receiptId,
    memo: `${f.caseId} refund received ${formatAmount(r.amount, r.currency)} ${r.currency} for ${formatAmount(gross, f.currency)} ${f.currency} of the credit`,
    lines,
  };
}

function writtenOff(f: CaseFacts, settings: AccountingSettings, open: Decimal, openBase: Decimal, bookedRate: Decimal): JournalEntry {
  const original = { amount: open, currency: f.currency, rate: bookedRate };
  return {
    ...header(f, settings),
    ref: slotRef(f.caseId, 'WRITEOFF'),
    event: 'WRITE_OFF',
    date: f.closedOn!,
    reference: f.creditNoteRef,
    memo: `${f.caseId} written off ${formatAmount(open, f.currency)} ${f.currency}${f.closeReason ? `: ${f.closeReason}` : ''}`,
    lines: [
      line('debit', 'WRITE_OFF', settings.accounts.WRITE_OFF, openBase, original),
      line('credit', 'AP_VENDOR', apAccount(f, settings), openBase, original),
    ],
  };
}
