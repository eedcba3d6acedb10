// Demo data made by the project itself (a clone must run without ../shared): vendors, a few
// hundred cases over three months in CNY, USD and EUR, and the statements that money would
// show up on, in the layouts of real exports (see ../shared/corpus/statements for the
// originals; none of their data is used):
//   - a China Merchants Bank debit CSV (招商银行: 记账日期,货币,交易金额,… with the counterparty
//     name and account jammed into 对手信息 and the memo in 客户摘要), CNY;
//   - a PayPal "Activity download" CSV (dd/mm/yyyy, Gross/Fee/Net), USD and EUR;
//   - a Wise balance statement CSV (dd-mm-yyyy, Payment Reference, Exchange columns), EUR/USD;
//   - a vendor's own credit-note list (date, reference, order #, amount, currency).
// The money is the realistic mix: refunds naming the case or only the order, bare amounts,
// fees taken on the way, instalments, a batch payment for several cases, a refund converted
// into another currency, same-amount decoys, unexplained credits, plus ordinary debits.
// All amounts are integers of minor units until printed (no float arithmetic on money).
import { seededRandom } from '../seededRandom';

export interface DemoVendor {
  vendorId: string;
  name: string;
  currency: 'CNY' | 'USD' | 'EUR';
  sla: number;
  /** As the name appears on statements, and an account number. */
  alias: string;
  account: string;
}

export interface DemoCase {
  seq: number;
  dateLogged: string;
  orderNo: string;
  vendor: DemoVendor;
  minor: number;
  currency: string;
  status: string;
  expected: string;
  reason: string;
}

export interface DemoData {
  months: string[];
  vendors: DemoVendor[];
  cases: DemoCase[];
  files: { fileName: string; text: string }[];
  vendorStatement: { vendorId: string; csv: string };
  fxRates: { currency: string; rate: string; asOf: string }[];
}

export const DEMO_VENDORS: DemoVendor[] = [
  { vendorId: 'V001', name: 'Shenzhen Bright LED Co., Ltd.', currency: 'CNY', sla: 10, alias: '深圳明亮照明有限公司', account: '6225880112345678' },
  { vendorId: 'V002', name: 'Yiwu Happy Toys Trading', currency: 'CNY', sla: 14, alias: '义乌快乐玩具贸易', account: '6214830223456789' },
  { vendorId: 'V003', name: 'Guangzhou Silk Road Apparel', currency: 'CNY', sla: 14, alias: '广州丝路服饰', account: '6226090334567890' },
  { vendorId: 'V004', name: 'Hangzhou Tea House', currency: 'CNY', sla: 7, alias: '杭州茶馆', account: '6222020445678901' },
  { vendorId: 'V005', name: 'Pacific Gadgets LLC', currency: 'USD', sla: 14, alias: 'PACIFIC GADGETS', account: 'pay@pacificgadgets.example' },
  { vendorId: 'V006', name: 'Maple Outdoor Supply', currency: 'USD', sla: 21, alias: 'Maple Outdoor', account: 'refunds@maple.example' },
  { vendorId: 'V007', name: 'Berlin Audio GmbH', currency: 'EUR', sla: 14, alias: 'BERLIN AUDIO GMBH', account: 'DE44500105175407324931' },
  { vendorId: 'V008', name: 'Lyon Ceramics SARL', currency: 'EUR', sla: 14, alias: 'LYON CERAMICS', account: 'FR7630006000011234567890189' },
];


const DAY = 86400000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (isoDate: string) => Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)));
const caseId = (seq: number) => `RC-${String(seq).padStart(6, '0')}`;

/** Minor units → "1234.50" (2-decimal currencies only, which is all the demo uses). */
export function money(minor: number): string {
  const neg = minor < 0;
  const s = String(Math.abs(minor)).padStart(3, '0');
  return `${neg ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
}
/** "1,234.50" as banks print it. */
function grouped(minor: number): string {
  const [i, f] = money(minor).split('.');
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
}
const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csvLine = (cells: string[]) => cells.map(csvCell).join(',');

interface Tx {
  date: string;
  minor: number; // signed, statement currency
  currency: string;
  counterparty: string;
  account: string;
  memo: string;
  kind: 'refund' | 'payment' | 'fee' | 'other';
  fee?: number;
  original?: { minor: number; currency: string };
}

/** Three months before `today`'s month (e.g. 2026-09, 2026-10, 2026-11 for a December today). */
export function demoMonths(today: string): string[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return [3, 2, 1].map((k) => new Date(Date.UTC(y, m - 1 - k, 1)).toISOString().slice(0, 7));
}

export function generateDemo(opts: { today: string; cases?: number; seed?: number }): DemoData {
  const r = seededRandom(opts.seed ?? 20261203);
  const months = demoMonths(opts.today);
  const start = ms(`${months[0]}-01`);
  const next = new Date(ms(`${months[2]}-01`));
  next.setUTCMonth(next.getUTCMonth() + 1);
  const end = next.getTime();
  const lastDay = Math.min(end - DAY, ms(opts.today) - DAY);
  const n = opts.cases ?? 300;
  const pick = <T,>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const cases: DemoCase[] = [];
  const reasons = ['Damaged goods', 'Short shipment', 'Wrong item', 'Quality issue', 'Price adjustment'];
  for (let seq = 1; seq <= n; seq++) {
    const vendor = pick(DEMO_VENDORS);
    const logged = start + Math.floor((seq / n) * (lastDay - start - 10 * DAY));
    const minor = vendor.currency === 'CNY' ? 2000 + Math.floor(r() * 300000) : 500 + Math.floor(r() * 60000);
    const status = r() < 0.7 ? 'Agreed' : r() < 0.66 ? 'Requested' : 'Logged';
    cases.push({
      seq, dateLogged: iso(logged), orderNo: vendor.currency === 'CNY' ? `TB${String(880000 + seq * 37).padStart(8, '0')}` : `PO-${2026}-${String(4000 + seq).padStart(5, '0')}`,
      vendor, minor, currency: vendor.currency, status, expected: iso(logged + vendor.sla * DAY), reason: pick(reasons),
    });
  }

  const cmb: Tx[] = [];
  const paypal: Tx[] = [];
  const wise: Tx[] = [];
  const book = (c: DemoCase) => (c.currency === 'CNY' ? cmb : c.vendor.vendorId === 'V007' || c.vendor.vendorId === 'V008' ? (r() < 0.5 ? wise : paypal) : paypal);
  const payDay = (c: DemoCase) => Math.min(lastDay, ms(c.dateLogged) + Math.floor((0.4 + r() * 1.2) * c.vendor.sla * DAY));
  const who = (c: DemoCase) => ({ counterparty: c.currency === 'CNY' ? `${c.vendor.alias}${c.vendor.account}` : c.vendor.alias, account: c.currency === 'CNY' ? '' : c.vendor.account });
  const batchPool: DemoCase[] = [];
  for (const c of cases) {
    const k = r();
    const list = book(c);
    const day = payDay(c);
    if (c.status !== 'Agreed' && k < 0.5) continue; // not agreed yet: mostly no money
    if (k < 0.32) list.push({ date: iso(day), minor: c.minor, currency: c.currency, ...who(c), memo: c.currency === 'CNY' ? `退款 ${caseId(c.seq)}` : `Refund ${caseId(c.seq)}`, kind: 'refund' });
    else if (k < 0.46) list.push({ date: iso(day), minor: c.minor, currency: c.currency, ...who(c), memo: c.currency === 'CNY' ? `订单${c.orderNo}退款` : `Credit for order ${c.orderNo}`, kind: 'refund' });
    else if (k < 0.58) list.push({ date: iso(day), minor: c.minor, currency: c.currency, ...who(c), memo: c.currency === 'CNY' ? '退款' : 'Refund', kind: 'refund' });
    else if (k < 0.66) {
      // A fee taken on the way (PayPal's, or the bank's handling charge).
      const fee = Math.max(30, Math.floor(c.minor * 0.012));
      list.push({ date: iso(day), minor: c.minor - fee, currency: c.currency, ...who(c), memo: `Refund ${caseId(c.seq)}`, kind: 'refund', fee });
    } else if (k < 0.71) {
      const half = Math.floor(c.minor / 2);
      list.push({ date: iso(day - 5 * DAY), minor: half, currency: c.currency, ...who(c), memo: `${caseId(c.seq)} part 1/2`, kind: 'refund' });
      list.push({ date: iso(Math.min(lastDay, day + 6 * DAY)), minor: c.minor - half, currency: c.currency, ...who(c), memo: `${caseId(c.seq)} part 2/2`, kind: 'refund' });
    } else if (k < 0.75 && c.currency === 'EUR') {
      // Paid into the USD balance: converted at the vendor's bank rate, a little off the rate in
      // Settings, so the report shows the FX difference to book.
      const usd = Math.round((c.minor * 1079) / 1000);
      wise.push({ date: iso(day), minor: usd, currency: 'USD', ...who(c), memo: caseId(c.seq), kind: 'refund', original: { minor: c.minor, currency: 'EUR' } });
    } else if (k < 0.8) batchPool.push(c);
    // else: still waiting for money
  }
  // Batch payments: two or three cases of one vendor in one transfer, no reference.
  const byVendor = new Map<string, DemoCase[]>();
  for (const c of batchPool) (byVendor.get(c.vendor.vendorId) || byVendor.set(c.vendor.vendorId, []).get(c.vendor.vendorId)!).push(c);
  for (const group of byVendor.values()) {
    for (let i = 0; i + 1 < group.length; i += 2) {
      const pair = group.slice(i, i + 2);
      const total = pair.reduce((t, c) => t + c.minor, 0);
      const day = Math.max(...pair.map((c) => payDay(c)));
      book(pair[0]).push({ date: iso(day), minor: total, currency: pair[0].currency, ...who(pair[0]), memo: pair[0].currency === 'CNY' ? '批量退款' : 'Batch refund', kind: 'refund' });
    }
  }
  // Same-amount decoys: a customer paying exactly a case's amount, no reference.
  for (let i = 0; i < Math.max(3, n / 40); i++) {
    const c = cases[Math.floor(r() * cases.length)];
    book(c).push({ date: iso(payDay(c)), minor: c.minor, currency: c.currency, counterparty: c.currency === 'CNY' ? `客户${i} 6217000${1000 + i}` : `Customer ${i}`, account: '', memo: c.currency === 'CNY' ? '货款' : 'Payment', kind: 'other' });
  }
  // Noise: supplier payments, fees, unexplained credits.
  for (let i = 0; i < n / 3; i++) {
    const date = iso(start + Math.floor(r() * (lastDay - start)));
    const list = pick([cmb, cmb, paypal, wise]);
    const currency = list === cmb ? 'CNY' : pick(['USD', 'EUR']);
    const q = r();
    if (q < 0.55) list.push({ date, minor: -(5000 + Math.floor(r() * 900000)), currency, counterparty: list === cmb ? `供应商付款 622${i}` : `Supplier ${i}`, account: '', memo: list === cmb ? '货款' : 'Invoice payment', kind: 'payment' });
    else if (q < 0.75) list.push({ date, minor: -(100 + Math.floor(r() * 3000)), currency, counterparty: '', account: '', memo: list === cmb ? '手续费' : 'Fee', kind: 'fee' });
    else list.push({ date, minor: 1000 + Math.floor(r() * 200000), currency, counterparty: list === cmb ? `未知汇款人${i}` : `Unknown sender ${i}`, account: '', memo: '', kind: 'other' });
  }

  const files = [
    { fileName: `cmb-debit-${months[0]}-${months[2]}.csv`, text: cmbCsv(cmb) },
    { fileName: `paypal-activity-${months[0]}-${months[2]}.csv`, text: paypalCsv(paypal) },
    { fileName: `wise-statement-${months[0]}-${months[2]}.csv`, text: wiseCsv(wise) },
  ];
  // Vendor V005 sends its credit-note list: it lists most of its cases, one it never sent us
  // money for is missing, and one note is for an order nobody logged.
  const v5 = cases.filter((c) => c.vendor.vendorId === 'V005');
  const notes = v5.slice(0, Math.max(0, v5.length - 1)).map((c, i) => [c.expected, `CN-${7000 + i}`, c.orderNo, money(c.minor), c.currency]);
  notes.push([iso(lastDay - 3 * DAY), 'CN-7999', 'PO-2026-99999', '42.00', 'USD']);
  const vendorStatement = { vendorId: 'V005', csv: [csvLine(['Date', 'Reference', 'Order #', 'Amount', 'Currency']), ...notes.map(csvLine)].join('\n') + '\n' };
  // One rate per currency and month, as an accountant keeps them (each holds from its date on).
  const fxRates = [
    { currency: 'CNY', rate: '0.1404', asOf: `${months[0]}-01` },
    { currency: 'EUR', rate: '1.0850', asOf: `${months[0]}-01` },
    { currency: 'CNY', rate: '0.1398', asOf: `${months[1]}-01` },
    { currency: 'EUR', rate: '1.0820', asOf: `${months[1]}-01` },
    { currency: 'CNY', rate: '0.1409', asOf: `${months[2]}-01` },
    { currency: 'EUR', rate: '1.0905', asOf: `${months[2]}-01` },
  ];
  return { months, vendors: DEMO_VENDORS, cases, files, vendorStatement, fxRates };
}

function sortByDate(txs: Tx[]): Tx[] {
  return [...txs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function cmbCsv(txs: Tx[]): string {
  let balance = 50000000;
  const rows = sortByDate(txs).map((t) => {
    balance += t.minor;
    const summary = t.kind === 'refund' ? '转账汇入' : t.kind === 'fee' ? '手续费' : t.minor > 0 ? '转账汇入' : '转账汇款';
    return csvLine([t.date, 'CNY', grouped(t.minor), grouped(balance), summary, t.counterparty, t.memo]);
  });
  return [csvLine(['记账日期', '货币', '交易金额', '联机余额', '交易摘要', '对手信息', '客户摘要']), ...rows].join('\n') + '\n';
}

function dmy(date: string, sep: string): string {
  return `${date.slice(8, 10)}${sep}${date.slice(5, 7)}${sep}${date.slice(0, 4)}`;
}

function paypalCsv(txs: Tx[]): string {
  const header = ['Date', 'Time', 'TimeZone', 'Name', 'Type', 'Status', 'Currency', 'Gross', 'Fee', 'Net', 'From Email Address', 'To Email Address', 'Transaction ID', 'Address Status', 'Sales Tax', 'Reference Txn ID', 'Invoice Number', 'Receipt ID', 'Balance', 'Contact Phone Number', 'Subject', 'Note'];
  const bal: Record<string, number> = { USD: 1000000, EUR: 1000000 };
  const rows = sortByDate(txs).map((t, i) => {
    const fee = t.fee ?? 0;
    const gross = t.minor + fee;
    bal[t.currency] = (bal[t.currency] ?? 0) + t.minor;
    const type = t.kind === 'refund' ? 'Payment Received' : t.kind === 'fee' ? 'General Currency Conversion' : t.minor > 0 ? 'Payment Received' : 'General Payment';
    return csvLine([dmy(t.date, '/'), '10:15:00', 'PST', t.counterparty, type, 'Completed', t.currency, grouped(gross), fee ? grouped(-fee) : '0.00', grouped(t.minor), t.account, 'finance@agent.example', `PP${String(900000 + i * 7919).padStart(12, '0')}`, 'Verified', '0.00', '', '', '', grouped(bal[t.currency]), '', t.memo, '']);
  });
  return [csvLine(header), ...rows].join('\n') + '\n';
}

function wiseCsv(txs: Tx[]): string {
  const header = ['TransferWise ID', 'Date', 'Date Time', 'Amount', 'Currency', 'Description', 'Payment Reference', 'Running Balance', 'Exchange From', 'Exchange To', 'Exchange Rate', 'Payer Name', 'Payee Name', 'Payee Account Number', 'Merchant', 'Card Last Four Digits', 'Card Holder Full Name', 'Attachment', 'Total fees', 'Exchange To Amount', 'Transaction Type', 'Transaction Details Type'];
  const bal: Record<string, number> = { USD: 500000, EUR: 500000 };
  const rows = sortByDate(txs).map((t, i) => {
    bal[t.currency] = (bal[t.currency] ?? 0) + t.minor;
    const incoming = t.minor > 0;
    const desc = incoming ? `Received money from ${t.counterparty || 'unknown'}` : t.kind === 'fee' ? 'Wise Charges' : `Sent money to ${t.counterparty}`;
    return csvLine([
      `TRANSFER-${300000000 + i * 104729}`, dmy(t.date, '-'), `${dmy(t.date, '-')} 09:30:00.000`, money(t.minor), t.currency, desc, t.memo, money(bal[t.currency]),
      t.original ? t.original.currency : '', t.original ? t.currency : '', t.original ? '1.08500' : '', incoming ? t.counterparty : '', incoming ? '' : t.counterparty, incoming ? '' : t.account, '', '', '', '', '0.00',
      '', incoming ? 'CREDIT' : 'DEBIT', incoming ? 'DEPOSIT' : 'TRANSFER',
    ]);
  });
  return [csvLine(header), ...rows].join('\n') + '\n';
}

/** Cases as the CSV `importCases` accepts (our own column names). */
export function casesCsv(cases: DemoCase[]): string {
  const header = ['Date Logged', 'Order #', 'Vendor ID', 'Reason', 'Refund Amount', 'Currency', 'Status', 'Expected Completion'];
  return [csvLine(header), ...cases.map((c) => csvLine([c.dateLogged, c.orderNo, c.vendor.vendorId, c.reason, money(c.minor), c.currency, c.status, c.expected]))].join('\n') + '\n';
}
