// QuickBooks Online journal entry import (research §2.2a): positive Debits / Credits, one
// JournalNo per entry (≤ 21 characters, so long refs are compacted; the full ref leads the
// Description), account by name (`Parent:Sub`), and the vendor in Name on A/P lines, which is
// what makes the credit vendor-specific in QuickBooks. A BOM keeps non-ASCII names intact.
import { formatAmount } from '../../money';
import { compactRef } from '../refs';
import type { JournalEntry } from '../types';
import { BOM, exportable, fileNameFor, type ExportFile, type ExportOptions } from './batch';
import { csvText } from './csv';
import { regionDate } from './dates';
import { guardFormula } from './injection';

export const QBO_HEADER = ['JournalNo', 'JournalDate', 'Currency', 'AccountName', 'Debits', 'Credits', 'Description', 'Name', 'Location', 'Class'] as const;
export const QBO_JOURNAL_NO_MAX = 21;
const DESCRIPTION_MAX = 4000;
const ROWS_PER_FILE = 1000;

export function qboJournalCsv(all: readonly JournalEntry[], options: ExportOptions): ExportFile {
  const { entries, warnings } = exportable(all, options.batchId);
  const records: string[][] = [];
  for (const e of entries) {
    const no = compactRef(e.ref, QBO_JOURNAL_NO_MAX);
    const description = guardFormula(`${e.ref} ${e.memo}`.slice(0, DESCRIPTION_MAX));
    for (const l of e.lines) {
      records.push([
        guardFormula(no), regionDate(e.date, options.settings.dateOrder), e.baseCurrency, guardFormula(l.account),
        l.debit.isZero() ? '' : formatAmount(l.debit, e.baseCurrency), l.credit.isZero() ? '' : formatAmount(l.credit, e.baseCurrency),
        description, l.role === 'AP_VENDOR' ? guardFormula(e.vendorName) : '', '', '',
      ]);
    }
  }
  // Research §4.5 documents no per-file limit for QBO journal-entry imports (the ~1000 rows it
  // cites are reported for bank-file uploads), so the file is not split; a note says so.
  const notes = records.length > ROWS_PER_FILE
    ? [`${records.length} rows in one file: no limit is documented for QuickBooks Online journal imports (about ${ROWS_PER_FILE} rows per file is reported for bank-file uploads); if QuickBooks refuses the file, tell your administrator`]
    : [];
  return {
    format: 'QuickBooks Online',
    fileName: fileNameFor(options.batchId, '-qbo-journal.csv'),
    mimeType: 'text/csv',
    text: BOM + csvText(QBO_HEADER, records),
    journalRefs: entries.map((e) => e.ref),
    warnings,
    notes,
  };
}
