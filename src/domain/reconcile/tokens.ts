// Reference tokens: how a statement's free text names a case or an order.
//
// Case IDs: `RC-000014`, `RC000014`, `RC 14`, `rc-14`, `RC_14` all name case 14: banks and
// vendors drop dashes and zero padding, and people type short forms. The number must stand
// alone: `RC-14` is not found inside `RC-1814` (the digits run on) nor inside `XRC-14` or
// `RC-14B` (letters run on) — a whole token, never a substring.
//
// Order numbers: compared as whole tokens, ignoring case and the separators inside a token.
// A token is a run of letters/digits, possibly joined by `-`, `_`, `/`, `.`; it is indexed
// both compacted (`PO202400451`) and by its parts (`PO`, `2024`, `00451`), so an order written
// `PO-2024-00451` or `PO202400451` is found, and an all-digit order `004512` is also found as
// `4512` (spreadsheets drop leading zeros). Orders shorter than 4 characters are not searched:
// too many false hits.

const CASE_RE = /(?<![A-Za-z0-9])RC[-_ ]?0*(\d{1,9})(?![A-Za-z0-9])/gi;
const WORD_RE = /[A-Za-z0-9\u4e00-\u9fff]+(?:[-_/.][A-Za-z0-9\u4e00-\u9fff]+)*/g;

export const MIN_ORDER_TOKEN = 4;

/** The case number of a Case ID (`RC-000014` → 14), or null. */
export function caseNumber(caseId: string): number | null {
  const m = /^\s*RC[-_ ]?0*(\d{1,9})\s*$/i.exec(caseId);
  return m ? Number(m[1]) : null;
}

/** Case numbers named in a text, each once. */
export function caseNumbersIn(text: string): number[] {
  if (!text || !/[rR][cC]/.test(text)) return [];
  const out: number[] = [];
  CASE_RE.lastIndex = 0;
  for (let m = CASE_RE.exec(text); m; m = CASE_RE.exec(text)) {
    const n = Number(m[1]);
    if (out.indexOf(n) < 0) out.push(n);
  }
  return out;
}

/** The key an order number is looked up by; '' when it is too short to search or has no
 *  digit (order numbers carry digits; plain words would only make false hits). */
export function orderKey(orderNo: string): string {
  // One pass over the UTF-16 code units (the same classes as /[A-Za-z0-9\u4e00-\u9fff]/
  // without the u flag): no regex or intermediate string per token when nothing is removed.
  const n = orderNo.length;
  let kept = 0;
  let digits = 0;
  let lower = false;
  for (let i = 0; i < n; i++) {
    const ch = orderNo.charCodeAt(i);
    if (ch >= 48 && ch <= 57) digits++;
    else if (ch >= 97 && ch <= 122) lower = true;
    else if (!((ch >= 65 && ch <= 90) || (ch >= 0x4e00 && ch <= 0x9fff))) continue;
    kept++;
  }
  if (kept < MIN_ORDER_TOKEN || digits === 0) return '';
  let compact = orderNo;
  if (kept !== n) {
    // The kept characters' runs, joined (separators are few: `PO-2024-00451`).
    compact = '';
    let from = -1;
    for (let i = 0; i <= n; i++) {
      const ch = i < n ? orderNo.charCodeAt(i) : -1;
      const keep = (ch >= 48 && ch <= 57) || (ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || (ch >= 0x4e00 && ch <= 0x9fff);
      if (keep) {
        if (from < 0) from = i;
      } else if (from >= 0) {
        compact += orderNo.slice(from, i);
        from = -1;
      }
    }
  }
  if (lower) compact = compact.toUpperCase();
  if (digits !== kept) return compact;
  // All digits: leading zeros dropped (the last digit stays).
  let z = 0;
  while (z < kept - 1 && compact.charCodeAt(z) === 48) z++;
  return z ? compact.slice(z) : compact;
}

/** Order keys a text may name: every token compacted, and its parts. */
export function orderKeysIn(text: string): string[] {
  if (!text) return [];
  const out: string[] = [];
  const add = (raw: string) => {
    const k = orderKey(raw);
    if (k && out.indexOf(k) < 0) out.push(k);
  };
  if (!/\d/.test(text)) return out;
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) {
    const word = m[0];
    if (!/\d/.test(word)) continue;
    add(word);
    if (/[-_/.]/.test(word)) for (const part of word.split(/[-_/.]/)) add(part);
  }
  return out;
}
