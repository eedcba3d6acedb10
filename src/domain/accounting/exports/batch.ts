// What every exporter shares: the options, the file it returns, and the rule that only
// balanced entries leave the add-on. An entry that does not balance (a hand-edited Journal
// row) is left out with a warning; it stays unexported and is offered again once fixed.
// An entry already marked with another batch is left out too: the batch marker is what keeps
// a re-export from posting it twice in the accounting package (research §4.7). Re-downloading
// the same batch (its own id) still carries it.
import type { AccountingSettings } from '../accounts';
import { balanceProblem } from '../entry';
import type { JournalEntry } from '../types';

export const EXPORT_FORMATS = ['Generic CSV', 'Xero', 'QuickBooks Online', 'IIF', 'beancount', 'hledger'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** Written to the Journal's Exported Batch column for every ref in `journalRefs`. */
  batchId: string;
  settings: AccountingSettings;
  /** beancount / hledger: declare the accounts used (default true: the file checks on its own). */
  declareAccounts?: boolean;
}

export interface ExportFile {
  format: ExportFormat;
  fileName: string;
  mimeType: string;
  /** The file's content (UTF-8; the CSVs for Excel and QuickBooks start with a BOM). */
  text: string;
  /** Journal Refs the file contains, in order: mark exactly these rows with the batch id. */
  journalRefs: string[];
  /** Entries left out (each still unexported, offered again once fixed): one line per entry. */
  warnings: string[];
  /** Remarks about the file that leave nothing out (a name cut to fit, a size to watch). */
  notes?: string[];
}

export function exportable(entries: readonly JournalEntry[], batchId?: string): { entries: JournalEntry[]; warnings: string[] } {
  const ok: JournalEntry[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    const problem = balanceProblem(e);
    if (problem) warnings.push(`Left out: ${problem}`);
    else if (batchId !== undefined && e.exportedBatch && e.exportedBatch !== batchId) warnings.push(`Left out: ${e.ref} was already exported in batch ${e.exportedBatch}`);
    else if (seen.has(e.ref)) warnings.push(`Left out: ${e.ref} appears twice`);
    else {
      seen.add(e.ref);
      ok.push(e);
    }
  }
  return { entries: ok, warnings };
}

/** A file name safe on every OS: the batch id's letters, digits, dots, dashes and underscores. */
export function fileNameFor(batchId: string, suffix: string): string {
  return `${batchId.replace(/[^A-Za-z0-9._-]+/g, '-') || 'journal'}${suffix}`;
}

export const BOM = '\uFEFF';
