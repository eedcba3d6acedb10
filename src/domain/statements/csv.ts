// The one pipeline every CSV profile goes through: find the header (after any preamble), pick
// the profile, decide the date order and each amount column's decimal mark for the whole file,
// then read every row into a draft line or a row-numbered error.
import { Decimal } from '../money';
import { isCurrencyCode, minorUnits } from '../currency';
import { decideDateOrder, looksLikeDate, toIsoDate, type OrderDecision } from './dates';
import { addCellVote, cellDecimal, decideFromVotes, newCellAmount, parseAmountCell, readCellAmount, type CellAmount, type ColumnMark, type DecimalMark, type MarkVotes } from './numbers';
import { headerKey, readTable, uniqueHeaders, type Table } from './table';
import { guessMapping } from './genericMapping';
import type { CsvProfile, RowView } from './csvProfile';
import type { ColumnMapping, DraftLine, ImportOptions, RowError, SavedProfile } from './types';

export interface CsvRead {
  profile: CsvProfile | null;
  delimiter: string;
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping | null;
  dateOrder: OrderDecision | null;
  numberFormats: Record<string, ColumnMark>;
  drafts: DraftLine[];
  errors: RowError[];
  warnings: string[];
  needsDateOrder: boolean;
  needsMapping: boolean;
  /** First data rows as printed, for the preview. */
  sample: string[][];
}

const HEADER_SCAN = 60;
const CURRENCY_WORDS: Record<string, string> = {
  人民币: 'CNY', 人民幣: 'CNY', rmb: 'CNY', 美元: 'USD', 港币: 'HKD', 港幣: 'HKD', 欧元: 'EUR', 日元: 'JPY', 英镑: 'GBP',
  '¥': 'CNY', '€': 'EUR', '£': 'GBP', '$': 'USD',
};
const PENDING = /^(pending|vorgemerkt|umsatz vorgemerkt|in progress|processing|等待.*|处理中|未入账|authori[sz]ed|on hold)$/i;
const CLOSED = /^(closed|failed|declined|denied|cancell?ed|reverted|expired|交易关闭|已关闭|支付失败|已全额退款)$/i;
const SUMMARY = /合计|總計|总计|^total\b|^totals?:|^summe|^sum$|^saldo|^closing balance|^opening balance/i;

/** A data row; one small object per row, its lookup shared through the prototype. */
class TableRow implements RowView {
  constructor(readonly row: number, private readonly cells: string[], private readonly col: (name: string) => number) {}
  get(name: string): string {
    const j = this.col(name);
    return j >= 0 ? this.cells[j] ?? '' : '';
  }
}

/** What a released table row is replaced by. */
const NO_CELLS: string[] = [];

/** The cell at a column index, '' past the row's end or for a column the file lacks (-1). */
function cellAt(cells: string[], j: number): string {
  return j >= 0 ? cells[j] ?? '' : '';
}

/** Whether any cell of the row is non-empty. */
function hasContent(cells: string[]): boolean {
  for (let j = 0; j < cells.length; j++) if (cells[j] !== '') return true;
  return false;
}

/** The first `n` rows with a non-empty cell (no pass over the rest of a long file). */
function firstNonEmptyRows(rows: string[][], n: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < rows.length && out.length < n; i++) if (hasContent(rows[i])) out.push(rows[i]);
  return out;
}

/**
 * A file cut off in transfer or by a size limit ends inside its last record: that record has
 * fewer fields than its peers, or a quoted field that never closes. The width expected is the
 * mode of the other data rows (a header may be wider than its data, e.g. PayPal ES's empty
 * header columns), and a short row counts only when it lacks a column some peer fills (trailing
 * columns every peer leaves empty prove nothing). With no peer, the header's named columns are
 * the reference. A cut inside an unquoted last field cannot be seen and is not claimed.
 */
export function cutOffRow(table: Table, data: number[], headerRow: number): RowError | null {
  const rows = table.rows;
  // A quote still open at the end of the file: the record holding it was cut (or a stray quote
  // swallowed the rest of the file); either way its rows cannot be read.
  const open = table.unclosedQuoteRow ?? -1;
  if (open > headerRow && (!data.length || open >= data[data.length - 1])) return { row: open + 1, message: 'a quoted field never closes — the file looks cut off' };
  if (!data.length) return null;
  const last = data[data.length - 1];
  const cells = rows[last];
  const n = cells.length;
  let expected = 0;
  if (data.length > 1) {
    const freq = new Map<number, number>();
    let mode = 0;
    let modeCount = 0;
    for (let di = 0; di < data.length - 1; di++) {
      const w = rows[data[di]].length;
      const f = (freq.get(w) ?? 0) + 1;
      freq.set(w, f);
      if (f > modeCount || (f === modeCount && w > mode)) { mode = w; modeCount = f; }
    }
    if (n < mode) {
      // A missing column counts if any peer has something in it.
      let filled = false;
      for (let di = 0; di < data.length - 1 && !filled; di++) {
        const peer = rows[data[di]];
        for (let j = n; j < mode && j < peer.length; j++) if (peer[j] !== '') { filled = true; break; }
      }
      if (filled) expected = mode;
    }
  } else if (headerRow >= 0) {
    const header = rows[headerRow];
    let named = 0;
    for (let j = 0; j < header.length; j++) if (header[j] !== '') named = j + 1;
    if (n < named) expected = named;
  }
  return expected ? { row: last + 1, message: `only ${n} of ${expected} fields — the file looks cut off` } : null;
}

export function normaliseCurrency(raw: string): string {
  const t = raw.trim();
  if (!t) return '';
  const word = CURRENCY_WORDS[t] ?? CURRENCY_WORDS[t.toLowerCase()];
  if (word) return word;
  return t.toUpperCase();
}

function profileFromSaved(s: SavedProfile): CsvProfile {
  return {
    id: `saved:${s.name}`, label: s.name, source: s.name, headers: s.headers, mapping: s.mapping,
    dateOrder: s.dateOrder, decimalMark: s.decimalMark, currency: s.currency, signConvention: s.signConvention,
  };
}

/** The profile and header row of a table; null profile when nothing fits. */
export function identify(table: Table, profiles: CsvProfile[], options: ImportOptions): { profile: CsvProfile | null; headerRow: number; guessed: boolean } {
  const scan = table.rows.slice(0, HEADER_SCAN);
  const rowKeys = scan.map((r) => new Set(r.map(headerKey)));
  const withHeaders = (p: CsvProfile): number => {
    const need = (p.headers ?? []).map(headerKey);
    return rowKeys.findIndex((keys) => need.length > 0 && need.every((k) => keys.has(k)));
  };
  if (options.mapping) {
    const m = options.mapping;
    const needed = [m.date, m.amount ?? m.debit].filter((x): x is string => !!x).map(headerKey);
    const headerless = needed.every((k) => /^column \d+$/.test(k));
    const custom: CsvProfile = {
      id: 'custom', label: options.sourceName ? `Custom mapping “${options.sourceName}”` : 'Custom mapping', source: options.sourceName || 'CSV', mapping: m,
      dateOrder: options.dateOrder, decimalMark: options.decimalMark, currency: options.currency, signConvention: options.signConvention,
    };
    if (headerless) {
      const width = Math.max(...table.rows.slice(0, 20).map((r) => r.length));
      custom.headerless = { columns: Array.from({ length: width }, (_, i) => `Column ${i + 1}`), test: () => true };
      return { profile: custom, headerRow: -1, guessed: false };
    }
    const at = rowKeys.findIndex((keys) => needed.every((k) => keys.has(k)));
    return { profile: at >= 0 ? custom : null, headerRow: at, guessed: false };
  }
  const all = [...(options.savedProfiles ?? []).map(profileFromSaved), ...profiles];
  const forced = options.profile ? all.filter((p) => p.id === options.profile) : null;
  const pool = forced && forced.length ? forced : all;
  let best: { profile: CsvProfile; headerRow: number; score: number } | null = null;
  for (const p of pool) {
    if (p.headers) {
      const at = withHeaders(p);
      const score = p.headers.length + (p.id.startsWith('saved:') ? 100 : 0);
      if (at >= 0 && (!best || score > best.score)) best = { profile: p, headerRow: at, score };
    } else if (p.headerless) {
      const firstRows = firstNonEmptyRows(table.rows, 5);
      if (firstRows.length && p.headerless.test(firstRows) && !best) best = { profile: p, headerRow: -1, score: 0 };
    }
  }
  if (best) return { profile: best.profile, headerRow: best.headerRow, guessed: false };
  // No known layout: the row whose words best name the columns, if it names date and amount.
  let guess: { mapping: ColumnMapping; row: number; score: number } | null = null;
  scan.forEach((r, i) => {
    const g = guessMapping(uniqueHeaders(r));
    if (g.mapping && (!guess || g.score > guess.score)) guess = { mapping: g.mapping, row: i, score: g.score };
  });
  if (guess) {
    const g = guess as { mapping: ColumnMapping; row: number; score: number };
    return {
      profile: { id: 'generic', label: 'Generic CSV (columns guessed from the header)', source: 'CSV', mapping: g.mapping, currency: options.currency, dateOrder: options.dateOrder, decimalMark: options.decimalMark, signConvention: options.signConvention },
      headerRow: g.row,
      guessed: true,
    };
  }
  return { profile: null, headerRow: -1, guessed: false };
}

/**
 * For an unknown layout: the first row as wide as most rows whose cells are words (a header),
 * or "Column N" names when the first wide row is already data (a headerless file).
 */
export function likelyHeader(table: Table): { row: number; headers: string[] } {
  const scan = table.rows.slice(0, HEADER_SCAN);
  const widths = new Map<number, number>();
  for (const r of scan) { const n = r.filter((c) => c !== '').length; if (n > 1) widths.set(n, (widths.get(n) ?? 0) + 1); }
  let mode = 0;
  let best = 0;
  for (const [n, f] of widths) if (f > best || (f === best && n > mode)) { mode = n; best = f; }
  const i = scan.findIndex((r) => r.filter((c) => c !== '').length >= Math.max(2, Math.ceil(mode * 0.8)));
  if (i < 0) return { row: -1, headers: [] };
  const looksLikeData = scan[i].some((c) => looksLikeDate(c) || /^[-+(]?[$€£¥]?\d[\d.,' ]*\)?$/.test(c));
  if (looksLikeData) {
    const width = Math.max(...scan.map((r) => r.length));
    return { row: -1, headers: Array.from({ length: width }, (_, k) => `Column ${k + 1}`) };
  }
  return { row: i, headers: uniqueHeaders(scan[i]) };
}

function descriptionColumns(m: ColumnMapping): string[] {
  return m.description === undefined ? [] : Array.isArray(m.description) ? m.description : [m.description];
}

export function readCsv(text: string, profiles: CsvProfile[], options: ImportOptions): CsvRead {
  const table = readTable(text);
  const { profile, headerRow, guessed } = identify(table, profiles, options);
  const warnings: string[] = [];
  const errors: RowError[] = [];
  const base: CsvRead = {
    profile, delimiter: table.delimiter, headerRow: headerRow + 1, headers: [], mapping: profile?.mapping ?? null,
    dateOrder: null, numberFormats: {}, drafts: [], errors, warnings, needsDateOrder: false, needsMapping: false,
    sample: firstNonEmptyRows(table.rows, 12),
  };
  if (!profile) {
    // Offer the likely header row (or "Column N" names) to map from.
    const guess = likelyHeader(table);
    base.headers = guess.headers;
    base.headerRow = guess.row + 1;
    base.needsMapping = true;
    errors.push({ row: 0, message: 'Unknown layout: no header row names a date and an amount column. Map the columns.' });
    return base;
  }
  if (guessed) warnings.push('Layout not recognised; columns guessed from the header words. Check the mapping.');
  const headers = profile.headerless ? profile.headerless.columns : uniqueHeaders(table.rows[headerRow]);
  base.headers = headers;
  const index = new Map<string, number>();
  headers.forEach((h, i) => { if (!index.has(headerKey(h))) index.set(headerKey(h), i); });
  const m = profile.mapping;
  const colCache = new Map<string, number>();
  const col = (name: string | undefined): number => {
    if (name === undefined) return -1;
    let i = colCache.get(name);
    if (i === undefined) { i = index.get(headerKey(name)) ?? -1; colCache.set(name, i); }
    return i;
  };
  const missing = (['date', 'valueDate', 'amount', 'debit', 'credit', 'direction', 'currency', 'counterparty', 'counterpartyAccount', 'reference', 'fee', 'status', 'originalAmount', 'originalCurrency'] as const)
    .filter((k) => m[k] !== undefined && col(m[k]) < 0).map((k) => `${k} → "${m[k]}"`);
  for (const d of descriptionColumns(m)) if (col(d) < 0) missing.push(`description → "${d}"`);
  if (missing.length) {
    base.needsMapping = true;
    errors.push({ row: headerRow + 1, message: `The header has no column for ${missing.join(', ')}` });
    return base;
  }
  if (m.amount === undefined && (m.debit === undefined || m.credit === undefined)) {
    base.needsMapping = true;
    errors.push({ row: 0, message: 'Map an amount column, or both a debit and a credit column' });
    return base;
  }

  // ---- the data rows ----
  // Column roles are looked up once. Data rows are kept as indices into the table: no object per
  // row is retained (a profile callback gets a view made for that moment).
  const rows = table.rows;
  const jDate = col(m.date);
  const jValueDate = col(m.valueDate);
  const data: number[] = [];
  for (let i = headerRow + 1; i < rows.length; i++) {
    const cells = rows[i];
    if (!hasContent(cells)) continue;
    if (profile.skipRow && profile.skipRow(new TableRow(i + 1, cells, col))) continue;
    const dateCell = cellAt(cells, jDate);
    const first = cells[0] ?? '';
    if ((SUMMARY.test(first) || (dateCell !== first && SUMMARY.test(dateCell))) && !looksLikeDate(dateCell) && !PENDING.test(dateCell)) continue;
    data.push(i);
  }
  const cutRow = cutOffRow(table, data, headerRow);
  if (cutRow) {
    errors.push(cutRow);
    // The cut record is reported once, not read as a line.
    if (data.length && data[data.length - 1] === cutRow.row - 1) data.pop();
  }

  // ---- one date order for the whole file ----
  // Only the first row of each distinct date text matters (decideDateOrder reports first rows),
  // and statements repeat a date hundreds of times: collect each text once, in file order.
  // Rows come sorted by date, so a text equal to the previous one is skipped without a lookup.
  const firstRowOf = new Map<string, number>();
  let prevDate: string | null = null;
  let prevValue: string | null = null;
  for (let di = 0; di < data.length; di++) {
    const i = data[di];
    const t = cellAt(rows[i], jDate);
    if (t !== prevDate) { prevDate = t; if (!firstRowOf.has(t)) firstRowOf.set(t, i + 1); }
    if (m.valueDate) {
      const t2 = cellAt(rows[i], jValueDate);
      if (t2 !== prevValue) { prevValue = t2; if (!firstRowOf.has(t2)) firstRowOf.set(t2, i + 1); }
    }
  }
  const dateCells: { row: number; text: string }[] = [];
  for (const [text, r] of firstRowOf) dateCells.push({ row: r, text });
  const order = decideDateOrder(dateCells, profile.dateOrder, options.dateOrder);
  base.dateOrder = order;
  if (order.how === 'ambiguous') {
    base.needsDateOrder = true;
    errors.push({ row: 0, message: 'Every date in this file could be day/month or month/day (e.g. 05/01/2023). Choose the date order.' });
    return base;
  }
  if (order.how === 'conflict' && order.conflict) {
    errors.push({ row: order.conflict.dayFirstRow, message: 'This date is day/month/year…' });
    errors.push({ row: order.conflict.monthFirstRow, message: '…but this one is month/day/year: the file mixes date orders' });
    return base;
  }

  // ---- one decimal mark per amount column, the file's mark for columns that do not say ----
  const moneyColumns = (['amount', 'debit', 'credit', 'fee', 'originalAmount'] as const).map((k) => m[k]).filter((c): c is string => !!c);
  // One pass per amount column collects its votes; no per-cell objects are kept (100k-line files).
  const votesOf = new Map<string, MarkVotes>();
  for (const c of moneyColumns) {
    const votes: MarkVotes = { dot: [], comma: [], ambiguous: 0 };
    const j = col(c);
    for (let di = 0; di < data.length; di++) addCellVote(votes, data[di] + 1, cellAt(rows[data[di]], j));
    votesOf.set(c, votes);
  }
  const declared: DecimalMark | undefined = options.decimalMark ?? profile.decimalMark;
  const fixedCurrency = options.currency ?? profile.currency;
  const currencyDecimals = fixedCurrency && isCurrencyCode(fixedCurrency) ? minorUnits(fixedCurrency) : undefined;
  const first: Record<string, ColumnMark> = {};
  const tally = { '.': 0, ',': 0 };
  for (const c of moneyColumns) {
    first[c] = decideFromVotes(votesOf.get(c)!, declared, undefined, currencyDecimals);
    if (first[c].how === 'column') tally[first[c].mark]++;
  }
  const fileMark: DecimalMark | undefined = tally['.'] || tally[','] ? (tally['.'] >= tally[','] ? '.' : ',') : table.delimiter === ';' ? ',' : undefined;
  const marks: Record<string, ColumnMark> = {};
  for (const c of moneyColumns) {
    marks[c] = first[c].how === 'column' || first[c].how === 'declared' ? first[c] : decideFromVotes(votesOf.get(c)!, declared, fileMark, currencyDecimals);
    for (const r of marks[c].conflictRows) {
      errors.push({ row: r, message: `"${cellAt(rows[r - 1], col(c))}" in column "${c}" uses a different decimal mark from the rest of the column ("${marks[c].mark}")` });
    }
  }
  base.numberFormats = marks;
  const conflictRows = new Set(Object.values(marks).flatMap((mk) => mk.conflictRows));

  // ---- rows to draft lines ----
  // Statements repeat the same dates hundreds of times: read each distinct text once.
  // The last text read is remembered too: consecutive rows usually share their dates.
  const isoSeen = new Map<string, ReturnType<typeof toIsoDate>>();
  let isoLastText: string | null = null;
  let isoLast: ReturnType<typeof toIsoDate> = '';
  const isoCached = (text: string) => {
    if (text === isoLastText) return isoLast;
    let r = isoSeen.get(text);
    if (r === undefined) { r = toIsoDate(text, order.order); isoSeen.set(text, r); }
    isoLastText = text; isoLast = r;
    return r;
  };
  const descCols = descriptionColumns(m);
  const dir = profile.direction;
  const dirKey = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  const creditWords = new Set((dir?.credit ?? ['c', 'cr', 'credit', '收入', 'in', 'inflow', '+', 'haben', 'bij']).map(dirKey));
  const debitWords = new Set((dir?.debit ?? ['d', 'dr', 'debit', '支出', 'out', 'outflow', '-', 'soll', 'af']).map(dirKey));
  const neutralWords = new Set((dir?.neutral ?? ['/', '不计收支']).map(dirKey));
  const currencyOf = new Map<string, string>();
  let currencyLastRaw: string | null = null;
  let currencyLast = '';
  const currencyCached = (raw: string) => {
    if (raw === currencyLastRaw) return currencyLast;
    let c = currencyOf.get(raw);
    if (c === undefined) { c = normaliseCurrency(raw); currencyOf.set(raw, c); }
    currencyLastRaw = raw; currencyLast = c;
    return c;
  };
  const spendPositive = (options.signConvention ?? profile.signConvention) === 'spend-positive';
  const markOf = (name: string | undefined): DecimalMark => (name ? marks[name]?.mark ?? '.' : '.');
  const at = (name: string | undefined): number => (name ? col(name) : -1);
  const jAmount = at(m.amount); const jDebit = at(m.debit); const jCredit = at(m.credit);
  const jFee = at(m.fee); const jOriginal = at(m.originalAmount);
  const markAmount = markOf(m.amount); const markDebit = markOf(m.debit); const markCredit = markOf(m.credit);
  const markFee = markOf(m.fee); const markOriginal = markOf(m.originalAmount);
  const jDirection = at(m.direction); const jCurrency = at(m.currency); const jStatus = at(m.status);
  const jCounterparty = at(m.counterparty); const jAccount = at(m.counterpartyAccount); const jReference = at(m.reference);
  const jOriginalCurrency = at(m.originalCurrency);
  const descIdx = descCols.map((c) => col(c));
  const noErrors: string[] = [];
  // One reusable state for the row being read (no closure or object per row: 100k-line files).
  const row = { cells: [] as string[], no: 0, view: null as TableRow | null, currency: '', errors: noErrors };
  const viewOf = (): TableRow => row.view ?? (row.view = new TableRow(row.no, row.cells, col));
  const fail = (message: string) => { if (row.errors === noErrors) row.errors = []; row.errors.push(message); };
  // Each amount cell is read once into a reusable slot; a Decimal is made only for what the line keeps.
  const slotAmount = newCellAmount(); const slotDebit = newCellAmount(); const slotCredit = newCellAmount();
  const slotFee = newCellAmount(); const slotOriginal = newCellAmount();
  const read = (j: number, mark: DecimalMark, slot: CellAmount): CellAmount | null => {
    const r = readCellAmount(cellAt(row.cells, j), mark, row.currency || fixedCurrency || '', slot);
    if (typeof r === 'string') { fail(r); return null; }
    if (r.kind === 'empty') return null;
    if (r.currency && !row.currency) row.currency = r.currency;
    return r;
  };
  // Credit less debit: money in is the credit, money out minus the debit; both printed: their difference.
  const creditLessDebit = (): Decimal | null => {
    const debit = m.debit ? read(jDebit, markDebit, slotDebit) : null;
    const credit = m.credit ? read(jCredit, markCredit, slotCredit) : null;
    if (debit === null || debit.zero) return credit === null ? (debit === null ? null : cellDecimal(debit, 'as-is')) : cellDecimal(credit, 'abs');
    if (credit === null || credit.zero) return cellDecimal(debit, 'minus-abs');
    return cellDecimal(credit, 'abs').minus(cellDecimal(debit, 'abs'));
  };
  let lastValidCode = ''; // the last currency found valid (rows repeat one or two codes)
  // A row read is let go (unless the profile's finish needs the rows): a collection during a
  // 100k-line import then has only the rows still to read to trace, not the whole table.
  const release = !profile.finish;
  for (let di = 0; di < data.length; di++) {
    const cells = rows[data[di]];
    if (release) rows[data[di]] = NO_CELLS;
    const rowNo = data[di] + 1;
    if (conflictRows.has(rowNo)) continue; // already reported
    row.cells = cells; row.no = rowNo; row.view = null; row.errors = noErrors;
    const dateCell = cellAt(cells, jDate);
    let bookingDate = '';
    let pending = false;
    const d0 = isoCached(dateCell);
    if (typeof d0 === 'string') bookingDate = d0;
    else if (PENDING.test(dateCell)) pending = true;
    else fail(d0.error);
    let valueDate = bookingDate;
    if (m.valueDate) {
      const valueCell = cellAt(cells, jValueDate);
      if (valueCell) {
        const d = isoCached(valueCell);
        if (typeof d === 'string') valueDate = d; else fail(d.error);
      }
    }
    row.currency = m.currency ? currencyCached(cellAt(cells, jCurrency)) : '';
    let amount: Decimal | null = null;
    if (m.amount) {
      const a = read(jAmount, markAmount, slotAmount);
      amount = a ? cellDecimal(a, 'as-is') : null;
      if (amount === null && m.debit && m.credit) amount = creditLessDebit();
    } else {
      amount = creditLessDebit();
    }
    if (amount === null && row.errors === noErrors) fail('no amount');
    if (amount !== null && m.direction) {
      const word = dirKey(cellAt(cells, jDirection));
      if (creditWords.has(word)) amount = amount.abs();
      else if (debitWords.has(word)) amount = amount.abs().negated();
      else if (neutralWords.has(word) || word === '') amount = profile.neutralSign ? amount.abs().times(profile.neutralSign(viewOf())) : amount;
      else fail(`"${cellAt(cells, jDirection)}" in column "${m.direction}" is not a direction this profile knows`);
    }
    if (amount !== null && spendPositive) amount = amount.negated();
    let currency = row.currency || fixedCurrency || '';
    if (!currency) fail('no currency: the file names none; choose one');
    else if (currency !== lastValidCode) { if (isCurrencyCode(currency)) lastValidCode = currency; else fail(`"${currency}" is not a currency code`); }
    let fee: Decimal | null = null;
    if (m.fee) { const f = read(jFee, markFee, slotFee); fee = f && !f.zero ? cellDecimal(f, 'abs') : null; }
    let originalAmount: Decimal | null = null;
    if (m.originalAmount) { const o = read(jOriginal, markOriginal, slotOriginal); originalAmount = o ? cellDecimal(o, 'as-is') : null; }
    const status = m.status ? cellAt(cells, jStatus) : '';
    if (row.errors !== noErrors) { errors.push({ row: rowNo, message: row.errors.join('; ') }); continue; }
    currency = row.currency || currency;
    const a = amount as Decimal;
    let description = '';
    for (let k = 0; k < descIdx.length; k++) { const t = cellAt(cells, descIdx[k]); if (t !== '') description = description ? `${description} · ${t}` : t; }
    const draft: DraftLine = {
      lineId: '',
      bookingDate,
      valueDate,
      amount: a,
      currency,
      counterparty: m.counterparty ? cellAt(cells, jCounterparty) : '',
      counterpartyAccount: m.counterpartyAccount ? cellAt(cells, jAccount) : '',
      reference: m.reference ? cellAt(cells, jReference) : '',
      description,
      fee,
      originalAmount,
      originalCurrency: m.originalCurrency ? currencyCached(cellAt(cells, jOriginalCurrency)) : '',
      kind: pending || (status !== '' && PENDING.test(status)) ? 'pending' : status !== '' && CLOSED.test(status) ? 'closed' : a.isNegative() ? 'debit' : 'credit',
      sourceRow: rowNo,
    };
    const problem = profile.refine ? profile.refine(draft, viewOf()) : undefined;
    if (typeof problem === 'string') { errors.push({ row: rowNo, message: problem }); continue; }
    base.drafts.push(draft);
    if (profile.extraLines) {
      const parse = (t: string) => { const r = parseAmountCell(t, '.', currency); return r && typeof r !== 'string' ? r.value : null; };
      base.drafts.push(...profile.extraLines(draft, viewOf(), parse));
    }
  }
  if (profile.finish) profile.finish(base.drafts, data.map((i) => new TableRow(i + 1, rows[i], col)));
  if (!data.length && !cutRow) errors.push({ row: headerRow + 1, message: 'No transaction rows after the header' });
  return base;
}
