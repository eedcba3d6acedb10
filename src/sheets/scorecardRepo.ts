// The `Vendor Scorecard` tab: the scorecard (domain/scorecard.ts) laid out as one block and
// written with one setValues after the old content is cleared.
//
// Layout: row 1 is the ranked vendor table's header, because Set up workbook checks that row 1
// holds SCORECARD_HEADERS (layout.ts) and freezes one row; with the table anywhere else a re-run
// of setup would append those headers to row 1 again. So the "as of" block (date, zone, base
// currency, FX rates used and missing) sits in A:B, visible in the frozen row, column C is a
// gap, the vendor table starts in column D, and the per-tag table follows the vendor table
// after a blank row, in the same columns (Tag and Vendors in the Vendor ID / Name slots).
//
//   scorecardBlock(card, meta)     pure: values, number formats and header rows
//   writeScorecard(ss, card, meta) clear + one block write + header formatting
import { toSheetNumber, Decimal } from '../domain/money';
import { amountFormat } from '../domain/caseCells';
import type { CurrencyAmount, Rate, Scorecard, ScorecardMetrics } from '../domain/scorecard';
import { TAB, TEXT_FORMAT } from './layout';
import { requireSheet } from './tabs';
import { Cell, writeBlock } from './writer';

export interface ScorecardMeta {
  zone: string;
  /** ISO timestamp of the refresh. */
  time: string;
}

export interface ScorecardBlock {
  values: Cell[][];
  formats: string[][];
  /** 1-based sheet rows holding a table header (the vendor table's is row 1). */
  headerRows: number[];
  /** 1-based first column of the tables. */
  tableColumn: number;
  tableWidth: number;
  infoRows: number;
}

const HEADER_BACKGROUND = '#e8eaed';
const TABLE_COLUMN = 4; // D: A:B the as-of block, C a gap
const COUNT = '0';
const DAYS = '0.0';
const PERCENT = '0.0%';

/** Vendor-table columns; every name of SCORECARD_HEADERS is among them (checked by a test). */
export function vendorHeaders(months: readonly string[]): string[] {
  return [
    'Rank', 'Vendor ID', 'Vendor Name', 'Tag', 'Cases', 'Open Cases', 'Overdue Open',
    'Burden (base)', 'Open Amount (base)', 'Refunded (base)', 'Not in Base (no FX rate)',
    'Claimed by Currency', 'Open by Currency', 'Refunded by Currency', 'Completed',
    'Median Days to Refund', 'P90 Days to Refund', 'On-time %', 'Dispute %', 'Rejection %',
    'Top Reason', 'Top 3 Reasons', ...months.map((m) => `Cases ${m}`),
  ];
}

const amounts = (list: readonly CurrencyAmount[]): string => list.map((a) => `${a.currency} ${a.amount}`).join('; ');
// The exact ratio (1/3, shown 33.3%), not the rounded pct, so the cell holds what it means.
const pct = (r: Rate): number | string => (r.of ? r.count / r.of : '');

/** The metric cells shared by both tables (from "Cases" on) and their formats. */
function metricCells(m: ScorecardMetrics, base: string): { values: Cell[]; formats: string[] } {
  const money = (s: string) => toSheetNumber(new Decimal(s), base);
  const amt = amountFormat(base);
  const values: Cell[] = [
    m.cases, m.openCases, m.overdueOpen,
    money(m.burdenBase), money(m.openBase), money(m.refundedBase), amounts(m.notInBase),
    amounts(m.claimed), amounts(m.open), amounts(m.refunded), m.completed,
    m.medianDaysToRefund ?? '', m.p90DaysToRefund ?? '', pct(m.onTime), pct(m.disputes), pct(m.rejections),
    m.topReasons[0]?.reason ?? '', m.topReasons.map((r) => `${r.reason} (${r.count})`).join('; '),
    ...m.trend.map((t) => t.count),
  ];
  const formats = [
    COUNT, COUNT, COUNT, amt, amt, amt, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, COUNT,
    DAYS, COUNT, PERCENT, PERCENT, PERCENT, TEXT_FORMAT, TEXT_FORMAT, ...m.trend.map(() => COUNT),
  ];
  return { values, formats };
}

export function scorecardBlock(card: Scorecard, meta: ScorecardMeta): ScorecardBlock {
  const months = card.totals.trend.map((t) => t.month);
  const header = vendorHeaders(months);
  const width = header.length;
  const missing = card.totals.missingRates;
  const info: [string, string | number][] = [
    ['As of', card.asOf],
    ['Base currency', card.baseCurrency],
    ['Time zone', meta.zone],
    ['Refreshed at', meta.time],
    ['Ranked by', 'Burden (base), then open cases'],
    ['Vendors', card.vendors.length],
    ['Cases', card.totals.cases],
    ['Burden (base)', `${card.baseCurrency} ${card.totals.burdenBase}`],
    ['Open amount (base)', `${card.baseCurrency} ${card.totals.openBase}`],
    ['FX rates used', card.ratesUsed.map((r) => `${r.currency} ${r.rate}${r.asOf ? ` (${r.asOf})` : ''}`).join('; ') || 'none'],
    ['Missing FX rates', missing.length ? `${missing.join(', ')}: left out of every (base) figure; see "Not in Base"` : 'none'],
    ['Unreadable cases', card.unreadable.length ? card.unreadable.map((u) => `${u.caseId}: ${u.problem}`).join('; ') : 'none'],
    ['Charts', 'not drawn by this version (the data is in the tables)'],
  ];
  const tableRows: { values: Cell[]; formats: string[] }[] = [];
  const headerRows: number[] = [1];
  tableRows.push({ values: header, formats: header.map(() => TEXT_FORMAT) });
  for (const v of card.vendors) {
    const m = metricCells(v, card.baseCurrency);
    tableRows.push({
      values: [v.rank, v.vendorId, v.knownVendor ? v.vendorName : `${v.vendorName} (not on Vendors tab)`, v.vendorTag, ...m.values],
      formats: [COUNT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, ...m.formats],
    });
  }
  tableRows.push({ values: [], formats: [] });
  headerRows.push(tableRows.length + 1);
  const tagHeader = ['Rank', 'Tag', 'Vendors', '', ...header.slice(4)];
  tableRows.push({ values: tagHeader, formats: tagHeader.map(() => TEXT_FORMAT) });
  if (!card.tags.length) tableRows.push({ values: ['', 'No case has a free tag (Tags column).'], formats: [TEXT_FORMAT, TEXT_FORMAT] });
  card.tags.forEach((t, i) => {
    const m = metricCells(t, card.baseCurrency);
    tableRows.push({ values: [i + 1, t.tag, t.vendors, '', ...m.values], formats: [COUNT, TEXT_FORMAT, COUNT, TEXT_FORMAT, ...m.formats] });
  });
  const height = Math.max(info.length, tableRows.length);
  const full = TABLE_COLUMN - 1 + width;
  const values: Cell[][] = [];
  const formats: string[][] = [];
  for (let r = 0; r < height; r++) {
    const rowV: Cell[] = new Array<Cell>(full).fill('');
    const rowF: string[] = new Array<string>(full).fill(TEXT_FORMAT);
    if (r < info.length) {
      rowV[0] = info[r][0];
      rowV[1] = info[r][1];
      rowF[1] = typeof info[r][1] === 'number' ? COUNT : TEXT_FORMAT;
    }
    const t = tableRows[r];
    if (t) {
      t.values.forEach((v, c) => (rowV[TABLE_COLUMN - 1 + c] = v));
      t.formats.forEach((f, c) => (rowF[TABLE_COLUMN - 1 + c] = f));
    }
    values.push(rowV);
    formats.push(rowF);
  }
  return { values, formats, headerRows, tableColumn: TABLE_COLUMN, tableWidth: width, infoRows: info.length };
}

/** Replaces the tab's content with the scorecard; a fixed number of service calls. */
export function writeScorecard(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, card: Scorecard, meta: ScorecardMeta): { rows: number; columns: number } {
  const sheet = requireSheet(ss, TAB.scorecard);
  const block = scorecardBlock(card, meta);
  const rows = block.values.length;
  const cols = block.values[0].length;
  sheet.clear();
  const maxRows = sheet.getMaxRows();
  const maxCols = sheet.getMaxColumns();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
  writeBlock(sheet.getRange(1, 1, rows, cols), block.values, block.formats);
  for (const r of block.headerRows) {
    sheet.getRange(r, block.tableColumn, 1, block.tableWidth).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  }
  sheet.getRange(1, 1, block.infoRows, 1).setFontWeight('bold');
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  return { rows, columns: cols };
}
