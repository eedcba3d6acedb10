// Generated reconciliation months for benchmarks: N cases and about N statement lines, with
// the mix a real month has: refunds naming the case, refunds naming only the order, bare
// exact amounts, fee-short payments, FX payments, instalments, batch payments, same-amount
// decoys and unexplained credits. Seeded, so every run measures the same data.
import { Decimal, fromSheetNumber, toSheetNumber } from '../src/domain/money';
import { isCurrencyCode } from '../src/domain/currency';
import type { StatementLine } from '../src/domain/statements/line';
import { defaultReconSettings, type FxRate, type ReconCase, type ReconInput, type ReconVendor } from '../src/domain/reconcile';
import { seededRandom } from '../dev/seededRandom';


const CURRENCIES = ['CNY', 'USD', 'EUR'];

/** Minor units → a Decimal of the currency (integers only: no float on money). */
function money(minor: number): Decimal {
  return new Decimal(minor).div(100);
}
function iso(day: number): string {
  return new Date(Date.UTC(2026, 9, 1) + day * 86400000).toISOString().slice(0, 10);
}

export function generateMonth(n: number, seed = 42): ReconInput {
  const r = seededRandom(seed);
  const nVendors = Math.max(10, Math.floor(n / 100));
  const vendors: ReconVendor[] = [];
  for (let v = 0; v < nVendors; v++) {
    vendors.push({ vendorId: `V${v}`, name: `Vendor ${v} Trading`, aliases: [`VENDOR${v} CO LTD`, `6222${String(100000000 + v)}`] });
  }
  const cases: ReconCase[] = [];
  const lines: StatementLine[] = [];
  let lineNo = 0;
  const addLine = (minor: number, currency: string, day: number, over: Partial<StatementLine>) => {
    lineNo++;
    lines.push({
      lineId: `L${lineNo}`,
      bookingDate: iso(day),
      valueDate: iso(day),
      amount: money(minor),
      currency,
      counterparty: '',
      counterpartyAccount: '',
      reference: '',
      description: '',
      fee: null,
      originalAmount: null,
      originalCurrency: '',
      kind: 'credit',
      sourceRow: lineNo,
      ...over,
    });
  };
  for (let i = 1; i <= n; i++) {
    const v = Math.floor(r() * nVendors);
    const currency = CURRENCIES[Math.floor(r() * 3)];
    const minor = 1000 + Math.floor(r() * 500000);
    const logDay = -20 + Math.floor(r() * 45);
    const caseId = `RC-${String(i).padStart(6, '0')}`;
    const orderNo = `PO-${700000 + i}`;
    cases.push({ caseId, dateLogged: iso(logDay), orderNo, vendorId: `V${v}`, vendorName: `Vendor ${v} Trading`, amount: money(minor), currency, status: 'Agreed', expectedCompletion: iso(logDay + 14) });
    const day = Math.min(30, Math.max(0, logDay + 5 + Math.floor(r() * 20)));
    const who = r() < 0.5 ? { counterparty: `VENDOR${v} CO LTD` } : { counterpartyAccount: `6222${String(100000000 + v)}` };
    const k = r();
    if (k < 0.3) addLine(minor, currency, day, { reference: `Refund ${caseId}`, ...who });
    else if (k < 0.45) addLine(minor, currency, day, { description: `order ${orderNo} refund`, ...who });
    else if (k < 0.6) addLine(minor, currency, day, who);
    else if (k < 0.68) addLine(minor - Math.min(Math.floor(minor * 0.005), 1500), currency, day, { reference: caseId, ...who });
    else if (k < 0.72) {
      const half = Math.floor(minor / 2);
      addLine(half, currency, day, { reference: `${caseId} 1/2`, ...who });
      addLine(minor - half, currency, Math.min(30, day + 3), { reference: `${caseId} 2/2`, ...who });
    } else if (k < 0.76 && currency === 'EUR') addLine(Math.floor(minor * 1.085), 'USD', day, { reference: caseId, ...who });
    else if (k < 0.8) addLine(minor, currency, day, {}); // decoy-prone: bare amount, no vendor
    // else: still waiting for money
  }
  // Noise: unexplained credits, debits and fees, about a fifth of the lines.
  const noise = Math.floor(n * 0.2);
  for (let j = 0; j < noise; j++) {
    const currency = CURRENCIES[Math.floor(r() * 3)];
    const day = Math.floor(r() * 31) % 31;
    const q = r();
    if (q < 0.5) addLine(1000 + Math.floor(r() * 500000), currency, day, { counterparty: `Customer ${j}` });
    else if (q < 0.8) addLine(-(1000 + Math.floor(r() * 500000)), currency, day, { kind: 'debit' });
    else addLine(-(100 + Math.floor(r() * 2000)), currency, day, { kind: 'fee' });
  }
  const fxRates: FxRate[] = [
    { date: '2026-09-01', from: 'EUR', to: 'USD', rate: new Decimal('1.08') },
    { date: '2026-10-01', from: 'EUR', to: 'USD', rate: new Decimal('1.09') },
    { date: '2026-10-01', from: 'USD', to: 'CNY', rate: new Decimal('7.12') },
  ];
  return { month: '2026-10', cases, lines, vendors, fxRates, decisions: [], settings: defaultReconSettings('USD'), today: '2026-11-02' };
}

// ---- The same month as the rows the sheets hand over, for the end-to-end (in memory) figure.
// Cases come from the Cases tab as text (CaseRecord), statement lines as cell values (amounts
// are sheet numbers). rowsToInput converts them exactly as loadInputs (server/reconcileRun.ts)
// and readStatementTabs (sheets/reconRepo.ts) do — validation, Decimal parsing, rounding to
// the currency — so the figure includes what a run pays before the engine starts. Not
// included: the Sheets API reads and writes themselves, and the plan/report built after.
export interface MonthRows {
  month: string;
  caseRows: string[][];
  lineRows: (string | number | null)[][];
  rest: Omit<ReconInput, 'cases' | 'lines' | 'month'>;
}

const CASE_COLS = ['caseId', 'dateLogged', 'orderNo', 'vendorId', 'vendorName', 'amount', 'currency', 'status', 'expectedCompletion'] as const;

export function toRows(input: ReconInput): MonthRows {
  const caseRows = input.cases.map((c) => CASE_COLS.map((k) => (k === 'amount' ? c.amount.toString() : String(c[k]))));
  const lineRows = input.lines.map((l) => [
    l.lineId, l.bookingDate, l.valueDate, toSheetNumber(l.amount, l.currency), l.currency, l.counterparty, l.counterpartyAccount,
    l.reference, l.description, l.fee ? toSheetNumber(l.fee, l.currency) : null,
    l.originalAmount ? toSheetNumber(l.originalAmount, l.originalCurrency) : null, l.originalCurrency, l.kind, l.sourceRow,
  ]);
  const { cases: _c, lines: _l, month, ...rest } = input;
  return { month, caseRows, lineRows, rest };
}

const KINDS = new Set(['credit', 'debit', 'refund', 'reversal', 'fee', 'pending', 'closed']);

export function rowsToInput(rows: MonthRows): ReconInput {
  const seen = new Set<string>();
  const cases: ReconCase[] = [];
  for (const r of rows.caseRows) {
    const [caseId, dateLogged, orderNo, vendorId, vendorName, amount, currency, status, expectedCompletion] = r;
    if (!caseId || seen.has(caseId)) continue;
    seen.add(caseId);
    if (!isCurrencyCode(currency) || !/^\d+(\.\d+)?$/.test(amount)) continue;
    cases.push({ caseId, dateLogged, orderNo, vendorId, vendorName, amount: new Decimal(amount), currency, status, expectedCompletion });
  }
  const t = (x: string | number | null) => (x === null || x === undefined ? '' : String(x).trim());
  const lines: StatementLine[] = [];
  for (const v of rows.lineRows) {
    const lineId = t(v[0]);
    if (!lineId) continue;
    const currency = t(v[4]).toUpperCase();
    const amount = v[3];
    if (!isCurrencyCode(currency) || typeof amount !== 'number') continue;
    const origCcy = t(v[11]).toUpperCase();
    const fee = v[9];
    const orig = v[10];
    const kind = t(v[12]) as StatementLine['kind'];
    lines.push({
      lineId,
      bookingDate: t(v[1]).slice(0, 10),
      valueDate: t(v[2]).slice(0, 10),
      amount: fromSheetNumber(amount, currency),
      currency,
      counterparty: t(v[5]),
      counterpartyAccount: t(v[6]),
      reference: t(v[7]),
      description: t(v[8]),
      fee: typeof fee === 'number' ? fromSheetNumber(fee, currency) : null,
      originalAmount: typeof orig === 'number' && isCurrencyCode(origCcy) ? fromSheetNumber(orig, origCcy) : null,
      originalCurrency: isCurrencyCode(origCcy) ? origCcy : '',
      kind: KINDS.has(kind) ? kind : amount >= 0 ? 'credit' : 'debit',
      sourceRow: Number(v[13]) || 0,
    });
  }
  return { month: rows.month, cases, lines, ...rows.rest };
}
