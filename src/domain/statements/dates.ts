// Dates as statements print them. A day/month order is decided for the whole file from all
// its date cells ("13/02" anywhere settles it), or declared by the profile, or chosen by the
// user; it is never guessed row by row. A date is the calendar date the source printed, in the
// source's own zone: "2009-04-01 12:20 [-5:EST]" is 2009-04-01, never shifted through the
// script's zone.

export type DateOrder = 'DMY' | 'MDY';

/** A date cell split into numbers; `order` null when year-last and the order is open. */
interface DateParts {
  y: number;
  /** For year-first or month-name forms: month and day. For year-last: first and second number. */
  p: number;
  q: number;
  yearLast: boolean;
  /** Separator of a year-last date: "13.02.2024" is day-first by convention everywhere. */
  sep?: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  ene: 1, abr: 4, ago: 8, dic: 12, mrz: 3, mai: 5, okt: 10, dez: 12, janv: 1, févr: 2, fevr: 2,
  mars: 3, avr: 4, juin: 6, juil: 7, août: 8, aout: 8, sept: 9, déc: 12, mei: 5, maa: 3,
};

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

/** Splits the date part of a cell; null when the cell holds no date. */
export function splitDate(raw: string): DateParts | null {
  const s = raw.replace(/[\t\u00a0]/g, ' ').trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\.|(?=[T\s+Z-]|$))/.exec(s) || /^(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(s);
  if (m) return { y: Number(m[1]), p: Number(m[2]), q: Number(m[3]), yearLast: false };
  m = /^(\d{4})(\d{2})(\d{2})(?:\d{2,6}(?:[.:]\d+)?)?(?:\s*\[[^\]]*\])?$/.exec(s);
  if (m) return { y: Number(m[1]), p: Number(m[2]), q: Number(m[3]), yearLast: false };
  m = /^(\d{1,2})([-/.])(\d{1,2})[-/.](\d{4}|\d{2})(?=[\sT,]|$)/.exec(s);
  if (m) return { y: fullYear(m[4]), p: Number(m[1]), q: Number(m[3]), yearLast: true, sep: m[2] };
  m = /^(\d{1,2})[- .]([A-Za-zéû]{3,5})\.?[- ,.]+(\d{4}|\d{2})(?=[\sT,]|$)/.exec(s);
  if (m && MONTHS[m[2].toLowerCase()]) return { y: fullYear(m[3]), p: MONTHS[m[2].toLowerCase()], q: Number(m[1]), yearLast: false };
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})/.exec(s);
  if (m && MONTHS[m[1].slice(0, 3).toLowerCase()]) return { y: Number(m[3]), p: MONTHS[m[1].slice(0, 3).toLowerCase()], q: Number(m[2]), yearLast: false };
  return null;
}

export function looksLikeDate(raw: string): boolean {
  const d = splitDate(raw);
  if (!d) return false;
  return d.yearLast ? d.p >= 1 && d.q >= 1 && d.p <= 31 && d.q <= 31 : validYmd(d.y, d.p, d.q);
}

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1] && y >= 1900 && y <= 2200;
}

export interface OrderDecision {
  /** Null when nothing settles it (every date has both numbers ≤ 12) and nobody declared it. */
  order: DateOrder | null;
  how: 'declared' | 'chosen' | 'values' | 'dotted' | 'not-needed' | 'ambiguous' | 'conflict';
  /** Whether any cell needs an order at all. */
  needed: boolean;
  /** A first row proving day-first and one proving month-first, when both exist. */
  conflict?: { dayFirstRow: number; monthFirstRow: number };
}

/** Decides DMY/MDY once for all date cells of a file. */
export function decideDateOrder(cells: { row: number; text: string }[], declared?: DateOrder, chosen?: DateOrder): OrderDecision {
  let needed = false;
  let dayFirstRow = 0;
  let monthFirstRow = 0;
  let allDotted = true;
  const seen = new Set<string>();
  for (const c of cells) {
    if (seen.has(c.text)) continue; // the first row with a text is the one to report
    seen.add(c.text);
    const d = splitDate(c.text);
    if (!d || !d.yearLast) continue;
    needed = true;
    if (d.sep !== '.') allDotted = false;
    if (d.p > 12 && d.q <= 12 && !dayFirstRow) dayFirstRow = c.row;
    if (d.q > 12 && d.p <= 12 && !monthFirstRow) monthFirstRow = c.row;
  }
  if (chosen) return { order: chosen, how: 'chosen', needed };
  if (declared) return { order: declared, how: 'declared', needed };
  if (!needed) return { order: null, how: 'not-needed', needed };
  if (dayFirstRow && monthFirstRow) return { order: null, how: 'conflict', needed, conflict: { dayFirstRow, monthFirstRow } };
  if (dayFirstRow) return { order: 'DMY', how: 'values', needed };
  if (monthFirstRow) return { order: 'MDY', how: 'values', needed };
  // dd.mm.yyyy is the only dotted year-last form in use (DE, CH, AT, HU, PL, RU...).
  if (allDotted) return { order: 'DMY', how: 'dotted', needed };
  return { order: null, how: 'ambiguous', needed };
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD`, or a reason. `order` is needed only for year-last dates. */
export function toIsoDate(raw: string, order: DateOrder | null): string | { error: string } {
  const d = splitDate(raw);
  if (!d) return { error: `"${raw.trim()}" is not a date` };
  let month = d.p;
  let day = d.q;
  if (d.yearLast) {
    if (!order) return { error: `"${raw.trim()}" could be day/month or month/day; choose the date order` };
    if (order === 'DMY') { day = d.p; month = d.q; }
  }
  if (!validYmd(d.y, month, day)) return { error: `"${raw.trim()}" is not a valid date${d.yearLast ? ` read as ${order === 'DMY' ? 'day/month' : 'month/day'}/year` : ''}` };
  return `${d.y}-${pad(month)}-${pad(day)}`;
}
