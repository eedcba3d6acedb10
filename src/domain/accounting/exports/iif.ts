// QuickBooks Desktop IIF (research §2.3): tab-separated, TRNS/SPL/ENDTRNS blocks of GENERAL
// JOURNAL, signed AMOUNT (debit positive, each block sums to 0), MM/DD/YYYY dates, CRLF, no
// quoting. A stray tab or newline would break the file, so text loses them; quotes become
// apostrophes (as CiviCRM's exporter does); the vendor goes in NAME on the A/P line only.
import { formatAmount } from '../../money';
import { signedAmount } from '../entry';
import { compactRef } from '../refs';
import type { JournalEntry } from '../types';
import { exportable, fileNameFor, type ExportFile, type ExportOptions } from './batch';
import { regionDate } from './dates';
import { guardFormula } from './injection';

const COLUMNS = ['TRNSID', 'TRNSTYPE', 'DATE', 'ACCNT', 'NAME', 'CLASS', 'AMOUNT', 'DOCNUM', 'MEMO'];
export const IIF_DOCNUM_MAX = 11;
const NAME_MAX = 41;
const MEMO_MAX = 4095;

/** IIF-safe text: one line, no tabs or double quotes, formula-guarded. */
function iifText(s: string, max = MEMO_MAX): string {
  return guardFormula(s.replace(/[\t\r\n]+/g, ' ').replace(/"/g, "'").trim()).slice(0, max);
}

export function iifJournal(all: readonly JournalEntry[], options: ExportOptions): ExportFile {
  const { entries, warnings } = exportable(all, options.batchId);
  const notes: string[] = [];
  const out: string[] = [['!TRNS', ...COLUMNS].join('\t'), ['!SPL', 'SPLID', ...COLUMNS.slice(1)].join('\t'), '!ENDTRNS'];
  for (const e of entries) {
    const doc = compactRef(e.ref, IIF_DOCNUM_MAX);
    if (e.vendorName.length > NAME_MAX) notes.push(`${e.ref}: vendor name longer than ${NAME_MAX} characters is cut for QuickBooks Desktop`);
    e.lines.forEach((l, i) => {
      out.push([
        i === 0 ? 'TRNS' : 'SPL', '', 'GENERAL JOURNAL', regionDate(e.date, 'MM/DD/YYYY'), iifText(l.account),
        l.role === 'AP_VENDOR' ? iifText(e.vendorName, NAME_MAX) : '', '', formatAmount(signedAmount(l), e.baseCurrency),
        iifText(doc), iifText(`${e.ref} ${e.memo}`),
      ].join('\t'));
    });
    out.push('ENDTRNS');
  }
  return {
    format: 'IIF',
    fileName: fileNameFor(options.batchId, '-quickbooks.iif'),
    mimeType: 'text/plain',
    text: out.join('\r\n') + '\r\n',
    journalRefs: entries.map((e) => e.ref),
    warnings,
    notes,
  };
}
