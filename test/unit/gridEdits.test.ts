import { amountForMessage, caseIdEditProblem, CASE_ID_NOT_EDITABLE, refundAmountEditProblem, settledCaseEditProblem } from '../../src/domain/gridEdits';

describe('caseIdEditProblem', () => {
  test('any change of a Case ID is refused, including clearing it or typing one into an empty cell', () => {
    expect(caseIdEditProblem('RC-000002', 'RC-000001')).toBe(CASE_ID_NOT_EDITABLE);
    expect(caseIdEditProblem('RC-000002', '')).toBe(CASE_ID_NOT_EDITABLE);
    expect(caseIdEditProblem('', 'RC-000007')).toBe(CASE_ID_NOT_EDITABLE);
    expect(caseIdEditProblem('RC-000002', 'RC-000002 ')).toBe(CASE_ID_NOT_EDITABLE);
  });
  test('the same ID typed again is no change', () => {
    expect(caseIdEditProblem('RC-000002', 'RC-000002')).toBeNull();
  });
});

describe('refundAmountEditProblem', () => {
  test.each([
    ['12.345', 'CNY', 'CNY allows at most 2 decimals'],
    ['500.5', 'JPY', 'JPY has no decimals'],
    ['12.3456', 'KWD', 'KWD allows at most 3 decimals'],
    ['-5', 'USD', 'Amount must be greater than 0'],
    ['0', 'USD', 'Amount must be greater than 0'],
    ['abc', 'USD', 'is not a number'],
    ['', 'CNY', 'Amount is required'],
  ])('%s %s is refused: %s', (typed, currency, message) => {
    expect(refundAmountEditProblem(typed, currency)).toContain(message);
  });
  test.each([['12.34', 'CNY'], ['500', 'JPY'], ['12.345', 'KWD'], ['1,234.50', 'USD']])('%s %s is kept', (typed, currency) => {
    expect(refundAmountEditProblem(typed, currency)).toBeNull();
  });
  test('a row without a known currency is left to Check the log', () => {
    expect(refundAmountEditProblem('12.345', '')).toBeNull();
    expect(refundAmountEditProblem('12.345', 'XYZ')).toBeNull();
  });
});

describe('amountForMessage', () => {
  test('shows the currency decimals, or the text as given when it is not an amount of that currency', () => {
    expect(amountForMessage('12.5', 'CNY')).toBe('12.50');
    expect(amountForMessage('500', 'JPY')).toBe('500');
    expect(amountForMessage('12.345', 'CNY')).toBe('12.345');
    expect(amountForMessage('n/a', 'CNY')).toBe('n/a');
  });
});

describe('settledCaseEditProblem', () => {
  test.each([
    ['Reconciled', 'Refund Amount', '76.93', '80', 'RC-000187 is Reconciled: its amount, currency and vendor can no longer change'],
    ['Written off', 'Currency', 'USD', 'EUR', 'RC-000187 is Written off: its amount, currency and vendor can no longer change'],
    ['Cancelled', 'Vendor ID', 'V001', 'V002', 'RC-000187 is Cancelled: its amount, currency and vendor can no longer change'],
    ['Rejected', 'Vendor Name', 'Acme', 'Acme Ltd', 'RC-000187 is Rejected: its amount, currency and vendor can no longer change'],
    ['Received', 'Refund Amount', '76.93', '80', null], // still open, as in updateCase
    ['Agreed', 'Currency', 'USD', 'EUR', null],
    ['Reconciled', 'Notes', '', 'called', null], // not a settled field
    ['Reconciled', 'Refund Amount', '76.93', '76.93', null], // no change
  ])('%s case, %s %s → %s', (status, field, from, to, expected) => {
    expect(settledCaseEditProblem('RC-000187', status, field, from, to)).toBe(expected);
  });
  test('a row without a Case ID is left to Check the log', () => {
    expect(settledCaseEditProblem('', 'Reconciled', 'Refund Amount', '1', '2')).toBeNull();
  });
});
