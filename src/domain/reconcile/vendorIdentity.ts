// Who sent a statement line (DESIGN §5 ladder, after ERPNext's AutoMatchParty):
//   1. account number exact (an alias that looks like an account, compared without spaces)
//   2. alias exact (a name as it appears on statements, from Vendors ▸ Aliases)
//   3. confirmed name (a counterparty the user confirmed for this vendor in an earlier match)
//   4. fuzzy name: the counterparty's words (legal-form words like LTD dropped) overlap a
//      vendor's name or alias with Dice ≥ 0.8, or contain all of a name of ≥ 2 words
//      ("Beta Electronics Shenzhen" ⊇ "Beta Electronics"); a tie between two vendors gives
//      no vendor ("don't guess"). One shared word ("Alpha") is never enough.
// Counterparties repeat across thousands of lines, so each distinct one is resolved once.
import type { ReconVendor } from './types';

export type VendorHow = 'account' | 'alias' | 'confirmed' | 'fuzzy';
export interface VendorHit {
  vendorId: string;
  how: VendorHow;
  /** The vendor's number in this directory (codeOf): compared as an integer while matching. */
  code: number;
}

const STOP = new Set(['LTD', 'LIMITED', 'CO', 'COMPANY', 'INC', 'LLC', 'GMBH', 'CORP', 'TRADING', 'INTERNATIONAL', 'THE', 'AND', 'OF', 'SHOP', 'STORE', '有限公司', '公司']);
const FUZZY_CUTOFF = 0.8;

export function normaliseName(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9\u4e00-\u9fff]+/g, ' ').trim();
}
function compactAccount(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
function nameTokens(text: string): string[] {
  return normaliseName(text).split(' ').filter((t) => t && !STOP.has(t));
}
/** An alias that is mostly digits (an account, IBAN, payout id) is matched as an account. */
function looksLikeAccount(alias: string): boolean {
  const c = compactAccount(alias);
  return c.length >= 6 && (c.match(/\d/g) || []).length >= c.length / 2;
}

export class VendorDirectory {
  private accounts = new Map<string, string | null>();
  private aliases = new Map<string, string | null>();
  private confirmed = new Map<string, string | null>();
  private tokenIndex = new Map<string, Set<string>>();
  private tokensOf = new Map<string, string[][]>();
  /** Resolved lines: by counterparty when the line has no account (most), else by both. */
  private byName = new Map<string, VendorHit | null>();
  /** Account → counterparty → hit (nested: no composed key string per line). */
  private cache = new Map<string, Map<string, VendorHit | null>>();
  private codes = new Map<string, number>();

  /** A small integer per vendor ID, the same for the same ID (a case's unknown vendor gets one
   *  too: it then equals no line's). */
  codeOf(vendorId: string): number {
    let code = this.codes.get(vendorId);
    if (code === undefined) this.codes.set(vendorId, (code = this.codes.size));
    return code;
  }
  private hit(vendorId: string, how: VendorHow): VendorHit {
    return { vendorId, how, code: this.codeOf(vendorId) };
  }

  constructor(vendors: ReconVendor[], confirmedAliases: { vendorId: string; counterparty: string }[] = []) {
    // A key claimed by two vendors identifies neither (stored as null).
    const claim = (map: Map<string, string | null>, key: string, id: string) => {
      if (!key) return;
      const prev = map.get(key);
      map.set(key, prev === undefined || prev === id ? id : null);
    };
    for (const v of vendors) {
      const names = [v.name, ...v.aliases];
      for (const a of v.aliases) {
        if (looksLikeAccount(a)) claim(this.accounts, compactAccount(a), v.vendorId);
        else claim(this.aliases, normaliseName(a), v.vendorId);
      }
      claim(this.aliases, normaliseName(v.name), v.vendorId);
      const lists: string[][] = [];
      for (const n of names) {
        if (looksLikeAccount(n)) continue;
        const toks = nameTokens(n);
        if (!toks.length) continue;
        lists.push(toks);
        for (const t of toks) {
          let s = this.tokenIndex.get(t);
          if (!s) this.tokenIndex.set(t, (s = new Set()));
          s.add(v.vendorId);
        }
      }
      this.tokensOf.set(v.vendorId, lists);
    }
    for (const c of confirmedAliases) claim(this.confirmed, normaliseName(c.counterparty), c.vendorId);
  }

  identify(counterparty: string, account: string): VendorHit | null {
    let map = this.byName;
    if (account) {
      const m = this.cache.get(account);
      if (m) map = m;
      else this.cache.set(account, (map = new Map()));
    }
    const hit = map.get(counterparty);
    if (hit !== undefined) return hit;
    const found = this.resolve(counterparty, account);
    map.set(counterparty, found);
    return found;
  }

  private resolve(counterparty: string, account: string): VendorHit | null {
    const acc = compactAccount(account);
    if (acc) {
      const id = this.accounts.get(acc);
      if (id) return this.hit(id, 'account');
    }
    // Chinese bank exports put name and account in one field (对手信息): try the account inside.
    const digits = counterparty.match(/\d[\d ]{5,}\d/g);
    if (digits) for (const d of digits) {
      const id = this.accounts.get(compactAccount(d));
      if (id) return this.hit(id, 'account');
    }
    const name = normaliseName(counterparty);
    if (!name) return null;
    const a = this.aliases.get(name);
    if (a) return this.hit(a, 'alias');
    const c = this.confirmed.get(name);
    if (c) return this.hit(c, 'confirmed');
    return this.fuzzy(name);
  }

  private fuzzy(name: string): VendorHit | null {
    const toks = nameTokens(name);
    if (!toks.length) return null;
    const seen = new Set<string>();
    for (const t of toks) for (const id of this.tokenIndex.get(t) || []) seen.add(id);
    let best = 0;
    let bestId = '';
    let tie = false;
    for (const id of seen) {
      let score = 0;
      for (const list of this.tokensOf.get(id) || []) score = Math.max(score, tokenSetRatio(toks, list));
      if (score > best) {
        best = score;
        bestId = id;
        tie = false;
      } else if (score === best) tie = true;
    }
    return best >= FUZZY_CUTOFF && !tie ? this.hit(bestId, 'fuzzy') : null;
  }
}

/** Similarity of two word lists in [0, 1]: Dice overlap, or 1 when one contains the other's
 *  ≥ 2 words. */
function tokenSetRatio(a: string[], b: string[]): number {
  const small = a.length <= b.length ? a : b;
  const large = a.length <= b.length ? b : a;
  let common = 0;
  for (const t of small) if (large.indexOf(t) >= 0) common++;
  if (common === small.length && small.length >= 2) return 1;
  return (2 * common) / (a.length + b.length);
}
