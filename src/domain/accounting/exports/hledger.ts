// hledger journal (research §2.8; hledger_journal(5)): `DATE * (CODE) PAYEE | NOTE`, postings
// indented with at least two spaces between account and amount, tags as `name:value` in `;`
// comments. Accounts (with their type) and the base commodity are declared, so the file also
// passes `hledger check --strict`. Entries are written in date order (`check ordereddates`).
import { formatAmount } from '../../money';
import { minorUnits } from '../../currency';
import { roleType } from '../accounts';
import { signedAmount } from '../entry';
import type { JournalEntry } from '../types';
import { exportable, fileNameFor, type ExportFile, type ExportOptions } from './batch';
import { hledgerAccount } from './ledgerAccounts';

/** Description text: `|` splits payee from note and `;` starts a comment, so neither may appear. */
function descText(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ').replace(/\|/g, '/').replace(/;/g, ',').replace(/\s+/g, ' ').trim();
}

/** A tag value ends at a comma or the end of the line. */
function tagValue(s: string): string {
  return s.replace(/[,;\r\n\t]+/g, ' ').trim();
}

const TYPE_CODES = { Assets: 'A', Liabilities: 'L', Income: 'R', Expenses: 'X' } as const;

export function hledgerJournal(all: readonly JournalEntry[], options: ExportOptions): ExportFile {
  const { entries: unsorted, warnings } = exportable(all, options.batchId);
  const entries = [...unsorted].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const base = options.settings.baseCurrency;
  const out: string[] = [`; Refund Case Log journal export, batch ${tagValue(options.batchId)}`, ''];
  if (options.declareAccounts !== false) {
    const places = minorUnits(base);
    // The decimal point is always written, even for JPY (`1000.`): hledger 1.25 refuses a
    // commodity directive without one, since it could not tell a decimal from a thousands mark.
    out.push(`commodity 1000.${'0'.repeat(places)} ${base}`);
    const declared = new Map<string, string>();
    for (const e of entries) for (const l of e.lines) declared.set(hledgerAccount(e, l), TYPE_CODES[roleType(l.role)]);
    for (const account of [...declared.keys()].sort()) out.push(`account ${account}  ; type: ${declared.get(account)}`);
    out.push('');
  }
  for (const e of entries) {
    const tags = [`case:${tagValue(e.caseId)}`, `vendor:${tagValue(e.vendorId)}`, `event:${e.event}`, `batch:${tagValue(options.batchId)}`];
    if (e.reverses) tags.push(`reverses:${e.reverses}`);
    out.push(`${e.date} * (${e.ref.replace(/[()]/g, '')}) ${descText(e.vendorName)} | ${descText(e.memo)}  ; ${tags.join(', ')}`);
    for (const l of e.lines) {
      const fx = l.original.currency !== e.baseCurrency ? `  ; fx:${formatAmount(l.original.amount, l.original.currency)} ${l.original.currency} at ${l.original.rate.toString()}` : '';
      out.push(`    ${hledgerAccount(e, l)}  ${formatAmount(signedAmount(l), e.baseCurrency)} ${e.baseCurrency}${fx}`);
    }
    out.push('');
  }
  return {
    format: 'hledger',
    fileName: fileNameFor(options.batchId, '.journal'),
    mimeType: 'text/plain',
    text: out.join('\n'),
    journalRefs: unsorted.map((e) => e.ref),
    warnings,
  };
}
