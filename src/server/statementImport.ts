// Statement import use cases (DESIGN §5 Import): an uploaded file or a pasted tab → one
// `Stmt <source> <period>` tab, written once, only when the whole file was understood, with
// only the lines no Stmt tab has yet. The callables are re-exported by statements.ts.
import Papa from 'papaparse/papaparse.min.js';
import * as z from 'zod';
import { validateRequest } from './request';
import { formatAmount } from '../domain/money';
import { isCurrencyCode } from '../domain/currency';
import { parseStatement, parseStatementText } from '../domain/statements/parse';
import { CSV_PROFILES } from '../domain/statements/profiles';
import type { StatementLine } from '../domain/statements/line';
import type { ImportOptions, ParsedStatement, RowError, SavedProfile } from '../domain/statements/types';
import { STATEMENT_TAB_PREFIX, TAB } from '../sheets/layout';
import { MATCHES_TAB } from '../domain/reconcile/decisions';
import { withDocumentLock } from '../sheets/lock';
import { base64Bytes, decodeWithUtilities, existingLineIds, fitTabName, freeStatementTabName, periodLabel, PROFILES_TAB, readSavedProfiles, saveProfile, writeStatementTab } from '../sheets/statementRepo';

const mappingSchema = z.object({
  date: z.string().min(1),
  valueDate: z.string().optional(),
  amount: z.string().optional(),
  debit: z.string().optional(),
  credit: z.string().optional(),
  direction: z.string().optional(),
  currency: z.string().optional(),
  counterparty: z.string().optional(),
  counterpartyAccount: z.string().optional(),
  reference: z.string().optional(),
  description: z.union([z.string(), z.array(z.string())]).optional(),
  fee: z.string().optional(),
  status: z.string().optional(),
  originalAmount: z.string().optional(),
  originalCurrency: z.string().optional(),
}).strip();

const optionsShape = {
  profile: z.string().optional(),
  mapping: mappingSchema.optional(),
  dateOrder: z.enum(['DMY', 'MDY']).optional(),
  decimalMark: z.enum(['.', ',']).optional(),
  currency: z.string().optional().refine((c) => !c || isCurrencyCode(c), 'not an ISO 4217 currency code'),
  signConvention: z.enum(['natural', 'spend-positive']).optional(),
  charset: z.enum(['UTF-8', 'GB18030', 'windows-1252', 'ISO-8859-1']).optional(),
  /** With a mapping: the name it is saved under (the source of its Line IDs). */
  sourceName: z.string().max(60).optional(),
};
export const fileRequestSchema = z.object({
  fileName: z.string().min(1).max(255),
  contentBase64: z.string().min(1, 'The file is empty'),
  /** Name of the tab to write (default `Stmt <source> <period>`). */
  sheetName: z.string().max(90).optional(),
  ...optionsShape,
});
export type FileRequest = z.infer<typeof fileRequestSchema>;
const sheetRequestSchema = z.object({ sheetName: z.string().min(1), ...optionsShape });

export const saveProfileSchema = z.object({
  name: z.string().min(1).max(60),
  headers: z.array(z.string()).min(1),
  mapping: mappingSchema,
  dateOrder: z.enum(['DMY', 'MDY']).optional(),
  decimalMark: z.enum(['.', ',']).optional(),
  currency: z.string().optional(),
  signConvention: z.enum(['natural', 'spend-positive']).optional(),
});


/** A line as plain strings, for the dialog (google.script.run carries no Decimal). */
export interface LineView {
  lineId: string; bookingDate: string; valueDate: string; amount: string; currency: string; counterparty: string;
  reference: string; description: string; fee: string; original: string; kind: string; sourceRow: number;
}
function lineView(l: StatementLine): LineView {
  const fmt = (v: StatementLine['amount'], c: string) => { try { return formatAmount(v, c); } catch { return v.toString(); } };
  return {
    lineId: l.lineId, bookingDate: l.bookingDate, valueDate: l.valueDate, amount: fmt(l.amount, l.currency), currency: l.currency,
    counterparty: l.counterparty, reference: l.reference, description: l.description, fee: l.fee ? fmt(l.fee, l.currency) : '',
    original: l.originalAmount && l.originalCurrency ? `${fmt(l.originalAmount, l.originalCurrency)} ${l.originalCurrency}` : '', kind: l.kind, sourceRow: l.sourceRow,
  };
}

export interface StatementPreview {
  fileName: string;
  format: string;
  profileId: string;
  profileLabel: string;
  source: string;
  account: string;
  encoding: string;
  encodingReason: string;
  delimiter: string;
  headerRow: number;
  headers: string[];
  mapping: NonNullable<ImportOptions['mapping']> | null;
  dateOrder: string;
  dateOrderHow: string;
  needsDateOrder: boolean;
  needsMapping: boolean;
  numberFormats: Record<string, string>;
  lineCount: number;
  alreadyImported: number;
  lines: LineView[];
  sampleRows: string[][];
  errors: RowError[];
  warnings: string[];
  period: { from: string; to: string };
  tabName: string;
  profiles: { id: string; label: string }[];
}

export interface ImportResult {
  ok: boolean;
  tabName: string;
  newCount: number;
  alreadyCount: number;
  message: string;
  errors: RowError[];
}

/** The parts of a statement's tab name: "Stmt <source>" and its period ("2026-09", "2026-09..11"). */
export function tabNamePartsFor(p: ParsedStatement): { head: string; tail: string } {
  return { head: `${STATEMENT_TAB_PREFIX}${p.source || 'Statement'}`, tail: periodLabel(p.period.from, p.period.to) };
}

/** The tab name a statement gets in a workbook with these tabs (at most 31 characters, unique). */
export function tabNameFor(p: ParsedStatement, taken: Iterable<string> = []): string {
  const { head, tail } = tabNamePartsFor(p);
  return fitTabName(taken, head, tail);
}

function optionsOf(req: Partial<FileRequest>, saved: SavedProfile[]): ImportOptions {
  return {
    profile: req.profile, mapping: req.mapping, dateOrder: req.dateOrder, decimalMark: req.decimalMark, currency: req.currency,
    signConvention: req.signConvention, charset: req.charset, sourceName: req.sourceName, savedProfiles: saved,
  };
}

function errorSummary(errors: RowError[]): string {
  const shown = errors.slice(0, 20).map((e) => (e.row ? `Row ${e.row}: ${e.message}` : e.message));
  return `Nothing was imported: ${errors.length} problem${errors.length === 1 ? '' : 's'} in the file.\n${shown.join('\n')}${errors.length > 20 ? `\n… and ${errors.length - 20} more` : ''}`;
}

function parseUpload(req: FileRequest, saved: SavedProfile[]): ParsedStatement {
  return parseStatement({ fileName: req.fileName, bytes: base64Bytes(req.contentBase64) }, decodeWithUtilities, optionsOf(req, saved));
}

/** Writes the lines no Stmt tab has yet; the check and the write hold the document lock. */
function commit(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, parsed: ParsedStatement, sheetName?: string): ImportResult {
  if (parsed.errors.length || parsed.needsDateOrder || parsed.needsMapping) {
    return { ok: false, tabName: '', newCount: 0, alreadyCount: 0, message: errorSummary(parsed.errors), errors: parsed.errors };
  }
  return withDocumentLock(() => {
    const known = existingLineIds(ss);
    const fresh = parsed.lines.filter((l) => !known.has(l.lineId));
    const already = parsed.lines.length - fresh.length;
    if (!fresh.length) {
      return { ok: true, tabName: '', newCount: 0, alreadyCount: already, message: `0 new, ${already} already imported`, errors: [] };
    }
    const name = sheetName
      ? freeStatementTabName(ss, sheetName.startsWith(STATEMENT_TAB_PREFIX) ? sheetName : `${STATEMENT_TAB_PREFIX}${sheetName}`)
      : freeStatementTabName(ss, tabNamePartsFor(parsed).head, tabNamePartsFor(parsed).tail);
    writeStatementTab(ss, name, fresh);
    return { ok: true, tabName: name, newCount: fresh.length, alreadyCount: already, message: `${fresh.length} new, ${already} already imported → ${name}`, errors: [] };
  });
}

export function previewUpload(input: unknown): StatementPreview {
  const req = validateRequest(fileRequestSchema, input);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const saved = readSavedProfiles(ss);
  const parsed = parseUpload(req, saved);
  const known = parsed.errors.length ? new Set<string>() : existingLineIds(ss);
  return {
    fileName: req.fileName,
    format: parsed.format,
    profileId: parsed.profileId,
    profileLabel: parsed.profileLabel,
    source: parsed.source,
    account: parsed.account,
    encoding: parsed.encoding ? `${parsed.encoding.charset}${parsed.encoding.bom ? ' (BOM)' : ''}` : '',
    encodingReason: parsed.encoding?.reason ?? '',
    delimiter: parsed.delimiter === '\t' ? 'tab' : parsed.delimiter,
    headerRow: parsed.headerRow,
    headers: parsed.headers,
    mapping: parsed.mapping,
    dateOrder: parsed.dateOrder?.order ?? '',
    dateOrderHow: parsed.dateOrder?.how ?? '',
    needsDateOrder: parsed.needsDateOrder,
    needsMapping: parsed.needsMapping,
    numberFormats: Object.fromEntries(Object.entries(parsed.numberFormats).map(([k, v]) => [k, `decimal "${v.mark}" (${v.how})`])),
    lineCount: parsed.lines.length,
    alreadyImported: parsed.lines.filter((l) => known.has(l.lineId)).length,
    lines: parsed.lines.slice(0, 20).map(lineView),
    sampleRows: parsed.sampleRows.slice(0, 12).map((r) => r.slice(0, 30)),
    errors: parsed.errors.slice(0, 200),
    warnings: parsed.warnings,
    period: parsed.period,
    tabName: tabNameFor(parsed, ss.getSheets().map((s) => s.getName())),
    profiles: [...saved.map((s) => ({ id: `saved:${s.name}`, label: `${s.name} (saved)` })), ...CSV_PROFILES.map((p) => ({ id: p.id, label: p.label }))],
  };
}

export function importUpload(input: unknown): ImportResult {
  const req = validateRequest(fileRequestSchema, input);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return commit(ss, parseUpload(req, readSavedProfiles(ss)), req.sheetName);
}

/** A tab where the user pasted an export: its displayed text is read as a CSV. */
export function importPastedTab(sheetName: unknown, mapping?: unknown): ImportResult {
  const req = validateRequest(sheetRequestSchema, typeof sheetName === 'object' && sheetName !== null ? sheetName : { sheetName, mapping });
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(req.sheetName);
  if (!sheet) throw new Error(`No tab named "${req.sheetName}"`);
  if (req.sheetName.startsWith(STATEMENT_TAB_PREFIX)) throw new Error(`"${req.sheetName}" is already a statement tab`);
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow < 1 || lastCol < 1) throw new Error(`The tab "${req.sheetName}" is empty`);
  const display = sheet.getRange(1, 1, lastRow, lastCol).getDisplayValues();
  const text = Papa.unparse(display, { quotes: true, newline: '\n' });
  const parsed = parseStatementText(text, `${req.sheetName}.csv`, optionsOf(req, readSavedProfiles(ss)));
  return commit(ss, parsed);
}

export function saveMapping(input: unknown): { ok: true; name: string } {
  const p = validateRequest(saveProfileSchema, input);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  withDocumentLock(() => saveProfile(ss, p as SavedProfile, new Date().toISOString()));
  return { ok: true, name: p.name };
}

/** Tabs a user may have pasted an export into: not the add-on's own tabs (Cases, Audit Log,
 *  Stmt …, Recon …, Matches, Import Profiles …), which would never read as a statement. */
export function tabsForImport(): string[] {
  const own = new Set<string>([...Object.values(TAB), MATCHES_TAB, PROFILES_TAB]);
  return SpreadsheetApp.getActiveSpreadsheet().getSheets().map((s) => s.getName())
    .filter((n) => !own.has(n) && !n.startsWith(STATEMENT_TAB_PREFIX) && !/^Recon \d{4}-\d{2}$/.test(n));
}
