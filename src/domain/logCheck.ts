// "Check the log": data validation in the sheet is only a typing aid (pasting replaces it), so
// this re-applies every rule to what is actually in the cells and names each broken one.
import { CASE_ID_PATTERN, isCaseStatus, isIsoDate } from './caseRecord';
import { Cell, fieldIndex } from './caseCells';
import { isCurrencyCode, minorUnits } from './currency';
import { Decimal, sheetNumberText } from './money';

export interface LogProblem {
  row: number;
  caseId: string;
  field: string;
  message: string;
}

export interface LogCheckContext {
  vendorIds: ReadonlySet<string>;
  /** Vendor ID → its tag on the Vendors tab (a case's tag must agree, or tag filters miss it). */
  vendorTags?: ReadonlyMap<string, string>;
  reasons: readonly string[];
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

function amountIssue(c: Cell, currency: string, label: string, mustBePositive: boolean): string | null {
  if (typeof c !== 'number') {
    if (typeof c === 'string' && NUMBER.test(c.trim())) return `${label} "${c}" is text, not a number (pasted over the column's format?)`;
    return `${label} "${String(c)}" is not a number`;
  }
  const d = new Decimal(sheetNumberText(c));
  if (mustBePositive ? d.lte(0) : d.isNegative()) return `${label} must be greater than ${mustBePositive ? '0' : 'or equal to 0'}`;
  if (isCurrencyCode(currency) && d.decimalPlaces() > minorUnits(currency)) {
    return `${label} ${d.toString()} has more decimals than ${currency} allows (${minorUnits(currency)})`;
  }
  return null;
}

/** Problems of every row; `rows` are [sheetRow, cells in CASE_FIELDS order]. Blank rows are skipped. */
export function checkCaseRows(rows: readonly { row: number; cells: readonly Cell[] }[], ctx: LogCheckContext): LogProblem[] {
  const problems: LogProblem[] = [];
  const firstRowOfId = new Map<string, number>();
  const reasons = new Set(ctx.reasons.map((r) => r.toLowerCase()));
  for (const { row, cells } of rows) {
    if (cells.every((c) => c === '')) continue;
    const get = (k: Parameters<typeof fieldIndex>[0]) => cells[fieldIndex(k)] ?? '';
    const str = (k: Parameters<typeof fieldIndex>[0]) => String(get(k)).trim();
    const caseId = str('caseId');
    const add = (field: string, message: string) => problems.push({ row, caseId, field, message });

    if (!caseId) add('Case ID', 'Case ID is missing');
    else if (!CASE_ID_PATTERN.test(caseId)) add('Case ID', `Case ID "${caseId}" is not of the form RC-000123`);
    else if (firstRowOfId.has(caseId)) add('Case ID', `Duplicate Case ID ${caseId} (also on row ${firstRowOfId.get(caseId)})`);
    else firstRowOfId.set(caseId, row);

    const date = (k: Parameters<typeof fieldIndex>[0], label: string, requiredField: boolean) => {
      const v = str(k);
      if (!v) {
        if (requiredField) add(label, `${label} is missing`);
      } else if (!isIsoDate(v)) add(label, `${label} "${v}" is not a date`);
    };
    date('dateLogged', 'Date Logged', true);

    const order = get('orderNo');
    if (order === '') add('Order #', 'Order # is missing');
    else if (typeof order === 'number') add('Order #', `Order # ${order} is stored as a number (leading zeros are lost); format the column as plain text`);

    if (!str('vendorName')) add('Vendor Name', 'Vendor Name is missing');
    const vendorId = str('vendorId');
    if (!vendorId) add('Vendor ID', 'Vendor ID is missing');
    else if (!ctx.vendorIds.has(vendorId)) add('Vendor ID', `Unknown vendor "${vendorId}" (not on the Vendors tab)`);
    else {
      const want = ctx.vendorTags?.get(vendorId);
      const tag = str('vendorTag');
      if (want && tag !== want) add('Vendor Tag', `Vendor Tag "${tag}" differs from ${vendorId}'s tag ${want} on the Vendors tab`);
    }

    const reason = str('reason');
    if (!reason) add('Reason', 'Reason is missing');
    else if (!reasons.has(reason.toLowerCase())) add('Reason', `Reason "${reason}" is not in the Settings reasons list`);

    const currency = str('currency').toUpperCase();
    if (!currency) add('Currency', 'Currency is missing');
    else if (!isCurrencyCode(currency)) add('Currency', `Unknown currency "${currency}"`);

    const amount = get('amount');
    if (amount === '') add('Refund Amount', 'Refund Amount is missing');
    else {
      const issue = amountIssue(amount, currency, 'Refund Amount', true);
      if (issue) add('Refund Amount', issue);
    }

    const status = str('status');
    if (!status) add('Status', 'Status is missing');
    else if (!isCaseStatus(status)) add('Status', `Unknown status "${status}"`);

    date('expectedCompletion', 'Expected Completion', false);
    date('actualCompletion', 'Actual Completion', false);
    date('reconciledOn', 'Reconciled On', false);

    const receivedCurrency = str('receivedCurrency').toUpperCase();
    if (receivedCurrency && !isCurrencyCode(receivedCurrency)) add('Received Currency', `Unknown currency "${receivedCurrency}"`);
    const received = get('receivedAmount');
    if (received !== '') {
      const issue = amountIssue(received, receivedCurrency || currency, 'Received Amount', false);
      if (issue) add('Received Amount', issue);
    }
  }
  return problems;
}
