// The workbook's tabs and their header rows (DESIGN §3). Code finds a column by its header
// name through these lists, never by a remembered letter, so adding a column is one edit here.

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

export const AUDIT_HEADERS = [
  'Time', 'User', 'Case ID', 'Action', 'Field', 'Old Value', 'New Value', 'Hash',
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
