// The generic GL journal CSV (research §2.7): the add-on's canonical, auditable export. One row
// per line, positive Debit/Credit in the line's original currency with its rate, and the base
// currency columns every importer can rely on (each JournalId balances in BaseDebit/BaseCredit).
import { ZERO, formatAmount } from '../../money';
import type { JournalEntry } from '../types';
import { BOM, exportable, fileNameFor, type ExportFile, type ExportOptions } from './batch';
import { csvText } from './csv';
import { guardFormula } from './injection';

export const GL_HEADER = [
  'JournalId', 'LineNo', 'Date', 'EventType', 'CaseId', 'VendorId', 'VendorName', 'AccountCode',
  'AccountName', 'Debit', 'Credit', 'Currency', 'FxRate', 'BaseDebit', 'BaseCredit', 'TaxCode',
  'TaxAmount', 'Reference', 'OriginalBillRef', 'Description', 'SourceRow', 'ExportBatchId',
] as const;

export function glCsv(all: readonly JournalEntry[], options: ExportOptions): ExportFile {
  const { entries, warnings } = exportable(all, options.batchId);
  const t = guardFormula;
  const records: string[][] = [];
  for (const e of entries) {
    const base = e.baseCurrency;
    e.lines.forEach((l, i) => {
      const debit = !l.debit.isZero();
      const original = formatAmount(l.original.amount, l.original.currency);
      records.push([
        t(e.ref), String(i + 1), e.date, e.event, t(e.caseId), t(e.vendorId), t(e.vendorName), t(l.code),
        t(l.account), debit ? original : '', debit ? '' : original, l.original.currency, l.original.rate.toString(),
        debit ? formatAmount(l.debit, base) : '', debit ? '' : formatAmount(l.credit, base), '',
        formatAmount(ZERO, base), t(e.reference ?? ''), t(e.orderNo ?? ''), t(e.memo), t(e.sourceRef ?? ''), t(options.batchId),
      ]);
    });
  }
  return {
    format: 'Generic CSV',
    fileName: fileNameFor(options.batchId, '-gl.csv'),
    mimeType: 'text/csv',
    text: BOM + csvText(GL_HEADER, records),
    journalRefs: entries.map((e) => e.ref),
    warnings,
  };
}
