// One entry point for the Journal export: Settings ▸ Export Format picks the writer.
import type { JournalEntry } from '../types';
import { EXPORT_FORMATS, type ExportFile, type ExportFormat, type ExportOptions } from './batch';
import { beancountJournal } from './beancount';
import { glCsv } from './gl';
import { hledgerJournal } from './hledger';
import { iifJournal } from './iif';
import { qboJournalCsv } from './qbo';
import { xeroJournalCsv } from './xero';

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

export { EXPORT_FORMATS };
export type { ExportFile, ExportFormat, ExportOptions };
