// Cases that look like the same refund logged twice (src/domain/duplicateCases.ts).
import { duplicateWarning, likelyDuplicates, type DuplicateProbe } from '../../src/domain/duplicateCases';

const c = (caseId: string, over: Partial<DuplicateProbe> = {}): DuplicateProbe => ({
  caseId, vendorId: 'V1', orderNo: 'PO-2026-04002', amount: '12.50', currency: 'CNY', status: 'Logged', dateLogged: '2026-12-01', ...over,
});

describe('likely duplicates of a case', () => {
  const mine = c('RC-000010');
  test('same vendor, order (however typed), amount and currency', () => {
    const others = [c('RC-000001'), c('RC-000002', { orderNo: 'po 2026 04002' }), c('RC-000003', { amount: '12.5' }), mine];
    expect(likelyDuplicates(mine, others).map((d) => d.caseId)).toEqual(['RC-000001', 'RC-000002', 'RC-000003']);
  });
  test('another vendor, order, amount or currency is not a duplicate; nor a cancelled or rejected case', () => {
    const others = [c('A', { vendorId: 'V2' }), c('B', { orderNo: 'PO-2026-04003' }), c('C', { amount: '12.51' }), c('D', { currency: 'USD' }), c('E', { status: 'Cancelled' }), c('F', { status: 'Rejected' }), c('G', { amount: 'twelve' })];
    expect(likelyDuplicates(mine, others)).toEqual([]);
  });
  test('orders without an order key are compared as text, and an empty order matches nothing', () => {
    expect(likelyDuplicates(c('X', { orderNo: 'abc' }), [c('Y', { orderNo: 'ABC ' })]).map((d) => d.caseId)).toEqual(['Y']);
    expect(likelyDuplicates(c('X', { orderNo: '' }), [c('Y', { orderNo: '' })])).toEqual([]);
  });
  test('the warning names the cases, at most three', () => {
    expect(duplicateWarning(mine, [])).toBe('');
    const four = ['RC-000001', 'RC-000002', 'RC-000003', 'RC-000004'].map((id) => c(id));
    expect(duplicateWarning(mine, four)).toBe('Same vendor, order PO-2026-04002 and amount as RC-000001 (logged 2026-12-01, Logged), RC-000002 (logged 2026-12-01, Logged), RC-000003 (logged 2026-12-01, Logged) and 1 more. If it is the same refund, cancel one of them so it is not chased and paid twice.');
  });
});
