// Which character set a statement file is in, judged from its raw bytes. The domain only
// *detects*; turning bytes into text is the adapter's job (Apps Script:
// a Blob's getDataAsString(charset); Node: iconv-lite), passed in as `Decode`.

/** The charsets we tell apart, spelled as Apps Script / Java and iconv both accept them. */
export type Charset = 'UTF-8' | 'GB18030' | 'windows-1252' | 'ISO-8859-1';

/** Bytes (0..255) to text in a charset; the adapter supplies it. */
export type Decode = (bytes: ArrayLike<number>, charset: Charset) => string;

export interface EncodingGuess {
  charset: Charset;
  bom: boolean;
  /** Why we think so, shown in the preview. */
  reason: string;
}

/** Length of a valid UTF-8 sequence starting at i, or 0. */
function utf8SequenceAt(b: ArrayLike<number>, i: number): number {
  const c = b[i];
  let n = 0;
  let min = 0;
  if (c >= 0xc2 && c <= 0xdf) { n = 1; min = 0x80; }
  else if (c >= 0xe0 && c <= 0xef) { n = 2; min = 0x800; }
  else if (c >= 0xf0 && c <= 0xf4) { n = 3; min = 0x10000; }
  else return 0;
  let cp = c & (n === 1 ? 0x1f : n === 2 ? 0x0f : 0x07);
  for (let k = 1; k <= n; k++) {
    const d = b[i + k];
    if (d === undefined || (d & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (d & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return n + 1;
}

/** Whether the bytes from i on are the start of a UTF-8 sequence the file's end cut short. */
function utf8CutAt(b: ArrayLike<number>, i: number): boolean {
  const c = b[i];
  const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
  if (n === 0 || i + n < b.length) return false;
  for (let k = i + 1; k < b.length; k++) if ((b[k] & 0xc0) !== 0x80) return false;
  return true;
}

export function detectEncoding(bytes: ArrayLike<number>): EncodingGuess {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { charset: 'UTF-8', bom: true, reason: 'UTF-8 byte order mark' };
  }
  let high = 0;
  let utf8Ok = true;
  let gbkPairs = 0;
  let gbkBad = 0;
  let c1Controls = 0; // 0x80..0x9f: printable in windows-1252, control codes in Latin-1
  let latinLetters = 0; // 0xc0..0xff: accented letters
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c < 0x80) continue;
    high++;
    if (utf8Ok) {
      const n = utf8SequenceAt(bytes, i);
      // A file cut off mid-character is still UTF-8 (the cut row is reported, not the charset).
      if (n === 0 && utf8CutAt(bytes, i)) break;
      if (n === 0) utf8Ok = false;
      else { i += n - 1; continue; }
    }
    if (c >= 0x80 && c <= 0x9f) c1Controls++;
    if (c >= 0xc0) latinLetters++;
  }
  if (high === 0) return { charset: 'UTF-8', bom: false, reason: 'plain ASCII' };
  if (utf8Ok) return { charset: 'UTF-8', bom: false, reason: 'valid UTF-8' };
  // GBK/GB18030: lead byte 0x81..0xfe then a trail byte 0x40..0xfe. Common Chinese characters
  // (GB2312) have both bytes in 0xa1..0xfe; a Latin-1 "än" (0xe4 0x6e) also pairs up, but with
  // an ASCII trail byte, so only pairs of two high bytes count as evidence.
  let corePairs = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c < 0x80) continue;
    const d = bytes[i + 1];
    if (c >= 0x81 && c <= 0xfe && d !== undefined && d >= 0x40 && d <= 0xfe && d !== 0x7f) {
      gbkPairs++;
      if (c >= 0xa1 && d >= 0xa1) corePairs++;
      i++;
    } else if (d !== undefined || c < 0x81 || c > 0xfe) gbkBad++; // a lead byte alone at the very end: the file was cut
  }
  if (gbkPairs >= 2 && gbkBad === 0 && corePairs >= gbkPairs * 0.8) {
    return { charset: 'GB18030', bom: false, reason: 'not UTF-8; byte pairs look like GBK Chinese' };
  }
  if (c1Controls > 0) return { charset: 'windows-1252', bom: false, reason: 'not UTF-8; bytes 0x80–0x9f used as Windows-1252 punctuation' };
  void latinLetters;
  return { charset: 'ISO-8859-1', bom: false, reason: 'not UTF-8; single-byte Latin-1 letters' };
}

/** Decodes with the detected (or forced) charset and drops a BOM. */
export function decodeBytes(bytes: ArrayLike<number>, decode: Decode, forced?: Charset): { text: string; encoding: EncodingGuess } {
  const guess = forced ? { charset: forced, bom: false, reason: 'chosen' } : detectEncoding(bytes);
  let text = decode(bytes, guess.charset);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding: guess };
}

/** A pure decoder for UTF-8 and the Latin-1 family, for the browser and tests (not GBK). */
export const decodeWithoutCharsetTables: Decode = (bytes, charset) => {
  if (charset === 'GB18030') throw new Error('GB18030 needs the adapter\u2019s decoder');
  let out = '';
  if (charset === 'UTF-8') {
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i];
      const n = c < 0x80 ? 0 : utf8SequenceAt(bytes, i);
      if (c < 0x80) out += String.fromCharCode(c);
      else if (n === 0) out += '\ufffd';
      else {
        let cp = c & (n === 2 ? 0x1f : n === 3 ? 0x0f : 0x07);
        for (let k = 1; k < n; k++) cp = (cp << 6) | (bytes[i + k] & 0x3f);
        out += String.fromCodePoint(cp);
        i += n - 1;
      }
    }
    return out;
  }
  const cp1252: Record<number, number> = { 0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x2c6, 0x89: 0x2030, 0x8a: 0x160, 0x8b: 0x2039, 0x8c: 0x152, 0x8e: 0x17d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x2dc, 0x99: 0x2122, 0x9a: 0x161, 0x9b: 0x203a, 0x9c: 0x153, 0x9e: 0x17e, 0x9f: 0x178 };
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    out += String.fromCharCode(charset === 'windows-1252' && cp1252[c] ? cp1252[c] : c);
  }
  return out;
};
