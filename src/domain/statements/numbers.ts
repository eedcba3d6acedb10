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
  return markEvidenceFrom(digits, 0);
}

/** markEvidence of `s` from index `start` on (a leading "-" skipped without slicing), in one pass. */
function markEvidenceFrom(s: string, start: number): MarkEvidence {
  let dot = -1;
  let comma = -1;
  let dots = 0;
  let commas = 0;
  let apostrophe = false;
  for (let i = start; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) { dot = i; dots++; } else if (c === 44) { comma = i; commas++; } else if (c === 39) apostrophe = true;
  }
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  const at = dot >= 0 ? dot : comma;
  if (at < 0) return 'none';
  const mark: DecimalMark = dot >= 0 ? '.' : ',';
  const other: DecimalMark = mark === '.' ? ',' : '.';
  if ((dot >= 0 ? dots : commas) > 1) return other; // "1.234.567" groups, so the decimal mark is the other one
  const after = s.length - at - 1;
  if (apostrophe) return mark; // 11'373.94: apostrophe groups, the mark is decimal
  if (after === 3 && at > start && at - start <= 3 && s.charCodeAt(start) !== 48) return 'ambiguous';
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
  tally(votes, row, markEvidence(digits));
}

function tally(votes: MarkVotes, row: number, e: MarkEvidence): void {
  if (e === '.') votes.dot.push(row);
  else if (e === ',') votes.comma.push(row);
  else if (e === 'ambiguous') votes.ambiguous++;
}

/**
 * addVote for a raw cell: what cleanAmount(cell) would vote, without its object for the usual
 * cell (digits and separators, maybe a leading minus). Empty and unreadable cells say nothing.
 */
export function addCellVote(votes: MarkVotes, row: number, cell: string): void {
  if (cell === '') return;
  const start = plainStart(cell);
  if (start >= 0) { tally(votes, row, markEvidenceFrom(cell, start)); return; }
  const c = cleanAmount(cell);
  if (c && typeof c !== 'string') tally(votes, row, markEvidence(c.digits));
}

/** 0 or 1 (after a leading "-") when the cell matches PLAIN (/^-?\d[\d.,']*$/), else -1. */
function plainStart(cell: string): number {
  const n = cell.length;
  let i = 0;
  if (n > 0 && cell.charCodeAt(0) === 45) i = 1;
  if (i >= n) return -1;
  const first = cell.charCodeAt(i);
  if (first < 48 || first > 57) return -1;
  for (let k = i + 1; k < n; k++) {
    const c = cell.charCodeAt(k);
    if ((c < 48 || c > 57) && c !== 46 && c !== 44 && c !== 39) return -1;
  }
  return i;
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
  if (cur && isCurrencyCode(cur) && v.decimalPlaces() > minorUnits(cur)) return tooManyDecimals(raw, cur, mark);
  return { value: c.negative ? v.negated() : v, currency: c.currency };
}

function tooManyDecimals(raw: string, cur: string, mark: DecimalMark): string {
  return `"${raw.trim()}" has more decimals than ${cur} allows (${minorUnits(cur)}); is the decimal mark "${mark}" right for this file?`;
}

/**
 * A cell read once, before it becomes a Decimal, so that a debit/credit pair can be signed
 * without Decimal arithmetic. One reusable object per caller (no object per cell).
 */
export interface CellAmount {
  /** 'empty' (null from parseAmountCell), 'text' (the usual cell: `text`, `negative`, `zero`) or 'value' (`value`). */
  kind: 'empty' | 'text' | 'value';
  /** Unsigned canonical digits for `new Decimal` ("1234.56"): the string parseAmountCell builds its Decimal from. */
  text: string;
  negative: boolean;
  zero: boolean;
  /** The signed value of a cell the general path read. */
  value: Decimal | null;
  /** ISO code printed in the cell, '' if none. */
  currency: string;
}

export function newCellAmount(): CellAmount {
  return { kind: 'empty', text: '', negative: false, zero: false, value: null, currency: '' };
}

/**
 * parseAmountCell into a reusable CellAmount: the same cells accepted, the same values, the
 * same error strings. The usual cell (optional "-", digits, one decimal mark, thousands groups
 * of the other mark) is read in one pass over its char codes; every other cell takes the
 * general path.
 */
export function readCellAmount(raw: string, mark: DecimalMark, currency: string, out: CellAmount): CellAmount | string {
  out.currency = '';
  out.value = null;
  if (raw === '') { out.kind = 'empty'; return out; }
  if (readPlain(raw, mark, out)) {
    if (currency && decimalPlacesOf(out.text) > unitsOf(currency)) return tooManyDecimals(raw, currency, mark);
    out.kind = 'text';
    return out;
  }
  const r = parseAmountCell(raw, mark, currency);
  if (typeof r === 'string') return r;
  if (r === null) { out.kind = 'empty'; return out; }
  out.kind = 'value';
  out.value = r.value;
  out.zero = r.value.isZero();
  out.negative = r.value.isNegative();
  out.currency = r.currency;
  return out;
}

/**
 * The Decimal of a non-empty CellAmount: as printed, its absolute value, or minus its absolute
 * value (the sign a debit column gives; only for a non-zero amount, as creditLessDebit uses it).
 */
export function cellDecimal(a: CellAmount, sign: 'as-is' | 'abs' | 'minus-abs'): Decimal {
  if (a.kind === 'value') {
    const v = a.value as Decimal;
    return sign === 'as-is' ? v : sign === 'abs' ? v.abs() : v.isNegative() ? v : v.negated();
  }
  const negative = sign === 'as-is' ? a.negative : sign === 'minus-abs';
  if (PARTS_OK) return fromParts(a.text, negative);
  // The parsed Decimal's digit array has the spare capacity of a grown array (~150 bytes);
  // the line keeps a copy sized to its digits.
  const v = new Decimal(a.text);
  return negative ? v.negated() : new Decimal(v);
}

/**
 * A Decimal from canonical unsigned digits ("1234.56") without parsing a string: the digits are
 * grouped into decimal.js's documented representation (sign `s`, exponent `e`, base-1e7 words
 * `d`, exactly as its parser groups them) and handed to the constructor, which copies any
 * object tagged as a Decimal (its path for instances of other Decimal clones). Exact: integer
 * arithmetic below 1e7 per word. Used only if the self-check below agrees with the parser.
 */
const PARTS = { s: 1, e: 0, d: [0], toStringTag: '[object Decimal]' };
const WORDS: number[] = [];

function fromParts(text: string, negative: boolean): Decimal {
  const n = text.length;
  let dot = text.indexOf('.');
  if (dot < 0) dot = n;
  // First and last significant digits (the dot skipped).
  let first = 0;
  while (first < n && (text.charCodeAt(first) === 48 || first === dot)) first++;
  PARTS.s = negative ? -1 : 1;
  if (first === n) { PARTS.e = 0; WORDS.length = 1; WORDS[0] = 0; PARTS.d = WORDS; return new Decimal(PARTS as unknown as Decimal); }
  let last = n - 1;
  while (text.charCodeAt(last) === 48 || last === dot) last--;
  // Base-10 exponent of the first significant digit.
  const e = first < dot ? dot - first - 1 : -(first - dot);
  // Digits in the first word, as decimal.js's parser counts them: (e + 1) mod 7, 7 for 0.
  let take = (e + 1) % 7;
  if (e < 0) take += 7;
  if (take === 0) take = 7;
  let words = 0;
  let w = 0;
  let inWord = 0;
  for (let i = first; i <= last; i++) {
    if (i === dot) continue;
    w = w * 10 + (text.charCodeAt(i) - 48);
    if (++inWord === take) { WORDS[words++] = w; w = 0; inWord = 0; take = 7; }
  }
  if (inWord > 0) { for (; inWord < take; inWord++) w *= 10; WORDS[words++] = w; }
  WORDS.length = words;
  PARTS.e = e;
  PARTS.d = WORDS;
  return new Decimal(PARTS as unknown as Decimal);
}

/** Whether fromParts builds what the parser builds (checked once, on values of every shape). */
const PARTS_OK = ((): boolean => {
  try {
    for (const t of ['0', '0.00', '1', '5', '10', '1234.56', '0.5', '0.05', '0.001', '0.0000001', '0.00000001', '1000000', '10000000', '1234567',
      '12345678', '123456789.12345678', '99999999999999999999999.99', '100.10', '31.422', '00012.50', '7000000.0000007', '0.12345678901234']) {
      for (const neg of [false, true]) {
        const a = fromParts(t, neg);
        const b = new Decimal(neg ? `-${t}` : t);
        if (a.s !== b.s || a.e !== b.e || a.d.length !== b.d.length || a.d.some((x, i) => x !== b.d[i]) || !(a instanceof Decimal) || a.toString() !== b.toString()) return false;
      }
    }
    return true;
  } catch {
    return false;
  }
})();

/**
 * The fast path of parseAmountCell: a cell of the form -?\d+(M\d+)? or -?\d{1,3}(G\d{3})+(M\d+)?
 * (M the decimal mark, G the other one: SIMPLE_* and GROUPED_* above, maybe after a "-").
 * Fills out.text/negative/zero and returns true; false leaves the cell to the general path.
 */
function readPlain(raw: string, mark: DecimalMark, out: CellAmount): boolean {
  const n = raw.length;
  const M = mark === '.' ? 46 : 44;
  const G = mark === '.' ? 44 : 46;
  let i = 0;
  const negative = raw.charCodeAt(0) === 45;
  if (negative) i = 1;
  const intStart = i;
  let groups = 0; // group separators seen
  let run = 0; // digits since the start or the last group separator
  let nonZero = false;
  let c = 0;
  for (; i < n; i++) {
    c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) { run++; if (c !== 48) nonZero = true; continue; }
    if (c === G) {
      if (groups === 0 ? run < 1 || run > 3 : run !== 3) return false;
      groups++; run = 0;
      continue;
    }
    break;
  }
  if (groups === 0 ? run < 1 : run !== 3) return false;
  const intEnd = i;
  let fracStart = -1;
  if (i < n) {
    if (c !== M) return false;
    fracStart = ++i;
    if (i >= n) return false;
    for (; i < n; i++) {
      c = raw.charCodeAt(i);
      if (c < 48 || c > 57) return false;
      if (c !== 48) nonZero = true;
    }
  }
  // The string parseAmountCell gives `new Decimal`: group marks removed, the mark as ".".
  let text: string;
  if (groups === 0 && (fracStart < 0 || M === 46)) text = negative ? raw.slice(1) : raw;
  else {
    // The leading run, then each 3-digit group without its separator, then "." and the fraction.
    const lead = intEnd - intStart - groups * 4;
    text = raw.slice(intStart, intStart + lead);
    for (let k = intStart + lead + 1; k < intEnd; k += 4) text += raw.slice(k, k + 3);
    if (fracStart >= 0) text += M === 46 ? raw.slice(fracStart - 1) : `.${raw.slice(fracStart)}`;
  }
  out.text = text;
  out.negative = negative;
  out.zero = !nonZero;
  return true;
}

/** The last currency asked about and its minor units (Infinity for a non-ISO code): a file's rows repeat one or two codes. */
let lastCode = '';
let lastUnits = Infinity;

/** Minor units of an ISO code; Infinity (no limit to check) for anything else. */
function unitsOf(code: string): number {
  if (code !== lastCode) { lastUnits = isCurrencyCode(code) ? minorUnits(code) : Infinity; lastCode = code; }
  return lastUnits;
}

/** Decimal places of canonical digits as Decimal#decimalPlaces counts them (trailing zeros do not count). */
function decimalPlacesOf(text: string): number {
  const dot = text.indexOf('.');
  if (dot < 0) return 0;
  let end = text.length;
  while (end > dot + 1 && text.charCodeAt(end - 1) === 48) end--;
  return end - dot - 1;
}
