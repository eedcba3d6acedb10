// Small builders for reconciliation tests: a case or a line in one line of test code.
import { Decimal } from '../../src/domain/money';
import type { StatementLine } from '../../src/domain/statements/line';
import { defaultReconSettings, reconcile, type Decision, type FxRate, type ReconCase, type ReconInput, type ReconVendor } from '../../src/domain/reconcile';

export function kase(id: number, amount: string, over: Partial<ReconCase> = {}): ReconCase {
  return {
    caseId: `RC-${String(id).padStart(6, '0')}`,
    dateLogged: '2026-10-01',
    orderNo: `PO-${1000 + id}`,
    vendorId: 'V1',
    vendorName: 'Alpha Trading',
    amount: new Decimal(amount),
    currency: 'USD',
    status: 'Agreed',
    expectedCompletion: '2026-10-10',
    ...over,
  };
}

let seq = 0;
export function line(amount: string, over: Partial<Omit<StatementLine, 'amount'>> & { fee?: null } = {}): StatementLine {
  seq++;
  return {
    lineId: over.lineId ?? `L${seq}`,
    bookingDate: '2026-10-11',
    valueDate: '2026-10-11',
    amount: new Decimal(amount),
    currency: 'USD',
    counterparty: '',
    counterpartyAccount: '',
    reference: '',
    description: '',
    fee: null,
    originalAmount: null,
    originalCurrency: '',
    kind: 'credit',
    sourceRow: seq,
    ...over,
  } as StatementLine;
}

export const VENDORS: ReconVendor[] = [
  { vendorId: 'V1', name: 'Alpha Trading', aliases: ['ALPHA TRADING CO LTD', '6222 0001 2345 6789'] },
  { vendorId: 'V2', name: 'Beta Electronics', aliases: ['BETA ELEC'] },
  { vendorId: 'V3', name: 'Gamma Elec', aliases: [] },
];

export function run(cases: ReconCase[], lines: StatementLine[], extra: { decisions?: Decision[]; fxRates?: FxRate[]; month?: string } = {}) {
  const input: ReconInput = {
    month: extra.month ?? '2026-10',
    cases,
    lines,
    vendors: VENDORS,
    fxRates: extra.fxRates ?? [],
    decisions: extra.decisions ?? [],
    settings: defaultReconSettings('USD'),
    today: '2026-11-02',
  };
  return reconcile(input);
}

/** "RC-000001>L3:auto" strings for compact assertions. */
export function pairsOf(result: ReturnType<typeof run>): string[] {
  return result.pairs.map((p) => `${p.caseId}>${p.lineId}:${p.state}`);
}
