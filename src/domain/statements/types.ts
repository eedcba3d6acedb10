// Shapes shared by the statement parsers, the profiles and the use cases.
import type { Decimal } from '../money';
import type { LineKind, StatementLine } from './line';
import type { Charset, EncodingGuess } from './encoding';
import type { DateOrder, OrderDecision } from './dates';
import type { ColumnMark, DecimalMark } from './numbers';

export interface RowError {
  /** 1-based row (record) of the file as a spreadsheet shows it, or the record number of a structured file. */
  row: number;
  message: string;
}

/** Which file column (by header name as printed, or "Column 3" for headerless files) plays which part. */
export interface ColumnMapping {
  date: string;
  valueDate?: string;
  /** One signed amount column... */
  amount?: string;
  /** ...or separate money-out / money-in columns. */
  debit?: string;
  credit?: string;
  /** A column saying which way the money went (收/支, C/D, Credit/Debit). */
  direction?: string;
  currency?: string;
  counterparty?: string;
  counterpartyAccount?: string;
  reference?: string;
  /** Several columns are joined with " · ". */
  description?: string | string[];
  fee?: string;
  status?: string;
  originalAmount?: string;
  originalCurrency?: string;
}

export interface ImportOptions {
  /** Force a profile by id (the dialog's choice); otherwise detected from content. */
  profile?: string;
  /** A column mapping for a layout we do not know (makes a 'custom' profile). */
  mapping?: ColumnMapping;
  dateOrder?: DateOrder;
  decimalMark?: DecimalMark;
  /** Currency of lines whose file names none. */
  currency?: string;
  /** 'spend-positive' for card exports where a positive amount is money out. */
  signConvention?: 'natural' | 'spend-positive';
  charset?: Charset;
  /** Source name for a custom mapping (the profile name it is being saved under): Line IDs
   *  depend on the source, so the file imported now and recognised later by that profile match. */
  sourceName?: string;
  /** Saved profiles (from the Import Profiles tab) tried before the generic one. */
  savedProfiles?: SavedProfile[];
}

/** A user's mapping saved under a name, recognised next time by its header row. */
export interface SavedProfile {
  name: string;
  headers: string[];
  mapping: ColumnMapping;
  dateOrder?: DateOrder;
  decimalMark?: DecimalMark;
  currency?: string;
  signConvention?: 'natural' | 'spend-positive';
}

/** A line before its Line ID is known (IDs need the whole file: occurrence indexes). */
export type DraftLine = Omit<StatementLine, 'lineId'> & { fee: Decimal | null; lineId?: string };

export interface ParsedStatement {
  format: 'csv' | 'ofx' | 'camt.053' | 'camt.054' | 'mt940';
  profileId: string;
  profileLabel: string;
  /** Short name of the source for the tab name and the Line ID ("PayPal", "ING DE", "MT940 50880050"). */
  source: string;
  account: string;
  encoding: EncodingGuess | null;
  delimiter: string;
  /** 1-based row of the header, 0 when none. */
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping | null;
  dateOrder: OrderDecision | null;
  numberFormats: Record<string, ColumnMark>;
  lines: StatementLine[];
  errors: RowError[];
  warnings: string[];
  /** First and last booking date, '' if none. */
  period: { from: string; to: string };
  /** True when the file cannot be read until the user picks a date order. */
  needsDateOrder: boolean;
  /** True when no profile matched and no mapping was given: the user must map columns. */
  needsMapping: boolean;
  /** The first non-empty rows as printed (CSV), for the mapping screen. */
  sampleRows: string[][];
}

export type { LineKind };
