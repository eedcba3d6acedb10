// One small object per CSV layout in the corpus (and what their vendors document). The shared
// pipeline in csv.ts reads them; only what differs between layouts is written here.
import { Decimal } from '../money';
import type { CsvProfile, RowView } from './csvProfile';
import type { DraftLine } from './types';


// ---------------------------------------------------------------- gateways and wallets

function paypalRefine(line: DraftLine, row: RowView, typeCol: string): void {
  const type = row.get(typeCol);
  if (/refund|rembolso|reembolso|rückzahlung|remboursement/i.test(type)) line.kind = line.kind === 'pending' ? 'pending' : 'refund';
  else if (/reversal|chargeback|retrocesión/i.test(type)) line.kind = 'reversal';
  else if (/^fee\b|fee$|comisión$/i.test(type)) line.kind = 'fee';
  if (!line.counterpartyAccount) {
    line.counterpartyAccount = line.amount.isNegative() ? row.get('To Email Address') : row.get('From Email Address');
  }
}

/**
 * PayPal shows a currency conversion as two rows (one leaves the source currency, one enters the
 * target) tied by "Reference Txn ID" — to each other, or both to the payment they funded. Each
 * row gets the other's amount as its original amount, so neither looks like a stray credit.
 */
function linkPaypalConversions(lines: DraftLine[], rows: RowView[], idCol: string, refCol: string, typeCol: string): void {
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const conv = lines.filter((l) => /conversion|conversión|umrechnung/i.test(byRow.get(l.sourceRow)?.get(typeCol) ?? ''));
  const used = new Set<DraftLine>();
  for (const a of conv) {
    if (used.has(a)) continue;
    const ra = byRow.get(a.sourceRow)!;
    const partner = conv.find((b) => {
      if (b === a || used.has(b) || b.currency === a.currency) return false;
      const rb = byRow.get(b.sourceRow)!;
      const idA = ra.get(idCol); const idB = rb.get(idCol); const refA = ra.get(refCol); const refB = rb.get(refCol);
      return (refA !== '' && (refA === idB || refA === refB)) || (refB !== '' && refB === idA);
    });
    if (!partner) continue;
    used.add(a); used.add(partner);
    a.originalAmount = partner.amount.negated(); a.originalCurrency = partner.currency;
    partner.originalAmount = a.amount.negated(); partner.originalCurrency = a.currency;
    const rp = byRow.get(partner.sourceRow)!;
    a.description = `${a.description} · converted with ${rp.get(idCol)}`;
    partner.description = `${partner.description} · converted with ${ra.get(idCol)}`;
  }
}

export const paypalActivity: CsvProfile = {
  id: 'paypal', label: 'PayPal activity (CSV)', source: 'PayPal',
  headers: ['Date', 'Time', 'TimeZone', 'Name', 'Type', 'Status', 'Currency', 'Gross', 'Fee', 'Net', 'Transaction ID'],
  mapping: { date: 'Date', amount: 'Net', fee: 'Fee', currency: 'Currency', counterparty: 'Name', reference: 'Transaction ID', description: ['Type', 'Subject', 'Note'], status: 'Status' },
  refine: (l, r) => paypalRefine(l, r, 'Type'),
  finish: (lines, rows) => linkPaypalConversions(lines, rows, 'Transaction ID', 'Reference Txn ID', 'Type'),
};

export const paypalLegacy: CsvProfile = {
  id: 'paypal-legacy', label: 'PayPal legacy CSV (before 2017, US)', source: 'PayPal',
  headers: ['Date', 'Time', 'Time Zone', 'Name', 'Type', 'Status', 'Currency', 'Gross', 'Fee', 'Net', 'Transaction ID', 'Counterparty Status'],
  // The legacy US export prints M/D/YYYY.
  dateOrder: 'MDY',
  mapping: { date: 'Date', amount: 'Net', fee: 'Fee', currency: 'Currency', counterparty: 'Name', reference: 'Transaction ID', description: ['Type', 'Item Title'], status: 'Status' },
  refine: (l, r) => paypalRefine(l, r, 'Type'),
  finish: (lines, rows) => linkPaypalConversions(lines, rows, 'Transaction ID', 'Reference Txn ID', 'Type'),
};

export const paypalSpanish: CsvProfile = {
  id: 'paypal-es', label: 'PayPal statement (Spanish)', source: 'PayPal',
  headers: ['Fecha', 'Hora', 'Zona horaria', 'Descripción', 'Divisa', 'Bruto', 'Comisión', 'Neto', 'Id. de transacción'],
  // A Spanish-locale export: day/month/year and decimal commas, even when every date is ambiguous.
  dateOrder: 'DMY', decimalMark: ',',
  mapping: { date: 'Fecha', amount: 'Neto', fee: 'Comisión', currency: 'Divisa', counterparty: 'Nombre', counterpartyAccount: 'Correo electrónico del remitente', reference: 'Id. de transacción', description: 'Descripción' },
  refine: (l, r) => paypalRefine(l, r, 'Descripción'),
  finish: (lines, rows) => linkPaypalConversions(lines, rows, 'Id. de transacción', 'Id. de referencia de trans.', 'Descripción'),
};

export const stripeBalance: CsvProfile = {
  id: 'stripe-balance', label: 'Stripe balance change from activity', source: 'Stripe',
  headers: ['balance_transaction_id', 'created_utc', 'currency', 'gross', 'fee', 'net', 'reporting_category'],
  mapping: { date: 'created_utc', valueDate: 'available_on_utc', amount: 'net', fee: 'fee', currency: 'currency', reference: 'balance_transaction_id', description: ['reporting_category', 'description'] },
  refine: (line, row) => {
    const cat = row.get('reporting_category');
    if (/refund/.test(cat)) line.kind = 'refund';
    else if (/dispute_reversal|reversal/.test(cat)) line.kind = 'reversal';
    else if (/dispute/.test(cat)) line.kind = 'reversal';
    else if (/fee/.test(cat)) line.kind = 'fee';
  },
};

export const stripePayments: CsvProfile = {
  id: 'stripe-payments', label: 'Stripe payments export', source: 'Stripe',
  headers: ['id', 'created', 'amount', 'amount_refunded', 'currency', 'fee', 'status'],
  mapping: { date: 'created', amount: 'amount', fee: 'fee', currency: 'currency', reference: 'id', counterparty: 'customer_description', counterpartyAccount: 'customer_email', description: ['description', 'seller_message'], status: 'status' },
  refine: (line) => {
    // A charge row is gross; what reaches the balance is gross less the fee.
    if (line.fee) line.amount = line.amount.minus(line.fee);
    if (line.kind === 'closed') return;
  },
  extraLines: (line, row, parse) => {
    const refunded = parse(row.get('amount_refunded'));
    if (!refunded || refunded.isZero()) return [];
    return [{ ...line, amount: refunded.abs().negated(), fee: null, kind: 'refund', description: `Refund of ${row.get('id')} · ${line.description}` }];
  },
};

export const adyenSettlement: CsvProfile = {
  id: 'adyen-settlement', label: 'Adyen settlement details report', source: 'Adyen',
  headers: ['Company Account', 'Merchant Account', 'Psp Reference', 'Type', 'Net Currency', 'Net Debit (NC)', 'Net Credit (NC)'],
  mapping: { date: 'Creation Date', valueDate: 'Booking Date', debit: 'Net Debit (NC)', credit: 'Net Credit (NC)', currency: 'Net Currency', reference: 'Psp Reference', counterparty: 'Payment Method', description: ['Type', 'Merchant Reference', 'Modification Merchant Reference', 'Modification Reference'] },
  refine: (line, row) => {
    const type = row.get('Type');
    if (!line.reference) line.reference = row.get('Modification Reference');
    if (/^Refunded$|^RefundedExternally$/.test(type)) line.kind = 'refund';
    else if (/Chargeback|SecondChargeback/.test(type)) line.kind = 'reversal';
    else if (/^(Fee|MiscCosts|InvoiceDeduction|PaymentCost)$/.test(type)) line.kind = 'fee';
    // Fee = gross less net, when both are in the same currency (commission, markup, scheme fees).
    if (row.get('Gross Currency') === row.get('Net Currency') && row.get('Gross Currency') !== '') {
      const n = (s: string) => (s === '' ? new Decimal(0) : new Decimal(s));
      try {
        const gross = n(row.get('Gross Credit (GC)')).minus(n(row.get('Gross Debit (GC)')));
        const fee = gross.minus(line.amount).abs();
        line.fee = fee.isZero() ? null : fee;
      } catch { /* a non-numeric gross leaves the fee unknown */ }
    }
  },
};

export const payoneer: CsvProfile = {
  id: 'payoneer', label: 'Payoneer transactions', source: 'Payoneer',
  headers: ['Transaction Date', 'Transaction ID', 'Description', 'Credit Amount', 'Debit Amount', 'Currency', 'Running Balance'],
  // Payoneer prints MM/DD/YYYY.
  dateOrder: 'MDY',
  mapping: { date: 'Transaction Date', debit: 'Debit Amount', credit: 'Credit Amount', currency: 'Currency', reference: 'Transaction ID', description: ['Description', 'Additional Description'], status: 'Status', originalAmount: 'Transfer Amount', originalCurrency: 'Transfer Amount Currency' },
  refine: (line, row) => {
    line.counterparty = line.amount.isNegative() ? row.get('Target') : row.get('Source');
    if (line.originalAmount && line.amount.isNegative()) line.originalAmount = line.originalAmount.abs().negated();
  },
};

const WISE_FEE = /^(TransferWise|Wise) Charges for: ?(\S+)/i;
export const wise: CsvProfile = {
  id: 'wise', label: 'Wise balance statement', source: 'Wise',
  headers: ['TransferWise ID', 'Date', 'Amount', 'Currency', 'Description', 'Running Balance'],
  dateOrder: 'DMY',
  mapping: { date: 'Date', amount: 'Amount', currency: 'Currency', reference: 'TransferWise ID', description: ['Description', 'Payment Reference'], fee: 'Total fees', originalAmount: 'Exchange To Amount', originalCurrency: 'Exchange To' },
  refine: (line, row) => {
    line.counterparty = row.get('Payee Name') || row.get('Payer Name') || row.get('Merchant');
    line.counterpartyAccount = row.get('Payee Account Number');
    if (!line.originalAmount) line.originalCurrency = '';
    if (WISE_FEE.test(row.get('Description'))) { line.kind = 'fee'; line.fee = null; }
  },
  // The fee is both its own row and the main row's "Total fees": keep it on the fee row only.
  finish: (lines) => {
    const feeRows = new Set(lines.filter((l) => l.kind === 'fee').map((l) => l.reference));
    for (const l of lines) {
      if (l.kind !== 'fee' && l.fee && feeRows.has(l.reference)) {
        l.description = `${l.description} · fee ${l.fee.toString()} on its own line`;
        l.fee = null;
      }
    }
  },
};

export const revolut: CsvProfile = {
  id: 'revolut', label: 'Revolut account statement', source: 'Revolut',
  headers: ['Type', 'Product', 'Started Date', 'Completed Date', 'Description', 'Amount', 'Fee', 'Currency', 'State'],
  mapping: { date: 'Started Date', valueDate: 'Completed Date', amount: 'Amount', fee: 'Fee', currency: 'Currency', description: ['Description', 'Type'], status: 'State' },
  refine: (line, row) => {
    // Booked when completed; a pending row has only its start date.
    if (row.get('Completed Date')) line.bookingDate = line.valueDate;
    else line.valueDate = '';
    if (line.fee) line.amount = line.amount.minus(line.fee); // the balance moves by amount less fee
    const type = row.get('Type');
    if (line.kind === 'pending' || line.kind === 'closed') return;
    if (/REFUND/.test(type)) line.kind = 'refund';
    else if (/^FEE$/.test(type)) line.kind = 'fee';
    else if (/REVERT|REVERSAL/.test(type)) line.kind = 'reversal';
  },
};

// Alipay and WeChat Pay print an unsigned amount with 收入 / 支出, or a neutral 不计收支 / "/"
// for moves between the user's own wallets, refunds and fund sales. Their sign comes from the
// words of the row.
function walletNeutralSign(row: RowView, cols: string[]): 1 | -1 {
  const text = cols.map((c) => row.get(c)).join(' ');
  if (/退款|卖出|赎回|转入|充值|收款|返现|到账/.test(text) && !/转出|提现/.test(text)) return 1;
  return -1;
}

export const alipay: CsvProfile = {
  id: 'alipay', label: 'Alipay bill (支付宝交易明细)', source: 'Alipay',
  headers: ['交易时间', '交易分类', '交易对方', '收/支', '金额', '交易状态', '交易订单号'],
  currency: 'CNY',
  mapping: { date: '交易时间', amount: '金额', direction: '收/支', counterparty: '交易对方', counterpartyAccount: '对方账号', reference: '交易订单号', description: ['交易分类', '商品说明', '收/付款方式', '备注'], status: '交易状态' },
  direction: { credit: ['收入'], debit: ['支出'], neutral: ['不计收支', ''] },
  neutralSign: (row) => walletNeutralSign(row, ['交易分类', '商品说明']),
  refine: (line, row) => {
    if (line.counterpartyAccount === '/') line.counterpartyAccount = '';
    const status = row.get('交易状态');
    if (/交易关闭/.test(status)) line.kind = 'closed';
    else if (/等待|处理中/.test(status)) line.kind = 'pending';
    else if (/退款/.test(row.get('交易分类')) || /退款成功/.test(status)) line.kind = 'refund';
  },
};

export const wechatPay: CsvProfile = {
  id: 'wechatpay', label: 'WeChat Pay bill (微信支付账单明细)', source: 'WeChat Pay',
  headers: ['交易时间', '交易类型', '交易对方', '收/支', '金额(元)', '当前状态', '交易单号'],
  currency: 'CNY',
  mapping: { date: '交易时间', amount: '金额(元)', direction: '收/支', counterparty: '交易对方', reference: '交易单号', description: ['交易类型', '商品', '支付方式', '备注'], status: '当前状态' },
  direction: { credit: ['收入'], debit: ['支出'], neutral: ['/', ''] },
  neutralSign: (row) => walletNeutralSign(row, ['交易类型']),
  refine: (line, row) => {
    for (const k of ['counterparty', 'reference'] as const) if (line[k] === '/') line[k] = '';
    line.description = line.description.split(' · ').filter((s) => s !== '/').join(' · ');
    // A withdrawal's service fee is only in the remark: "服务费¥0.10".
    const fee = /服务费[¥￥]?\s*(\d+(?:\.\d+)?)/.exec(row.get('备注'));
    if (fee) line.fee = new Decimal(fee[1]);
    const type = row.get('交易类型'); const status = row.get('当前状态');
    if (/退款/.test(type) || /已退款/.test(status)) line.kind = 'refund';
    else if (/失败|已关闭/.test(status)) line.kind = 'closed';
    else if (/处理中|待/.test(status)) line.kind = 'pending';
  },
};

// ---------------------------------------------------------------- banks

export const cmbDebit: CsvProfile = {
  id: 'cn-cmb', label: 'China Merchants Bank debit (招商银行)', source: 'CMB',
  headers: ['记账日期', '货币', '交易金额', '联机余额', '交易摘要', '对手信息'],
  mapping: { date: '记账日期', amount: '交易金额', currency: '货币', counterparty: '对手信息', description: ['交易摘要', '客户摘要'] },
};

export const icbcDebit: CsvProfile = {
  id: 'cn-icbc', label: 'ICBC debit card detail (工商银行明细)', source: 'ICBC',
  headers: ['交易日期', '摘要', '记账金额(收入)', '记账金额(支出)', '记账币种', '对方户名'],
  mapping: { date: '交易日期', credit: '记账金额(收入)', debit: '记账金额(支出)', currency: '记账币种', counterparty: '对方户名', counterpartyAccount: '对方账户', description: ['摘要', '交易详情', '交易场所'] },
  refine: (line, row) => { if (/退款/.test(row.get('摘要'))) line.kind = 'refund'; },
};

export const bocCredit: CsvProfile = {
  id: 'cn-boc-credit', label: 'Bank of China credit card bill (中国银行信用卡)', source: 'BOC Card',
  headers: ['交易日', '银行记账日', '交易描述', '存入', '支出', '币种'],
  mapping: { date: '交易日', valueDate: '银行记账日', credit: '存入', debit: '支出', currency: '币种', description: '交易描述', counterpartyAccount: '卡号后四位' },
};

export const hsbcHkCredit: CsvProfile = {
  id: 'hk-hsbc-credit', label: 'HSBC Hong Kong credit card', source: 'HSBC HK',
  headers: ['Transaction date', 'Post date', 'Description', 'Billing amount', 'Billing currency', 'Credit / Debit'],
  dateOrder: 'DMY',
  mapping: { date: 'Transaction date', valueDate: 'Post date', amount: 'Billing amount', currency: 'Billing currency', direction: 'Credit / Debit', counterparty: 'Merchant name', description: 'Description', status: 'Transaction status' },
  refine: (line) => {
    line.description = line.description.replace(/\s{2,}/g, ' ');
    if (/^RETURN:/i.test(line.description) && line.amount.isPositive()) line.kind = 'refund';
  },
};

export const tdHeaderless: CsvProfile = {
  id: 'ca-td', label: 'TD Canada Trust (no header row)', source: 'TD',
  headerless: {
    columns: ['Date', 'Description', 'Withdrawal', 'Deposit', 'Balance'],
    test: (rows) => rows.every((r) => r.length === 5 && /^\d{2}\/\d{2}\/\d{4}$/.test(r[0]) && [r[2], r[3], r[4]].every((c) => /^-?[\d,]*\.?\d*$/.test(c))),
  },
  dateOrder: 'MDY', currency: 'CAD',
  mapping: { date: 'Date', debit: 'Withdrawal', credit: 'Deposit', description: 'Description' },
  refine: (line) => { line.description = line.description.replace(/\s{2,}/g, ' '); },
};

export const bmoDebit: CsvProfile = {
  id: 'ca-bmo', label: 'BMO chequing / card', source: 'BMO',
  headers: ['First Bank Card', 'Transaction Type', 'Date Posted', 'Transaction Amount', 'Description'],
  currency: 'CAD',
  mapping: { date: 'Date Posted', amount: 'Transaction Amount', description: ['Description', 'Transaction Type'] },
  refine: (line) => { line.description = line.description.replace(/\s{2,}/g, ' '); },
};

export const dcuChecking: CsvProfile = {
  id: 'us-dcu', label: 'DCU checking', source: 'DCU',
  headers: ['DATE', 'TRANSACTION TYPE', 'DESCRIPTION', 'AMOUNT', 'ID', 'MEMO', 'CURRENT BALANCE'],
  dateOrder: 'MDY', currency: 'USD',
  mapping: { date: 'DATE', amount: 'AMOUNT', reference: 'ID', description: ['DESCRIPTION', 'MEMO'] },
};

const LLOYDS_FX: Record<string, string> = { EURO: 'EUR', EUROS: 'EUR', DOLLAR: 'USD', DOLLARS: 'USD', DOLLAROS: 'USD', USD: 'USD', EUR: 'EUR' };
export const lloyds: CsvProfile = {
  id: 'uk-lloyds', label: 'Lloyds Bank current account', source: 'Lloyds',
  headers: ['Transaction Date', 'Transaction Type', 'Sort Code', 'Account Number', 'Transaction Description', 'Debit Amount', 'Credit Amount', 'Balance'],
  dateOrder: 'DMY', currency: 'GBP',
  mapping: { date: 'Transaction Date', debit: 'Debit Amount', credit: 'Credit Amount', description: ['Transaction Description', 'Transaction Type'] },
  refine: (line, row) => {
    const text = row.get('Transaction Description');
    line.description = line.description.replace(/\s{2,}/g, ' ');
    if (/^NON-GBP TRANS FEE|^SERVICE CHARGES/i.test(text)) line.kind = 'fee';
    // "HOTEL MARAIS EUROS 78.80 VISAXR 1.0724": the foreign amount is only in the text.
    const fx = /\b([A-Z]+)\s+(\d+(?:\.\d+)?)\s+VISAXR/i.exec(text);
    if (fx && LLOYDS_FX[fx[1].toUpperCase()]) {
      const v = new Decimal(fx[2]);
      line.originalAmount = line.amount.isNegative() ? v.negated() : v;
      line.originalCurrency = LLOYDS_FX[fx[1].toUpperCase()];
    }
  },
};

export const johnLewisCard: CsvProfile = {
  id: 'uk-johnlewis-card', label: 'John Lewis Partnership card (NewDay)', source: 'John Lewis Card',
  headers: ['Date Processed', 'Description', 'Amount'],
  currency: 'GBP',
  // Amounts are spend; the unnamed last column says CR for money in.
  mapping: { date: 'Date Processed', amount: 'Amount', direction: 'Column 4', description: 'Description' },
  direction: { credit: ['CR'], debit: ['', 'DR'] },
  refine: (line) => { line.description = line.description.replace(/\s{2,}/g, ' '); },
};

export const glsBank: CsvProfile = {
  id: 'de-gls', label: 'GLS Bank', source: 'GLS',
  headers: ['Kontonummer', 'Buchungstag', 'Wertstellung', 'Auftraggeber/Empfänger', 'Buchungstext', 'VWZ1', 'Betrag', 'Währung'],
  dateOrder: 'DMY', decimalMark: ',',
  mapping: { date: 'Buchungstag', valueDate: 'Wertstellung', amount: 'Betrag', currency: 'Währung', counterparty: 'Auftraggeber/Empfänger', description: ['Buchungstext', ...Array.from({ length: 14 }, (_, i) => `VWZ${i + 1}`)] },
};

export const ingDe: CsvProfile = {
  id: 'de-ing', label: 'ING Germany Umsatzanzeige', source: 'ING DE',
  headers: ['Buchung', 'Wertstellungsdatum', 'Auftraggeber/Empfänger', 'Buchungstext', 'Verwendungszweck', 'Betrag', 'Währung'],
  dateOrder: 'DMY', decimalMark: ',',
  // "Währung" twice: the second is the amount's (the first is the balance's).
  mapping: { date: 'Buchung', valueDate: 'Wertstellungsdatum', amount: 'Betrag', currency: 'Währung #2', counterparty: 'Auftraggeber/Empfänger', description: ['Buchungstext', 'Verwendungszweck'] },
  refine: (line, row) => { if (/Entgelt|Gebühr/i.test(row.get('Buchungstext'))) line.kind = 'fee'; },
};

export const sparkasse: CsvProfile = {
  id: 'de-sparkasse', label: 'Sparkasse CSV-CAMT', source: 'Sparkasse',
  headers: ['Auftragskonto', 'Buchungstag', 'Valutadatum', 'Buchungstext', 'Verwendungszweck', 'Beguenstigter/Zahlungspflichtiger', 'Betrag', 'Waehrung', 'Info'],
  dateOrder: 'DMY', decimalMark: ',',
  mapping: { date: 'Buchungstag', valueDate: 'Valutadatum', amount: 'Betrag', currency: 'Waehrung', counterparty: 'Beguenstigter/Zahlungspflichtiger', counterpartyAccount: 'Kontonummer/IBAN', reference: 'Kundenreferenz (End-to-End)', description: ['Buchungstext', 'Verwendungszweck', 'Mandatsreferenz'], status: 'Info' },
  refine: (line, row) => {
    line.counterparty = line.counterparty.replace(/\s{2,}/g, ', ');
    line.description = line.description.replace(/\s{2,}/g, ' ');
    if (line.kind !== 'pending' && /ENTGELT/.test(row.get('Buchungstext'))) line.kind = 'fee';
    if (/RUECKLASTSCHRIFT|STORNO/.test(row.get('Buchungstext'))) line.kind = 'reversal';
  },
};

export const knab: CsvProfile = {
  id: 'nl-knab', label: 'Knab transactieoverzicht', source: 'Knab',
  headers: ['Rekeningnummer', 'Transactiedatum', 'Valutacode', 'CreditDebet', 'Bedrag', 'Tegenrekeningnummer', 'Tegenrekeninghouder'],
  dateOrder: 'DMY', decimalMark: ',',
  mapping: { date: 'Transactiedatum', valueDate: 'Valutadatum', amount: 'Bedrag', direction: 'CreditDebet', currency: 'Valutacode', counterparty: 'Tegenrekeninghouder', counterpartyAccount: 'Tegenrekeningnummer', reference: 'Referentie', description: ['Betaalwijze', 'Omschrijving'] },
  direction: { credit: ['C'], debit: ['D'] },
};

export const ubsFr: CsvProfile = {
  id: 'ch-ubs-fr', label: 'UBS (French)', source: 'UBS',
  headers: ['Produit', 'Monn.', 'Description', 'Date de valeur', 'Débit', 'Crédit', 'Solde'],
  dateOrder: 'DMY', decimalMark: '.',
  mapping: { date: 'Date de valeur', debit: 'Débit', credit: 'Crédit', currency: 'Monn.', counterparty: 'Description 2', reference: 'N° de transaction', description: ['Description 1', 'Description 2', 'Description 3'] },
  refine: (line, row) => { if (/prestations|frais/i.test(row.get('Description 1'))) line.kind = 'fee'; },
};

export const zkb: CsvProfile = {
  id: 'ch-zkb', label: 'Zürcher Kantonalbank', source: 'ZKB',
  headers: ['Date', 'Booking text', 'ZKB reference', 'Debit CHF', 'Credit CHF', 'Value date'],
  dateOrder: 'DMY', currency: 'CHF',
  mapping: { date: 'Date', valueDate: 'Value date', debit: 'Debit CHF', credit: 'Credit CHF', currency: 'Curr', reference: 'ZKB reference', description: ['Booking text', 'Payment purpose', 'Details'] },
};

export const ersteHu: CsvProfile = {
  id: 'hu-erste', label: 'Erste Bank Hungary', source: 'Erste HU',
  headers: ['Tranzakció dátuma', 'Partner neve', 'Tranzakció összege', 'Tranzakció devizaneme', 'Bevétel/Kiadás'],
  mapping: { date: 'Tranzakció dátuma', valueDate: 'Értéknap', amount: 'Tranzakció összege', direction: 'Bevétel/Kiadás', currency: 'Tranzakció devizaneme', counterparty: 'Partner neve', counterpartyAccount: 'Partner számlaszáma', reference: 'Megbízás azonosító', description: ['Tranzakció típusa', 'Közlemény', 'Részletek'] },
  direction: { credit: ['inflow', 'bevétel'], debit: ['outflow', 'kiadás'] },
};

/** Every built-in CSV profile; the most specific header set wins when several fit. */
export const CSV_PROFILES: CsvProfile[] = [
  paypalActivity, paypalLegacy, paypalSpanish, stripeBalance, stripePayments, adyenSettlement, payoneer, wise, revolut,
  alipay, wechatPay, cmbDebit, icbcDebit, bocCredit, hsbcHkCredit, tdHeaderless, bmoDebit, dcuChecking, lloyds,
  johnLewisCard, glsBank, ingDe, sparkasse, knab, ubsFr, zkb, ersteHu,
];

