// Stable Line IDs: the same file imported twice gives the same IDs (so re-importing adds
// nothing), and two genuine identical transfers in one file stay two (the occurrence index).
import { fnv1a64 } from './hash';
import type { StatementLine } from './line';
import type { DraftLine } from './types';

export function fingerprint(source: string, d: DraftLine): string {
  // Decimal's toString is canonical (5.00 and 5 both print "5"), so no per-currency formatting.
  return `${source}|${d.bookingDate || d.valueDate}|${d.amount.toString()}|${d.currency}|${d.reference}`;
}

/** "L" + 16 hex digits of FNV-1a 64 over source|date|amount|currency|reference|occurrence. */
export function assignLineIds(source: string, drafts: DraftLine[]): StatementLine[] {
  const seen = new Map<string, number>();
  const out: StatementLine[] = new Array(drafts.length);
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i];
    const fp = fingerprint(source, d);
    const n = (seen.get(fp) ?? 0) + 1;
    seen.set(fp, n);
    // The draft becomes the line (no copy: a 100k-line file would otherwise double its garbage).
    const line = d as StatementLine;
    line.lineId = `L${fnv1a64(`${fp}|${n}`)}`;
    out[i] = line;
  }
  return out;
}
