// Whether uploaded bytes can be a statement export at all, judged before any charset guess.
// Every byte sequence decodes as Windows-1252 or Latin-1, so without this check a PNG, a ZIP
// or 3 MB of noise reached the CSV reader and came back as a garbled preview (found by a
// new-user trial). Statement exports are text (CSV, OFX/QFX, camt XML, MT940): they start with
// no known binary signature, hold no NUL byte and almost no C0 control characters. The one
// exception in the corpus is MT940 wrapped in SOH (0x01) / ETX (0x03) per message, which is
// why control characters are judged by their share, not by their presence.

/** How much of the file's start is examined: enough to see a binary header or noise, and a
 *  fixed cost whatever the file's size (uploads go up to 20 MB). */
export const SNIFF_BYTES = 8192;

/** Above this share of stray control characters (and at least MIN_CONTROLS of them) the start is
 *  not text. Random bytes have ~12%; MT940 with SOH/ETX around each ~1 KB message ~0.2%. */
const CONTROL_SHARE = 0.02;
const MIN_CONTROLS = 8;

const TO_TEXT = 'Export the statement from your bank or payment service as CSV, OFX/QFX, camt.053/054 or MT940 and import that file.';
const FROM_SPREADSHEET = 'Spreadsheet files are not read: open it in Excel or Google Sheets and save or download it as CSV, or paste it into a tab and use "Or import a tab where you pasted an export".';

interface Signature {
  bytes: number[];
  what: string;
  advice: string;
}

// File signatures ("magic numbers") at offset 0, as published for each format.
const SIGNATURES: Signature[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image', advice: TO_TEXT },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image', advice: TO_TEXT },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image', advice: TO_TEXT }, // GIF8(7a|9a)
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document', advice: `PDF statements are not read. ${TO_TEXT}` }, // %PDF-
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an Excel 97–2003 workbook (.xls) or another old Office file', advice: FROM_SPREADSHEET },
  { bytes: [0x1f, 0x8b], what: 'a GZIP-compressed file', advice: `Unpack it first and import the statement inside. ${TO_TEXT}` },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive', advice: `Unpack it first and import the statement inside. ${TO_TEXT}` },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], what: 'a RAR archive', advice: `Unpack it first and import the statement inside. ${TO_TEXT}` },
];

function startsWith(b: ArrayLike<number>, sig: number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let k = 0; k < sig.length; k++) if (b[at + k] !== sig[k]) return false;
  return true;
}

/** Whether the ASCII text `s` occurs in b[0..end). */
function containsAscii(b: ArrayLike<number>, s: string, end: number): boolean {
  const first = s.charCodeAt(0);
  outer: for (let i = 0; i + s.length <= end; i++) {
    if (b[i] !== first) continue;
    for (let k = 1; k < s.length; k++) if (b[i + k] !== s.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

/** A ZIP's entry names are stored uncompressed in its local headers, so the first few show
 *  which Office format it is (an .xlsx's parts live under xl/). */
function zipKind(b: ArrayLike<number>, end: number): Signature {
  if (containsAscii(b, 'xl/', end)) return { bytes: [], what: 'an Excel workbook (.xlsx)', advice: FROM_SPREADSHEET };
  if (containsAscii(b, 'opendocument.spreadsheet', end)) return { bytes: [], what: 'an OpenDocument spreadsheet (.ods)', advice: FROM_SPREADSHEET };
  return { bytes: [], what: 'a ZIP archive (an Excel .xlsx workbook is one too)', advice: `Unpack it first and import the statement inside; an Excel workbook must be saved as CSV. ${TO_TEXT}` };
}

function notAStatement(what: string, advice: string): string {
  return `This file is not a statement export (it looks like binary data: ${what}). ${advice}`;
}

/** The byte offset of the first NUL in b[0..end), or -1. */
function firstNul(b: ArrayLike<number>, end: number): number {
  for (let i = 0; i < end; i++) if (b[i] === 0) return i;
  return -1;
}

/**
 * UTF-16 is text, but the import reads only 8-bit charsets, and its NUL bytes would otherwise be
 * taken for binary data: name it, so the user knows the one step that fixes it. Without a byte
 * order mark, ASCII-range UTF-16 has a NUL in every other byte, always on the same side.
 */
function utf16Kind(b: ArrayLike<number>, end: number): string | null {
  if (startsWith(b, [0xff, 0xfe, 0x00, 0x00]) || startsWith(b, [0x00, 0x00, 0xfe, 0xff])) return 'UTF-32';
  if (startsWith(b, [0xff, 0xfe])) return 'UTF-16 (little-endian)';
  if (startsWith(b, [0xfe, 0xff])) return 'UTF-16 (big-endian)';
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < end; i++) if (b[i] === 0) { if (i % 2) oddNul++; else evenNul++; }
  const half = Math.floor(end / 2);
  if (half < 2) return null;
  if (oddNul >= half * 0.3 && evenNul <= half * 0.02) return 'UTF-16 (little-endian)';
  if (evenNul >= half * 0.3 && oddNul <= half * 0.02) return 'UTF-16 (big-endian)';
  return null;
}

/**
 * Why these bytes cannot be a statement export, as the message the user sees, or null when
 * they may be one (the parsers then decide). Looks only at the first SNIFF_BYTES.
 */
export function notStatementReason(bytes: ArrayLike<number>): string | null {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  for (const sig of SIGNATURES) if (startsWith(bytes, sig.bytes)) return notAStatement(sig.what, sig.advice);
  // PK\3\4 (a file), PK\5\6 (an empty archive), PK\7\8 (a spanned one).
  if ([[3, 4], [5, 6], [7, 8]].some(([x, y]) => startsWith(bytes, [0x50, 0x4b, x, y]))) {
    const z = zipKind(bytes, end);
    return notAStatement(z.what, z.advice);
  }
  const utf16 = utf16Kind(bytes, end);
  if (utf16) {
    return `This file is ${utf16} text, which the import does not read: save it as CSV UTF-8 (in Excel: File ▸ Save As ▸ CSV UTF-8) or ask for a CSV export, and import that file.`;
  }
  const nul = firstNul(bytes, end);
  if (nul >= 0) return notAStatement(`NUL bytes, the first at byte ${nul + 1}`, TO_TEXT);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    const c = bytes[i];
    // Tab, LF and CR are text; form feed (page breaks in printed reports) and SUB (an old DOS
    // end-of-file mark) occur in real text exports, so they are not counted either.
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1a) || c === 0x7f) controls++;
  }
  if (controls >= MIN_CONTROLS && controls > end * CONTROL_SHARE) {
    return notAStatement(`${controls} of its first ${end} bytes are control characters`, TO_TEXT);
  }
  return null;
}
