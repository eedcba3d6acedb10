// A well-formed CSV file split into records of cleaned cells, exactly as papaparse 5.7 splits
// it (Papa.parse(text, { delimiter, header: false, skipEmptyLines: false })), in one pass.
//
// Why not papaparse for every file: on a 100k-line statement it runs a regex replace per quoted
// cell, grows each record from an empty array (room for 16 cells, kept for the whole import),
// copies the record list once more at the end, and the cells still need a second pass to be
// cleaned. That was a third of the import's time. The loop below is papaparse's own (same
// indexOf walk, same variables, same end-of-file rule), minus what a well-formed file never
// needs. Anything else returns null and the caller hands the file to papaparse: a quote left
// open, a closing quote followed by anything but the delimiter or the line break (papaparse's
// InvalidQuotes and its spaces-before-delimiter rule), a byte-order mark, an empty text, or
// line breaks other than the one papaparse would guess for the file.

/**
 * The line break papaparse guesses (ParserHandle.guessLineEndings, verbatim in effect): from
 * the first MB with quoted spans removed, '\n' unless '\r' appears first and mostly before a '\n'.
 */
export function guessLineBreak(text: string): '\n' | '\r\n' | '\r' {
  const head = text.substring(0, 1024 * 1024).replace(/"([^]*?)"/gm, '');
  const r = head.split('\r');
  const n = head.split('\n');
  if (r.length === 1 || (n.length > 1 && n[0].length < r[0].length)) return '\n';
  let withN = 0;
  for (let i = 0; i < r.length; i++) if (r[i][0] === '\n') withN++;
  return withN >= r.length / 2 ? '\r\n' : '\r';
}

/**
 * The line break of a file this module can split: '\n' for a file without '\r' (what papaparse
 * guesses for any such file), '\r\n' when papaparse guesses it and every '\r' and every '\n' is
 * part of a '\r\n' pair (so no stray break can sit inside an unquoted cell); otherwise null.
 */
function lineBreakOf(text: string): '\n' | '\r\n' | null {
  const cr = text.indexOf('\r');
  if (cr < 0) return '\n';
  let pairs = 0;
  for (let i = cr; i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return null;
    pairs++;
  }
  let lfs = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lfs++;
  if (lfs !== pairs) return null;
  return guessLineBreak(text) === '\r\n' ? '\r\n' : null;
}

/**
 * The records of `text` with each cell passed through `clean`, or null for a file papaparse
 * must read (see the head of this file). `delimiter` is one character, not a quote or a break.
 */
export function splitRecords(text: string, delimiter: string, clean: (cell: string) => string): string[][] | null {
  const len = text.length;
  if (len === 0 || text.charCodeAt(0) === 0xfeff) return null;
  // papaparse swaps an unusable delimiter for ','; a longer one is its own case.
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n' || delimiter === '\ufeff') return null;
  const newline = lineBreakOf(text);
  if (newline === null) return null;
  const nlLen = newline.length;
  const D = delimiter.charCodeAt(0);
  const rows: string[][] = [];
  // Cells of the record being read; each record is stored as an array of exactly its length
  // (papaparse's records keep the room of an array grown from empty: 16 cells, for the whole import).
  const cells: string[] = [];
  let k = 0;
  const endRecord = () => {
    rows.push(cells.slice(0, k));
    k = 0;
  };
  let cursor = 0;
  let nextDelim = text.indexOf(delimiter, cursor);
  let nextNewline = text.indexOf(newline, cursor);
  for (;;) {
    if (text.charCodeAt(cursor) === 34) {
      // A quoted cell: the closing quote is the next quote not doubled.
      let q = cursor;
      let doubled = false;
      const start = cursor + 1;
      for (;;) {
        q = text.indexOf('"', q + 1);
        if (q === -1) return null; // never closes: papaparse reports MissingQuotes
        if (q === len - 1) {
          cells[k++] = clean(quotedValue(text, start, q, doubled));
          endRecord();
          return rows;
        }
        if (text.charCodeAt(q + 1) === 34) { q++; doubled = true; continue; }
        break;
      }
      if (nextDelim !== -1 && nextDelim < q + 1) nextDelim = text.indexOf(delimiter, q + 1);
      if (nextNewline !== -1 && nextNewline < q + 1) nextNewline = text.indexOf(newline, q + 1);
      const after = text.charCodeAt(q + 1);
      if (after === D) {
        cells[k++] = clean(quotedValue(text, start, q, doubled));
        cursor = q + 2;
        if (nextDelim !== -1 && nextDelim < cursor) nextDelim = text.indexOf(delimiter, cursor);
        if (nextNewline !== -1 && nextNewline < cursor) nextNewline = text.indexOf(newline, cursor);
        continue;
      }
      if (nextNewline === q + 1) {
        cells[k++] = clean(quotedValue(text, start, q, doubled));
        endRecord();
        cursor = q + 1 + nlLen;
        nextNewline = text.indexOf(newline, cursor);
        if (nextDelim !== -1 && nextDelim < cursor) nextDelim = text.indexOf(delimiter, cursor);
        continue;
      }
      return null; // spaces or text after the closing quote: papaparse's own rules apply
    }
    if (nextDelim !== -1 && (nextDelim < nextNewline || nextNewline === -1)) {
      cells[k++] = clean(text.substring(cursor, nextDelim));
      cursor = nextDelim + 1;
      nextDelim = text.indexOf(delimiter, cursor);
      continue;
    }
    if (nextNewline !== -1) {
      cells[k++] = clean(text.substring(cursor, nextNewline));
      endRecord();
      cursor = nextNewline + nlLen;
      nextNewline = text.indexOf(newline, cursor);
      continue;
    }
    break;
  }
  // The rest of the text is the last record's last cell ('' after a final line break).
  cells[k++] = clean(text.substring(cursor));
  endRecord();
  return rows;
}

/** A quoted cell's text: a doubled quote stands for one. */
function quotedValue(text: string, start: number, end: number, doubled: boolean): string {
  const v = text.substring(start, end);
  return doubled ? v.replace(/""/g, '"') : v;
}
