// SWIFT MT940: statements of :20:/:25:/:60F:/:61:/:86:/:62F: fields. Handles the SOH/ETX
// wrapping some banks add, several statements in one file (:60M:/:62M:), a :61: with its
// supplementary line, a structured German :86: (GVC code and ?20..?34 subfields wrapped across
// lines) and the Hungarian variant that puts the details in numbered :NS: lines.
import { Decimal } from '../money';
import { isCurrencyCode, minorUnits } from '../currency';
import type { DraftLine, RowError } from './types';

export function looksLikeMt940(text: string): boolean {
  const head = text.slice(0, 3000);
  return /(^|\n|\r)\s*:20:/.test(head) && /:61:/.test(text) && /:(25|60[FM]):/.test(head);
}

interface Field { tag: string; value: string; line: number }

function fields(text: string): Field[] {
  // eslint-disable-next-line no-control-regex
  const lines = text.replace(/[\u0001\u0003]/g, '').split(/\r\n|\n|\r/);
  const out: Field[] = [];
  lines.forEach((raw, i) => {
    const m = /^:([0-9]{2}[A-Z]?|NS):(.*)$/.exec(raw);
    if (m) out.push({ tag: m[1], value: m[2], line: i + 1 });
    else if (out.length && raw !== '-' && raw.trim() !== '') {
      // A continuation line. :86: wraps mid-word, so it is joined without a space.
      const f = out[out.length - 1];
      f.value += f.tag === '86' ? raw : `\n${raw}`;
    }
  });
  return out;
}

function yymmdd(s: string): string {
  const y = Number(s.slice(0, 2));
  return `${y < 70 ? 2000 + y : 1900 + y}-${s.slice(2, 4)}-${s.slice(4, 6)}`;
}

/** "1125250,4" -> 1125250.4 ; "15000," -> 15000 */
function swiftAmount(s: string): Decimal {
  const [int, frac = ''] = s.split(',');
  return new Decimal(`${int}${frac ? `.${frac}` : ''}`);
}

/** ?20..?29 purpose, ?32/?33 name, ?31 account, ?30 bank, ?00 posting text, ?34 return code. */
function structured86(v: string): { purpose: string; name: string; account: string; posting: string; eref: string; returnCode: string } | null {
  if (!/^\d{3}\?/.test(v)) return null;
  const sub: Record<string, string> = {};
  for (const m of v.slice(3).matchAll(/\?(\d{2})([^?]*)/g)) sub[m[1]] = (sub[m[1]] ?? '') + m[2];
  const purpose = ['20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '60', '61', '62', '63'].map((k) => sub[k] ?? '').join('');
  const eref = /EREF\+(.*?)(?=(KREF|MREF|CRED|SVWZ|ABWA)\+|MTLG:|$)/.exec(purpose)?.[1]?.trim() ?? '';
  return { purpose, name: `${sub['32'] ?? ''}${sub['33'] ?? ''}`.trim(), account: sub['31'] ?? '', posting: sub['00'] ?? '', eref, returnCode: sub['34'] ?? '' };
}

export interface Mt940Read { drafts: DraftLine[]; errors: RowError[]; account: string; currency: string }

export function readMt940(text: string): Mt940Read {
  const fs = fields(text);
  const drafts: DraftLine[] = [];
  const errors: RowError[] = [];
  let currency = '';
  let account = '';
  let current: DraftLine | null = null;
  let details: string[] = [];
  const close = () => {
    if (!current) return;
    const d = current;
    const info = details.join('');
    const s = structured86(info);
    if (s) {
      d.description = [s.posting, s.purpose].filter((x) => x).join(' · ');
      d.counterparty = s.name;
      d.counterpartyAccount = s.account;
      if (s.eref && !/^NOTPROVIDED$/i.test(s.eref)) d.reference = s.eref;
      if (/RETOURE|RUECKUEBERWEISUNG|R(UE|Ü)CKLASTSCHRIFT/i.test(s.posting) || s.returnCode) d.kind = 'reversal';
    } else if (info) d.description = [d.description, info.replace(/\s+/g, ' ').trim()].filter((x) => x).join(' · ');
    drafts.push(d);
    current = null;
    details = [];
  };
  // A statement (from :20:) ends with its closing balance :62F:/:62M:; one without it at the end
  // of the file was cut off. openedAt: line of the open statement's :20:, lastRecord: its last :61:.
  let openedAt = 0;
  let lastRecord = 0;
  for (const f of fs) {
    if (f.tag === '20') { openedAt = f.line; lastRecord = 0; }
    else if (f.tag === '61') lastRecord = f.line;
    else if (/^62[FM]$/.test(f.tag)) openedAt = 0;
    if (f.tag === '25' && !account) account = f.value.trim();
    else if (/^60[FM]$/.test(f.tag)) {
      const m = /^[CD]\d{6}([A-Z]{3})/.exec(f.value);
      if (m) currency = m[1];
    } else if (f.tag === '61') {
      close();
      // YYMMDD [MMDD] [R]C|D [funds code] amount transaction-type reference [//bank ref] [\n supplementary]
      const [first, ...more] = f.value.split('\n');
      const m = /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?(\d+,\d*)([A-Z][\w ]{3})?([^/\n]*)(?:\/\/(.*))?$/.exec(first.trim());
      if (!m) { errors.push({ row: f.line, message: `:61: "${first}" is not a statement line` }); continue; }
      const valueDate = yymmdd(m[1]);
      let bookingDate = valueDate;
      if (m[2]) {
        // Entry date MMDD in the value date's year (or the next one across new year).
        const y = Number(valueDate.slice(0, 4));
        const vm = Number(valueDate.slice(5, 7));
        const em = Number(m[2].slice(0, 2));
        const year = vm === 12 && em === 1 ? y + 1 : vm === 1 && em === 12 ? y - 1 : y;
        bookingDate = `${year}-${m[2].slice(0, 2)}-${m[2].slice(2, 4)}`;
      }
      const mark = m[3];
      const abs = swiftAmount(m[5]);
      // C credit, D debit, RC reversal of a credit (money out), RD reversal of a debit (money in).
      const amount = mark === 'C' || mark === 'RD' ? abs : abs.negated();
      if (!isCurrencyCode(currency)) { errors.push({ row: f.line, message: `no currency: the statement's :60F: names "${currency}"` }); continue; }
      if (abs.decimalPlaces() > minorUnits(currency)) { errors.push({ row: f.line, message: `${m[5]} has more decimals than ${currency} allows` }); continue; }
      const custRef = (m[7] ?? '').trim();
      current = {
        bookingDate, valueDate, amount, currency,
        counterparty: '', counterpartyAccount: '',
        reference: custRef && custRef !== 'NONREF' && !/\+$/.test(custRef) ? custRef : (m[8] ?? '').trim(),
        description: [m[6] ?? '', ...more.map((x) => x.trim())].filter((x) => x).join(' · '),
        fee: null, originalAmount: null, originalCurrency: '',
        kind: mark.startsWith('R') ? 'reversal' : amount.isNegative() ? 'debit' : 'credit',
        sourceRow: f.line,
      };
      if (/^NCHG|^NCOM/.test(m[6] ?? '')) current.kind = 'fee';
    } else if (f.tag === '86' && current) details.push(f.value);
    else if (f.tag === 'NS' && current) {
      // Hungarian :NS: numbered sub-lines: 15/16 partner name, 09 text, 17 reference.
      const sub: Record<string, string> = {};
      for (const ln of f.value.split('\n')) { const mm = /^(\d{2})(.*)$/.exec(ln); if (mm) sub[mm[1]] = (sub[mm[1]] ?? '') + mm[2]; }
      current.counterparty = `${sub['15'] ?? ''}${sub['16'] ?? ''}`.trim();
      current.reference = current.reference || (sub['17'] ?? '').trim();
      current.description = [current.description, sub['09'] ?? ''].filter((x) => x.trim()).join(' · ');
      current.counterpartyAccount = (sub['34'] ?? '').trim();
    } else if (/^62[FM]$|^64$|^20$/.test(f.tag)) close();
  }
  close();
  if (openedAt) {
    errors.push({ row: lastRecord || openedAt, message: `the statement from line ${openedAt} has no closing balance (:62F:) — the file looks cut off` });
  } else {
    // SWIFT blocks: a {4: text block ends with "-}".
    const body = text.replace(/\s+$/, '');
    const lastBlock = body.lastIndexOf('{4:');
    if (lastBlock >= 0 && body.indexOf('-}', lastBlock) < 0) {
      errors.push({ row: body.split(/\r\n|\n|\r/).length, message: 'the last message has no closing "-}" — the file looks cut off' });
    }
  }
  if (!drafts.length && !errors.length) errors.push({ row: 1, message: 'No :61: statement lines in this MT940 file' });
  return { drafts, errors, account, currency };
}
