// Import existing cases from a CSV or another tab: all rows (with their audit rows) or none.
import { appendAudit, auditEntry } from '../sheets/auditLog';
import { appendCases, readCases } from '../sheets/caseRepo';
import { peekCaseCounter, setCaseCounter } from '../sheets/documentState';
import { withDocumentLock } from '../sheets/lock';
import { readSettings } from '../sheets/settings';
import { appendVendors, readVendors } from '../sheets/vendorRepo';
import { readTab } from '../sheets/tabs';
import { buildImport, parseCsv } from '../domain/caseImport';
import { Cell } from '../domain/caseCells';
import { stamp } from './context';
import { maxCaseNumber } from './caseLog';

export interface ImportResult {
  imported: number;
  firstCaseId: string;
  lastCaseId: string;
  vendorsCreated: string[];
  legacyIds: number;
}

const LISTED = 50;
const MAX_ROWS = 20000;

function refuse(errors: { row: number; message: string }[]): never {
  const rows = new Set(errors.map((e) => e.row)).size;
  const lines = errors.slice(0, LISTED).map((e) => `  row ${e.row}: ${e.message}`);
  const more = errors.length > LISTED ? `\n  … and ${errors.length - LISTED} more` : '';
  throw new Error(`Import refused: ${rows} row${rows === 1 ? ' has' : 's have'} problems (nothing was imported):\n${lines.join('\n')}${more}`);
}

function tableFromSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): Cell[][] {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`No tab named "${name}"`);
  if (sheet.getName() === 'Cases') throw new Error('Choose the tab holding the old log, not Cases itself.');
  const tab = readTab(sheet, true);
  // Dates as the person sees them; numbers stay numbers (amounts keep their digits).
  const toCell = (v: unknown, shown: string): Cell => (Object.prototype.toString.call(v) === '[object Date]' ? shown : v === null || v === undefined ? '' : (v as Cell));
  return [tab.header, ...tab.rows.map((r, i) => r.map((v, c) => toCell(v, tab.display![i][c])))];
}

export function importCases(source: unknown): ImportResult {
  const src = (source && typeof source === 'object' ? source : {}) as { csv?: unknown; sheetName?: unknown };
  const s = stamp();
  let table: Cell[][];
  if (typeof src.csv === 'string') {
    const parsed = parseCsv(src.csv);
    if (parsed.errors.length) refuse(parsed.errors);
    table = parsed.rows;
  } else if (typeof src.sheetName === 'string' && src.sheetName.trim()) {
    table = tableFromSheet(s.ss, src.sheetName.trim());
  } else {
    throw new Error('Give either {csv: "..."} or {sheetName: "..."}');
  }
  if (table.length - 1 > MAX_ROWS) throw new Error(`The file has ${table.length - 1} rows; import at most ${MAX_ROWS} at a time.`);
  return withDocumentLock(() => {
    const settings = readSettings(s.ss);
    const vendors = readVendors(s.ss);
    const cases = readCases(s.ss);
    const outcome = buildImport(table, {
      vendors: vendors.vendors,
      reasons: settings.reasons,
      today: s.today,
      defaultSlaDays: settings.defaultSlaDays,
      existingCaseIds: new Set(cases.byId.keys()),
      existingCases: cases.rows.map((r) => ({ caseId: r.record.caseId, orderNo: r.record.orderNo, vendorId: r.record.vendorId, notes: r.record.notes })),
      nextSeq: Math.max(peekCaseCounter(), maxCaseNumber(cases)) + 1,
      user: s.user,
      now: s.time,
    });
    if (!outcome.ok) refuse(outcome.errors);
    const { records, newVendors } = outcome;
    appendVendors(s.ss, vendors, newVendors);
    appendCases(s.ss, cases, records);
    appendAudit(s.ss, [
      ...newVendors.map((v) => auditEntry(s, '', 'vendor added', 'Vendor', '', `${v.vendorId} ${v.name} (${v.tag}) by import`)),
      ...records.map((r) => auditEntry(s, r.caseId, 'imported', 'Case', '', `${r.vendorId} · order ${r.orderNo} · ${r.amount} ${r.currency} · ${r.status}`)),
    ]);
    setCaseCounter(outcome.lastSeq);
    return {
      imported: records.length,
      firstCaseId: records[0].caseId,
      lastCaseId: records[records.length - 1].caseId,
      vendorsCreated: newVendors.map((v) => v.vendorId),
      legacyIds: outcome.legacyIds,
    };
  });
}
