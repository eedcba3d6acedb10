import { validateCaseForm, validateCasePatch, amountProblem, formatCaseId, caseIdNumber, isIsoDate, CaseRecord } from '../../src/domain/caseRecord';
import { CASE_FIELDS, cellsFromRecord, recordFromCells, amountFormat } from '../../src/domain/caseCells';
import { CASE_HEADERS } from '../../src/sheets/layout';

const base = { vendorId: 'V1', orderNo: '004512', amount: '12.50', currency: 'CNY', reason: 'Damaged goods', requestId: 'r1' };

describe('validateCaseForm', () => {
  test('accepts a minimal form and fills defaults', () => {
    const r = validateCaseForm(base);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject({ orderNo: '004512', tags: [], notes: '', reasonDetail: '', evidence: [] });
  });
  test.each([
    ['12.345', 'CNY', 'CNY allows at most 2 decimals'],
    ['500.5', 'JPY', 'JPY has no decimals'],
    ['12.3456', 'KWD', 'KWD allows at most 3 decimals'],
    ['0', 'USD', 'Amount must be greater than 0'],
    ['-3', 'USD', 'Amount must be greater than 0'],
    ['1,5', 'EUR', 'is not a number'],
    ['', 'USD', 'Amount is required'],
  ])('refuses amount %s %s with a field error', (amount, currency, message) => {
    const r = validateCaseForm({ ...base, amount, currency });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([{ field: 'amount', message: expect.stringContaining(message) }]);
  });
  test.each([['500', 'JPY'], ['12.345', 'KWD'], ['12.3', 'usd'], ['0.01', 'EUR']])('accepts %s %s', (amount, currency) => {
    expect(validateCaseForm({ ...base, amount, currency }).ok).toBe(true);
  });
  test('reports every bad field once, by name', () => {
    const r = validateCaseForm({ currency: 'XXX', amount: '1', tags: ['a b'], expectedCompletion: '2026-02-30' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const fields = r.errors.map((e) => e.field).sort();
    expect(fields).toEqual(['currency', 'expectedCompletion', 'orderNo', 'reason', 'requestId', 'tags', 'vendorId'].sort());
    expect(r.errors.find((e) => e.field === 'currency')!.message).toMatch(/Unknown currency "XXX"/);
  });
  test('a missing field is "required", not "must be text" (API callers and rcl call see these)', () => {
    const r = validateCaseForm({ vendorId: 'V1', amount: '1', currency: 'USD' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(expect.arrayContaining([
      { field: 'orderNo', message: 'Order # is required' },
      { field: 'reason', message: 'Reason is required' },
      { field: 'requestId', message: 'Request ID is required' },
    ]));
    const wrong = validateCaseForm({ ...base, orderNo: 4512 });
    expect(!wrong.ok && wrong.errors).toEqual([{ field: 'orderNo', message: 'Order # must be text' }]);
  });
  test('an amount with thousands commas in their places is read as on an invoice; other commas are refused', () => {
    const r = validateCaseForm({ ...base, amount: '1,234.56', currency: 'USD' });
    expect(r.ok && r.value.amount).toBe('1234.56');
    const jpy = validateCaseForm({ ...base, amount: '1,500,000', currency: 'JPY' });
    expect(jpy.ok && jpy.value.amount).toBe('1500000');
    for (const bad of ['12,50', '1,23.45', '1234,56']) {
      const x = validateCaseForm({ ...base, amount: bad, currency: 'EUR' });
      expect(!x.ok && x.errors[0].field).toBe('amount');
    }
    const kwd = validateCaseForm({ ...base, amount: '1,234.5678', currency: 'KWD' });
    expect(!kwd.ok && kwd.errors).toEqual([{ field: 'amount', message: 'KWD allows at most 3 decimals' }]);
    const p = validateCasePatch({ amount: '2,000.10' }, { currency: 'USD', amount: '1.00' } as CaseRecord);
    expect(p.ok && p.value.amount).toBe('2000.10');
  });
  test('a number amount is read through its text, never summed as a float', () => {
    expect(amountProblem(String(0.1 + 0.2), 'USD')).toMatch(/at most 2 decimals/);
  });
  test('evidence needs a known type and content', () => {
    const r = validateCaseForm({ ...base, evidence: [{ name: 'a.pdf', type: 'Selfie', contentBase64: '' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].field).toBe('evidence');
  });
});

describe('validateCasePatch', () => {
  const current = { currency: 'JPY', amount: '500' } as CaseRecord;
  test('checks decimals against the final currency', () => {
    expect(validateCasePatch({ amount: '12.5' }, current).ok).toBe(false);
    expect(validateCasePatch({ amount: '12.5', currency: 'USD' }, current).ok).toBe(true);
    expect(validateCasePatch({ currency: 'USD' }, current).ok).toBe(true);
  });
  test('refuses fields that are not editable, naming them', () => {
    const r = validateCasePatch({ status: 'Agreed', caseId: 'RC-1' }, current);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toBe('Cannot change: status, caseId');
  });
});

describe('expected completion and the date logged', () => {
  const day = { dateLogged: '2026-12-03' };
  test('an expected completion before the date logged is a field error naming that date', () => {
    const r = validateCaseForm({ ...base, expectedCompletion: '2020-01-01' }, day);
    expect(r).toEqual({ ok: false, errors: [{ field: 'expectedCompletion', message: "Expected completion can't be before the date logged (2026-12-03)" }] });
    const dayBefore = validateCaseForm({ ...base, expectedCompletion: '2026-12-02' }, day);
    expect(!dayBefore.ok && dayBefore.errors.map((e) => e.field)).toEqual(['expectedCompletion']);
  });
  test('the date logged itself, a later date and no date (the SLA default) are accepted', () => {
    for (const expectedCompletion of ['2026-12-03', '2027-01-15', '']) {
      expect(validateCaseForm({ ...base, expectedCompletion }, day).ok).toBe(true);
    }
  });
  test('a malformed date is reported as such, not compared', () => {
    const r = validateCaseForm({ ...base, expectedCompletion: '2020-02-30' }, day);
    expect(!r.ok && r.errors).toEqual([{ field: 'expectedCompletion', message: 'Expected completion must be a date YYYY-MM-DD' }]);
  });
  test('an edit of a case is held to its own Date Logged (an imported old case keeps old dates)', () => {
    const old = { currency: 'USD', amount: '1.00', dateLogged: '2025-03-01' } as CaseRecord;
    expect(validateCasePatch({ expectedCompletion: '2025-03-10' }, old).ok).toBe(true);
    expect(validateCasePatch({ expectedCompletion: '2025-02-28' }, old)).toEqual({ ok: false, errors: [{ field: 'expectedCompletion', message: "Expected completion can't be before the date logged (2025-03-01)" }] });
  });
});

describe('an empty currency', () => {
  test('is a field error on currency, and a wrong amount is still reported beside it', () => {
    const r = validateCaseForm({ ...base, currency: '', amount: 'abc' });
    expect(!r.ok && r.errors).toEqual([
      { field: 'currency', message: 'Currency is required' },
      { field: 'amount', message: 'Amount "abc" is not a number (use digits and a dot, e.g. 12.50)' },
    ]);
    const missing = validateCaseForm({ ...base, currency: undefined, amount: '' });
    expect(!missing.ok && missing.errors.map((e) => `${e.field}: ${e.message}`).sort()).toEqual(['amount: Amount is required', 'currency: Currency is required']);
  });
  test('leaves the decimals until a currency is chosen, then checks them', () => {
    const before = validateCaseForm({ ...base, currency: '', amount: '12.345' });
    expect(!before.ok && before.errors).toEqual([{ field: 'currency', message: 'Currency is required' }]);
    const after = validateCaseForm({ ...base, currency: 'CNY', amount: '12.345' });
    expect(!after.ok && after.errors).toEqual([{ field: 'amount', message: 'CNY allows at most 2 decimals' }]);
  });
  test('in an edit, an emptied currency is required, and a bad amount beside it is reported', () => {
    const current = { currency: 'USD', amount: '1.00', dateLogged: '2026-01-01' } as CaseRecord;
    expect(validateCasePatch({ currency: '', amount: '-2' }, current)).toEqual({ ok: false, errors: [
      { field: 'currency', message: 'Currency is required' },
      { field: 'amount', message: 'Amount must be greater than 0' },
    ] });
  });
});

describe('case IDs and dates', () => {
  test('format and parse', () => {
    expect(formatCaseId(42)).toBe('RC-000042');
    expect(formatCaseId(1234567)).toBe('RC-1234567');
    expect(caseIdNumber('RC-000042')).toBe(42);
    expect(caseIdNumber('RC-42')).toBeNull();
  });
  test('real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-1-05')).toBe(false);
  });
});

describe('case cells', () => {
  test('CASE_FIELDS follow the layout header order', () => {
    expect(CASE_FIELDS.map((f) => f.header)).toEqual([...CASE_HEADERS]);
  });
  test('round trip keeps text, amounts with their decimals and tags', () => {
    const cells = CASE_FIELDS.map(() => '' as string | number);
    const set = (h: string, v: string | number) => (cells[CASE_FIELDS.findIndex((f) => f.header === h)] = v);
    set('Case ID', 'RC-000001'); set('Order #', '004512'); set('Refund Amount', 0.1 + 0.2); set('Currency', 'usd'); set('Tags', 'a, b'); set('Received Amount', 5);
    const r = recordFromCells(cells);
    expect(r).toMatchObject({ orderNo: '004512', amount: '0.30', currency: 'USD', tags: ['a', 'b'], receivedAmount: '5.00' });
    const back = cellsFromRecord(r);
    expect(back[CASE_FIELDS.findIndex((f) => f.key === 'amount')]).toBe(0.3);
    expect(back[CASE_FIELDS.findIndex((f) => f.key === 'tags')]).toBe('a, b');
  });
  test('amount formats follow minor units', () => {
    expect(amountFormat('JPY')).toBe('#,##0');
    expect(amountFormat('KWD')).toBe('#,##0.000');
    expect(amountFormat('USD')).toBe('#,##0.00');
  });
});
