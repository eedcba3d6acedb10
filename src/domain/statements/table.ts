// A CSV file as a grid of trimmed cells: delimiter detection, papaparse, and the cleaning every
// export needs (tabs Excel users add to keep long IDs as text, padded cells, a leading
// apostrophe, a quoted field followed by stray tabs before the delimiter).
import Papa from 'papaparse/papaparse.min.js';
import { splitRecords } from './csvRecords';

export interface Table {
  delimiter: string;
  /** Cells as printed, trimmed. rows[i] is spreadsheet row i + 1. */
  rows: string[][];
  /** Index in `rows` of a record whose quoted field never closes (the file ends inside it), or -1. */
  unclosedQuoteRow?: number;
}

const CANDIDATES = [',', ';', '\t', '|'];
const QUOTE_NEXT_TO_BLANK = /"[ \t]|[ \t]"/;

/** Counts a delimiter per line outside quotes, over the first lines, and picks the steadiest. */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/, 80).filter((l) => l.trim() !== '');
  let best = ',';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => {
      let n = 0;
      let quoted = false;
      for (let i = 0; i < l.length; i++) {
        const c = l[i];
        if (c === '"') quoted = !quoted;
        else if (c === d && !quoted) n++;
      }
      return n;
    });
    const freq = new Map<number, number>();
    for (const n of counts) if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    let mode = 0;
    let modeLines = 0;
    for (const [n, f] of freq) if (f > modeLines || (f === modeLines && n > mode)) { mode = n; modeLines = f; }
    // Lines agreeing on the same count, weighted a little by the count itself; a tab inside a
    // comma file's cells is stray padding, so tabs need to be clearly steadier.
    const score = modeLines * 10 + Math.min(mode, 9) - (d === '\t' ? 5 : 0);
    if (mode > 0 && score > bestScore) { best = d; bestScore = score; }
  }
  return best;
}

export function cleanCell(raw: string): string {
  // Fast path: most cells need nothing (no padding, no BOM, no apostrophe).
  const n = raw.length;
  if (n === 0) return raw;
  const a = raw.charCodeAt(0);
  const z = raw.charCodeAt(n - 1);
  if (a > 32 && a !== 39 && a !== 0xfeff && a !== 0xa0 && z > 32 && z !== 0xa0) return raw;
  let s = raw.replace(/^\ufeff/, '').replace(/[\t\r\n\u00a0]+$/g, '').replace(/^[\t\u00a0]+/g, '').trim();
  // Excel "keep as text" marks: '99-88-74 and '5678653123124124'
  if (/^'[^']*'$/.test(s) && s.length > 1) s = s.slice(1, -1);
  else if (/^'[\d+\-=]/.test(s)) s = s.slice(1);
  return s;
}

export function readTable(text: string, delimiter?: string): Table {
  const d = delimiter ?? detectDelimiter(text);
  const esc = d.replace(/[|\\]/g, '\\$&');
  // "-18.00"\t\t,CNY -> "-18.00",CNY (papaparse would otherwise call the quote malformed)
  // and  , "10.00"  ->  ,"10.00"  (a space before the opening quote makes the quote literal)
  // Both fixes need a quote next to a space or tab; most files have none, so one scan skips both passes.
  let fixed = text;
  if (QUOTE_NEXT_TO_BLANK.test(text)) {
    fixed = text
      .replace(new RegExp(`"[ \\t]+(?=${esc}|\\r?\\n|\\r|$)`, 'g'), '"')
      .replace(new RegExp(`(^|${esc})[ \\t]+"`, 'gm'), '$1"');
  }
  // A well-formed file is split and cleaned in one pass, exactly as papaparse would split it;
  // papaparse reads the rest (malformed quotes, unusual line breaks) with its own repairs.
  const split = splitRecords(fixed, d, cleanCell);
  if (split) return { delimiter: d, rows: split, unclosedQuoteRow: -1 };
  const parsed = Papa.parse<string[]>(fixed, { delimiter: d, skipEmptyLines: false, header: false });
  // Cleaned in place: a second copy of a 100k-row grid would double the garbage.
  const rows = parsed.data;
  let unclosedQuoteRow = -1;
  for (const e of parsed.errors) if (e.code === 'MissingQuotes' && typeof e.row === 'number') unclosedQuoteRow = e.row;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!Array.isArray(r)) { rows[i] = []; continue; }
    for (let j = 0; j < r.length; j++) r[j] = cleanCell(r[j]);
  }
  return { delimiter: d, rows, unclosedQuoteRow };
}

/** Header keys compare without case, spacing, BOM or quotes. */
export function headerKey(cell: string): string {
  return cell.replace(/^\ufeff/, '').replace(/["']/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Header names made unique: the second "Währung" becomes "Währung #2". Empty names become "Column N". */
export function uniqueHeaders(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((c, i) => {
    const name = c.replace(/^\ufeff/, '').trim() || `Column ${i + 1}`;
    const k = headerKey(name);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n === 1 ? name : `${name} #${n}`;
  });
}
