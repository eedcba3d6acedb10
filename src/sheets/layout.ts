// The workbook's tabs and their header rows (DESIGN §3). Code finds a column by its header
// name through these lists, never by a remembered letter, so adding a column is one edit here.
import { ACCOUNTING_SETTINGS, JOURNAL_COLUMNS } from '../domain/accounting';

export const TAB = {
  cases: 'Cases',
  vendors: 'Vendors',
  evidence: 'Evidence',
  journal: 'Journal',
  scorecard: 'Vendor Scorecard',
  audit: 'Audit Log',
  settings: 'Settings',
} as const;

/** Statement tabs are named `Stmt <source> <period>`; reconciliation reports `Recon YYYY-MM`. */
export const STATEMENT_TAB_PREFIX = 'Stmt ';
export const RECON_TAB_PREFIX = 'Recon ';

export const CASE_HEADERS = [
  'Case ID', 'Date Logged', 'Order #', 'Vendor Name', 'Vendor ID', 'Vendor Tag', 'Reason',
  'Reason Detail', 'Refund Amount', 'Currency', 'Status', 'Expected Completion',
  'Actual Completion', 'Evidence', 'Received Amount', 'Received Currency',
  'Matched Transactions', 'Reconciled On', 'Journal Ref', 'Tags', 'Notes', 'Updated At',
  'Updated By',
] as const;
export type CaseHeader = (typeof CASE_HEADERS)[number];

export const VENDOR_HEADERS = [
  'Vendor ID', 'Name', 'Tag', 'Default Currency', 'SLA Days', 'Accounting Contact',
  'AP Account', 'Aliases',
] as const;

export const EVIDENCE_HEADERS = [
  'Case ID', 'Type', 'File Name', 'Drive Link', 'SHA-256', 'Added At', 'Added By',
] as const;

/** `Seq` numbers entries so verification tells a deleted row from an edited one (domain/audit.ts). */
export const AUDIT_HEADERS = [
  'Seq', 'Time', 'User', 'Case ID', 'Action', 'Field', 'Old Value', 'New Value', 'Hash',
] as const;

/** Normalised statement lines (DESIGN §5) followed by the match columns reconciliation writes. */
export const STATEMENT_HEADERS = [
  'Line ID', 'Booking Date', 'Value Date', 'Amount', 'Currency', 'Counterparty',
  'Counterparty Account', 'Reference', 'Description', 'Fee', 'Original Amount',
  'Original Currency', 'Kind', 'Source Row',
  'Match Status', 'Matched Cases', 'Allocated Amount', 'Match Signals',
] as const;

/** Column index (0-based) of a header in a header list; throws if a layout edit broke a caller. */
export function columnIndex<H extends string>(headers: readonly H[], name: H): number {
  const i = headers.indexOf(name);
  if (i < 0) throw new Error(`No column "${name}" in layout`);
  return i;
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const TEXT_FORMAT = '@';
/** Default amount format; rows written by the add-on get their currency's decimals instead. */
export const AMOUNT_FORMAT = '#,##0.00';

/** Cases columns that hold dates (written as `YYYY-MM-DD`, shown with DATE_FORMAT). */
export const CASE_DATE_COLUMNS: readonly CaseHeader[] = ['Date Logged', 'Expected Completion', 'Actual Completion', 'Reconciled On'];
export const CASE_AMOUNT_COLUMNS: readonly CaseHeader[] = ['Refund Amount', 'Received Amount'];

/**
 * Columns only the add-on writes (people get a warning when they edit them by hand). Evidence
 * holds a rich-text link kept apart from ordinary row writes.
 */
export const CASE_SYSTEM_COLUMNS: readonly CaseHeader[] = [
  'Case ID', 'Vendor Tag', 'Evidence', 'Received Amount', 'Received Currency',
  'Matched Transactions', 'Reconciled On', 'Journal Ref', 'Updated At', 'Updated By',
];

/** The Cases number format of a column: text, date or amount. */
export function caseColumnFormat(header: CaseHeader): string {
  if (CASE_DATE_COLUMNS.includes(header)) return DATE_FORMAT;
  if (CASE_AMOUNT_COLUMNS.includes(header)) return AMOUNT_FORMAT;
  return TEXT_FORMAT;
}

/**
 * Settings tab: a Setting/Value table in A:C, the FX rates table in E:G and the reasons list in
 * column I (the Reason dropdown of Cases points at it). People edit values, not the labels.
 */
export const SETTINGS_HEADERS = ['Setting', 'Value', 'Meaning'] as const;
export const FX_HEADERS = ['Currency', 'Rate to Base', 'As Of'] as const;
export const REASONS_HEADER = 'Reasons';
export const SETTINGS_LAYOUT = {
  settingsColumn: 1,
  fxColumn: 5,
  reasonsColumn: 9,
} as const;

/** Setting labels (column A) with their defaults and what they mean; the accounting rows follow. */
export const SETTINGS_DEFAULTS: readonly { key: string; value: string | number; meaning: string }[] = [
  { key: 'Base Currency', value: 'USD', meaning: 'Currency of the books; FX rates convert into it' },
  { key: 'Default SLA Days', value: 14, meaning: 'Days a vendor has to refund when its own SLA is blank' },
  { key: 'Fee Tolerance %', value: 2, meaning: 'A transfer may be short of the case by this share (bank/gateway fees)' },
  { key: 'Fee Tolerance Amount', value: 5, meaning: 'Or by this fixed amount in base currency, whichever is larger' },
  { key: 'FX Tolerance %', value: 3, meaning: 'Allowed difference when a transfer is in another currency' },
  { key: 'Date Window Days', value: 90, meaning: 'Transfers count as candidates up to this many days after the log date' },
  { key: 'Export Format', value: 'Generic CSV', meaning: 'Journal export: Xero, QuickBooks Online, IIF, Generic CSV, beancount, hledger (blank: Generic CSV)' },
  // Accounts map, credit side, export date order, Xero tax rate (domain/accounting/accounts.ts).
  ...ACCOUNTING_SETTINGS,
];
export const SETTING = {
  baseCurrency: 'Base Currency',
  defaultSlaDays: 'Default SLA Days',
  feeTolerancePct: 'Fee Tolerance %',
  feeToleranceAmount: 'Fee Tolerance Amount',
  fxTolerancePct: 'FX Tolerance %',
  dateWindowDays: 'Date Window Days',
  exportFormat: 'Export Format',
} as const;

/**
 * Journal: one row per journal line (domain/accounting/journalRows.ts). The first eleven are the
 * original tab; the last six (Account Code, Account Role, Original Amount, Original Currency,
 * FX Rate, Source Ref) let a posted entry be reversed and exported exactly as it was posted.
 */
export const JOURNAL_HEADERS = JOURNAL_COLUMNS;

export const SCORECARD_HEADERS = [
  'Vendor ID', 'Vendor Name', 'Tag', 'Cases', 'Open Cases', 'Open Amount (base)',
  'Refunded (base)', 'Median Days to Refund', 'P90 Days to Refund', 'On-time %', 'Dispute %',
  'Rejection %', 'Top Reason',
] as const;

/** Description marking the protections and rules setupWorkbook owns (so a re-run finds them). */
export const PROTECTION_PREFIX = 'Refund Case Log: ';
