// Reference tokens: how a statement's free text names a case or an order.
//
// Case IDs: `RC-000014`, `RC000014`, `RC 14`, `rc-14`, `RC_14` all name case 14: banks and
// vendors drop dashes and zero padding, and people type short forms. The number must stand
// alone: `RC-14` is not found inside `RC-1814` (the digits run on) nor inside `XRC-14` or
// `RC-14B` (letters run on) — a whole token, never a substring.
//
// Order numbers: compared as whole tokens, ignoring case and the separators inside a token.
// A token is a run of letters/digits, possibly joined by `-`, `_`, `/`, `.`; it is indexed
// both compacted (`PO202400451`) and by its parts (`PO`, `2024`, `00451`; Chinese and Latin
// are parts of their own), so an order written
// `PO-2024-00451` or `PO202400451` is found, and an all-digit order `004512` is also found as
// `4512` (spreadsheets drop leading zeros). Orders shorter than 4 characters are not searched:
// too many false hits.

// The rules below, as regular expressions (the scanners further down implement exactly these,
// in one pass with no match objects or substrings: a month runs them over 10^5 texts):
//   case:  /(?<![A-Za-z0-9])RC[-_ ]?0*(\d{1,9})(?![A-Za-z0-9])/gi
//   word:  /[A-Za-z0-9\u4e00-\u9fff]+(?:[-_/.][A-Za-z0-9\u4e00-\u9fff]+)*/g, with a digit;
//   parts: the word split on [-_/.], each piece cut where Latin/digits meet Chinese
//          (/[A-Za-z0-9]+|[\u4e00-\u9fff]+/g): Chinese memos glue the order to the words,
//          `订单TB00888769退款` ("order … refund").

export const MIN_ORDER_TOKEN = 4;

/** The case number of a Case ID (`RC-000014` → 14), or null. */
export function caseNumber(caseId: string): number | null {
  // The usual form (`RC-000014`: no surrounding space) is read in one pass; the rest by regex.
  if (isWholeCaseId(caseId)) {
    let j = isDigit(caseId.charCodeAt(2)) ? 2 : 3;
    while (j < caseId.length - 1 && caseId.charCodeAt(j) === 48) j++; // zeros (the last digit stays)
    if (caseId.length - j > 9) return null;
    let value = 0;
    for (; j < caseId.length; j++) value = value * 10 + (caseId.charCodeAt(j) - 48);
    return value;
  }
  const m = /^\s*RC[-_ ]?0*(\d{1,9})\s*$/i.exec(caseId);
  return m ? Number(m[1]) : null;
}

/** `RC`, an optional separator, then only digits to the end. */
function isWholeCaseId(text: string): boolean {
  const r = text.charCodeAt(0);
  const c = text.charCodeAt(1);
  if ((r !== 82 && r !== 114) || (c !== 67 && c !== 99)) return false;
  let j = 2;
  const sep = text.charCodeAt(2);
  if (sep === 45 || sep === 95 || sep === 32) j++;
  if (j >= text.length) return false;
  for (; j < text.length; j++) if (!isDigit(text.charCodeAt(j))) return false;
  return true;
}

/** Case numbers named in a text, each once; `none` (when given) if it names none: most texts
 *  name no case, and the engine passes one shared empty list rather than make one per line. */
export function caseNumbersIn(text: string, none?: number[]): number[] {
  let out: number[] | null = null;
  const n = text ? text.length : 0;
  for (let i = 0; i + 2 < n; i++) {
    const r = text.charCodeAt(i);
    if ((r !== 82 && r !== 114) || (i > 0 && isAsciiAlnum(text.charCodeAt(i - 1)))) continue; // 'R'/'r', not inside a word
    const c = text.charCodeAt(i + 1);
    if (c !== 67 && c !== 99) continue; // 'C'/'c'
    let j = i + 2;
    const sep = text.charCodeAt(j);
    if (sep === 45 || sep === 95 || sep === 32) j++; // '-', '_', ' '
    const from = j;
    while (j < n && text.charCodeAt(j) === 48) j++; // leading zeros
    const significant = j;
    while (j < n && isDigit(text.charCodeAt(j))) j++;
    if (j === from || (j < n && isAsciiAlnum(text.charCodeAt(j))) || j - significant > 9) continue;
    let value = 0;
    for (let k = significant; k < j; k++) value = value * 10 + (text.charCodeAt(k) - 48);
    if (!out) out = [value];
    else if (out.indexOf(value) < 0) out.push(value);
    i = j - 1; // the next match starts after this one, as a global regex's does
  }
  return out || none || [];
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

/** Order keys a text may name: every token compacted, and its parts; `none` (when given) if
 *  there are none (as caseNumbersIn). With `keep`, only the keys it accepts (the engine keeps
 *  those some case has). */
export function orderKeysIn(text: string, none?: string[], keep?: (key: string) => boolean): string[] {
  let out: string[] | null = null;
  const n = text ? text.length : 0;
  let i = 0;
  while (i < n) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // A word: runs of word characters joined by single separators.
    const start = i;
    let digit = false;
    let cjk = false;
    let ascii = false;
    let runs = 0;
    for (;;) {
      while (i < n && isWordChar(text.charCodeAt(i))) {
        const ch = text.charCodeAt(i);
        if (isDigit(ch)) digit = true;
        if (ch >= 0x4e00) cjk = true;
        else ascii = true;
        i++;
      }
      runs++;
      const sep = i < n ? text.charCodeAt(i) : -1;
      if ((sep === 45 || sep === 95 || sep === 47 || sep === 46) && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) i++;
      else break;
    }
    if (!digit) continue;
    const word = text.slice(start, i);
    out = addKey(out, orderKey(word), keep);
    if (runs > 1 || (cjk && ascii)) {
      // Its parts: runs of one script between separators (`订单TB00888769退款` → `TB00888769`).
      let from = 0;
      for (let k = 0; k <= word.length; k++) {
        const ch = k < word.length ? word.charCodeAt(k) : -1;
        if (ch < 0 || !isWordChar(ch)) {
          out = addKey(out, orderKey(word.slice(from, k)), keep);
          from = k + 1;
        } else if (k > from && ch >= 0x4e00 !== word.charCodeAt(k - 1) >= 0x4e00) {
          out = addKey(out, orderKey(word.slice(from, k)), keep);
          from = k;
        }
      }
    }
  }
  return out || none || [];
}

/** The list with a key appended once (made on the first key). A module function, not a
 *  closure per call: this runs for every line. */
function addKey(out: string[] | null, k: string, keep: ((key: string) => boolean) | undefined): string[] | null {
  if (!k || (keep && !keep(k))) return out;
  if (!out) return [k];
  if (out.indexOf(k) < 0) out.push(k);
  return out;
}

function isDigit(ch: number): boolean {
  return ch >= 48 && ch <= 57;
}
function isAsciiAlnum(ch: number): boolean {
  return (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);
}
/** [A-Za-z0-9\u4e00-\u9fff] on UTF-16 code units. */
function isWordChar(ch: number): boolean {
  return isAsciiAlnum(ch) || (ch >= 0x4e00 && ch <= 0x9fff);
}
