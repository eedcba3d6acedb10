import { checkCaseRows } from '../../src/domain/logCheck';
import { CASE_FIELDS, Cell } from '../../src/domain/caseCells';

const good: Record<string, Cell> = {
  'Case ID': 'RC-000001', 'Date Logged': '2026-01-05', 'Order #': '004512', 'Vendor Name': 'Alpha', 'Vendor ID': 'V1',
  Reason: 'Other', 'Refund Amount': 12.5, Currency: 'CNY', Status: 'Logged', 'Expected Completion': '2026-01-12',
};
const row = (over: Record<string, Cell>, n: number) => ({ row: n, cells: CASE_FIELDS.map((f) => ({ ...good, ...over })[f.header] ?? '') });
const ctx = { vendorIds: new Set(['V1']), reasons: ['Other'] };

describe('check the log', () => {
  test('a good row has no problems; blank rows are skipped', () => {
    expect(checkCaseRows([row({}, 2), { row: 3, cells: CASE_FIELDS.map(() => '') }], ctx)).toEqual([]);
  });
  test('a vendor tag that differs from the Vendors tab is named', () => {
    const withTags = { ...ctx, vendorTags: new Map([['V1', 'Vendor_Alpha']]) };
    expect(checkCaseRows([row({ 'Vendor Tag': 'Vendor_Alpha' }, 2)], withTags)).toEqual([]);
    expect(checkCaseRows([row({ 'Vendor Tag': 'Vendor_Beta' }, 2)], withTags).map((p) => p.message)).toEqual(['Vendor Tag "Vendor_Beta" differs from V1\'s tag Vendor_Alpha on the Vendors tab']);
  });
  test('names row, field and reason for each broken rule', () => {
    const problems = checkCaseRows([
      row({}, 2),
      row({ 'Case ID': 'RC-000001', 'Refund Amount': 12.345, 'Order #': 4512 }, 3),
      row({ 'Case ID': 'RC-000003', 'Vendor ID': 'V9', Currency: 'JPY', 'Refund Amount': 500.5, Status: 'Paid', Reason: 'Because' }, 4),
      row({ 'Case ID': 'X', 'Refund Amount': '12.50', 'Date Logged': 'yesterday', 'Vendor Name': '' }, 5),
    ], ctx);
    expect(problems.map((p) => `${p.row} ${p.field}: ${p.message}`)).toEqual([
      '3 Case ID: Duplicate Case ID RC-000001 (also on row 2)',
      '3 Order #: Order # 4512 is stored as a number (leading zeros are lost); format the column as plain text',
      '3 Refund Amount: Refund Amount 12.345 has more decimals than CNY allows (2)',
      '4 Vendor ID: Unknown vendor "V9" (not on the Vendors tab)',
      '4 Reason: Reason "Because" is not in the Settings reasons list',
      '4 Refund Amount: Refund Amount 500.5 has more decimals than JPY allows (0)',
      '4 Status: Unknown status "Paid"',
      '5 Case ID: Case ID "X" is not of the form RC-000123',
      '5 Date Logged: Date Logged "yesterday" is not a date',
      '5 Vendor Name: Vendor Name is missing',
      '5 Refund Amount: Refund Amount "12.50" is text, not a number (pasted over the column\'s format?)',
    ]);
  });
});

describe('sheet numbers', () => {
  test('binary noise from a formula is not a decimals problem; a real third decimal is', () => {
    expect(checkCaseRows([row({ 'Refund Amount': 0.1 + 0.2 }, 2)], ctx)).toEqual([]);
    expect(checkCaseRows([row({ 'Refund Amount': 12.345 }, 2)], ctx).map((p) => p.field)).toEqual(['Refund Amount']);
  });
});
