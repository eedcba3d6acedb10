// The accounting core's public surface (DESIGN §6, docs/accounting.md). Pure: no Apps Script,
// no Node; src/server/accounting.ts reads the tabs, calls these, and writes the results.
export { ACCOUNT_ROLES, ACCOUNTING_SETTINGS, CREDIT_ROLES, ROLE_DEFAULTS, SettingsError, accountingSettings, roleType } from './accounts';
export type { AccountRef, AccountRole, AccountType, AccountingSettings, CreditRole, DateOrder } from './accounts';
export { balanceProblem, signedAmount, totals } from './entry';
export { journalFor } from './journal';
export type { JournalInput } from './journal';
export { JOURNAL_COLUMNS, entriesFromJournalRows, journalRows } from './journalRows';
export type { CaseInfo, CaseInfoOf, JournalColumn, JournalRow, JournalRowIn, JournalRowProblem } from './journalRows';
export type { BaseRate } from './rates';
export { compactRef, parseRef } from './refs';
export { liveEntries } from './reversal';
export type { CaseFacts, CaseProblem, JournalEntry, JournalEvent, JournalLine, JournalResult, OriginalAmount, ReceiptFact, ShortPaid } from './types';
export { EXPORT_FORMATS, LINES_PER_FILE, exportFormatOf, exportJournal, exportJournalFiles, partFileName } from './exports';
export type { ExportBatch, ExportFile, ExportFormat, ExportOptions } from './exports';
export { guardFormula } from './exports/injection';
