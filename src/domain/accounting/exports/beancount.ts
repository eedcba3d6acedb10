// beancount journal (research §2.8; beancount language syntax), home-currency style: every
// posting in the base currency, the original amount and rate kept as posting metadata, so the
// file mirrors the GL CSV and balances exactly. Every account is opened (on the batch's first
// date) so `bean-check` accepts the file on its own; ^links tie a case's entries together.
import { formatAmount } from '../../money';
import { roleType } from '../accounts';
import { signedAmount } from '../entry';
import type { JournalEntry } from '../types';
import { exportable, fileNameFor, type ExportFile, type ExportOptions } from './batch';
import { beancountAccount } from './ledgerAccounts';

/** A beancount string literal: one line, backslashes and quotes escaped. */
function str(s: string): string {
  return `"${s.replace(/[\r\n\t]+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Links and tags allow letters, digits and - _ / . only. */
function linkName(s: string): string {
  return s.replace(/[^A-Za-z0-9\-_/.]+/g, '-');
}

const TAGS: Record<JournalEntry['event'], string> = {
  CREDIT_AGREED: 'vendor-credit',
  REFUND_RECEIVED: 'vendor-refund',
  WRITE_OFF: 'write-off',
  REVERSAL: 'reversal',
};

export function beancountJournal(all: readonly JournalEntry[], options: ExportOptions): ExportFile {
  const { entries: unsorted, warnings } = exportable(all, options.batchId);
  const entries = [...unsorted].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const base = options.settings.baseCurrency;
  const out: string[] = [`; Refund Case Log journal export, batch ${options.batchId.replace(/[\r\n]+/g, ' ')}`, `option "operating_currency" "${base}"`, ''];
  if (options.declareAccounts !== false && entries.length) {
    const opened = new Map<string, string>();
    for (const e of entries) for (const l of e.lines) if (!opened.has(beancountAccount(e, l))) opened.set(beancountAccount(e, l), roleType(l.role));
    const first = entries[0].date;
    for (const account of [...opened.keys()].sort()) out.push(`${first} open ${account}`);
    out.push('');
  }
  for (const e of entries) {
    const narration = e.memo;
    out.push(`${e.date} * ${str(e.vendorName)} ${str(narration)} #${TAGS[e.event]} ^${linkName(e.caseId)}`);
    out.push(`  ref: ${str(e.ref)}`, `  case_id: ${str(e.caseId)}`, `  vendor_id: ${str(e.vendorId)}`, `  event: ${str(e.event)}`, `  batch: ${str(options.batchId)}`);
    if (e.reverses) out.push(`  reverses: ${str(e.reverses)}`);
    if (e.sourceRef) out.push(`  source: ${str(e.sourceRef)}`);
    for (const l of e.lines) {
      out.push(`  ${beancountAccount(e, l)}  ${formatAmount(signedAmount(l), e.baseCurrency)} ${e.baseCurrency}`);
      if (l.original.currency !== e.baseCurrency) {
        out.push(`    fx_amount: ${str(`${formatAmount(l.original.amount, l.original.currency)} ${l.original.currency}`)}`, `    fx_rate: ${str(l.original.rate.toString())}`);
      }
    }
    out.push('');
  }
  return {
    format: 'beancount',
    fileName: fileNameFor(options.batchId, '.beancount'),
    mimeType: 'text/plain',
    text: out.join('\n'),
    journalRefs: unsorted.map((e) => e.ref),
    warnings,
  };
}
