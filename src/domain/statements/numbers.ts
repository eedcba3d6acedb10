// Amount cells as statements print them: "1.234,56", "-$7,971.39", "(45.00)", "45.00-",
// "+ £1,100.00", "¥28.16", "11'373.94", "15000,". The decimal mark is decided once per column
// from the whole column (or declared by the profile), never guessed cell by cell: "1.000" in a
// German file is one thousand, "31.422" KWD stays 31.422.
import { Decimal } from '../money';
import { isCurrencyCode, minorUnits } from '../currency';

export type DecimalMark = '.' | ',';

export interface CleanAmount {
  /** Digits with the original separators ("1.234,56"), no sign, symbol or spaces. */
  digits: string;
  negative: boolean;
  /** ISO code found in the cell ("USD 12.00", "12,00 EUR", "$" is not a code). */
  currency: string;
}

const SYMBOLS = /[$£€¥￥₩₹₽₺฿₫₪₴₦]|US\$|HK\$|CA\$|C\$|A\$|NZ\$|S\$|R\$|CHF|Fr\.|元|RMB/g;
const EMPTY = new Set(['', '-', '--', '/', '—', 'n/a', 'N/A']);

/** Null for an empty cell ("", "-", "/"); a string reason when the cell is not an amount. */
// Digits and separators only, maybe a leading minus: the usual cell, cleaned without the regexes below.
const PLAIN = /^-?\d[\d.,']*$/;

export function cleanAmount(raw: string): CleanAmount | null | string {
  if (raw === '') return null;
  if (PLAIN.test(raw)) return raw.charCodeAt(0) === 45 ? { digits: raw.slice(1), negative: true, currency: '' } : { digits: raw, negative: false, currency: '' };
  let s = raw.replace(/[\t\u00a0\u202f\u2009]/g, ' ').trim();
  if (EMPTY.has(s)) return null;
  let negative = false;
  let currency = '';
  const code = /^([A-Z]{3})\s*(?=[-+(\d.,])|(?<=[\d.,)])\s*([A-Z]{3})$/.exec(s);
  if (code) {
    const c = code[1] || code[2];
    if (isCurrencyCode(c)) { currency = c; s = s.replace(c, '').trim(); }
  }
  if (/^\(.*\)$/.test(s)) { negative = true; s = s.slice(1, -1).trim(); }
  if (/^[-−–]/.test(s)) { negative = !negative; s = s.slice(1).trim(); }
  else if (s.startsWith('+')) s = s.slice(1).trim();
  s = s.replace(SYMBOLS, '').trim();
  if (/^[-−–]/.test(s)) { negative = !negative; s = s.slice(1).trim(); }
  else if (s.startsWith('+')) s = s.slice(1).trim();
  if (/^\(.*\)$/.test(s)) { negative = !negative; s = s.slice(1, -1).trim(); }
  if (/[-−]$/.test(s)) { negative = !negative; s = s.slice(0, -1).trim(); }
  s = s.replace(/ /g, '');
  if (!/^[0-9][0-9.,']*$/.test(s) && !/^[.,][0-9]+$/.test(s)) return `"${raw.trim()}" is not an amount`;
  return { digits: s, negative, currency };
}

export type MarkEvidence = DecimalMark | 'ambiguous' | 'none';

/** What one cell says about the decimal mark. "1,234" and "1.234" alone say nothing sure. */
export function markEvidence(digits: string): MarkEvidence {
  const dot = digits.lastIndexOf('.');
  const comma = digits.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  const at = dot >= 0 ? dot : comma;
  if (at < 0) return 'none';
  const mark: DecimalMark = dot >= 0 ? '.' : ',';
  const other: DecimalMark = mark === '.' ? ',' : '.';
  const count = digits.split(mark).length - 1;
  if (count > 1) return other; // "1.234.567" groups, so the decimal mark is the other one
  const after = digits.length - at - 1;
  if (digits.includes("'")) return mark; // 11'373.94: apostrophe groups, the mark is decimal
  if (after === 3 && at > 0 && at <= 3 && digits[0] !== '0') return 'ambiguous';
  return mark;
}

export interface ColumnMark {
  mark: DecimalMark;
  how: 'declared' | 'column' | 'file' | 'currency' | 'default';
  /** 1-based rows whose cells contradict the column's mark (reported as errors). */
  conflictRows: number[];
}

/**
 * Decides the decimal mark of one column from all its cells. `fileMark` is what the other
 * amount columns of the same file showed (one locale per file); `currencyDecimals` helps only
 * when nothing else does (3-decimal currencies print "31.422").
 */
export function decideColumnMark(
  cells: { row: number; digits: string }[],
  declared: DecimalMark | undefined,
  fileMark: DecimalMark | undefined,
  currencyDecimals: number | undefined,
): ColumnMark {
  const votes: MarkVotes = { dot: [], comma: [], ambiguous: 0 };
  for (const c of cells) addVote(votes, c.row, c.digits);
  return decideFromVotes(votes, declared, fileMark, currencyDecimals);
}

/** Rows whose cells say "decimal point" / "decimal comma", and how many say nothing sure. */
export interface MarkVotes { dot: number[]; comma: number[]; ambiguous: number }

export function addVote(votes: MarkVotes, row: number, digits: string): void {
  const e = markEvidence(digits);
  if (e === '.') votes.dot.push(row);
  else if (e === ',') votes.comma.push(row);
  else if (e === 'ambiguous') votes.ambiguous++;
}

export function decideFromVotes(votes: MarkVotes, declared: DecimalMark | undefined, fileMark: DecimalMark | undefined, currencyDecimals: number | undefined): ColumnMark {
  if (declared) return { mark: declared, how: 'declared', conflictRows: declared === '.' ? votes.comma : votes.dot };
  if (votes.dot.length || votes.comma.length) {
    const mark: DecimalMark = votes.dot.length >= votes.comma.length ? '.' : ',';
    return { mark, how: 'column', conflictRows: mark === '.' ? votes.comma : votes.dot };
  }
  if (fileMark) return { mark: fileMark, how: 'file', conflictRows: [] };
  if (votes.ambiguous && currencyDecimals === 3) return { mark: '.', how: 'currency', conflictRows: [] };
  return { mark: '.', how: 'default', conflictRows: [] };
}

/** The value of cleaned digits under a decimal mark, or a reason. */
const SIMPLE_DOT = /^\d+(\.\d+)?$/;
const SIMPLE_COMMA = /^\d+(,\d+)?$/;
const GROUPED_DOT = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const GROUPED_COMMA = /^\d{1,3}(\.\d{3})+(,\d+)?$/;

export function digitsToDecimal(digits: string, mark: DecimalMark): Decimal | string {
  if (mark === '.') {
    if (SIMPLE_DOT.test(digits)) return new Decimal(digits);
    if (GROUPED_DOT.test(digits)) return new Decimal(digits.replace(/,/g, ''));
  } else {
    if (SIMPLE_COMMA.test(digits)) return new Decimal(digits.replace(',', '.'));
    if (GROUPED_COMMA.test(digits)) return new Decimal(digits.replace(/\./g, '').replace(',', '.'));
  }
  const group = mark === '.' ? ',' : '.';
  let s = digits.replace(/'/g, '');
  const parts = s.split(mark);
  if (parts.length > 2) return `"${digits}" has more than one decimal mark "${mark}"`;
  let int = parts[0];
  if (int.includes(group)) {
    if (!/^\d{1,3}([.,]\d{3})+$/.test(int)) return `"${digits}" has digit groups that are not thousands`;
    int = int.split(group).join('');
  }
  if (digits.includes("'") && !/^\d{1,3}('\d{3})+/.test(digits)) return `"${digits}" has digit groups that are not thousands`;
  const frac = parts.length === 2 ? parts[1] : '';
  if (!/^\d*$/.test(int) || !/^\d*$/.test(frac) || (int === '' && frac === '')) return `"${digits}" is not an amount`;
  s = `${int || '0'}${frac ? `.${frac}` : ''}`;
  return new Decimal(s);
}

/** Parses a whole cell with a known mark; null for empty. Checks the currency's decimals. */
export function parseAmountCell(raw: string, mark: DecimalMark, currency: string): { value: Decimal; currency: string } | null | string {
  const c = cleanAmount(raw);
  if (c === null || typeof c === 'string') return c;
  return parseCleanAmount(c, raw, mark, currency);
}

/** The second half of parseAmountCell, for a cell already cleaned. */
export function parseCleanAmount(c: CleanAmount, raw: string, mark: DecimalMark, currency: string): { value: Decimal; currency: string } | string {
  const v = digitsToDecimal(c.digits, mark);
  if (typeof v === 'string') return v;
  const cur = c.currency || currency;
  if (cur && isCurrencyCode(cur) && v.decimalPlaces() > minorUnits(cur)) {
    return `"${raw.trim()}" has more decimals than ${cur} allows (${minorUnits(cur)}); is the decimal mark "${mark}" right for this file?`;
  }
  return { value: c.negative ? v.negated() : v, currency: c.currency };
}
