// The sidebar's pure helpers: parsing the server's messages and small calendar/tag rules.
import { fieldErrorsOf, newRequestId } from '../../sidebar/views/cases/api';
import { allocationText, signalHelp } from '../../sidebar/views/reconcile/pairText';
import { groupedMoney, groupedMoneyText } from '../../sidebar/components/money';
import { WEIGHTS } from '../../src/domain/reconcile/signals';
import { addDays, amountsText, expectedFor, shortTime, splitTags } from '../../sidebar/views/cases/context';
import { importProblems } from '../../sidebar/views/cases/importCases';
import { formatBytes } from '../../sidebar/components/files';
import { summaryRows } from '../../sidebar/views/reconcile/summary';
import type { ReportSummary } from '../../src/domain/reconcile/report';
import type { FormOptions, VendorView } from '../../sidebar/views/cases/api';

describe('server messages', () => {
  test('field errors of an "Invalid case:" message', () => {
    expect(fieldErrorsOf('Invalid case: [{"field":"amount","message":"CNY allows at most 2 decimals"}]')).toEqual([{ field: 'amount', message: 'CNY allows at most 2 decimals' }]);
    expect(fieldErrorsOf('Exception: Invalid case: [{"field":"orderNo","message":"Order # is required"},{"field":1}]')).toEqual([{ field: 'orderNo', message: 'Order # is required' }]);
    expect(fieldErrorsOf('The log is busy')).toBeNull();
    expect(fieldErrorsOf('Invalid case: [oops')).toBeNull();
  });

  test('rows of an import refusal', () => {
    const msg = 'Import refused: 3 rows have problems (nothing was imported):\n  row 3: Refund Amount "12.345": CNY allows at most 2 decimals\n  row 7: Unknown vendor "V9"\n  … and 1 more';
    expect(importProblems(msg)).toEqual([
      { row: '3', problem: 'Refund Amount "12.345": CNY allows at most 2 decimals' },
      { row: '7', problem: 'Unknown vendor "V9"' },
      { row: '…', problem: 'and 1 more' },
    ]);
    expect(importProblems('No tab named "Old"')).toBeNull();
  });
});

describe('dates, tags, amounts', () => {
  test('addDays is calendar arithmetic across months, years and leap days', () => {
    expect(addDays('2026-12-03', 7)).toBe('2026-12-10');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2028-02-27', 2)).toBe('2028-02-29');
    expect(addDays('2026-03-28', 3)).toBe('2026-03-31'); // a DST weekend in Europe changes nothing
  });

  test('expected completion: the server value, or today + SLA for a vendor added since', () => {
    const options = { today: '2026-12-03', defaultSlaDays: 14, defaultExpected: '2026-12-17', expectedByVendor: { 'V-1': '2026-12-10' } } as unknown as FormOptions;
    const vendor = (id: string, slaDays: number | null) => ({ vendorId: id, slaDays }) as VendorView;
    expect(expectedFor(options, null)).toBe('2026-12-17');
    expect(expectedFor(options, vendor('V-1', 7))).toBe('2026-12-10');
    expect(expectedFor(options, vendor('V-new', 3))).toBe('2026-12-06');
    expect(expectedFor(options, vendor('V-new', null))).toBe('2026-12-17');
  });

  test('tags split on spaces and commas', () => {
    expect(splitTags(' urgent, q4  dispute,,')).toEqual(['urgent', 'q4', 'dispute']);
    expect(splitTags('')).toEqual([]);
  });

  test('short time keeps the spreadsheet zone wall time', () => {
    expect(shortTime('2026-12-03T21:05:09+08:00')).toBe('2026-12-03 21:05');
    expect(shortTime('')).toBe('');
  });

  test('amount lists and sizes', () => {
    expect(amountsText([{ currency: 'CNY', amount: '1120.00' }, { currency: 'USD', amount: '5.00' }])).toBe('CNY 1,120.00 · USD 5.00');
    expect(amountsText([])).toBe('nothing open');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10.0 MB');
  });

  test('request IDs differ', () => {
    expect(newRequestId()).not.toBe(newRequestId());
  });
});

describe('reconciliation summary', () => {
  test('amounts are grouped as in the Recon tab, in each currency\'s decimals', () => {
    const summary = {
      month: '2026-10',
      byCurrency: [
        { currency: 'CNY', matchedCases: 41, matchedAmount: '29640.50', waitingCases: 3, waitingAmount: '812.00', unexplainedLines: 2, unexplainedAmount: '1000.00' },
        { currency: 'JPY', matchedCases: 1, matchedAmount: '125000', waitingCases: 0, waitingAmount: '0', unexplainedLines: 0, unexplainedAmount: '0' },
      ],
      base: { currency: 'USD', matchedAmount: '5012.34', waitingAmount: '112.25', unexplainedAmount: '138.00', missingRates: [] },
      counts: { auto: 40, confirmed: 1, manual: 1, suggested: 0, ambiguous: 0, waiting: 3, unexplained: 2, differences: 0 },
      statementLines: 60,
    } as ReportSummary;
    expect(summaryRows(summary)).toEqual({
      header: ['Currency', 'Matched', 'Waiting', 'Unexplained'],
      rows: [
        ['CNY', '41 · 29,640.50', '3 · 812.00', '2 · 1,000.00'],
        ['JPY', '1 · 125,000', '0 · 0', '0 · 0'],
        ['In USD', '5,012.34', '112.25', '138.00'],
      ],
    });
  });
});

describe('review cards', () => {
  test('amounts are grouped as the Recon tab shows them, in each currency\'s decimals', () => {
    expect(groupedMoney('1125.30', 'EUR')).toBe('1,125.30 EUR');
    expect(groupedMoney('125000', 'JPY')).toBe('125,000 JPY');
    expect(groupedMoney('1234.567', 'KWD')).toBe('1,234.567 KWD');
    expect(groupedMoney('n/a', 'EUR')).toBe('n/a EUR'); // not an amount: shown as it came
    expect(groupedMoneyText('29640.50 CNY')).toBe('29,640.50 CNY');
  });
  test('the head says what the pair takes of the line, and what it covers when that differs', () => {
    expect(allocationText('368.03 EUR', '368.03 EUR')).toBe('takes 368.03 EUR of the line');
    expect(allocationText('1209.46 USD', '1112.08 EUR')).toBe('takes 1,209.46 USD of the line, covering 1,112.08 EUR of the case');
  });
  test('every signal the engine gives has words on hover', () => {
    expect(signalHelp('date:near +2d')).toBe('booked 2 days after the expected date (within 3 days)');
    expect(signalHelp('date:close -10d')).toBe('booked 10 days before the expected date (within 14 days)');
    expect(signalHelp('date:near +0d')).toBe('booked on the expected date (within 3 days)');
    expect(signalHelp('amount:sum 3 cases')).toBe('the line is the sum of 3 cases open for the vendor');
    for (const name of Object.keys(WEIGHTS)) expect([name, signalHelp(`${name} +1d`)]).not.toEqual([name, '']);
    expect(signalHelp('decision:confirmed')).toContain('earlier decision');
  });
});
