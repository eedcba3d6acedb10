// The statement import's pure core: bytes in, normalised lines or row-numbered errors out.
// Refuses bytes that cannot be a text export (binary.ts), then detects the encoding, the format (OFX/QFX, camt.053/054, MT940, else CSV) and the CSV
// profile, then gives every line its stable Line ID.
import { decodeBytes, type Decode } from './encoding';
import { notStatementReason } from './binary';
import { looksLikeOfx, readOfx } from './ofx';
import { camtKind, readCamt } from './camt';
import { looksLikeMt940, readMt940 } from './mt940';
import { readCsv } from './csv';
import { CSV_PROFILES } from './profiles';
import { assignLineIds } from './lineId';
import type { CsvProfile } from './csvProfile';
import type { DraftLine, ImportOptions, ParsedStatement } from './types';

export interface StatementFile {
  fileName: string;
  bytes: ArrayLike<number>;
}

function empty(): ParsedStatement {
  return {
    format: 'csv', profileId: '', profileLabel: '', source: '', account: '', encoding: null, delimiter: '',
    headerRow: 0, headers: [], mapping: null, dateOrder: null, numberFormats: {}, lines: [], errors: [],
    warnings: [], period: { from: '', to: '' }, needsDateOrder: false, needsMapping: false, sampleRows: [],
  };
}

function finish(out: ParsedStatement, drafts: DraftLine[]): ParsedStatement {
  const source = [out.source, out.account].filter((x) => x).join(' ');
  out.lines = assignLineIds(source, drafts);
  let from = '';
  let to = '';
  for (const l of out.lines) {
    const d = l.bookingDate;
    if (!d) continue;
    if (!from || d < from) from = d;
    if (!to || d > to) to = d;
  }
  out.period = { from, to };
  if (!out.lines.length && !out.errors.length) out.errors.push({ row: 0, message: 'No transactions found in the file' });
  // Nothing is written unless the whole file was understood.
  if (out.errors.length) out.errors.sort((a, b) => a.row - b.row);
  return out;
}

/** Reads already-decoded text (a pasted tab arrives as text). */
export function parseStatementText(text: string, fileName: string, options: ImportOptions = {}, profiles: CsvProfile[] = CSV_PROFILES): ParsedStatement {
  const out = empty();
  const body = text.replace(/^\ufeff/, '');
  if (!body.trim()) { out.errors.push({ row: 1, message: 'The file is empty' }); return out; }
  const lower = fileName.toLowerCase();
  if (looksLikeOfx(body) || /\.(ofx|qfx|qbo)$/.test(lower) && /<STMTTRN>/i.test(body)) {
    const r = readOfx(body, options.currency);
    Object.assign(out, { format: 'ofx', profileId: /\.qfx$/.test(lower) ? 'qfx' : 'ofx', profileLabel: /<\?xml|<\?OFX/i.test(body) ? 'OFX 2.x (XML)' : /OFXHEADER\s*:\s*100/.test(body) ? 'OFX 1.x (SGML)' : 'OFX / QFX without header', source: r.bank ? `OFX ${r.bank}` : 'OFX', account: r.account, errors: r.errors });
    return finish(out, r.drafts);
  }
  const camt = camtKind(body);
  if (camt) {
    const r = readCamt(body);
    Object.assign(out, { format: camt, profileId: camt, profileLabel: `ISO 20022 ${camt}`, source: camt.toUpperCase(), account: r.account, errors: r.errors, warnings: r.warnings });
    return finish(out, r.drafts);
  }
  if (looksLikeMt940(body)) {
    const r = readMt940(body);
    Object.assign(out, { format: 'mt940', profileId: 'mt940', profileLabel: /:NS:/.test(body) ? 'SWIFT MT940 (:NS: variant)' : 'SWIFT MT940', source: 'MT940', account: r.account, errors: r.errors });
    return finish(out, r.drafts);
  }
  const r = readCsv(body, profiles, options);
  Object.assign(out, {
    format: 'csv', profileId: r.profile?.id ?? '', profileLabel: r.profile?.label ?? 'Unknown layout', source: r.profile?.source ?? 'CSV',
    delimiter: r.delimiter, headerRow: r.headerRow, headers: r.headers, mapping: r.mapping, dateOrder: r.dateOrder,
    numberFormats: r.numberFormats, errors: r.errors, warnings: r.warnings, needsDateOrder: r.needsDateOrder, needsMapping: r.needsMapping, sampleRows: r.sample,
  });
  return finish(out, r.drafts);
}

/** Reads a file's bytes; `decode` is the adapter's charset decoder. */
export function parseStatement(file: StatementFile, decode: Decode, options: ImportOptions = {}): ParsedStatement {
  // Before any charset guess: every byte sequence decodes as Windows-1252, so an image or an
  // archive would otherwise come back as a garbled preview. A chosen charset does not change
  // what the bytes are, so this holds for it too.
  const refused = notStatementReason(file.bytes);
  if (refused) {
    const out = empty();
    out.errors.push({ row: 0, message: refused });
    return out;
  }
  let decoded;
  try { decoded = decodeBytes(file.bytes, decode, options.charset); } catch (e) {
    const out = empty();
    out.errors.push({ row: 0, message: `Cannot decode the file: ${(e as Error).message}` });
    return out;
  }
  const out = parseStatementText(decoded.text, file.fileName, options);
  out.encoding = decoded.encoding;
  return out;
}
