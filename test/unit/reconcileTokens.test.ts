import { caseNumber, caseNumbersIn, orderKey, orderKeysIn } from '../../src/domain/reconcile';

describe('reference tokens', () => {
  test.each([
    ['refund RC-000014 partial', [14]],
    ['RC000014', [14]],
    ['rc-14 and RC 15', [14, 15]],
    ['RC_000014/RC-000014', [14]],
    ['RC-1814', [1814]],
    ['XRC-14', []],
    ['RC-14B', []],
    ['ARC-14 ORC14', []],
    ['', []],
  ])('case numbers in %p', (text, nums) => {
    expect(caseNumbersIn(text)).toEqual(nums);
  });

  test('RC-14 is never found inside RC-1814', () => {
    expect(caseNumbersIn('payment RC-1814').includes(14)).toBe(false);
  });

  test.each([
    ['RC-000014', 14],
    ['RC14', 14],
    ['X-14', null],
  ])('caseNumber(%p)', (id, n) => expect(caseNumber(id)).toBe(n));

  test.each([
    ['PO-2024-00451', 'PO202400451'],
    ['004512', '4512'],
    ['12', ''],
    ['TB 123456', 'TB123456'],
  ])('orderKey(%p)', (o, k) => expect(orderKey(o)).toBe(k));

  test('order keys of a text: whole tokens and their parts', () => {
    const keys = orderKeysIn('Refund for PO-2024-00451, order 004512');
    expect(keys).toEqual(expect.arrayContaining(['PO202400451', '2024', '451', '4512']));
    expect(orderKeysIn('order 45123').includes('4512')).toBe(false);
  });
});
