import { Decimal } from '../../src/domain/money';
import { kase, line, run, pairsOf } from './reconcileFixtures';

const byCase = (r: ReturnType<typeof run>, id: string) => r.cases.find((c) => c.caseId === id)!;
const byLine = (r: ReturnType<typeof run>, id: string) => r.lines.find((l) => l.lineId === id)!;

describe('matching: one case, one line', () => {
  test.each([
    {
      name: 'exact amount alone is suggested, not auto-confirmed',
      cases: [kase(1, '100.00')],
      lines: [line('100.00', { lineId: 'A' })],
      pairs: ['RC-000001>A:suggested'],
    },
    {
      name: 'case ID in the reference + exact amount is auto-confirmed',
      cases: [kase(1, '100.00')],
      lines: [line('100.00', { lineId: 'A', reference: 'REFUND RC-000001' })],
      pairs: ['RC-000001>A:auto'],
    },
    {
      name: 'short form RC1 in the description is the same token',
      cases: [kase(1, '100.00')],
      lines: [line('100.00', { lineId: 'A', description: 'vendor refund rc1' })],
      pairs: ['RC-000001>A:auto'],
    },
    {
      name: 'RC-1 inside RC-1814 is not a reference (and contradicts)',
      cases: [kase(1, '100.00')],
      lines: [line('100.00', { lineId: 'A', reference: 'RC-1814' })],
      pairs: [],
    },
    {
      name: 'order number + vendor account + amount is auto-confirmed',
      cases: [kase(2, '250.00')],
      lines: [line('250.00', { lineId: 'A', reference: 'PO-1002 refund', counterpartyAccount: '6222000123456789' })],
      pairs: ['RC-000002>A:auto'],
    },
    {
      name: 'a reference naming another case contradicts: same-amount decoy not suggested',
      cases: [kase(1, '80.00'), kase(2, '80.00', { vendorId: 'V2' })],
      lines: [line('80.00', { lineId: 'A', reference: 'RC-000002' })],
      pairs: ['RC-000002>A:auto'],
    },
    {
      name: 'amount above the open amount (no reference) is not a candidate',
      cases: [kase(1, '50.00')],
      lines: [line('75.00', { lineId: 'A' })],
      pairs: [],
    },
    {
      name: 'outside the date window is not a candidate',
      cases: [kase(1, '50.00', { dateLogged: '2026-06-01', expectedCompletion: '2026-06-15' })],
      lines: [line('50.00', { lineId: 'A', reference: 'RC-000001' })],
      pairs: [],
    },
    {
      name: 'debits and pending lines are never matched',
      cases: [kase(1, '50.00')],
      lines: [line('-50.00', { lineId: 'A', kind: 'debit', reference: 'RC-000001' }), line('50.00', { lineId: 'B', kind: 'pending', reference: 'RC-000001' })],
      pairs: [],
    },
  ])('$name', ({ cases, lines, pairs }) => {
    expect(pairsOf(run(cases, lines))).toEqual(pairs);
  });
});

describe('matching: amounts', () => {
  test('fee short-pay within tolerance settles the case with a fee difference', () => {
    const r = run([kase(1, '300.00')], [line('298.50', { lineId: 'A', reference: 'RC-000001' })]);
    expect(pairsOf(r)).toEqual(['RC-000001>A:auto']);
    expect(byCase(r, 'RC-000001').settled).toBe(true);
    expect(r.differences).toEqual([expect.objectContaining({ caseId: 'RC-000001', kind: 'fee', currency: 'USD' })]);
    expect(r.differences[0].amount.toString()).toBe('1.5');
    expect(r.pairs[0].signals).toContain('amount:fee');
  });

  test('a short payment beyond tolerance is an instalment: partial, short difference', () => {
    const r = run([kase(1, '300.00')], [line('200.00', { lineId: 'A', reference: 'RC-000001' })]);
    expect(pairsOf(r)).toEqual(['RC-000001>A:auto']);
    const c = byCase(r, 'RC-000001');
    expect(c.matchStatus).toBe('partial');
    expect(c.open.toString()).toBe('100');
    expect(r.differences[0].kind).toBe('short');
  });

  test('instalments: two transfers naming the case pay it together', () => {
    const r = run([kase(1, '300.00')], [line('100.00', { lineId: 'A', reference: 'RC-000001 1/2', bookingDate: '2026-10-05' }), line('200.00', { lineId: 'B', reference: 'RC-000001 2/2' })]);
    expect(pairsOf(r)).toEqual(['RC-000001>A:auto', 'RC-000001>B:auto']);
    expect(byCase(r, 'RC-000001').settled).toBe(true);
    expect(r.differences).toEqual([]);
  });

  test('instalments across runs: a kept allocation lowers the open amount', () => {
    const decisions = [{ caseId: 'RC-000001', lineId: 'OLD', state: 'confirmed' as const, amount: new Decimal('100.00'), covers: new Decimal('100.00') }];
    const r = run([kase(1, '300.00')], [line('200.00', { lineId: 'B' })], { decisions });
    expect(pairsOf(r)).toEqual(['RC-000001>B:suggested']);
    expect(r.pairs[0].signals).toContain('amount:exact');
  });

  test('one transfer naming several cases pays each of them', () => {
    const r = run([kase(1, '40.00'), kase(2, '60.00')], [line('100.00', { lineId: 'A', reference: 'RC-000001 RC-000002' })]);
    expect(pairsOf(r)).toEqual(['RC-000001>A:auto', 'RC-000002>A:auto']);
    expect(byLine(r, 'A').matchStatus).toBe('matched');
    expect(byLine(r, 'A').allocated.toString()).toBe('100');
  });

  test('one transfer for several cases of the same vendor (subset sum, no reference)', () => {
    const cases = [kase(1, '40.00'), kase(2, '60.00'), kase(3, '75.00'), kase(4, '20.00', { vendorId: 'V2' })];
    const r = run(cases, [line('100.00', { lineId: 'A', counterparty: 'ALPHA TRADING CO LTD' })]);
    expect(pairsOf(r)).toEqual(['RC-000001>A:suggested', 'RC-000002>A:suggested']);
    expect(r.pairs.every((p) => p.signals.some((s) => s.startsWith('amount:sum')))).toBe(true);
    const total = r.pairs.reduce((t, p) => t.plus(p.amount), new Decimal(0));
    expect(total.toString()).toBe('100');
  });

  test('the rest of a batch the user confirmed part of goes to the cases summing to it exactly, not to one within the fee', () => {
    // 600.05 = 368.03 + 98.26 + 133.76; RC-000004 (235.71) is 3.69 more than the rest.
    const cases = [kase(1, '368.03'), kase(2, '98.26'), kase(3, '133.76'), kase(4, '235.71')];
    const lines = [line('600.05', { lineId: 'A', counterparty: 'ALPHA TRADING CO LTD' })];
    const decisions = [{ caseId: 'RC-000001', lineId: 'A', state: 'confirmed' as const, amount: new Decimal('368.03'), covers: new Decimal('368.03') }];
    const r = run(cases, lines, { decisions });
    expect(pairsOf(r)).toEqual(['RC-000001>A:confirmed', 'RC-000002>A:suggested', 'RC-000003>A:suggested']);
    expect(r.pairs.filter((p) => !p.kept).every((p) => p.signals.includes('amount:sum 2 cases'))).toBe(true);
    // Without the confirmation nothing is partly used: the usual subset search decides.
    const fresh = run(cases, lines);
    expect(fresh.pairs.some((p) => p.caseId === 'RC-000001')).toBe(true);
  });

  test('two different subsets summing to the line are ambiguous', () => {
    const cases = [kase(1, '40.00'), kase(2, '60.00'), kase(3, '30.00'), kase(4, '70.00')];
    const r = run(cases, [line('100.00', { lineId: 'A', counterparty: 'ALPHA TRADING CO LTD' })]);
    expect(r.pairs.length).toBeGreaterThanOrEqual(4);
    expect(r.pairs.every((p) => p.state === 'ambiguous')).toBe(true);
    expect(byLine(r, 'A').matchStatus).toBe('ambiguous');
  });

  test('FX: a EUR case paid in USD at the dated rate within tolerance', () => {
    const fxRates = [
      { date: '2026-09-01', from: 'EUR', to: 'USD', rate: new Decimal('1.05') },
      { date: '2026-10-01', from: 'EUR', to: 'USD', rate: new Decimal('1.10') },
    ];
    const r = run([kase(1, '100.00', { currency: 'EUR' })], [line('109.40', { lineId: 'A', reference: 'RC-000001' })], { fxRates });
    expect(pairsOf(r)).toEqual(['RC-000001>A:auto']);
    expect(r.pairs[0].signals).toContain('amount:fx');
    expect(r.pairs[0].covers.toString()).toBe('99.45');
    expect(byCase(r, 'RC-000001').settled).toBe(true);
    expect(r.differences[0]).toEqual(expect.objectContaining({ kind: 'fx', currency: 'EUR' }));
    expect(r.differences[0].amount.toString()).toBe('0.55');
  });

  test('FX: outside the tolerance (and no reference) is not a candidate', () => {
    const fxRates = [{ date: '2026-10-01', from: 'EUR', to: 'USD', rate: new Decimal('1.10') }];
    const r = run([kase(1, '100.00', { currency: 'EUR' })], [line('100.00', { lineId: 'A' })], { fxRates });
    expect(pairsOf(r)).toEqual([]);
  });

  test('FX: a line carrying its original amount in the case currency', () => {
    const r = run([kase(1, '700.00', { currency: 'CNY' })], [line('98.12', { lineId: 'A', originalAmount: new Decimal('700.00'), originalCurrency: 'CNY', counterparty: 'Alpha Trading' })]);
    expect(pairsOf(r)).toEqual(['RC-000001>A:suggested']);
    expect(r.pairs[0].signals).toContain('amount:original');
    expect(r.pairs[0].covers.toString()).toBe('700');
  });
});

describe('matching: ambiguity and vendors', () => {
  test('two same-amount lines for one case are ambiguous (no wrong pick)', () => {
    const r = run([kase(1, '120.00')], [line('120.00', { lineId: 'A' }), line('120.00', { lineId: 'B' })]);
    expect(pairsOf(r)).toEqual(['RC-000001>A:ambiguous', 'RC-000001>B:ambiguous']);
    expect(byCase(r, 'RC-000001').matchStatus).toBe('ambiguous');
  });

  test('same-amount lines: the one with the reference wins and is confirmed', () => {
    const r = run([kase(1, '120.00')], [line('120.00', { lineId: 'A' }), line('120.00', { lineId: 'B', reference: 'RC-000001' })]);
    expect(r.pairs.find((p) => p.lineId === 'B')!.state).not.toBe('ambiguous');
    expect(pairsOf(r)).toContain('RC-000001>B:suggested');
  });

  test('two vendors, same amount, same day: each line goes to its vendor by account/alias', () => {
    const cases = [kase(1, '55.00', { vendorId: 'V1' }), kase(2, '55.00', { vendorId: 'V2', vendorName: 'Beta Electronics' })];
    const lines = [line('55.00', { lineId: 'A', counterparty: 'BETA ELEC' }), line('55.00', { lineId: 'B', counterpartyAccount: '6222 0001 2345 6789' })];
    const r = run(cases, lines);
    expect(pairsOf(r)).toEqual(['RC-000001>B:suggested', 'RC-000002>A:suggested']);
    expect(r.pairs[0].signals).toContain('vendor:account');
    expect(r.pairs[1].signals).toContain('vendor:alias');
  });

  test('two vendors, same amount, same day, no vendor evidence: ambiguous', () => {
    const cases = [kase(1, '55.00', { vendorId: 'V1' }), kase(2, '55.00', { vendorId: 'V2' })];
    const r = run(cases, [line('55.00', { lineId: 'A' }), line('55.00', { lineId: 'B' })]);
    expect(r.pairs.every((p) => p.state === 'ambiguous')).toBe(true);
  });

  test('fuzzy vendor name identifies; a tie between vendors identifies nobody', () => {
    const r1 = run([kase(1, '10.00', { vendorId: 'V2' })], [line('10.00', { lineId: 'A', counterparty: 'Beta Electronics (Shenzhen) Co.' })]);
    expect(r1.pairs[0].signals).toContain('vendor:fuzzy');
    const tie = run([kase(1, '10.00')], [line('10.00', { lineId: 'A', counterparty: 'Beta Gamma Elec' })]);
    expect(tie.lines[0].vendorId).toBe('');
    const oneWord = run([kase(1, '10.00')], [line('10.00', { lineId: 'A', counterparty: 'Alpha Beta' })]);
    expect(oneWord.lines[0].vendorId).toBe('');
  });

  test('a line from another vendor is scored down', () => {
    const r = run([kase(1, '10.00')], [line('10.00', { lineId: 'A', counterparty: 'BETA ELEC' })]);
    expect(pairsOf(r)).toEqual([]);
  });
});

describe('matching: decisions and stability', () => {
  test('a rejected pair is never suggested again', () => {
    const decisions = [{ caseId: 'RC-000001', lineId: 'A', state: 'rejected' as const }];
    const r = run([kase(1, '100.00')], [line('100.00', { lineId: 'A', reference: 'RC-000001' })], { decisions });
    expect(pairsOf(r)).toEqual([]);
    expect(r.lines[0].matchStatus).toBe('unexplained');
  });

  test('a rejected pair is not proposed again as one case of a sum either', () => {
    const cases = [kase(1, '40.00'), kase(2, '60.00'), kase(3, '75.00')];
    const lines = [line('100.00', { lineId: 'A', counterparty: 'ALPHA TRADING CO LTD' })];
    expect(pairsOf(run(cases, lines))).toEqual(['RC-000001>A:suggested', 'RC-000002>A:suggested']);
    const r = run(cases, lines, { decisions: [{ caseId: 'RC-000001', lineId: 'A', state: 'rejected' as const }] });
    expect(pairsOf(r)).toEqual([]);
    expect(r.lines[0].matchStatus).toBe('unexplained');
  });

  test('an unmatched pair may come back as a suggestion, never as auto', () => {
    const decisions = [{ caseId: 'RC-000001', lineId: 'A', state: 'unmatched' as const }];
    const r = run([kase(1, '100.00')], [line('100.00', { lineId: 'A', reference: 'RC-000001' })], { decisions });
    expect(pairsOf(r)).toEqual(['RC-000001>A:suggested']);
  });

  test('confirmed pairs stay put even when a better-looking line appears', () => {
    const decisions = [{ caseId: 'RC-000001', lineId: 'A', state: 'confirmed' as const, amount: new Decimal('100.00'), covers: new Decimal('100.00') }];
    const r = run([kase(1, '100.00')], [line('100.00', { lineId: 'A' }), line('100.00', { lineId: 'B', reference: 'RC-000001' })], { decisions });
    expect(pairsOf(r)).toEqual(['RC-000001>A:confirmed']);
    expect(r.pairs[0].kept).toBe(true);
    expect(r.lines.find((l) => l.lineId === 'B')!.matchStatus).toBe('unexplained');
  });

  test('re-run stability: feeding a run its own confirmed pairs gives the same allocations', () => {
    const cases = [kase(1, '100.00'), kase(2, '40.00'), kase(3, '60.00')];
    const lines = [line('100.00', { lineId: 'A', reference: 'RC-000001' }), line('100.00', { lineId: 'B', reference: 'RC-000002 / RC-000003' })];
    const first = run(cases, lines);
    const decisions = first.pairs.filter((p) => p.state === 'auto').map((p) => ({ caseId: p.caseId, lineId: p.lineId, state: 'auto' as const, amount: p.amount, covers: p.covers }));
    const second = run(cases, lines, { decisions });
    const view = (r: typeof first) => r.pairs.map((p) => `${p.caseId}>${p.lineId}:${p.amount}`);
    expect(view(second)).toEqual(view(first));
    expect(second.lines.map((l) => l.matchStatus)).toEqual(first.lines.map((l) => l.matchStatus));
    expect(second.cases.map((c) => c.matchStatus)).toEqual(first.cases.map((c) => c.matchStatus));
  });

  test('input order does not change the result', () => {
    const cases = [kase(1, '50.00'), kase(2, '50.00', { vendorId: 'V2' }), kase(3, '70.00')];
    const lines = [line('50.00', { lineId: 'A', counterparty: 'BETA ELEC' }), line('50.00', { lineId: 'B' }), line('70.00', { lineId: 'C', reference: 'PO-1003' })];
    expect(pairsOf(run([...cases].reverse(), [...lines].reverse()))).toEqual(pairsOf(run(cases, lines)));
  });

  test('closed cases are not matched; cases logged after the month are not matched', () => {
    const r = run([kase(1, '10.00', { status: 'Reconciled' }), kase(2, '10.00', { dateLogged: '2026-12-01', expectedCompletion: '2026-12-10' })], [line('10.00', { lineId: 'A', reference: 'RC-000001 RC-000002' })]);
    expect(pairsOf(r)).toEqual([]);
  });

  test('lines of other months are left alone', () => {
    const r = run([kase(1, '10.00')], [line('10.00', { lineId: 'A', bookingDate: '2026-11-03', reference: 'RC-000001' })]);
    expect(r.pairs).toEqual([]);
    expect(r.lines).toEqual([]);
  });

  test('amounts are exact decimals: many small instalments add up without residue', () => {
    const lines = Array.from({ length: 10 }, (_, i) => line('0.10', { lineId: `I${i}`, reference: 'RC-000001', bookingDate: `2026-10-${String(10 + i).padStart(2, '0')}` }));
    const r = run([kase(1, '1.00')], lines);
    expect(byCase(r, 'RC-000001').covered.toString()).toBe('1');
    expect(byCase(r, 'RC-000001').settled).toBe(true);
    expect(r.differences).toEqual([]);
  });
});

describe('reports of past months', () => {
  test('a fee difference is proposed in the month the money arrived, not again in later months', () => {
    const cases = [kase(1, '300.00')];
    const lines = [line('298.50', { lineId: 'A', reference: 'RC-000001' })]; // booked 2026-10-11
    expect(run(cases, lines, { month: '2026-10' }).differences.map((d) => d.kind)).toEqual(['fee']);
    // November's run carries October's pair as a decision (the Matches tab), so the case is
    // settled there too — but its fee was October's news.
    const kept = { caseId: 'RC-000001', lineId: 'A', state: 'auto' as const, amount: new Decimal('298.50'), covers: new Decimal('298.50') };
    const november = run(cases, lines, { month: '2026-11', decisions: [kept] });
    expect(byCase(november, 'RC-000001').settled).toBe(true);
    expect(november.differences).toEqual([]);
  });

  test("a waiting case's age is counted to the month's end, not to today", () => {
    // Logged 2026-09-20, nothing paid; the September report (run on 2026-11-02) says 10 days.
    const r = run([kase(1, '300.00', { dateLogged: '2026-09-20', expectedCompletion: '2026-09-27' })], [], { month: '2026-09' });
    expect(byCase(r, 'RC-000001').ageDays).toBe(10);
    // The current month is counted to today.
    expect(byCase(run([kase(2, '300.00', { dateLogged: '2026-10-20' })], [], { month: '2026-11' }), 'RC-000002').ageDays).toBe(13);
  });
});
