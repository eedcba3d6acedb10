// The local workbook file: a real .xlsx (ExcelJS) that LibreOffice/Excel open and Google Sheets
// imports, plus a sidecar `<file>.sheets.json` for what .xlsx cannot hold the Sheets way:
// spreadsheet id/time zone/locale/owner, protection editor lists, Apps Script validation
// criteria, filter criteria, conditional-format rules, rich-text links, grid sizes, sheet ids.
// Values and number formats always come from the .xlsx, so edits made in Excel survive.
import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, threadId } from 'node:worker_threads';
import { columnToLetters, rectA1, parseA1 } from './a1';
import type { Rect } from './a1';
import { formatKind, isDateKind } from './format';
import { SheetModel, Style, WorkbookModel, Scalar, RichText, ConditionalRuleModel, FilterModel, ProtectionModel } from './model';

const SIDECAR_VERSION = 1;
const ERRORS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!', '#ERROR!']);

export function sidecarPath(path: string): string {
  return `${path}.sheets.json`;
}

/** Excel serial ↔ ExcelJS Date: ExcelJS treats serials as UTC wall time. */
function excelDateToSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

function argb(color: string | undefined): string | undefined {
  if (!color || !/^#[0-9a-f]{6}$/i.test(color)) return undefined;
  return 'FF' + color.slice(1).toUpperCase();
}
function fromArgb(a: string | undefined): string | undefined {
  if (!a || a.length < 6) return undefined;
  return '#' + a.slice(-6).toLowerCase();
}

// Dates in the sidecar travel as {$date: iso}. A JSON.stringify replacer / JSON.parse reviver does
// this in the native pass (the recursive copy it replaces cost ~0.3 s per save of a set-up workbook).
function dateReplacer(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  return raw instanceof Date ? { $date: raw.toISOString() } : value;
}
function dateReviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    if (typeof o.$date === 'string') {
      let n = 0;
      for (const _ in o) n++;
      if (n === 1) return new Date(o.$date);
    }
  }
  return value;
}

interface SidecarSheet {
  name: string;
  id: number;
  maxRows: number;
  maxCols: number;
  hidden: boolean;
  tabColor: string | null;
  frozenRows: number;
  frozenCols: number;
  colWidths: Record<number, number>;
  hiddenCols: number[];
  hiddenRows: number[];
  filter: FilterModel | null;
  cfRules: ConditionalRuleModel[];
  merges: Rect[];
  /** Style table and per-cell style index (`r,c` → index), the full Sheets-side formatting. */
  styles: Style[];
  cellStyles: Record<string, number>;
  rich: Record<string, RichText>;
}
/** The workbook-level facts a save carries (and the sidecar keeps beside the .xlsx). */
interface WorkbookFacts {
  id: string;
  name: string;
  owner: string;
  timeZone: string;
  locale: string;
  activeSheetId: number;
  nextSheetId: number;
  nextProtectionId: number;
  protections: ProtectionModel[];
}
/** The workbook-level facts of a model or snapshot, protections as given. */
function factsOf(wb: WorkbookFacts): WorkbookFacts {
  const { id, name, owner, timeZone, locale, activeSheetId, nextSheetId, nextProtectionId, protections } = wb;
  return { id, name, owner, timeZone, locale, activeSheetId, nextSheetId, nextProtectionId, protections };
}
interface Sidecar extends WorkbookFacts {
  version: number;
  sheets: SidecarSheet[];
}

/** What a save writes, as plain data: it crosses to the save worker by structured clone (a
 *  consistent copy taken at once, so executions may go on changing the model meanwhile). */
export interface SaveSnapshot extends WorkbookFacts {
  sheets: SnapshotSheet[];
}
type SnapshotSheet = Pick<
  SheetModel,
  'id' | 'name' | 'rows' | 'maxRows' | 'maxCols' | 'frozenRows' | 'frozenCols' | 'colWidths' | 'hiddenCols' | 'hiddenRows' | 'hidden' | 'tabColor' | 'filter' | 'cfRules' | 'merges'
> & {
  /** Current results of the formula cells (`r,c` → value), cached into the .xlsx. */
  formulaValues: Record<string, Scalar | null>;
};

/** The workbook's saved state (cheap: references the model's rows; formulas are evaluated). */
export function snapshotForSave(wb: WorkbookModel): SaveSnapshot {
  return {
    ...factsOf(wb),
    sheets: wb.sheets.map((s) => {
      const formulaValues: Record<string, Scalar | null> = {};
      s.rows.forEach((row, ri) => {
        if (!row?.f) return;
        row.f.forEach((f, ci) => {
          if (f) formulaValues[`${ri + 1},${ci + 1}`] = wb.rawValue(s, ri + 1, ci + 1);
        });
      });
      return {
        id: s.id, name: s.name, rows: s.rows, maxRows: s.maxRows, maxCols: s.maxCols, frozenRows: s.frozenRows, frozenCols: s.frozenCols,
        colWidths: s.colWidths, hiddenCols: s.hiddenCols, hiddenRows: s.hiddenRows, hidden: s.hidden, tabColor: s.tabColor,
        filter: s.filter, cfRules: s.cfRules, merges: s.merges, formulaValues,
      };
    }),
  };
}

export async function saveXlsx(wb: WorkbookModel, path: string): Promise<void> {
  await writeSnapshot(snapshotForSave(wb), path);
}

/** Writes a snapshot: the .xlsx (ExcelJS) and the .sheets.json sidecar, each through a temp file
 *  and a rename. This is the CPU-heavy part of a save (about 1 s for a set-up workbook), so the
 *  runtime runs it in a worker thread (saveXlsxOffThread). */
export async function writeSnapshot(wb: SaveSnapshot, path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.creator = wb.owner;
  book.title = wb.name;
  const sidecar: Sidecar = {
    version: SIDECAR_VERSION,
    ...factsOf(wb),
    protections: wb.protections.map((p) => JSON.parse(JSON.stringify(p))),
    sheets: [],
  };
  for (const s of wb.sheets) {
    const ws = book.addWorksheet(s.name, {
      state: s.hidden ? 'hidden' : 'visible',
      properties: s.tabColor && argb(s.tabColor) ? { tabColor: { argb: argb(s.tabColor)! } } : undefined,
      views: s.frozenRows || s.frozenCols ? [{ state: 'frozen', xSplit: s.frozenCols, ySplit: s.frozenRows }] : [{}],
    });
    const styleIndex = new Map<Style, number>(); // styles are shared objects (kept so by structured clone)
    const dvCells = new Map<ExcelJS.DataValidation, Map<number, number[]>>();
    const sideSheet: SidecarSheet = {
      name: s.name,
      id: s.id,
      maxRows: s.maxRows,
      maxCols: s.maxCols,
      hidden: s.hidden,
      tabColor: s.tabColor,
      frozenRows: s.frozenRows,
      frozenCols: s.frozenCols,
      colWidths: { ...s.colWidths },
      hiddenCols: [...s.hiddenCols],
      hiddenRows: [...s.hiddenRows],
      filter: s.filter ? JSON.parse(JSON.stringify(s.filter)) : null,
      cfRules: s.cfRules as ConditionalRuleModel[], // Dates encoded when the sidecar is written
      merges: s.merges.map((m) => ({ ...m })),
      styles: [],
      cellStyles: {},
      rich: {},
    };
    for (const [c, w] of Object.entries(s.colWidths)) ws.getColumn(Number(c)).width = Math.round((w / 7) * 100) / 100;
    for (const c of s.hiddenCols) ws.getColumn(c).hidden = true;
    s.rows.forEach((row, ri) => {
      if (!row) return;
      const r = ri + 1;
      const n = Math.max(row.v.length, row.f?.length ?? 0, row.s?.length ?? 0, row.n?.length ?? 0, row.r?.length ?? 0);
      for (let c = 1; c <= n; c++) {
        const f = row.f?.[c - 1];
        const st = row.s?.[c - 1];
        const note = row.n?.[c - 1];
        const rich = row.r?.[c - 1];
        let v: Scalar | null | undefined = row.v[c - 1];
        if (f) v = s.formulaValues[`${r},${c}`] ?? null;
        if ((v === null || v === undefined || v === '') && !f && !st && !note) continue;
        const cell = ws.getCell(r, c);
        if (f) {
          const result = typeof v === 'string' && ERRORS.has(v) ? { error: v as '#N/A' } : (v ?? undefined);
          cell.value = { formula: f.replace(/^=/, ''), result } as ExcelJS.CellFormulaValue;
        } else if (rich && rich.runs.some((x) => x.url)) {
          cell.value = { text: rich.text, hyperlink: rich.runs.find((x) => x.url)!.url! };
        } else if (v !== null && v !== undefined && v !== '') cell.value = v;
        if (st) {
          if (st.nf) cell.numFmt = st.nf;
          if (st.bg && argb(st.bg)) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(st.bg)! } };
          if (st.bold || st.color || st.italic || st.family || st.size)
            cell.font = { bold: st.bold, italic: st.italic, name: st.family, size: st.size, color: argb(st.color) ? { argb: argb(st.color)! } : undefined };
          if (st.hAlign || st.wrap) cell.alignment = { horizontal: (st.hAlign === 'center' || st.hAlign === 'left' || st.hAlign === 'right' ? st.hAlign : undefined), wrapText: st.wrap === 'WRAP' };
          if (st.dv) {
            const x = toExcelValidation(st.dv);
            if (x) {
              let byCol = dvCells.get(x);
              if (!byCol) dvCells.set(x, (byCol = new Map()));
              let rows = byCol.get(c);
              if (!rows) byCol.set(c, (rows = []));
              rows.push(r);
            }
          }
          let idx = styleIndex.get(st);
          if (idx === undefined) {
            idx = sideSheet.styles.length;
            sideSheet.styles.push(st); // Dates encoded when the sidecar is written
            styleIndex.set(st, idx);
          }
          sideSheet.cellStyles[`${r},${c}`] = idx;
        }
        if (note) cell.note = note;
        if (rich) sideSheet.rich[`${r},${c}`] = rich;
      }
    });
    addValidationRanges(ws, dvCells);
    if (s.filter) ws.autoFilter = rectA1(s.filter.rect);
    for (const m of s.merges) {
      try {
        ws.mergeCells(rectA1(m));
      } catch {
        /* overlapping merges are ignored by Excel too */
      }
    }
    for (const rule of s.cfRules) {
      const x = toExcelRule(rule);
      if (x) ws.addConditionalFormatting(x);
    }
    // The sheet-protection flag (Excel has no per-user editors; those live in the sidecar).
    if (wb.protections.some((p) => p.sheetId === s.id && p.type === 'SHEET' && p.editors !== null && !p.warningOnly))
      await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, sort: true, autoFilter: true });
    sidecar.sheets.push(sideSheet);
  }
  const tag = `${process.pid}-${threadId}`;
  const tmp = `${path}.tmp-${tag}`;
  await book.xlsx.writeFile(tmp);
  writeFileSync(`${sidecarPath(path)}.tmp-${tag}`, JSON.stringify(sidecar, dateReplacer, 1));
  renameSync(tmp, path);
  renameSync(`${sidecarPath(path)}.tmp-${tag}`, sidecarPath(path));
}

// ---- the save worker (saveWorker.cjs) ----
interface SaveJob {
  resolve: () => void;
  reject: (e: Error) => void;
  snapshot: SaveSnapshot;
  path: string;
}
let saver: { worker: Worker; jobs: Map<number, SaveJob>; next: number } | undefined;
let saverBroken = false;
let saverEnabled = true;
let offThreadSaves = 0;
/** How many saves the save worker has written in this process (tests). */
export function offThreadSaveCount(): number {
  return offThreadSaves;
}

/** Whether saves go to the save worker (default) or are written on this thread: a one-shot
 *  command (`rcl call`) saves once and exits, and starting the worker (a thread, tsx, ExcelJS)
 *  costs more than it saves there. Returns the previous setting. */
export function setSaveWorker(enabled: boolean): boolean {
  const was = saverEnabled;
  saverEnabled = enabled;
  return was;
}

function saveWorker(): typeof saver {
  if (!saverEnabled || process.env.RCL_SAVE_IN_PROCESS === '1') return undefined;
  if (saver || saverBroken) return saver;
  const file = join(__dirname, 'saveWorker.cjs');
  if (!existsSync(file)) return undefined;
  const worker = new Worker(file);
  worker.unref(); // an idle save worker never keeps the process alive
  const s = { worker, jobs: new Map<number, SaveJob>(), next: 1 };
  worker.on('message', (m: { id: number; ok: boolean; message?: string }) => {
    const job = s.jobs.get(m.id);
    if (!job) return;
    s.jobs.delete(m.id);
    if (!s.jobs.size) worker.unref();
    if (m.ok) offThreadSaves++;
    if (m.ok) job.resolve();
    else job.reject(new Error(m.message ?? 'save failed'));
  });
  const fail = (e: unknown): void => {
    // The worker could not start or died: write its jobs here, and stop using it.
    if (saver === s) saver = undefined;
    saverBroken = true;
    const jobs = [...s.jobs.values()];
    s.jobs.clear();
    void (async () => {
      for (const j of jobs) await writeSnapshot(j.snapshot, j.path).then(j.resolve, (err: Error) => j.reject(err ?? (e as Error)));
    })();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (s.jobs.size) fail(new Error(`save worker exited with ${code}`));
    else if (saver === s) saver = undefined;
  });
  saver = s;
  return s;
}

/** Saves on the save worker: the snapshot is taken (and copied) synchronously, so the file holds
 *  the workbook as it was at this call whatever executions do meanwhile; the main thread only
 *  pays for the snapshot and the copy (tens of ms), not for ExcelJS and the zip. Falls back to
 *  writing on this thread when no worker can run (RCL_SAVE_IN_PROCESS=1 forces that). */
export function saveXlsxOffThread(wb: WorkbookModel, path: string): Promise<void> {
  const snapshot = snapshotForSave(wb);
  const s = saveWorker();
  if (!s) return writeSnapshot(snapshot, path);
  return new Promise<void>((resolve, reject) => {
    const id = s.next++;
    s.jobs.set(id, { resolve, reject, snapshot, path });
    s.worker.ref();
    try {
      s.worker.postMessage({ id, snapshot, path });
    } catch (e) {
      // Not cloneable (should not happen: the model is plain data): write it here.
      s.jobs.delete(id);
      if (!s.jobs.size) s.worker.unref();
      writeSnapshot(snapshot, path).then(resolve, reject);
    }
  });
}

/** Validations go in as rectangles (runs of rows per column, equal runs of neighbouring columns
 *  merged) rather than one per cell: ExcelJS's own per-cell squeeze took ~0.3 s on a set-up
 *  workbook. The file says the same thing (ExcelJS expands ranges again when reading). */
function addValidationRanges(ws: ExcelJS.Worksheet, dvCells: Map<ExcelJS.DataValidation, Map<number, number[]>>): void {
  const dvs = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const [x, byCol] of dvCells) {
    const runs = new Map<string, number[]>(); // "top:bottom" -> columns
    for (const [c, rows] of byCol) {
      let start = rows[0];
      for (let i = 1; i <= rows.length; i++) {
        if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
        const key = `${start}:${rows[i - 1]}`;
        let cols = runs.get(key);
        if (!cols) runs.set(key, (cols = []));
        cols.push(c);
        start = rows[i];
      }
    }
    for (const [key, cols] of runs) {
      const [top, bottom] = key.split(':').map(Number);
      cols.sort((a, b) => a - b);
      for (let i = 0; i < cols.length; ) {
        let j = i;
        while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
        const rect = { row: top, col: cols[i], numRows: bottom - top + 1, numCols: cols[j] - cols[i] + 1 };
        dvs.add(rectA1(rect), x);
        i = j + 1;
      }
    }
  }
}

// One conversion per validation rule (rules are shared by every cell they cover).
const excelValidationCache = new WeakMap<object, ExcelJS.DataValidation | undefined>();
function toExcelValidation(dv: Style['dv']): ExcelJS.DataValidation | undefined {
  if (!dv) return undefined;
  if (excelValidationCache.has(dv)) return excelValidationCache.get(dv);
  const x = toExcelValidationUncached(dv);
  excelValidationCache.set(dv, x);
  return x;
}
function toExcelValidationUncached(dv: NonNullable<Style['dv']>): ExcelJS.DataValidation | undefined {
  const common = {
    allowBlank: true,
    showErrorMessage: !dv.allowInvalid,
    errorStyle: dv.allowInvalid ? 'warning' : 'stop',
    prompt: dv.helpText || undefined,
    showInputMessage: !!dv.helpText,
  };
  const a = dv.args;
  const d = (x: unknown) => (x instanceof Date ? excelDateToSerial(new Date(Date.UTC(x.getFullYear(), x.getMonth(), x.getDate()))) : Number(x));
  switch (dv.criteria) {
    case 'VALUE_IN_LIST': {
      const items = (a[0] as string[]).map((x) => x.replace(/"/g, '""'));
      return { ...common, type: 'list', formulae: [`"${items.join(',')}"`] };
    }
    case 'VALUE_IN_RANGE': {
      const ref = a[0] as { sheet: string; a1: string };
      const abs = ref.a1.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
      return { ...common, type: 'list', formulae: [`'${ref.sheet.replace(/'/g, "''")}'!${abs}`] };
    }
    case 'NUMBER_GREATER_THAN': return { ...common, type: 'decimal', operator: 'greaterThan', formulae: [a[0]] };
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO': return { ...common, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [a[0]] };
    case 'NUMBER_LESS_THAN': return { ...common, type: 'decimal', operator: 'lessThan', formulae: [a[0]] };
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO': return { ...common, type: 'decimal', operator: 'lessThanOrEqual', formulae: [a[0]] };
    case 'NUMBER_BETWEEN': return { ...common, type: 'decimal', operator: 'between', formulae: [a[0], a[1]] };
    case 'NUMBER_EQUAL_TO': return { ...common, type: 'decimal', operator: 'equal', formulae: [a[0]] };
    case 'DATE_IS_VALID_DATE': return { ...common, type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(1900, 0, 1))] };
    case 'DATE_AFTER': return { ...common, type: 'date', operator: 'greaterThan', formulae: [d(a[0])] };
    case 'DATE_ON_OR_AFTER': return { ...common, type: 'date', operator: 'greaterThanOrEqual', formulae: [d(a[0])] };
    case 'DATE_BEFORE': return { ...common, type: 'date', operator: 'lessThan', formulae: [d(a[0])] };
    case 'DATE_BETWEEN': return { ...common, type: 'date', operator: 'between', formulae: [d(a[0]), d(a[1])] };
    case 'CHECKBOX': return { ...common, type: 'list', formulae: ['"TRUE,FALSE"'] };
    case 'CUSTOM_FORMULA': return { ...common, type: 'custom', formulae: [String(a[0]).replace(/^=/, '')] };
    case 'TEXT_IS_VALID_EMAIL': return { ...common, type: 'custom', formulae: ['ISNUMBER(MATCH("*@*.?*",A1,0))'] };
    default: return undefined;
  }
}

function toExcelRule(rule: ConditionalRuleModel): ExcelJS.ConditionalFormattingOptions | undefined {
  if (!rule.condition || !rule.ranges.length) return undefined;
  const style: ExcelJS.Style = {} as ExcelJS.Style;
  if (argb(rule.format.background)) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.format.background)! } };
  if (argb(rule.format.fontColor) || rule.format.bold) style.font = { bold: rule.format.bold, color: argb(rule.format.fontColor) ? { argb: argb(rule.format.fontColor)! } : undefined };
  const ref = rule.ranges.map(rectA1).join(' ');
  const tl = rule.ranges[0];
  const a1 = `${columnToLetters(tl.col)}${tl.row}`;
  const { type, args } = rule.condition;
  const q = (s: unknown) => `"${String(s).replace(/"/g, '""')}"`;
  let formula: string | undefined;
  switch (type) {
    case 'CUSTOM_FORMULA': formula = String(args[0]).replace(/^=/, ''); break;
    case 'TEXT_EQ': formula = `${a1}=${q(args[0])}`; break;
    case 'TEXT_CONTAINS': formula = `NOT(ISERROR(SEARCH(${q(args[0])},${a1})))`; break;
    case 'CELL_EMPTY': formula = `LEN(TRIM(${a1}))=0`; break;
    case 'CELL_NOT_EMPTY': formula = `LEN(TRIM(${a1}))>0`; break;
    case 'NUMBER_GREATER_THAN': formula = `${a1}>${Number(args[0])}`; break;
    case 'NUMBER_LESS_THAN': formula = `${a1}<${Number(args[0])}`; break;
    default: return undefined;
  }
  return { ref, rules: [{ type: 'expression', priority: 1, formulae: [formula], style }] };
}

/** Validation read from the .xlsx when there is no sidecar (a file edited in Excel/LibreOffice, or
 *  downloaded from Google Sheets): list literals, lists from a range (Sheets exports
 *  requireValueInRange as `'Sheet'!$A$2:$A$9`), number and date comparisons, custom formulas. */
function fromExcelValidation(dv: ExcelJS.DataValidation): Style['dv'] | undefined {
  const base = { allowInvalid: !dv.showErrorMessage || dv.errorStyle === 'warning' || dv.errorStyle === 'information', helpText: dv.prompt ?? '' };
  const f0 = dv.formulae?.[0] as unknown;
  if (dv.type === 'list' && typeof f0 === 'string' && f0.startsWith('"'))
    return { ...base, criteria: 'VALUE_IN_LIST', args: [f0.slice(1, -1).split(',').map((x) => x.replace(/""/g, '"')), true] };
  if (dv.type === 'list' && typeof f0 === 'string') {
    const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(f0.trim());
    if (m) {
      const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
      const a1 = `${m[3]}${m[4]}${m[5] ? `:${m[5]}${m[6]}` : ''}`;
      return { ...base, criteria: 'VALUE_IN_RANGE', args: [{ sheet, a1 }, true] };
    }
  }
  if (dv.type === 'decimal' || dv.type === 'whole') {
    const ops: Record<string, string> = { greaterThan: 'NUMBER_GREATER_THAN', greaterThanOrEqual: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', lessThan: 'NUMBER_LESS_THAN', lessThanOrEqual: 'NUMBER_LESS_THAN_OR_EQUAL_TO', between: 'NUMBER_BETWEEN', equal: 'NUMBER_EQUAL_TO' };
    const crit = ops[dv.operator ?? 'between'];
    if (crit) return { ...base, criteria: crit, args: (dv.formulae ?? []).map(Number) };
  }
  if (dv.type === 'date') {
    // ExcelJS gives the bound as a Date at UTC wall time (or a serial); the model keeps a local-midnight Date.
    const day = (x: unknown): Date | undefined => {
      const d = x instanceof Date ? x : typeof x === 'number' || (typeof x === 'string' && /^\d+(\.\d+)?$/.test(x)) ? new Date((Number(x) - 25569) * 86400000) : undefined;
      return d && !Number.isNaN(d.getTime()) ? new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) : undefined;
    };
    const a = day(f0);
    const op = dv.operator ?? 'between';
    // Sheets' "is a valid date" goes out as "greater than 1900-01-01" (toExcelValidation).
    if (op === 'greaterThan' && a && a.getFullYear() === 1900 && a.getMonth() === 0 && a.getDate() === 1) return { ...base, criteria: 'DATE_IS_VALID_DATE', args: [] };
    const ops: Record<string, string> = { greaterThan: 'DATE_AFTER', greaterThanOrEqual: 'DATE_ON_OR_AFTER', lessThan: 'DATE_BEFORE', between: 'DATE_BETWEEN' };
    const b = day(dv.formulae?.[1]);
    if (a && ops[op] && (op !== 'between' || b)) return { ...base, criteria: ops[op], args: op === 'between' ? [a, b] : [a] };
  }
  if (dv.type === 'custom' && typeof f0 === 'string' && f0) return { ...base, criteria: 'CUSTOM_FORMULA', args: [`=${f0.replace(/^=/, '')}`] };
  return undefined;
}

/** Conditional formatting read from the .xlsx when there is no sidecar: formula rules (what
 *  toExcelRule writes for every Sheets rule it can express, and what Sheets' own .xlsx export
 *  uses) and "cell value" comparisons, with their fill, font colour and bold. */
function fromExcelConditional(cf: { ref?: string; rules?: unknown[] }, maxRows: number, maxCols: number): ConditionalRuleModel[] {
  const ranges = String(cf.ref ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((r) => parseA1(r, maxRows, maxCols)?.rect)
    .filter((r): r is Rect => !!r);
  if (!ranges.length) return [];
  const out: ConditionalRuleModel[] = [];
  for (const raw of cf.rules ?? []) {
    const rule = raw as { type?: string; operator?: string; formulae?: unknown[]; style?: { fill?: { bgColor?: { argb?: string }; fgColor?: { argb?: string } }; font?: { color?: { argb?: string }; bold?: boolean; italic?: boolean } } };
    const f = rule.formulae ?? [];
    let condition: ConditionalRuleModel['condition'];
    if (rule.type === 'expression' && typeof f[0] === 'string') condition = { type: 'CUSTOM_FORMULA', args: [`=${f[0].replace(/^=/, '')}`] };
    else if (rule.type === 'cellIs' && f.length && Number.isFinite(Number(f[0]))) {
      const ops: Record<string, string> = { greaterThan: 'NUMBER_GREATER_THAN', lessThan: 'NUMBER_LESS_THAN', greaterThanOrEqual: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', lessThanOrEqual: 'NUMBER_LESS_THAN_OR_EQUAL_TO', equal: 'NUMBER_EQUAL_TO' };
      const t = ops[rule.operator ?? ''];
      if (t) condition = { type: t, args: [Number(f[0])] };
    }
    if (!condition) continue;
    const fill = rule.style?.fill;
    const format: ConditionalRuleModel['format'] = {};
    const bg = fromArgb(fill?.bgColor?.argb ?? fill?.fgColor?.argb);
    if (bg) format.background = bg;
    const fc = fromArgb(rule.style?.font?.color?.argb);
    if (fc) format.fontColor = fc;
    if (rule.style?.font?.bold) format.bold = true;
    if (rule.style?.font?.italic) format.italic = true;
    out.push({ ranges: ranges.map((r) => ({ ...r })), condition, format });
  }
  return out;
}

export async function loadXlsx(path: string): Promise<WorkbookModel> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const side: Sidecar | undefined = existsSync(sidecarPath(path)) ? (JSON.parse(readFileSync(sidecarPath(path), 'utf8'), dateReviver) as Sidecar) : undefined;
  const wb = new WorkbookModel(
    side
      ? { id: side.id, name: side.name, owner: side.owner, timeZone: side.timeZone, locale: side.locale }
      : { name: book.title || undefined, owner: book.creator || undefined },
  );
  book.eachSheet((ws) => {
    const ss = side?.sheets.find((x) => x.name === ws.name);
    const s = wb.addSheet(ws.name);
    if (ss) s.id = ss.id;
    s.maxRows = Math.max(ss?.maxRows ?? 1000, ws.rowCount);
    s.maxCols = Math.max(ss?.maxCols ?? 26, ws.columnCount);
    s.hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
    const tc = (ws.properties as { tabColor?: { argb?: string } }).tabColor?.argb;
    s.tabColor = ss?.tabColor ?? fromArgb(tc) ?? null;
    const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    if (view?.state === 'frozen') {
      s.frozenRows = view.ySplit ?? 0;
      s.frozenCols = view.xSplit ?? 0;
    }
    ws.columns?.forEach((col, i) => {
      if (col.width) s.colWidths[i + 1] = Math.round(col.width * 7);
      if (col.hidden) s.hiddenCols.add(i + 1);
    });
    const sharedXlsx = new Map<string, Style>();
    const shareStyle = (st: Style): Style => {
      const k = `${st.nf ?? ''}\u0000${st.bg ?? ''}\u0000${st.bold ? 1 : 0}${st.italic ? 1 : 0}\u0000${st.color ?? ''}`;
      const got = sharedXlsx.get(k);
      if (got) return got;
      sharedXlsx.set(k, st);
      return st;
    };
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v = cell.value as unknown;
        const st: Style = {};
        if (cell.numFmt && !/^general$/i.test(cell.numFmt)) st.nf = cell.numFmt;
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        if (fill?.type === 'pattern' && fill.pattern === 'solid') st.bg = fromArgb(fill.fgColor?.argb);
        if (cell.font?.bold) st.bold = true;
        if (cell.font?.italic) st.italic = true;
        const fc = fromArgb(cell.font?.color?.argb);
        if (fc && fc !== '#000000') st.color = fc;
        for (const k of Object.keys(st) as (keyof Style)[]) if (st[k] === undefined) delete st[k];
        if (Object.keys(st).length) s.setStyle(r, c, shareStyle(st));
        let value: Scalar | null = null;
        let formula: string | undefined;
        if (v === null || v === undefined) value = null;
        else if (v instanceof Date) {
          value = excelDateToSerial(v);
          if (!st.nf || !isDateKind(formatKind(st.nf))) s.setStyle(r, c, { ...st, nf: 'yyyy-mm-dd' });
        } else if (typeof v === 'object') {
          const o = v as { formula?: string; sharedFormula?: string; result?: unknown; richText?: { text: string }[]; text?: string; hyperlink?: string; error?: string };
          if (o.formula || o.sharedFormula) {
            formula = '=' + (o.formula ?? cell.formula ?? '');
            const res = o.result as unknown;
            value = res instanceof Date ? excelDateToSerial(res) : res && typeof res === 'object' ? ((res as { error?: string }).error ?? null) : ((res as Scalar) ?? null);
          } else if (o.richText) value = o.richText.map((x) => x.text).join('');
          else if (o.hyperlink !== undefined) {
            value = String(o.text ?? '');
            const row2 = s.ensureRow(r);
            (row2.r ??= [])[c - 1] = { text: String(o.text ?? ''), runs: [{ start: 0, end: String(o.text ?? '').length, url: o.hyperlink }] };
          } else if (o.error) value = o.error;
          else value = String(v);
        } else value = v as Scalar;
        if (value !== null || formula) wb.setRaw(s, r, c, value, formula);
        if (cell.note) {
          const note = typeof cell.note === 'string' ? cell.note : (cell.note as { texts?: { text: string }[] }).texts?.map((t) => t.text).join('') ?? '';
          if (note) (s.ensureRow(r).n ??= [])[c - 1] = note;
        }
      });
    });
    // Data validation lives apart from cell values in ExcelJS (empty cells can carry it).
    const dvs = (ws as unknown as { dataValidations?: { model?: Record<string, ExcelJS.DataValidation> } }).dataValidations?.model ?? {};
    // ExcelJS expands each <dataValidation> range into one entry per cell, all sharing one object:
    // convert it once and share the resulting styles (the model treats styles as shared values).
    const converted = new Map<object, ReturnType<typeof fromExcelValidation>>();
    const withDv = new Map<object, Map<Style | undefined, Style>>();
    for (const [addr, dv] of Object.entries(dvs)) {
      let model = converted.get(dv);
      if (!converted.has(dv)) converted.set(dv, (model = fromExcelValidation(dv)));
      if (!model) continue;
      const p = parseA1(addr.replace(/^range:/, ''), s.maxRows, s.maxCols);
      if (!p) continue;
      let byOld = withDv.get(model);
      if (!byOld) withDv.set(model, (byOld = new Map()));
      for (let r = p.rect.row; r < p.rect.row + p.rect.numRows; r++)
        for (let c = p.rect.col; c < p.rect.col + p.rect.numCols; c++) {
          const old = s.style(r, c);
          let st = byOld.get(old);
          if (!st) byOld.set(old, (st = { ...(old ?? {}), dv: model }));
          s.setStyle(r, c, st);
        }
    }
    if (ss) {
      // Sheets-side formatting and state the .xlsx cannot carry.
      // One style object per (sidecar style, .xlsx number format): the model shares styles, and
      // a copy per cell made every later save write one sidecar style per cell.
      const shared = new Map<string, Style>();
      for (const [key, idx] of Object.entries(ss.cellStyles)) {
        const comma = key.indexOf(',');
        const r = Number(key.slice(0, comma));
        const c = Number(key.slice(comma + 1));
        // number formats come from the .xlsx (edited outside?) when present
        const xnf = s.style(r, c)?.nf;
        const nf = xnf && xnf !== (ss.styles[idx] as Style).nf ? xnf : undefined;
        const k = nf ? `${idx}\u0000${nf}` : String(idx);
        let st = shared.get(k);
        if (!st) {
          st = { ...(ss.styles[idx] as Style) };
          if (nf) st.nf = nf;
          shared.set(k, st);
        }
        s.setStyle(r, c, st);
      }
      for (const [key, rich] of Object.entries(ss.rich)) {
        const [r, c] = key.split(',').map(Number);
        const row = s.ensureRow(r);
        if (row.v[c - 1] === rich.text) (row.r ??= [])[c - 1] = rich;
      }
      s.filter = ss.filter;
      s.cfRules = ss.cfRules;
      s.merges = ss.merges;
      s.hiddenRows = new Set(ss.hiddenRows);
      s.hiddenCols = new Set(ss.hiddenCols);
      s.colWidths = { ...ss.colWidths };
      s.frozenRows = ss.frozenRows;
      s.frozenCols = ss.frozenCols;
    } else {
      const af = ws.autoFilter as string | { from: string; to: string } | undefined;
      const ref = typeof af === 'string' ? af : af ? `${af.from}:${af.to}` : undefined;
      const p = ref ? parseA1(ref, s.maxRows, s.maxCols) : undefined;
      if (p) s.filter = { rect: p.rect, criteria: {} };
      const cfs = (ws as unknown as { conditionalFormattings?: { ref?: string; rules?: unknown[] }[] }).conditionalFormattings ?? [];
      s.cfRules = cfs.flatMap((cf) => fromExcelConditional(cf, s.maxRows, s.maxCols));
    }
  });
  if (side) {
    wb.protections = side.protections.filter((p) => wb.sheetById(p.sheetId));
    wb.nextSheetId = Math.max(side.nextSheetId, wb.nextSheetId);
    wb.nextProtectionId = side.nextProtectionId;
    wb.activeSheetId = wb.sheetById(side.activeSheetId) ? side.activeSheetId : wb.sheets[0]?.id ?? 0;
  } else {
    wb.activeSheetId = wb.sheets[0]?.id ?? 0;
  }
  if (!wb.sheets.length) {
    const s = wb.addSheet('Sheet1');
    wb.activeSheetId = s.id;
  }
  return wb;
}
