// One entry point for the Journal export: Settings ▸ Export Format picks the writer.
import type { JournalEntry } from '../types';
import { EXPORT_FORMATS, exportable, type ExportFile, type ExportFormat, type ExportOptions } from './batch';
import { beancountJournal } from './beancount';
import { glCsv } from './gl';
import { hledgerJournal } from './hledger';
import { iifJournal } from './iif';
import { qboJournalCsv } from './qbo';
import { XERO_MAX_LINES, xeroJournalCsv } from './xero';

const WRITERS: Record<ExportFormat, (entries: readonly JournalEntry[], options: ExportOptions) => ExportFile> = {
  'Generic CSV': glCsv,
  Xero: xeroJournalCsv,
  'QuickBooks Online': qboJournalCsv,
  IIF: iifJournal,
  beancount: beancountJournal,
  hledger: hledgerJournal,
};

/** The Export Format setting's text → format ("quickbooks online", "QBO", "xero" …), or null. */
export function exportFormatOf(text: string): ExportFormat | null {
  const t = text.trim().toLowerCase();
  const aliases: Record<string, ExportFormat> = { qbo: 'QuickBooks Online', quickbooks: 'QuickBooks Online', 'quickbooks desktop': 'IIF', 'generic gl csv': 'Generic CSV', csv: 'Generic CSV', gl: 'Generic CSV', 'xero manual journal': 'Xero' };
  return EXPORT_FORMATS.find((f) => f.toLowerCase() === t) ?? aliases[t] ?? null;
}

/** The journal file for a batch of entries (not yet exported ones: the caller selects them). */
export function exportJournal(format: ExportFormat, entries: readonly JournalEntry[], options: ExportOptions): ExportFile {
  return WRITERS[format](entries, options);
}

/**
 * Lines one import file may hold, where the package documents a limit (research §2.1b, §4.5):
 * Xero manual journals take at most 300 lines per file. QuickBooks Online documents none for
 * journal entries (research's ~1000 rows is for bank-file uploads); IIF, the generic CSV and the
 * plain-text ledgers have none.
 */
export const LINES_PER_FILE: Partial<Record<ExportFormat, number>> = { Xero: XERO_MAX_LINES };

/** One export batch: one file, or several parts where the format limits the lines per file. */
export interface ExportBatch {
  format: ExportFormat;
  /** In order; every file is part of the same batch (`…-part-1-of-3.csv` when split). */
  files: ExportFile[];
  /** Every Journal Ref in the files, in order: mark exactly these rows with the batch id. */
  journalRefs: string[];
  /** Entries left out, one line each (still unexported, offered again once fixed). */
  warnings: string[];
  /** Remarks that leave nothing out. */
  notes: string[];
}

/** `EXP-…-xero-manual-journal.csv` → `EXP-…-xero-manual-journal-part-2-of-3.csv`. */
export function partFileName(fileName: string, part: number, parts: number): string {
  const dot = fileName.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
  return `${stem}-part-${part}-of-${parts}${ext}`;
}

/**
 * The batch as import files: one file, or, for a format with a per-file line limit, as few
 * files as fit, each at most that many lines, an entry never split across two files (research
 * §4.5: "Split files on document boundaries"). An entry longer than the limit on its own is left
 * out with a warning.
 */
export function exportJournalFiles(format: ExportFormat, entries: readonly JournalEntry[], options: ExportOptions): ExportBatch {
  const limit = LINES_PER_FILE[format];
  const { entries: ok, warnings } = exportable(entries, options.batchId);
  const chunks: JournalEntry[][] = [];
  if (!limit) chunks.push(ok);
  else {
    let current: JournalEntry[] = [];
    let lines = 0;
    for (const e of ok) {
      if (e.lines.length > limit) {
        warnings.push(`Left out: ${e.ref} has ${e.lines.length} lines, more than the ${limit} ${format} imports in one file`);
        continue;
      }
      if (lines + e.lines.length > limit && current.length) {
        chunks.push(current);
        current = [];
        lines = 0;
      }
      current.push(e);
      lines += e.lines.length;
    }
    if (current.length) chunks.push(current);
  }
  const files: ExportFile[] = [];
  const notes: string[] = [];
  const journalRefs: string[] = [];
  chunks.forEach((chunk, i) => {
    const file = WRITERS[format](chunk, options);
    if (chunks.length > 1) file.fileName = partFileName(file.fileName, i + 1, chunks.length);
    files.push(file);
    journalRefs.push(...file.journalRefs);
    warnings.push(...file.warnings);
    notes.push(...(file.notes ?? []));
  });
  return { format, files, journalRefs, warnings, notes };
}

export { EXPORT_FORMATS };
export type { ExportFile, ExportFormat, ExportOptions };
