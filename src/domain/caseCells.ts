// A Cases row as cells and back. The sheets adapter hands the domain cells with dates already
// turned into `YYYY-MM-DD` text (in the spreadsheet's zone), so everything here is pure.
import { CaseRecord, formatTags, parseTags } from './caseRecord';
import { isCurrencyCode, minorUnits } from './currency';
import { formatAmount, fromSheetNumber, toSheetNumber, parseAmount } from './money';

/** A cell value after the adapter: text, number or boolean ('' when empty). */
export type Cell = string | number | boolean;

/** The record's fields in the Cases column order (sheets/layout.ts CASE_HEADERS, same order). */
export const CASE_FIELDS: readonly { key: keyof CaseRecord; header: string }[] = [
  { key: 'caseId', header: 'Case ID' },
  { key: 'dateLogged', header: 'Date Logged' },
  { key: 'orderNo', header: 'Order #' },
  { key: 'vendorName', header: 'Vendor Name' },
  { key: 'vendorId', header: 'Vendor ID' },
  { key: 'vendorTag', header: 'Vendor Tag' },
  { key: 'reason', header: 'Reason' },
  { key: 'reasonDetail', header: 'Reason Detail' },
  { key: 'amount', header: 'Refund Amount' },
  { key: 'currency', header: 'Currency' },
  { key: 'status', header: 'Status' },
  { key: 'expectedCompletion', header: 'Expected Completion' },
  { key: 'actualCompletion', header: 'Actual Completion' },
  { key: 'evidence', header: 'Evidence' },
  { key: 'receivedAmount', header: 'Received Amount' },
  { key: 'receivedCurrency', header: 'Received Currency' },
  { key: 'matchedTransactions', header: 'Matched Transactions' },
  { key: 'reconciledOn', header: 'Reconciled On' },
  { key: 'journalRef', header: 'Journal Ref' },
  { key: 'tags', header: 'Tags' },
  { key: 'notes', header: 'Notes' },
  { key: 'updatedAt', header: 'Updated At' },
  { key: 'updatedBy', header: 'Updated By' },
];

export function fieldIndex(key: keyof CaseRecord): number {
  return CASE_FIELDS.findIndex((f) => f.key === key);
}

function text(c: Cell): string {
  return typeof c === 'string' ? c.trim() : String(c);
}

function amountText(c: Cell, currency: string): string {
  if (c === '') return '';
  if (typeof c === 'number' && isCurrencyCode(currency)) return formatAmount(fromSheetNumber(c, currency), currency);
  return text(c);
}

/** Cells in CASE_FIELDS order → record. Never throws: checkLog reports what is wrong. */
export function recordFromCells(cells: readonly Cell[]): CaseRecord {
  const at = (key: keyof CaseRecord) => cells[fieldIndex(key)] ?? '';
  const currency = text(at('currency')).toUpperCase();
  const receivedCurrency = text(at('receivedCurrency')).toUpperCase();
  return {
    caseId: text(at('caseId')),
    dateLogged: text(at('dateLogged')),
    orderNo: text(at('orderNo')),
    vendorName: text(at('vendorName')),
    vendorId: text(at('vendorId')),
    vendorTag: text(at('vendorTag')),
    reason: text(at('reason')),
    reasonDetail: text(at('reasonDetail')),
    amount: amountText(at('amount'), currency),
    currency,
    status: text(at('status')),
    expectedCompletion: text(at('expectedCompletion')),
    actualCompletion: text(at('actualCompletion')),
    evidence: text(at('evidence')),
    receivedAmount: amountText(at('receivedAmount'), receivedCurrency || currency),
    receivedCurrency,
    matchedTransactions: text(at('matchedTransactions')),
    reconciledOn: text(at('reconciledOn')),
    journalRef: text(at('journalRef')),
    tags: parseTags(text(at('tags'))),
    notes: text(at('notes')),
    updatedAt: text(at('updatedAt')),
    updatedBy: text(at('updatedBy')),
  };
}

function amountCell(amount: string, currency: string): Cell {
  if (amount === '' || !isCurrencyCode(currency)) return amount;
  try {
    return toSheetNumber(parseAmount(amount, currency), currency);
  } catch {
    return amount; // not ours to fix here; checkLog will name it
  }
}

/** Record → cells in CASE_FIELDS order. Amounts become numbers (exact: they carry the currency's decimals). */
export function cellsFromRecord(r: CaseRecord): Cell[] {
  return CASE_FIELDS.map(({ key }) => {
    if (key === 'amount') return amountCell(r.amount, r.currency);
    if (key === 'receivedAmount') return amountCell(r.receivedAmount, r.receivedCurrency || r.currency);
    if (key === 'tags') return formatTags(r.tags);
    return r[key] as string;
  });
}

/** Sheets number format for an amount of this currency (JPY `#,##0`, KWD `#,##0.000`). */
export function amountFormat(currency: string): string {
  const places = isCurrencyCode(currency) ? minorUnits(currency) : 2;
  return places === 0 ? '#,##0' : `#,##0.${'0'.repeat(places)}`;
}
