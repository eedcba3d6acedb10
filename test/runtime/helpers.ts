// Shared by the runtime tests: a tiny bundle written to a temp dir (so these tests do not depend
// on dist/Code.js) and a small SpreadsheetApp stand-in (tests of the execution host should not
// depend on the spreadsheet layer either).
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime, type RuntimeOptions, type WorkbookLike } from '../../dev/runtime/index';
import type { ServiceHost } from '../../dev/runtime/contract';

export function tempDir(prefix = 'rcl-rt-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes `code` as Code.js (+ the manifest and HTML files) into a fresh temp dir. */
export function writeBundle(code: string, html: Record<string, string> = {}, timeZone = 'America/New_York'): { dir: string; bundlePath: string } {
  const dir = tempDir();
  writeFileSync(join(dir, 'Code.js'), code);
  writeFileSync(join(dir, 'appsscript.json'), JSON.stringify({ timeZone, runtimeVersion: 'V8' }));
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(html)) writeFileSync(join(dir, `${name}.html`), text);
  return { dir, bundlePath: join(dir, 'Code.js') };
}

// ---- a minimal spreadsheet stand-in (cells: a map of sheet -> A1 -> value) ----
export class FakeModel implements WorkbookLike {
  id = 'fake-doc';
  cells = new Map<string, unknown>();
  saved: string[] = [];
  async save(path: string): Promise<void> {
    this.saved.push(path);
    writeFileSync(path, JSON.stringify([...this.cells]));
  }
  applyUserEdit(sheet: string, a1: string, input: string) {
    if (input === 'REJECT') return { ok: false, message: 'Invalid entry' };
    const k = `${sheet}!${a1}`;
    const oldValue = this.cells.get(k);
    this.cells.set(k, input);
    return { ok: true, oldValue, value: input };
  }
}
class FakeRange {
  constructor(private _m: FakeModel, private _sheet: string, private _a1: string) {}
  getA1Notation() { return this._a1; }
  getValue() { return this._m.cells.get(`${this._sheet}!${this._a1}`) ?? ''; }
  setValue(v: unknown) { this._m.cells.set(`${this._sheet}!${this._a1}`, v); return this; }
  getValues() { return [[this.getValue(), new Date(Date.UTC(2024, 0, 15, 12))]]; }
  getSheet() { return new FakeSheet(this._m, this._sheet); }
}
class FakeSheet {
  constructor(private _m: FakeModel, private _name: string) {}
  getName() { return this._name; }
  getRange(a1: string) { return new FakeRange(this._m, this._name, a1); }
}
class FakeSpreadsheet {
  constructor(private _m: FakeModel) {}
  getId() { return this._m.id; }
  getSheetByName(n: string) { return new FakeSheet(this._m, n); }
}
class FakeUi {
  constructor(private _host: ServiceHost) {}
  alert(prompt: string) { return this._host.ui.ask({ kind: 'alert', title: '', prompt, buttons: 'OK' }).then((r) => r.button); }
}
export class FakeSpreadsheetApp {
  __class = 'SpreadsheetApp';
  ENUMS = { DataValidationCriteria: { VALUE_IN_LIST: 'VALUE_IN_LIST' } };
  constructor(private _host: ServiceHost, private _m: FakeModel) {}
  getActiveSpreadsheet() { return new FakeSpreadsheet(this._m); }
  getUi() { return new FakeUi(this._host); }
  flush() {}
}

export async function openRuntime(code: string, opts: Partial<RuntimeOptions> & { html?: Record<string, string> } = {}) {
  const { bundlePath, dir } = writeBundle(code, opts.html);
  const model = new FakeModel();
  const rt = await Runtime.open({
    bundlePath,
    htmlDir: dir,
    spreadsheet: { model, createSpreadsheetApp: (host, m) => new FakeSpreadsheetApp(host, m as FakeModel) },
    ...opts,
  });
  return { rt, model, dir };
}
