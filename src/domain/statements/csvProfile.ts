// What a CSV profile is: a small object naming a layout's columns and its few quirks; one
// shared pipeline (csv.ts) does the rest. Like beancount's importer protocol: identify (by
// header cells or, for headerless files, by the shape of the first rows), extract, date.
import type { Decimal } from '../money';
import type { DateOrder } from './dates';
import type { DecimalMark } from './numbers';
import type { ColumnMapping, DraftLine } from './types';

export interface RowView {
  /** 1-based spreadsheet row. */
  row: number;
  /** Cell under a header name (as printed, or "Name #2" for a repeated one); '' if none. */
  get(name: string): string;
}

export interface CsvProfile {
  id: string;
  label: string;
  /** Used in the tab name and the Line ID fingerprint. */
  source: string;
  /** Header cells that identify the layout (compared without case and spacing); all must be present. */
  headers?: string[];
  /** For headerless exports: column names to give, and a test on the first data rows. */
  headerless?: { columns: string[]; test: (rows: string[][]) => boolean };
  mapping: ColumnMapping;
  dateOrder?: DateOrder;
  decimalMark?: DecimalMark;
  /** Currency when the file has no currency column. */
  currency?: string;
  /** A positive amount is money out (card exports). */
  signConvention?: 'natural' | 'spend-positive';
  /** Direction words, compared without case and spacing. Neutral words leave the sign to `neutralSign`. */
  direction?: { credit: string[]; debit: string[]; neutral?: string[] };
  /** Sign for a row whose direction is neutral (支付宝 不计收支, WeChat "/"): +1 in, -1 out. */
  neutralSign?: (row: RowView) => 1 | -1;
  /** Rows that are not transactions (sub-totals, notes). */
  skipRow?: (row: RowView) => boolean;
  /** Profile-specific fields: kind, fee inside a text, net vs gross. May return an error. */
  refine?: (line: DraftLine, row: RowView) => string | void;
  /** File-level work once every line is read: linking conversion pairs, counting fees once. */
  finish?: (lines: DraftLine[], rows: RowView[]) => void;
  /** Extra lines a row stands for (a Stripe charge's refunded part). */
  extraLines?: (line: DraftLine, row: RowView, parse: (text: string) => Decimal | null) => DraftLine[];
}
