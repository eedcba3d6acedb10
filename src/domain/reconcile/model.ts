// The engine's working form of cases and lines: parsed once (minor units, day numbers,
// reference tokens, identified vendor), then only integers and small arrays are compared.
// Held as columns (one typed array per field, row i in slot i), not an object per row: a
// month has 10^5 of each, read in scattered order while matching, and objects would be
// scattered pointers for the cache and survivors for the garbage collector to copy.
import type { StatementLine } from '../statements/line';
import type { ReconCase, ReconSettings } from './types';
import { toMinor } from './minor';
import { dayNumber } from './dates';
import { caseNumber, caseNumbersIn, orderKey, orderKeysIn } from './tokens';
import { CLOSED_STATUSES, feeToleranceMinor } from './openAmount';
import type { VendorDirectory, VendorHit } from './vendorIdentity';

/** A small integer per currency code, shared by a month's cases and lines: comparing two rows'
 *  currencies is then an integer comparison on a column, not a read of each row's object
 *  (the matching loops visit rows in scattered order, and those reads were cache misses). */
export class CurrencyCodes {
  private codes = new Map<string, number>();
  codeOf(currency: string): number {
    let code = this.codes.get(currency);
    if (code === undefined) this.codes.set(currency, (code = this.codes.size));
    return code;
  }
}

export class CaseTable {
  readonly n: number;
  /** The input rows. */
  readonly c: ReconCase[];
  /** The Case ID's number (`RC-000014` → 14); NaN when the ID has none. */
  readonly num: Float64Array;
  readonly orderKey: string[];
  readonly refund: Float64Array;
  /** Open after the allocations kept from earlier runs; changes while assigning. */
  readonly open: Float64Array;
  readonly feeTol: Float64Array;
  /** Day numbers; NaN when the date is not readable. */
  readonly logDay: Float64Array;
  readonly expDay: Float64Array;
  /** The date window a payment may fall in. */
  readonly winLo: Float64Array;
  readonly winHi: Float64Array;
  /** Still expecting money (not closed, logged before the month ended). */
  readonly active: Uint8Array;
  /** The vendor's code in the directory (VendorHit.code); -1 without a Vendor ID. */
  readonly vendor: Int32Array;
  /** The currency's code (CurrencyCodes). */
  readonly currency: Int32Array;

  constructor(cases: ReconCase[], s: ReconSettings, monthEndDay: number, vendors: VendorDirectory, currencies: CurrencyCodes) {
    const n = (this.n = cases.length);
    this.c = cases;
    this.num = new Float64Array(n);
    this.orderKey = new Array<string>(n);
    this.refund = new Float64Array(n);
    this.open = new Float64Array(n);
    this.feeTol = new Float64Array(n);
    this.logDay = new Float64Array(n);
    this.expDay = new Float64Array(n);
    this.winLo = new Float64Array(n);
    this.winHi = new Float64Array(n);
    this.active = new Uint8Array(n);
    this.vendor = new Int32Array(n);
    this.currency = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const c = cases[i];
      this.currency[i] = currencies.codeOf(c.currency);
      this.vendor[i] = c.vendorId ? vendors.codeOf(c.vendorId) : -1;
      const refund = toMinor(c.amount, c.currency);
      const logDay = dayNumber(c.dateLogged);
      const exp = dayNumber(c.expectedCompletion);
      const expDay = Number.isNaN(exp) ? logDay + s.defaultSlaDays : exp;
      const num = caseNumber(c.caseId);
      this.num[i] = num === null ? NaN : num;
      this.orderKey[i] = orderKey(c.orderNo);
      this.refund[i] = refund;
      this.open[i] = refund;
      this.feeTol[i] = feeToleranceMinor(refund, c.currency, s);
      this.logDay[i] = logDay;
      this.expDay[i] = expDay;
      this.winLo[i] = logDay - s.windowDaysBefore;
      this.winHi[i] = Math.max(expDay, logDay) + s.windowDaysAfter;
      this.active[i] = !CLOSED_STATUSES.has(c.status) && !Number.isNaN(logDay) && logDay - s.windowDaysBefore <= monthEndDay ? 1 : 0;
    }
  }
}

export class LineTable {
  readonly n: number;
  /** The input lines. */
  readonly l: StatementLine[];
  readonly amount: Float64Array;
  /** What is left to allocate; changes while assigning. */
  readonly remaining: Float64Array;
  /** The pre-conversion amount in minor units of its currency; NaN when the line has none. */
  readonly original: Float64Array;
  readonly day: Float64Array;
  readonly caseNums: number[][];
  /** caseNums[i][0], or NaN when the line names no case: the one most lines have, read
   *  without the list. */
  readonly firstCaseNum: Float64Array;
  readonly orderKeys: string[][];
  readonly vendor: (VendorHit | null)[];
  /** A credit booked in the month: the only lines matched. */
  readonly eligible: Uint8Array;
  /** The currency's code (CurrencyCodes). */
  readonly currency: Int32Array;

  /** `orderKeys` keeps only keys `isCaseOrder` accepts (CaseOrders.has: some case has it). */
  constructor(lines: StatementLine[], month: string, vendors: VendorDirectory, currencies: CurrencyCodes, isCaseOrder: (key: string) => boolean) {
    const n = (this.n = lines.length);
    this.l = lines;
    this.amount = new Float64Array(n);
    this.remaining = new Float64Array(n);
    this.original = new Float64Array(n);
    this.day = new Float64Array(n);
    this.caseNums = new Array<number[]>(n);
    this.firstCaseNum = new Float64Array(n);
    this.orderKeys = new Array<string[]>(n);
    this.vendor = new Array<VendorHit | null>(n);
    this.eligible = new Uint8Array(n);
    this.currency = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const l = lines[i];
      // Lines of other months and debits are only carried along (statement tabs often span
      // several months): no amount conversion, tokens or vendor lookup for them.
      const inMonth = inMonthOf(l.bookingDate, month) && CREDIT_KINDS.has(l.kind) && l.amount.isPositive() && !l.amount.isZero();
      const amount = inMonth ? toMinor(l.amount, l.currency) : 0;
      const eligible = inMonth && amount > 0;
      const text = l.reference && l.description ? `${l.reference} ${l.description}` : l.reference || l.description;
      this.amount[i] = amount;
      this.remaining[i] = eligible ? amount : 0;
      this.original[i] = l.originalAmount && l.originalCurrency ? Math.abs(toMinor(l.originalAmount, l.originalCurrency)) : NaN;
      this.day[i] = dayNumber(l.bookingDate);
      const nums = eligible && text ? caseNumbersIn(text, NONE_NUM) : NONE_NUM;
      this.caseNums[i] = nums;
      this.firstCaseNum[i] = nums.length ? nums[0] : NaN;
      this.orderKeys[i] = eligible && text ? orderKeysIn(text, NONE_STR, isCaseOrder) : NONE_STR;
      this.vendor[i] = eligible ? vendors.identify(l.counterparty, l.counterpartyAccount) : null;
      this.eligible[i] = eligible ? 1 : 0;
      this.currency[i] = currencies.codeOf(l.currency);
    }
  }
}

const CREDIT_KINDS = new Set(['credit', 'refund', 'reversal']);
// Most lines name no case and no order: one shared empty list (never mutated) for all of them.
const NONE_NUM: number[] = Object.freeze([]) as unknown as number[];
const NONE_STR: string[] = Object.freeze([]) as unknown as string[];

/** `bookingDate.slice(0, 7) === month` without cutting a string per line. */
function inMonthOf(bookingDate: string, month: string): boolean {
  return month.length === 7 ? bookingDate.startsWith(month) : bookingDate.slice(0, 7) === month;
}

