// Xero manual journal import (research §2.1b; help.xero.com ManualJournalsImport): signed
// Amount (positive = debit), region-order Date, AccountCode by code, a TaxRate name on every
// line. Xero merges rows with the same Narration and Date into one journal, so the Narration
// starts with the Journal Ref, which is unique. Xero refuses manual journals to bank accounts
// and to the A/P system account: map Account Code: Bank / AP–vendor to clearing accounts for
// Xero (docs/accounting.md).
import { formatAmount } from '../../money';
import { signedAmount } from '../entry';
import type { JournalEntry } from '../types';
import { exportable, fileNameFor, type ExportFile, type ExportOptions } from './batch';
import { csvText } from './csv';
import { regionDate } from './dates';
import { guardFormula } from './injection';

export const XERO_JOURNAL_HEADER = [
  '*Narration', '*Date', 'Description', '*AccountCode', '*TaxRate', '*Amount',
  'TrackingName1', 'TrackingOption1', 'TrackingName2', 'TrackingOption2',
] as const;

/** Xero's documented limit per manual-journal file. */
export const XERO_MAX_LINES = 300;

const EVENT_WORDS: Record<JournalEntry['event'], string> = {
  CREDIT_AGREED: 'vendor credit agreed',
  REFUND_RECEIVED: 'refund received',
  WRITE_OFF: 'written off',
  REVERSAL: 'reversal',
};

export function xeroJournalCsv(all: readonly JournalEntry[], options: ExportOptions): ExportFile {
  const { entries, warnings } = exportable(all, options.batchId);
  const s = options.settings;
  const records: string[][] = [];
  for (const e of entries) {
    const narration = guardFormula(`${e.ref} ${e.vendorName} ${EVENT_WORDS[e.event]}`);
    for (const l of e.lines) {
      records.push([narration, regionDate(e.date, s.dateOrder), guardFormula(e.memo), guardFormula(l.code), guardFormula(s.xeroTaxRate), formatAmount(signedAmount(l), e.baseCurrency), '', '', '', '']);
    }
  }
  // exportJournalFiles splits a batch into files of at most XERO_MAX_LINES; called alone, say so.
  const notes = records.length > XERO_MAX_LINES ? [`${records.length} lines: Xero imports at most ${XERO_MAX_LINES} lines per manual-journal file`] : [];
  return {
    format: 'Xero',
    fileName: fileNameFor(options.batchId, '-xero-manual-journal.csv'),
    mimeType: 'text/csv',
    text: csvText(XERO_JOURNAL_HEADER, records),
    journalRefs: entries.map((e) => e.ref),
    warnings,
    notes,
  };
}
