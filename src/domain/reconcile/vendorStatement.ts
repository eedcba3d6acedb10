// Vendor statements (DESIGN §5): a vendor's own list of credit notes, matched the other way
// round. Not money: nothing here is allocated. It answers two questions for the month:
//   - the vendor says it refunded, but no case was logged (a credit note with no case);
//   - we logged a case, but the vendor does not list it (a case with no credit note).
// A note matches a case of that vendor by order number (whole token, like statement
// references), or by Case ID in its reference, else by the same amount and currency (only
// when exactly one case fits: two same-amount cases are not guessed).
import Papa from 'papaparse/papaparse.min.js';
import { Decimal, parseAmount } from '../money';
import { isCurrencyCode } from '../currency';
import { isIsoDate } from '../caseRecord';
import { fnv1a64 } from '../statements/hash';
import type { StatementLine } from '../statements/line';
import { caseNumber, caseNumbersIn, orderKey, orderKeysIn } from './tokens';
import type { ReconCase } from './types';

export const VENDOR_TAB_PREFIX = 'Stmt Vendor ';

export interface CreditNote {
  lineId: string;
  date: string;
  reference: string;
  orderNo: string;
  amount: Decimal;
  currency: string;
}

/** CSV with a header row naming date, reference, order #, amount, currency (any order, any case). */
export function parseVendorCsv(vendorId: string, csv: string): { lines: StatementLine[]; errors: string[] } {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const errors: string[] = [];
  if (!rows.length) return { lines: [], errors: ['The file is empty'] };
  const header = rows[0].map((h) => h.trim().toLowerCase().replace(/[^a-z#]/g, ''));
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const c = { date: col('date', 'creditnotedate', 'issued'), ref: col('reference', 'ref', 'creditnote', 'creditnoteno', 'creditnote#'), order: col('order#', 'order', 'orderno', 'ordernumber'), amount: col('amount', 'creditamount', 'total'), currency: col('currency', 'ccy') };
  for (const [k, v] of Object.entries(c)) if (v < 0) errors.push(`No "${k}" column in the header (${rows[0].join(', ')})`);
  if (errors.length) return { lines: [], errors };
  const seen = new Map<string, number>();
  const lines: StatementLine[] = [];
  rows.slice(1).forEach((r, i) => {
    const rowNo = i + 2;
    const cell = (j: number) => (r[j] ?? '').trim();
    const date = cell(c.date);
    const currency = cell(c.currency).toUpperCase();
    // A real calendar day: 2026-13-01 would file the note under a month "2026-13".
    if (!isIsoDate(date)) return void errors.push(`Row ${rowNo}: date "${date}" is not a date YYYY-MM-DD`);
    if (!isCurrencyCode(currency)) return void errors.push(`Row ${rowNo}: currency "${currency}" is not an ISO 4217 code`);
    const amountText = cell(c.amount);
    // Commas may only group thousands (1,234.56). "133,76" is a decimal comma: with the commas
    // dropped it would read as 13,376.00, a hundred times the note.
    if (amountText.includes(',') && !/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(amountText)) {
      return void errors.push(`Row ${rowNo}: amount "${amountText}" — write it with a decimal point (1234.56 or 1,234.56)`);
    }
    let amount: Decimal;
    try {
      amount = parseAmount(amountText.replace(/,/g, ''), currency).abs();
    } catch (e) {
      return void errors.push(`Row ${rowNo}: ${(e as Error).message}`);
    }
    const reference = cell(c.ref);
    const orderNo = cell(c.order);
    const fp = `vendor:${vendorId}|${date}|${amount.toString()}|${currency}|${reference}|${orderNo}`;
    const n = (seen.get(fp) ?? 0) + 1;
    seen.set(fp, n);
    lines.push({
      lineId: `V${fnv1a64(`${fp}|${n}`)}`, bookingDate: date, valueDate: date, amount, currency,
      counterparty: vendorId, counterpartyAccount: '', reference, description: orderNo ? `Order ${orderNo}` : '',
      fee: null, originalAmount: null, originalCurrency: '', kind: 'credit', sourceRow: rowNo,
    });
  });
  return { lines, errors };
}

export function creditNoteOf(l: StatementLine): CreditNote {
  const m = /^Order (.+)$/.exec(l.description);
  return { lineId: l.lineId, date: l.bookingDate, reference: l.reference, orderNo: m ? m[1] : '', amount: l.amount.abs(), currency: l.currency };
}

export interface VendorComparison {
  vendorId: string;
  /** Notes paired with a case, where the note is dated or the case logged in the period. */
  matched: { caseId: string; lineId: string; how: 'order' | 'case id' | 'amount' }[];
  /** Credit notes with no logged case. */
  notLogged: CreditNote[];
  /** Cases logged in the period the vendor does not list. */
  notListed: ReconCase[];
  /** Pairs of `matched` (by order or Case ID) whose note and case differ in amount or currency:
   *  the vendor lists the case, but not for what we logged. */
  amountDiffers: { caseId: string; orderNo: string; note: CreditNote; caseAmount: Decimal; caseCurrency: string }[];
}

/** `notes`: the whole statement (a note dated next month may be for a case of this one);
 *  reported are the pairs of `period` (note dated or case logged in it), the notes dated in
 *  `period` with no case, and the cases logged in `period` that no note names. */
export function compareVendorStatement(vendorId: string, notes: CreditNote[], cases: ReconCase[], period: { from: string; to: string }): VendorComparison {
  const mine = cases.filter((c) => c.vendorId === vendorId && !['Rejected', 'Cancelled'].includes(c.status));
  const byOrder = new Map<string, ReconCase[]>();
  const byNum = new Map<number, ReconCase>();
  for (const c of mine) {
    const k = orderKey(c.orderNo);
    if (k) (byOrder.get(k) || byOrder.set(k, []).get(k)!).push(c);
    const n = caseNumber(c.caseId);
    if (n !== null) byNum.set(n, c);
  }
  const used = new Set<string>();
  const matched: VendorComparison['matched'] = [];
  const rest: CreditNote[] = [];
  for (const note of notes) {
    let hit: ReconCase | undefined;
    let how: 'order' | 'case id' | 'amount' = 'order';
    const keys = [orderKey(note.orderNo), ...orderKeysIn(note.reference)].filter(Boolean);
    for (const k of keys) {
      hit = (byOrder.get(k) || []).find((c) => !used.has(c.caseId));
      if (hit) break;
    }
    if (!hit) {
      for (const n of caseNumbersIn(note.reference)) {
        const c = byNum.get(n);
        if (c && !used.has(c.caseId)) {
          hit = c;
          how = 'case id';
          break;
        }
      }
    }
    if (hit) {
      used.add(hit.caseId);
      matched.push({ caseId: hit.caseId, lineId: note.lineId, how });
    } else rest.push(note);
  }
  const notLogged: CreditNote[] = [];
  for (const note of rest) {
    const fits = mine.filter((c) => !used.has(c.caseId) && c.currency === note.currency && c.amount.eq(note.amount));
    if (fits.length === 1) {
      used.add(fits[0].caseId);
      matched.push({ caseId: fits[0].caseId, lineId: note.lineId, how: 'amount' });
    } else if (note.date >= period.from && note.date <= period.to) notLogged.push(note);
  }
  const inPeriod = (d: string) => d >= period.from && d <= period.to;
  const notListed = mine.filter((c) => !used.has(c.caseId) && inPeriod(c.dateLogged));
  // The whole list was needed to pair notes and cases; the month's report lists the pairs of
  // its own month (a note dated in it, or a case logged in it), not the list's whole span.
  const noteOf = new Map(notes.map((n) => [n.lineId, n]));
  const caseOf = new Map(mine.map((c) => [c.caseId, c]));
  const ofPeriod = matched.filter((m) => inPeriod(noteOf.get(m.lineId)?.date ?? '') || inPeriod(caseOf.get(m.caseId)?.dateLogged ?? ''));
  // A note paired by order number or Case ID for another amount is no confirmation of the case:
  // it is listed (a credit note of 13,376.00 for a case of 133.76 is not "matched").
  const amountDiffers: VendorComparison['amountDiffers'] = [];
  for (const m of ofPeriod) {
    const note = noteOf.get(m.lineId);
    const c = caseOf.get(m.caseId);
    if (note && c && (note.currency !== c.currency || !note.amount.eq(c.amount))) amountDiffers.push({ caseId: c.caseId, orderNo: c.orderNo, note, caseAmount: c.amount, caseCurrency: c.currency });
  }
  return { vendorId, matched: ofPeriod, notLogged, notListed, amountDiffers };
}
