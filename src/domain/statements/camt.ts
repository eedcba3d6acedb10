// ISO 20022 camt.053 (statement) and camt.054 (debit/credit notification). One line per entry
// (<Ntry>), or one per transaction (<TxDtls>) when a batch entry's details add up to it in the
// same currency; reversals (<RvslInd>), return reasons (<RtrInf>) and charges (<Chrgs>) kept.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Decimal } from '../money';
import { isCurrencyCode, minorUnits } from '../currency';
import type { DraftLine, RowError } from './types';

export function camtKind(text: string): 'camt.053' | 'camt.054' | null {
  const head = text.slice(0, 3000);
  if (/camt\.053\.|<BkToCstmrStmt>/.test(head)) return 'camt.053';
  if (/camt\.054\.|<BkToCstmrDbtCdtNtfctn>/.test(head)) return 'camt.054';
  return null;
}

type Node = Record<string, unknown> | string | undefined;
const arr = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
function at(n: unknown, ...path: string[]): Node {
  let cur: unknown = n;
  for (const p of path) {
    if (cur === undefined || cur === null || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur) ? (cur[0] as Record<string, unknown>)?.[p] : (cur as Record<string, unknown>)[p];
  }
  return Array.isArray(cur) ? (cur[0] as Node) : (cur as Node);
}
function text(n: Node): string {
  if (n === undefined) return '';
  if (typeof n === 'string') return n.trim();
  const t = (n as Record<string, unknown>)['#text'];
  return typeof t === 'string' ? t.trim() : '';
}
function amountOf(n: Node): { value: Decimal; currency: string } | null {
  if (n === undefined) return null;
  const v = text(n);
  const ccy = typeof n === 'object' ? String((n as Record<string, unknown>)['@_Ccy'] ?? '') : '';
  if (!/^\d+(\.\d+)?$/.test(v)) return null;
  return { value: new Decimal(v), currency: ccy };
}
const isoDate = (s: string) => (/^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : '');

export interface CamtRead { drafts: DraftLine[]; errors: RowError[]; warnings: string[]; account: string; currency: string }

export function readCamt(xml: string): CamtRead {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', removeNSPrefix: true, parseTagValue: false, parseAttributeValue: false, trimValues: true, isArray: (name) => ['Ntry', 'TxDtls', 'Ustrd', 'Stmt', 'Ntfctn', 'Bal', 'Rcrd', 'Strd', 'NtryDtls'].includes(name) });
  const drafts: DraftLine[] = [];
  const errors: RowError[] = [];
  const warnings: string[] = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return { drafts, errors: [{ row: valid.err.line, message: `Not well-formed XML: ${valid.err.msg}` }], warnings, account: '', currency: '' };
  }
  let doc: Record<string, unknown>;
  try { doc = parser.parse(xml) as Record<string, unknown>; } catch (e) {
    return { drafts, errors: [{ row: 1, message: `Not well-formed XML: ${(e as Error).message}` }], warnings, account: '', currency: '' };
  }
  const root = (at(doc, 'Document') ?? {}) as Record<string, unknown>;
  const body = (root.BkToCstmrStmt ?? root.BkToCstmrDbtCdtNtfctn ?? {}) as Record<string, unknown>;
  const reports = [...arr(body.Stmt as unknown[]), ...arr(body.Ntfctn as unknown[])] as Record<string, unknown>[];
  // Line numbers of each <Ntry>, in document order, for row numbers in errors and Source Row.
  const ntryLines: number[] = [];
  { let line = 1; let last = 0; const re = /<(?:\w+:)?Ntry[\s>]/g; let m: RegExpExecArray | null;
    while ((m = re.exec(xml))) { for (let i = last; i < m.index; i++) if (xml.charCodeAt(i) === 10) line++; last = m.index; ntryLines.push(line); } }
  let ordinal = 0;
  let account = '';
  let currency = '';
  for (const rep of reports) {
    account ||= text(at(rep, 'Acct', 'Id', 'IBAN')) || text(at(rep, 'Acct', 'Id', 'Othr', 'Id'));
    currency ||= text(at(rep, 'Acct', 'Ccy'));
    for (const e of arr(rep.Ntry as unknown[]) as Record<string, unknown>[]) {
      const row = ntryLines[ordinal++] ?? 0;
      const amt = amountOf(at(e, 'Amt'));
      const ind = text(at(e, 'CdtDbtInd'));
      if (!amt || !isCurrencyCode(amt.currency) || !/^(CRDT|DBIT)$/.test(ind)) {
        errors.push({ row, message: `entry without a readable amount, currency and CRDT/DBIT (${text(at(e, 'Amt')) || 'no Amt'} ${amt?.currency ?? ''} ${ind})` });
        continue;
      }
      if (amt.value.decimalPlaces() > minorUnits(amt.currency)) { errors.push({ row, message: `${amt.value} has more decimals than ${amt.currency} allows` }); continue; }
      const sign = ind === 'DBIT' ? -1 : 1;
      const reversal = text(at(e, 'RvslInd')) === 'true';
      const status = text(at(e, 'Sts', 'Cd')) || text(at(e, 'Sts'));
      const bookingDate = isoDate(text(at(e, 'BookgDt', 'Dt')) || text(at(e, 'BookgDt', 'DtTm')));
      const valueDate = isoDate(text(at(e, 'ValDt', 'Dt')) || text(at(e, 'ValDt', 'DtTm'))) || bookingDate;
      if (!bookingDate && !valueDate) { errors.push({ row, message: 'entry without a booking or value date' }); continue; }
      const entryInfo = text(at(e, 'AddtlNtryInf'));
      const family = [text(at(e, 'BkTxCd', 'Domn', 'Cd')), text(at(e, 'BkTxCd', 'Domn', 'Fmly', 'Cd')), text(at(e, 'BkTxCd', 'Domn', 'Fmly', 'SubFmlyCd'))].filter((x) => x).join('/');
      const entryFee = chargesOf(at(e, 'Chrgs'));
      const txs = arr((at(e, 'NtryDtls') as Record<string, unknown> | undefined)?.TxDtls as unknown[]) as Record<string, unknown>[];
      const txAmounts = txs.map((t) => amountOf(at(t, 'Amt')) ?? amountOf(at(t, 'AmtDtls', 'TxAmt', 'Amt')));
      const splits = txs.length > 1 && txAmounts.every((a) => a && a.currency === amt.currency)
        && txAmounts.reduce((s, a) => s.plus(a!.value), new Decimal(0)).equals(amt.value);
      const base = { bookingDate: bookingDate || valueDate, valueDate, currency: amt.currency, originalAmount: null, originalCurrency: '' };
      const kindOf = (value: Decimal, returned: boolean, isFee: boolean): DraftLine['kind'] =>
        reversal || returned ? 'reversal' : /^(PDNG|INFO|Pending)$/i.test(status) ? 'pending' : isFee ? 'fee' : value.isNegative() ? 'debit' : 'credit';
      const isFeeEntry = /CHRG|FEES|COMM/.test(family);
      if (splits) {
        txs.forEach((t, i) => {
          const tind = text(at(t, 'CdtDbtInd')) || ind;
          const value = txAmounts[i]!.value.times(tind === 'DBIT' ? -1 : 1);
          const d = txDetails(t, sign);
          drafts.push({ ...base, amount: value, ...d.parties, reference: d.reference || text(at(e, 'AcctSvcrRef')),
            description: [d.description, d.returnReason ? `return ${d.returnReason}` : '', entryInfo, family].filter((x) => x).join(' · '),
            fee: chargesOf(at(t, 'Chrgs')), kind: kindOf(value, !!d.returnReason, false), sourceRow: row });
        });
        continue;
      }
      const value = amt.value.times(sign);
      const d = txs.length ? txDetails(txs[0], sign) : null;
      let note = '';
      if (txs.length > 1) {
        const sums = new Map<string, Decimal>();
        txAmounts.forEach((a) => { if (a) sums.set(a.currency, (sums.get(a.currency) ?? new Decimal(0)).plus(a.value)); });
        note = `batch of ${txs.length} transactions (${[...sums].map(([c, v]) => `${c} ${v.toString()}`).join(', ')}) that do not add up to the entry; kept as one line`;
        warnings.push(`Row ${row}: ${note}`);
      }
      const fx = txs.length === 1 ? amountOf(at(txs[0], 'AmtDtls', 'InstdAmt', 'Amt')) : null;
      drafts.push({ ...base, amount: value,
        counterparty: txs.length === 1 ? d!.parties.counterparty : '', counterpartyAccount: txs.length === 1 ? d!.parties.counterpartyAccount : '',
        reference: (txs.length === 1 ? d!.reference : '') || text(at(e, 'NtryRef')) || text(at(e, 'AcctSvcrRef')),
        description: [txs.length === 1 ? d!.description : '', d?.returnReason ? `return ${d.returnReason}` : '', entryInfo, family, note].filter((x) => x).join(' · '),
        fee: entryFee ?? (txs.length === 1 ? chargesOf(at(txs[0], 'Chrgs')) : null),
        originalAmount: fx && fx.currency !== amt.currency ? fx.value.times(sign) : null,
        originalCurrency: fx && fx.currency !== amt.currency ? fx.currency : '',
        kind: kindOf(value, !!d?.returnReason, isFeeEntry), sourceRow: row });
    }
  }
  if (!reports.length) errors.push({ row: 1, message: 'No <Stmt> or <Ntfctn> in this camt file' });
  else if (!drafts.length && !errors.length) errors.push({ row: 1, message: 'No entries (<Ntry>) in this camt file' });
  return { drafts, errors, warnings, account, currency };
}

function chargesOf(n: Node): Decimal | null {
  if (!n) return null;
  const total = amountOf(at(n, 'TtlChrgsAndTaxAmt'));
  if (total) return total.value.isZero() ? null : total.value;
  const recs = arr((n as Record<string, unknown>).Rcrd as unknown[]);
  let sum = new Decimal(0);
  for (const r of recs) { const a = amountOf(at(r, 'Amt')); if (a) sum = sum.plus(a.value); }
  const direct = amountOf(at(n, 'Amt'));
  if (direct) sum = sum.plus(direct.value);
  return sum.isZero() ? null : sum;
}

function txDetails(t: Record<string, unknown>, entrySign: number) {
  // The other party: the creditor when money goes out, the debtor when it comes in.
  const out = entrySign < 0;
  const party = out ? 'Cdtr' : 'Dbtr';
  const name = text(at(t, 'RltdPties', party, 'Nm')) || text(at(t, 'RltdPties', party, 'Pty', 'Nm')) || text(at(t, 'RltdPties', out ? 'Dbtr' : 'Cdtr', 'Nm'));
  const acct = text(at(t, 'RltdPties', `${party}Acct`, 'Id', 'IBAN')) || text(at(t, 'RltdPties', `${party}Acct`, 'Id', 'Othr', 'Id'));
  const ustrd = arr(at(t, 'RmtInf') ? ((at(t, 'RmtInf') as Record<string, unknown>).Ustrd as unknown[]) : []).map((u) => text(u as Node)).filter((x) => x);
  const strd = arr(at(t, 'RmtInf') ? ((at(t, 'RmtInf') as Record<string, unknown>).Strd as unknown[]) : []).map((s) => text(at(s, 'CdtrRefInf', 'Ref'))).filter((x) => x);
  const e2e = text(at(t, 'Refs', 'EndToEndId'));
  const reference = strd[0] || (e2e && e2e !== 'NOTPROVIDED' ? e2e : '') || text(at(t, 'Refs', 'AcctSvcrRef')) || text(at(t, 'Refs', 'InstrId'));
  const returnReason = text(at(t, 'RtrInf', 'Rsn', 'Cd')) || text(at(t, 'RtrInf', 'Rsn', 'Prtry'));
  return {
    parties: { counterparty: name, counterpartyAccount: acct },
    reference,
    returnReason,
    description: [...ustrd, ...strd.slice(1), text(at(t, 'AddtlTxInf'))].filter((x) => x).join(' · '),
  };
}
