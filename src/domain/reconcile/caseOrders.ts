// The cases' order keys (tokens.ts orderKey), indexed before the statement lines are read, so
// a line keeps only the order keys some case has: every other key (the compacted Case ID, its
// number, dates, amounts …) could never find or contradict a case, and a month would hold
// 10^5 such lists of fresh strings until the run ends.
import type { CaseTable } from './model';

/** 20 bits: length (up to 63), first and last character (low 7 bits each). */
function orderShape(key: string): number {
  const n = key.length;
  return ((n < 63 ? n : 63) << 14) | ((key.charCodeAt(0) & 127) << 7) | (key.charCodeAt(n - 1) & 127);
}

export class CaseOrders {
  /** Order key → its case (the first, when several share it; then `several` lists them all,
   *  in order). One number per key: not an array per case for the 10^5 unique keys. */
  private first = new Map<string, number>();
  private several = new Map<string, number[]>();
  /** Shapes (length, first and last character) of the cases' order keys. Most tokens in a
   *  statement's text (dates, amounts, accounts, other references) have a shape no order key
   *  has, and are ruled out without hashing a fresh string into the map. */
  private shapes = new Uint8Array(1 << 20);

  constructor(C: CaseTable) {
    for (let ci = 0; ci < C.n; ci++) {
      const key = C.orderKey[ci];
      if (!key) continue;
      this.shapes[orderShape(key)] = 1;
      const first = this.first.get(key);
      if (first === undefined) this.first.set(key, ci);
      else {
        const list = this.several.get(key);
        if (list) list.push(ci);
        else this.several.set(key, [first, ci]);
      }
    }
  }

  /** The (first) case with this order key, or -1. */
  caseWith(key: string): number {
    if (!this.shapes[orderShape(key)]) return -1;
    const ci = this.first.get(key);
    return ci === undefined ? -1 : ci;
  }

  /** All cases with this key when more than one has it (in case order), else undefined. */
  severalWith(key: string): number[] | undefined {
    return this.several.size ? this.several.get(key) : undefined;
  }

  /** Does some case have this order key? (The filter a line's keys go through.) */
  readonly has = (key: string): boolean => this.caseWith(key) >= 0;
}
