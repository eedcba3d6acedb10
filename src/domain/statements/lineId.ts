// Stable Line IDs: the same file imported twice gives the same IDs (so re-importing adds
// nothing), and two genuine identical transfers in one file stay two (the occurrence index).
import { fnvAdd, fnvHex, fnvStart, type FnvState } from './hash';
import type { StatementLine } from './line';
import type { DraftLine } from './types';

export function fingerprint(source: string, d: DraftLine): string {
  // Decimal's toString is canonical (5.00 and 5 both print "5"), so no per-currency formatting.
  return `${source}|${d.bookingDate || d.valueDate}|${d.amount.toString()}|${d.currency}|${d.reference}`;
}

/**
 * "L" + 16 hex digits of FNV-1a 64 over `source|date|amount|currency|reference|occurrence`
 * (the fingerprint, then "|" and the 1-based occurrence of that fingerprint in the file). The
 * pieces are hashed one after the other, which equals hashing the joined string.
 */
export function assignLineIds(source: string, drafts: DraftLine[]): StatementLine[] {
  const seen = new Map<number, number>();
  const out: StatementLine[] = new Array(drafts.length);
  const base = fnvAdd(fnvStart(), `${source}|`);
  const st: FnvState = { hi: 0, lo: 0 };
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i];
    st.hi = base.hi; st.lo = base.lo;
    fnvAdd(st, d.bookingDate || d.valueDate); fnvAdd(st, '|');
    fnvAdd(st, d.amount.toString()); fnvAdd(st, '|');
    fnvAdd(st, d.currency); fnvAdd(st, '|');
    fnvAdd(st, d.reference);
    // The fingerprint's own hash (53 of its 64 bits, as a number: no string per line) counts occurrences.
    const key = st.hi * 2097152 + (st.lo >>> 11);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    fnvAdd(st, `|${n}`);
    // The draft becomes the line (no copy: a 100k-line file would otherwise double its garbage).
    const line = d as StatementLine;
    line.lineId = `L${fnvHex(st)}`;
    out[i] = line;
  }
  return out;
}
