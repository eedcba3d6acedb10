// OFX 1.x (SGML: leaf tags left open), OFX 2.x (XML) and QFX, read the same way: one token
// stream of <TAG>value pairs, so unclosed tags, values on the next line, CDATA and missing
// headers all come out alike. Each <STMTTRN> is one line.
import { Decimal } from '../money';
import { isCurrencyCode, minorUnits } from '../currency';
import type { DraftLine, RowError } from './types';

export function looksLikeOfx(text: string): boolean {
  const head = text.slice(0, 4000);
  return /OFXHEADER\s*:|<\?OFX\b|<OFX>/i.test(head);
}

interface Token { tag: string; close: boolean; value: string; line: number }

function tokens(text: string): Token[] {
  const body = text.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, s: string) => s.replace(/</g, '&lt;'));
  const out: Token[] = [];
  const re = /<(\/?)([A-Za-z0-9._]+)>([^<]*)/g;
  let m: RegExpExecArray | null;
  let line = 1;
  let last = 0;
  while ((m = re.exec(body))) {
    for (let i = last; i < m.index; i++) if (body.charCodeAt(i) === 10) line++;
    last = m.index;
    out.push({ tag: m[2].toUpperCase(), close: m[1] === '/', value: m[3].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim(), line });
  }
  return out;
}

/** "20090401122017.000[-5:EST]" -> 2009-04-01: the date as the bank printed it, in its own zone. */
export function ofxDate(raw: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(raw.trim());
  if (!m) return null;
  const mo = Number(m[2]); const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

const KIND: Record<string, DraftLine['kind']> = { FEE: 'fee', SRVCHG: 'fee' };

export interface OfxRead { drafts: DraftLine[]; errors: RowError[]; account: string; currency: string; bank: string }

export function readOfx(text: string, fallbackCurrency?: string): OfxRead {
  const toks = tokens(text);
  const drafts: DraftLine[] = [];
  const errors: RowError[] = [];
  let curdef = '';
  let account = '';
  let bank = '';
  let trn: Record<string, string> | null = null;
  let trnLine = 0;
  let inCurrency = false;
  let count = 0;
  const flush = () => {
    if (!trn) return;
    count++;
    const t = trn;
    trn = null;
    const date = ofxDate(t.DTPOSTED ?? '') ?? ofxDate(t.DTUSER ?? '');
    const currency = (t.CURSYM && isCurrencyCode(t.CURSYM.toUpperCase()) ? t.CURSYM : curdef || fallbackCurrency || '').toUpperCase();
    const problems: string[] = [];
    if (!date) problems.push(`DTPOSTED "${t.DTPOSTED ?? ''}" is not a date`);
    let amount: Decimal | null = null;
    const amt = (t.TRNAMT ?? '').replace(/\s/g, '');
    // OFX amounts use "." but some banks send "," as the decimal mark.
    if (/^[-+]?\d+([.,]\d+)?$/.test(amt) || /^[-+]?[.,]\d+$/.test(amt)) amount = new Decimal(amt.replace(',', '.').replace(/^([-+]?)[.]/, '$10.'));
    else problems.push(`TRNAMT "${t.TRNAMT ?? ''}" is not an amount`);
    if (!currency) problems.push('no currency (CURDEF is empty); choose one');
    else if (!isCurrencyCode(currency)) problems.push(`"${currency}" is not a currency code`);
    else if (amount && amount.decimalPlaces() > minorUnits(currency)) problems.push(`TRNAMT ${amt} has more decimals than ${currency} allows`);
    if (problems.length) { errors.push({ row: trnLine, message: problems.join('; ') }); return; }
    const a = amount as Decimal;
    const type = (t.TRNTYPE ?? '').toUpperCase();
    const valueDate = ofxDate(t.VALUEDATE ?? t.DTAVAIL ?? '') ?? (date as string);
    drafts.push({
      bookingDate: date as string,
      valueDate,
      amount: a,
      currency,
      counterparty: t.NAME ?? t.PAYEEID ?? '',
      counterpartyAccount: t.BANKACCTTO_ACCTID ?? '',
      reference: t.FITID || t.REFNUM || t.CHECKNUM || '',
      description: [t.MEMO, t.TRNTYPE, t.CHECKNUM && t.CHECKNUM !== '0' ? `check ${t.CHECKNUM}` : ''].filter((s) => s).join(' · '),
      fee: null,
      originalAmount: t.ORIGAMT ? new Decimal(t.ORIGAMT) : null,
      originalCurrency: t.ORIGCURRENCY ?? '',
      kind: KIND[type] ?? (a.isNegative() ? 'debit' : 'credit'),
      sourceRow: trnLine,
    });
  };
  let path: string[] = [];
  for (const tok of toks) {
    if (tok.close) {
      if (tok.tag === 'STMTTRN') flush();
      if (tok.tag === 'CURRENCY' || tok.tag === 'ORIGCURRENCY') inCurrency = false;
      const at = path.lastIndexOf(tok.tag);
      if (at >= 0) path = path.slice(0, at);
      continue;
    }
    if (tok.tag === 'STMTTRN') { flush(); trn = {}; trnLine = tok.line; path.push(tok.tag); continue; }
    if (tok.tag === 'CURRENCY') { inCurrency = true; continue; }
    if (tok.value === '') { path.push(tok.tag); continue; } // an aggregate opens
    if (trn) {
      const inTo = path.includes('BANKACCTTO') || path.includes('CCACCTTO');
      const key = inTo && tok.tag === 'ACCTID' ? 'BANKACCTTO_ACCTID' : tok.tag;
      if (!(key in trn)) trn[key] = tok.value;
      void inCurrency;
    } else if (tok.tag === 'CURDEF') curdef = tok.value.toUpperCase();
    else if (tok.tag === 'ACCTID' && !account) account = tok.value;
    else if ((tok.tag === 'BANKID' || tok.tag === 'ORG') && !bank) bank = tok.value;
  }
  // Every OFX file ends with </OFX> (SGML leaves only leaf tags open). Without it the file was
  // cut: a transaction left open is the record the cut went through and is not read.
  if (!toks.some((t) => t.close && t.tag === 'OFX')) {
    const lastLine = toks.length ? toks[toks.length - 1].line : 1;
    if (trn) {
      count++;
      trn = null;
      errors.push({ row: trnLine, message: 'the transaction has no </STMTTRN>: the file ends inside it — the file looks cut off' });
    } else errors.push({ row: lastLine, message: 'the file ends before </OFX> — it looks cut off' });
  }
  flush();
  if (count === 0) errors.push({ row: 1, message: 'No <STMTTRN> transactions in this OFX file' });
  return { drafts, errors, account, currency: curdef, bank };
}
