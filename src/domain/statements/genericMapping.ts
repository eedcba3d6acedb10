// A best guess at the columns of a CSV we have no profile for, from header words in the
// languages of the corpus. The dialog shows the guess and lets the user correct it.
import { headerKey } from './table';
import type { ColumnMapping } from './types';

const WORDS: Record<Exclude<keyof ColumnMapping, 'description'> | 'description', string[]> = {
  date: ['date', 'transaction date', 'booking date', 'posting date', 'posted date', 'date posted', 'buchungstag', 'buchung', 'buchungsdatum', 'datum', 'fecha', 'date opération', "date d'opération", 'transactiedatum', 'boekdatum', '交易日期', '交易时间', '记账日期', '交易日', 'created', 'created (utc)', 'tranzakció dátuma', 'data', 'completed date', 'date processed'],
  valueDate: ['value date', 'valutadatum', 'wertstellung', 'wertstellungsdatum', 'valuta', 'date de valeur', 'valutadatum', 'értéknap', 'fecha valor', '银行记账日'],
  amount: ['amount', 'betrag', 'bedrag', 'importe', 'montant', 'importo', '金额', '交易金额', 'transaction amount', 'net', 'net amount', 'umsatz', 'összeg', 'tranzakció összege', 'billing amount'],
  debit: ['debit', 'debit amount', 'withdrawal', 'withdrawals', 'money out', 'paid out', 'soll', 'débit', 'ausgang', '支出', 'af', 'lastschrift'],
  credit: ['credit', 'credit amount', 'deposit', 'deposits', 'money in', 'paid in', 'haben', 'crédit', 'eingang', '收入', '存入', 'bij', 'gutschrift'],
  direction: ['credit/debit', 'credit / debit', 'debit/credit', 'c/d', 'dc', 'creditdebet', 'af bij', 'af/bij', '收/支', '收支', 'direction', 'bevétel/kiadás', 'soll/haben'],
  currency: ['currency', 'curr', 'ccy', 'währung', 'waehrung', 'valuta', 'divisa', 'moneda', 'monnaie', 'monn.', 'devise', '币种', '货币', '交易币种', 'valutacode', 'devizanem', 'billing currency'],
  counterparty: ['counterparty', 'payee', 'payer', 'name', 'beneficiary', 'merchant', 'auftraggeber/empfänger', 'beguenstigter/zahlungspflichtiger', 'empfänger', 'tegenrekeninghouder', 'naam', 'nombre', '交易对方', '对方户名', '对手信息', 'partner neve', 'merchant name'],
  counterpartyAccount: ['counterparty account', 'iban', 'kontonummer/iban', 'tegenrekening', 'tegenrekeningnummer', '对方账号', '对方账户', 'partner számlaszáma', 'payee account number'],
  reference: ['reference', 'ref', 'transaction id', 'id', 'referenz', 'referentie', 'kundenreferenz (end-to-end)', 'referencia', 'référence', '交易单号', '交易订单号', '流水号', 'payment reference'],
  description: ['description', 'details', 'memo', 'narrative', 'particulars', 'verwendungszweck', 'buchungstext', 'omschrijving', 'descripción', 'concepto', 'libellé', 'descrizione', '摘要', '交易摘要', '交易描述', '商品说明', '商品', '备注', 'közlemény', 'transaction description', 'booking text'],
  fee: ['fee', 'fees', 'commission', 'gebühr', 'comisión', '手续费', '服务费', 'total fees'],
  status: ['status', 'state', 'info', '交易状态', '当前状态', 'transaction status'],
  originalAmount: ['original amount', 'exchange to amount', 'ursprungsbetrag'],
  originalCurrency: ['original currency'],
};

export interface MappingGuess {
  mapping: ColumnMapping | null;
  /** How many columns found a role; the header row is the row scoring best. */
  score: number;
}

export function guessMapping(headers: string[]): MappingGuess {
  const keys = headers.map(headerKey);
  const used = new Set<number>();
  const find = (role: keyof typeof WORDS): string | undefined => {
    for (const w of WORDS[role]) {
      const i = keys.findIndex((k, j) => !used.has(j) && k === w);
      if (i >= 0) { used.add(i); return headers[i]; }
    }
    return undefined;
  };
  const m: Partial<ColumnMapping> = {};
  let score = 0;
  // Order matters: direction before debit/credit ("Credit/Debit" is not a credit column).
  for (const role of ['date', 'valueDate', 'direction', 'amount', 'debit', 'credit', 'currency', 'counterpartyAccount', 'counterparty', 'reference', 'fee', 'status', 'originalAmount', 'originalCurrency'] as const) {
    const col = find(role);
    if (col) { (m as Record<string, string>)[role] = col; score++; }
  }
  const desc: string[] = [];
  for (;;) { const c = find('description'); if (!c) break; desc.push(c); score++; }
  if (desc.length) m.description = desc;
  const hasMoney = !!m.amount || (!!m.debit && !!m.credit);
  if (!m.date || !hasMoney) return { mapping: null, score };
  if (m.amount && (m.debit || m.credit) && !(m.debit && m.credit)) { delete m.debit; delete m.credit; }
  return { mapping: m as ColumnMapping, score };
}
