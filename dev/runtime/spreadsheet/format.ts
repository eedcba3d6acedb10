// Number formats (display) and user-entered parsing, per spreadsheet locale.
//
// - Range.setValue/setValues parse strings like a person typing them (USER_ENTERED): a leading
//   `=` makes a formula (so does a leading `+`/`-` that is not a number); number-, percent-, currency-, date- and boolean-looking text converts
//   per the spreadsheet locale; a leading `'` forces text and is not part of the value
//   (reference/spreadsheet/range#setValue, research note §3.3; Sheets API ValueInputOption).
// - A cell formatted as plain text (`@`) keeps typed text as text (Sheets help "Format numbers
//   in a spreadsheet": Plain text).
// - getDisplayValues formats with the cell's number format and the spreadsheet locale
//   (reference/spreadsheet/range#getDisplayValues).
import { serialFields, wallToSerial } from './tz';

export interface LocaleInfo {
  decimal: string;
  group: string;
  /** Order of day/month in numeric dates. */
  dateOrder: 'MDY' | 'DMY' | 'YMD';
  dateSep: string;
  /** Default formats Sheets gives a typed/scripted date and date-time in this locale. */
  dateFormat: string;
  dateTimeFormat: string;
  currency: string;
}

const LOCALES: Record<string, LocaleInfo> = {
  en_US: { decimal: '.', group: ',', dateOrder: 'MDY', dateSep: '/', dateFormat: 'M/d/yyyy', dateTimeFormat: 'M/d/yyyy H:mm:ss', currency: '$' },
  en_GB: { decimal: '.', group: ',', dateOrder: 'DMY', dateSep: '/', dateFormat: 'dd/MM/yyyy', dateTimeFormat: 'dd/MM/yyyy HH:mm:ss', currency: '£' },
  de_DE: { decimal: ',', group: '.', dateOrder: 'DMY', dateSep: '.', dateFormat: 'dd.MM.yyyy', dateTimeFormat: 'dd.MM.yyyy HH:mm:ss', currency: '€' },
  fr_FR: { decimal: ',', group: '\u202f', dateOrder: 'DMY', dateSep: '/', dateFormat: 'dd/MM/yyyy', dateTimeFormat: 'dd/MM/yyyy HH:mm:ss', currency: '€' },
  zh_CN: { decimal: '.', group: ',', dateOrder: 'YMD', dateSep: '-', dateFormat: 'yyyy-M-d', dateTimeFormat: 'yyyy-M-d H:mm:ss', currency: '¥' },
  ja_JP: { decimal: '.', group: ',', dateOrder: 'YMD', dateSep: '/', dateFormat: 'yyyy/MM/dd', dateTimeFormat: 'yyyy/MM/dd H:mm:ss', currency: '¥' },
};

export function localeInfo(locale: string): LocaleInfo {
  return LOCALES[locale] ?? LOCALES[locale.split('_')[0] === 'en' ? 'en_US' : 'en_US'];
}
export const KNOWN_LOCALES = Object.keys(LOCALES);

export type FormatKind = 'general' | 'text' | 'number' | 'percent' | 'currency' | 'date' | 'time' | 'datetime';

const kindCache = new Map<string, FormatKind>();
/** What a number format pattern renders; `date`/`time`/`datetime` make getValues return a Date. */
export function formatKind(pattern: string | undefined): FormatKind {
  if (!pattern || /^general$/i.test(pattern)) return 'general';
  let k = kindCache.get(pattern);
  if (k) return k;
  const first = stripLiterals(pattern.split(';')[0]);
  if (pattern.trim() === '@') k = 'text';
  else {
    const hasDate = /[yd]/i.test(first) || (/m/i.test(first) && !/[hs]/i.test(first));
    const hasTime = /[hs]/i.test(first) || /am\/pm|a\/p/i.test(first);
    if (hasDate && hasTime) k = 'datetime';
    else if (hasDate) k = 'date';
    else if (hasTime) k = 'time';
    else if (first.includes('%')) k = 'percent';
    else if (/\[\$|[$€£¥]/.test(pattern)) k = 'currency';
    else k = 'number';
  }
  kindCache.set(pattern, k);
  return k;
}
export function isDateKind(k: FormatKind): boolean {
  return k === 'date' || k === 'time' || k === 'datetime';
}

function stripLiterals(p: string): string {
  return p.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').replace(/_./g, '').replace(/\*./g, '');
}

// ---------------------------------------------------------------------------------------------
// Display

export function formatGeneralNumber(n: number, li: LocaleInfo): string {
  if (!isFinite(n)) return '#NUM!';
  let s: string;
  const a = Math.abs(n);
  if (a !== 0 && (a >= 1e15 || a < 1e-10)) {
    s = n.toExponential(5).replace(/\.?0+e/, 'E').replace('E+', 'E+');
  } else {
    s = String(parseFloat(n.toPrecision(15)));
    if (s.includes('e')) s = n.toFixed(10).replace(/\.?0+$/, '');
  }
  return li.decimal === '.' ? s : s.replace('.', li.decimal);
}

export function displayValue(v: unknown, pattern: string | undefined, li: LocaleInfo): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') {
    const sections = pattern ? splitSections(pattern) : [];
    if (sections.length >= 4) return applyTextSection(sections[3], v);
    return v;
  }
  if (typeof v !== 'number') return String(v);
  const kind = formatKind(pattern);
  if (kind === 'general' || kind === 'text') return formatGeneralNumber(v, li);
  return formatNumber(v, pattern as string, li);
}

function splitSections(p: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '"') q = !q;
    if (ch === '\\' && !q) {
      cur += ch + (p[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !q) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function applyTextSection(sec: string, text: string): string {
  return renderLiterals(sec.replace(/@/g, '\u0000'), li0).replace(/\u0000/g, text);
}
const li0 = LOCALES.en_US;

function renderLiterals(s: string, _li: LocaleInfo): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') {
      const j = s.indexOf('"', i + 1);
      out += s.slice(i + 1, j < 0 ? s.length : j);
      i = j < 0 ? s.length : j;
    } else if (ch === '\\') {
      out += s[i + 1] ?? '';
      i++;
    } else if (ch === '[') {
      const j = s.indexOf(']', i);
      const inner = s.slice(i + 1, j < 0 ? s.length : j);
      if (inner.startsWith('$')) out += inner.slice(1).split('-')[0];
      i = j < 0 ? s.length : j;
    } else if (ch === '_') {
      out += ' ';
      i++;
    } else if (ch === '*') {
      i++;
    } else out += ch;
  }
  return out;
}

const formatCache = new Map<string, (n: number, li: LocaleInfo) => string>();

export function formatNumber(n: number, pattern: string, li: LocaleInfo): string {
  const key = pattern;
  let fn = formatCache.get(key);
  if (!fn) {
    fn = compileFormat(pattern);
    formatCache.set(key, fn);
  }
  return fn(n, li);
}

function compileFormat(pattern: string): (n: number, li: LocaleInfo) => string {
  const secs = splitSections(pattern);
  const compiled = secs.map((s) => compileSection(s));
  return (n, li) => {
    if (secs.length >= 3 && n === 0) return compiled[2](0, li);
    if (secs.length >= 2 && n < 0) return compiled[1](-n, li);
    return compiled[0](n, li);
  };
}

function compileSection(sec: string): (n: number, li: LocaleInfo) => string {
  const kind = formatKind(sec);
  if (isDateKind(kind)) return (n) => formatDateSerial(n, sec);
  if (sec.trim() === '' ) return () => '';
  // Numeric: find the span of digit placeholders; literals before and after it stay.
  const tokens = tokenize(sec);
  const firstDigit = tokens.findIndex((t) => t.kind === 'digit');
  let lastDigit = -1;
  tokens.forEach((t, i) => {
    if (t.kind === 'digit') lastDigit = i;
  });
  if (firstDigit < 0) return (_n, li) => renderLiterals(sec, li);
  const core = tokens.slice(firstDigit, lastDigit + 1).map((t) => t.text).join('');
  const prefix = tokens.slice(0, firstDigit);
  const suffix = tokens.slice(lastDigit + 1);
  const percent = tokens.some((t) => t.kind === 'lit' && t.text === '%');
  const sci = /E[+-]/i.test(core);
  const [intPart, fracPart = ''] = core.split('.');
  const grouping = intPart.includes(',');
  const trailingCommas = (/,+$/.exec(intPart)?.[0].length ?? 0);
  const minInt = (intPart.match(/0/g) ?? []).length;
  const fracDigits = fracPart.replace(/[^0#?]/g, '');
  const minFrac = (fracDigits.match(/0/g) ?? []).length;
  const maxFrac = fracDigits.length;
  const lit = (ts: Token[]) => ts.map((t) => t.text).join('');
  return (n, li) => {
    let x = n;
    if (percent) x *= 100;
    if (trailingCommas && !grouping) x /= Math.pow(1000, trailingCommas);
    let body: string;
    if (sci) {
      body = x.toExponential(maxFrac).replace('e', 'E');
      if (li.decimal !== '.') body = body.replace('.', li.decimal);
    } else {
      const neg = x < 0;
      const abs = Math.abs(x);
      let [ip, fp = ''] = roundHalfAway(abs, maxFrac).split('.');
      fp = fp.replace(/0+$/, '').padEnd(minFrac, '0');
      if (ip === '0' && minInt === 0) ip = '';
      ip = ip.padStart(minInt, '0');
      if (grouping) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, li.group);
      body = (neg ? '-' : '') + ip + (fp ? li.decimal + fp : '');
    }
    return lit(prefix) + body + lit(suffix);
  };
}

function roundHalfAway(abs: number, digits: number): string {
  // Sheets shows at most 15 significant digits (a double holds 15–17): `0.###############` shows
  // 46366 as 46366, not 46366.000000000050932, and 0.1+0.2 as 0.3. So the value is first taken to
  // 15 significant decimal digits, then rounded half away from zero on those decimal digits
  // (1.005 → 1.01 as in Sheets, although the double is 1.00499999999999989…). Digits past the
  // 15th significant one come out as zeros (the caller strips optional ones).
  if (!Number.isFinite(abs)) return String(abs);
  if (abs === 0 || (Number.isInteger(abs) && abs < 1e15)) return abs.toFixed(digits);
  const [mant, exp] = abs.toExponential(14).split('e');
  const k = Number(exp) - 14 + digits; // value × 10^digits = mantissa digits × 10^k
  let n = BigInt(mant.replace('.', ''));
  const ten = BigInt(10);
  if (k >= 0) n *= ten ** BigInt(k);
  else {
    const d = ten ** BigInt(-k);
    n = (n + d / BigInt(2)) / d;
  }
  const str = n.toString().padStart(digits + 1, '0');
  return digits ? `${str.slice(0, -digits)}.${str.slice(-digits)}` : str;
}

interface Token {
  kind: 'digit' | 'lit' | 'quoted';
  text: string;
}
function tokenize(sec: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < sec.length; i++) {
    const ch = sec[i];
    if (ch === '"') {
      const j = sec.indexOf('"', i + 1);
      out.push({ kind: 'quoted', text: sec.slice(i + 1, j < 0 ? sec.length : j) });
      i = j < 0 ? sec.length : j;
    } else if (ch === '\\') {
      out.push({ kind: 'quoted', text: sec[i + 1] ?? '' });
      i++;
    } else if (ch === '[') {
      const j = sec.indexOf(']', i);
      const inner = sec.slice(i + 1, j < 0 ? sec.length : j);
      if (inner.startsWith('$')) out.push({ kind: 'quoted', text: inner.slice(1).split('-')[0] });
      i = j < 0 ? sec.length : j;
    } else if (ch === '_') {
      out.push({ kind: 'quoted', text: ' ' });
      i++;
    } else if (ch === '*') i++;
    else if ('0#?'.includes(ch)) out.push({ kind: 'digit', text: ch });
    else if ((ch === ',' || ch === '.') && out.some((t) => t.kind === 'digit')) out.push({ kind: 'digit', text: ch }); // grouping / decimal point
    else if ((ch === 'E' || ch === 'e') && /[+-]/.test(sec[i + 1] ?? '') && out.some((t) => t.kind === 'digit')) {
      out.push({ kind: 'digit', text: ch + sec[i + 1] });
      i++;
    } else out.push({ kind: 'lit', text: ch });
  }
  return out;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface DateTok {
  t: string;
  lit?: boolean;
  minute?: boolean;
}
const dateCache = new Map<string, { toks: DateTok[]; hasAmPm: boolean }>();

/** Sheets date/time patterns (case-insensitive; `m` is minutes next to h or s, else month). */
export function formatDateSerial(serial: number, pattern: string): string {
  let compiled = dateCache.get(pattern);
  if (!compiled) {
    compiled = compileDatePattern(pattern);
    dateCache.set(pattern, compiled);
  }
  const { toks, hasAmPm } = compiled;
  const f = serialFields(serial);
  let out = '';
  for (const tk of toks) {
    if (tk.lit) {
      out += tk.t;
      continue;
    }
    const t = tk.t;
    const n = t.length;
    switch (t[0]) {
      case 'y':
        out += n <= 2 ? String(f.y % 100).padStart(2, '0') : String(f.y).padStart(4, '0');
        break;
      case 'd':
        out += n === 1 ? String(f.d) : n === 2 ? String(f.d).padStart(2, '0') : n === 3 ? DAYS[f.dow].slice(0, 3) : DAYS[f.dow];
        break;
      case 'h': {
        let h = f.h;
        if (hasAmPm) h = h % 12 === 0 ? 12 : h % 12;
        out += n >= 2 ? String(h).padStart(2, '0') : String(h);
        break;
      }
      case 's':
        out += n >= 2 ? String(f.s).padStart(2, '0') : String(f.s);
        break;
      case 'm':
        if (tk.minute && n <= 2) out += n === 2 ? String(f.mi).padStart(2, '0') : String(f.mi);
        else out += n === 1 ? String(f.m) : n === 2 ? String(f.m).padStart(2, '0') : n === 3 ? MONTHS[f.m - 1].slice(0, 3) : n === 5 ? MONTHS[f.m - 1][0] : MONTHS[f.m - 1];
        break;
      case '.':
        out += '.' + String(f.ms).padStart(3, '0').slice(0, n - 1);
        break;
      case 'a':
        out += t === 'am/pm' ? (f.h < 12 ? 'AM' : 'PM') : f.h < 12 ? 'A' : 'P';
        break;
      default:
        out += t;
    }
  }
  return out;
}

function compileDatePattern(p: string): { toks: DateTok[]; hasAmPm: boolean } {
  const toks: DateTok[] = [];
  for (let i = 0; i < p.length; ) {
    const ch = p[i];
    if (ch === '"') {
      const j = p.indexOf('"', i + 1);
      toks.push({ t: p.slice(i + 1, j < 0 ? p.length : j), lit: true });
      i = j < 0 ? p.length : j + 1;
      continue;
    }
    if (ch === '\\') {
      toks.push({ t: p[i + 1] ?? '', lit: true });
      i += 2;
      continue;
    }
    if (ch === '[') {
      const j = p.indexOf(']', i);
      i = j < 0 ? p.length : j + 1;
      continue;
    }
    const am = /^(am\/pm|a\/p)/i.exec(p.slice(i));
    if (am) {
      toks.push({ t: am[1].toLowerCase() });
      i += am[1].length;
      continue;
    }
    const lower = ch.toLowerCase();
    if ('ydhms'.includes(lower)) {
      let j = i;
      while (j < p.length && p[j].toLowerCase() === lower) j++;
      toks.push({ t: p.slice(i, j).toLowerCase() });
      i = j;
      continue;
    }
    if (ch === '.' && /^\.0+/.test(p.slice(i))) {
      const m = /^\.0+/.exec(p.slice(i))![0];
      toks.push({ t: m });
      i += m.length;
      continue;
    }
    toks.push({ t: ch, lit: true });
    i++;
  }
  const near = (k: number, dir: number, c: string) => {
    for (let j = k + dir; j >= 0 && j < toks.length; j += dir) if (!toks[j].lit) return toks[j].t[0] === c;
    return false;
  };
  toks.forEach((tk, k) => {
    if (!tk.lit && tk.t[0] === 'm') tk.minute = near(k, -1, 'h') || near(k, 1, 's');
  });
  return { toks, hasAmPm: toks.some((t) => !t.lit && (t.t === 'am/pm' || t.t === 'a/p')) };
}

// ---------------------------------------------------------------------------------------------
// User-entered parsing

export type Parsed =
  | { type: 'empty' }
  | { type: 'formula'; formula: string }
  | { type: 'value'; value: string | number | boolean; format?: string };

/** Text typed into a cell (or written by setValue): what Sheets stores. `cellFormat` is the cell's
 *  current number format. */
export function parseUserEntered(input: string, cellFormat: string | undefined, li: LocaleInfo, year?: number | (() => number)): Parsed {
  if (input === '') return { type: 'empty' };
  if (formatKind(cellFormat) === 'text') return { type: 'value', value: input };
  if (input.startsWith("'")) return { type: 'value', value: input.slice(1) };
  if (input.startsWith('=') && input.length > 1) return { type: 'formula', formula: input };
  const t = input.trim();
  // A leading `+` (and, by the stricter reading, `-`) also starts a formula in Sheets, as in
  // Lotus/Excel: "text fields starting with a + are interpreted as formulae"
  // (nithinmurali/pygsheets#373, USER_ENTERED writes); "starting with + or =, google asks you to add
  // '" (mrmans0n/localio#1). Number-like input (`-5`, `+1,200.50`, `-$3`) keeps its number value;
  // anything else (`+1 555 0100`, `-x`, `- note`) becomes the formula `=` + input and shows the
  // formula's error. `@` starts no formula in Sheets and stays text.
  if ((input[0] === '+' || input[0] === '-') && input.length > 1) {
    const num = parseNumberText(t, li);
    if (num) return { type: 'value', value: num.value, format: keepOrDetect(cellFormat, num.format) };
    return { type: 'formula', formula: `=${input}` };
  }
  // Fast path: text that cannot be a number, date, time or boolean stays text.
  const ch = t.charCodeAt(0);
  const digitLike = (ch >= 48 && ch <= 57) || '+-.($€£¥'.includes(t[0] ?? '');
  if (!digitLike && !/^(true|false|[a-z]{3,9}\.? \d)/i.test(t)) return { type: 'value', value: input };
  if (/^true$/i.test(t)) return { type: 'value', value: true };
  if (/^false$/i.test(t)) return { type: 'value', value: false };
  const num = parseNumberText(t, li);
  if (num) return { type: 'value', value: num.value, format: keepOrDetect(cellFormat, num.format) };
  const date = parseDateText(t, li, year);
  if (date) return { type: 'value', value: date.serial, format: keepOrDetect(cellFormat, date.format, true) };
  return { type: 'value', value: input };
}

function keepOrDetect(cellFormat: string | undefined, detected: string | undefined, isDate = false): string | undefined {
  const k = formatKind(cellFormat);
  if (k === 'general') return detected;
  // a date typed into a number-formatted cell takes a date format, and vice versa keeps the number format
  if (isDate && !isDateKind(k)) return detected;
  return undefined;
}

export function parseNumberText(t: string, li: LocaleInfo): { value: number; format?: string } | undefined {
  let s = t.replace(/\s+/g, (m) => (li.group.trim() === '' ? '' : m));
  let neg = false;
  if (/^\(.*\)$/.test(s)) {
    neg = true;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith('-')) {
    neg = !neg;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) s = s.slice(1).trim();
  let currency: string | undefined;
  const cur = /^([$€£¥])\s*/.exec(s) ?? /\s*([$€£¥])$/.exec(s);
  if (cur) {
    currency = cur[1];
    s = s.startsWith(cur[0]) ? s.slice(cur[0].length) : s.slice(0, s.length - cur[0].length);
    if (s.startsWith('-') && !neg) {
      neg = true;
      s = s.slice(1);
    }
  }
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  const m = numberRe(li).exec(s);
  if (!m || (!m[1] && !m[2] && !m[3])) return undefined;
  if (m[4] && (percent || currency)) return undefined;
  const intDigits = (m[1] ?? m[2] ?? '0').replace(/\D/g, '');
  let value = Number(`${intDigits}.${m[3] ?? '0'}${m[4] ? 'e' + m[4] : ''}`);
  if (neg) value = -value;
  const decimals = m[3]?.length ?? 0;
  let format: string | undefined;
  if (percent) {
    value = value / 100;
    format = decimals ? `0.${'0'.repeat(decimals)}%` : '0%';
  } else if (currency) {
    format = `"${currency}"#,##0.00`;
  } else if (m[1]) {
    format = decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  } else if (m[4]) format = '0.00E+00';
  return { value, format };
}

const numberReCache = new Map<LocaleInfo, RegExp>();
function numberRe(li: LocaleInfo): RegExp {
  let re = numberReCache.get(li);
  if (!re) {
    const g = li.group === '\u202f' ? '[\\u202f\\u00a0 ]' : escapeRe(li.group);
    const d = escapeRe(li.decimal);
    re = new RegExp(`^(?:(\\d{1,3}(?:${g}\\d{3})+)|(\\d+))?(?:${d}(\\d+))?(?:[eE]([+-]?\\d+))?$`);
    numberReCache.set(li, re);
  }
  return re;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const MONTH_NAMES = MONTHS.map((m) => m.toLowerCase());

/** Dates and times Sheets recognises when typed (a representative subset per locale). */
/** `year`: the current year in the spreadsheet's zone, for dates typed without one (`3/5`). */
export function parseDateText(t: string, li: LocaleInfo, year?: number | (() => number)): { serial: number; format: string } | undefined {
  const thisYear = () => (typeof year === 'function' ? year() : year ?? new Date().getUTCFullYear());
  const time = /(?:^|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(t);
  let datePart = t;
  let h = 0;
  let mi = 0;
  let sec = 0;
  if (time) {
    h = Number(time[1]);
    mi = Number(time[2]);
    sec = Number(time[3] ?? 0);
    const ap = time[4]?.toLowerCase();
    if (ap) {
      if (h < 1 || h > 12) return undefined;
      if (ap === 'pm' && h < 12) h += 12;
      if (ap === 'am' && h === 12) h = 0;
    }
    if (h > 23 || mi > 59 || sec > 59) return undefined;
    datePart = t.slice(0, time.index).trim();
    if (datePart === '') {
      const serial = (h * 3600 + mi * 60 + sec) / 86400;
      return { serial, format: time[4] ? 'h:mm:ss am/pm' : 'H:mm:ss' };
    }
  }
  let y: number | undefined, m: number | undefined, d: number | undefined;
  let format: string;
  let mm: RegExpExecArray | null;
  if ((mm = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(datePart))) {
    [y, m, d] = [Number(mm[1]), Number(mm[2]), Number(mm[3])];
    format = datePart.includes('-') ? 'yyyy-mm-dd' : li.dateFormat;
  } else if ((mm = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$/.exec(datePart))) {
    const a = Number(mm[1]);
    const b = Number(mm[3]);
    y = Number(mm[4]);
    if (mm[4].length === 2) y += y < 30 ? 2000 : 1900;
    if (li.dateOrder === 'MDY') [m, d] = [a, b];
    else [d, m] = [a, b];
    format = li.dateFormat;
  } else if ((mm = /^(\d{1,2})[ -]([A-Za-z]{3,9})[ -,]*(\d{4})$/.exec(datePart))) {
    const mi2 = MONTH_NAMES.findIndex((n) => n.startsWith(mm![2].toLowerCase()) && mm![2].length >= 3);
    if (mi2 < 0) return undefined;
    [d, m, y] = [Number(mm[1]), mi2 + 1, Number(mm[3])];
    format = 'd mmm yyyy';
  } else if ((mm = /^(\d{1,2})([/.-])(\d{1,2})$/.exec(datePart)) && (mm[2] === '/' || mm[2] === li.dateSep) && li.dateOrder !== 'YMD') {
    // A day and month without a year is a date in the current year, as Sheets reads `3/5`
    // (Sheets help "Format numbers in a spreadsheet": dates are recognised as typed; a fake that
    // kept `3/5` as text would hide an order number or fraction turned into a date).
    const a = Number(mm[1]);
    const b = Number(mm[3]);
    y = thisYear();
    if (li.dateOrder === 'MDY') [m, d] = [a, b];
    else [d, m] = [a, b];
    format = li.dateFormat;
  } else if ((mm = /^([A-Za-z]{3,9})\.? (\d{1,2})$/.exec(datePart))) {
    const mi2 = MONTH_NAMES.findIndex((n) => n.startsWith(mm![1].toLowerCase()));
    if (mi2 < 0) return undefined;
    [m, d, y] = [mi2 + 1, Number(mm[2]), thisYear()];
    format = li.dateFormat;
  } else if ((mm = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(datePart))) {
    const mi2 = MONTH_NAMES.findIndex((n) => n.startsWith(mm![1].toLowerCase()));
    if (mi2 < 0) return undefined;
    [m, d, y] = [mi2 + 1, Number(mm[2]), Number(mm[3])];
    format = 'mmm d, yyyy';
  } else return undefined;
  if (!validDate(y, m, d)) return undefined;
  const serial = wallToSerial(y, m, d, h, mi, sec);
  if (time) format = format === 'yyyy-mm-dd' ? 'yyyy-mm-dd h:mm:ss' : li.dateTimeFormat;
  return { serial, format };
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= dim;
}
