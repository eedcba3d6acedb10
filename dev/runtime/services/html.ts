// HtmlService and HtmlOutput (https://developers.google.com/apps-script/reference/html/html-service,
// .../html/html-output). createHtmlOutputFromFile reads NAME.html of the project (here: htmlDir);
// a missing file fails like Apps Script ("No HTML file named X was found."). setSandboxMode has no
// effect: only IFRAME exists (reference/html/sandbox-mode; research note §3.8).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScriptError, invalidArgument } from './errors';

export class HtmlOutput {
  private _title = '';
  private _width: number | null = null;
  private _height: number | null = null;
  private _xFrame = 'DEFAULT';
  private _sandbox = 'IFRAME';
  private _meta: Array<{ name: string; content: string }> = [];
  constructor(private _content = '') {}
  getContent(): string {
    return this._content;
  }
  setContent(content: unknown): HtmlOutput {
    this._content = content === null || content === undefined ? '' : String(content);
    return this;
  }
  append(addedContent: unknown): HtmlOutput {
    this._content += String(addedContent ?? '');
    return this;
  }
  appendUntrusted(addedContent: unknown): HtmlOutput {
    this._content += String(addedContent ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    return this;
  }
  clear(): HtmlOutput {
    this._content = '';
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setTitle(title: unknown): HtmlOutput {
    this._title = String(title ?? '');
    return this;
  }
  /** null until set (the dialog then uses its own default size). */
  getWidth(): number | null {
    return this._width;
  }
  setWidth(width: unknown): HtmlOutput {
    const n = Number(width);
    if (!Number.isInteger(n) || n < 0) throw invalidArgument('width');
    this._width = n;
    return this;
  }
  getHeight(): number | null {
    return this._height;
  }
  setHeight(height: unknown): HtmlOutput {
    const n = Number(height);
    if (!Number.isInteger(n) || n < 0) throw invalidArgument('height');
    this._height = n;
    return this;
  }
  setSandboxMode(mode: unknown): HtmlOutput {
    this._sandbox = String(mode);
    return this;
  }
  getSandboxMode(): string {
    return 'IFRAME';
  }
  setXFrameOptionsMode(mode: unknown): HtmlOutput {
    if (mode !== 'ALLOWALL' && mode !== 'DEFAULT') throw invalidArgument('mode');
    this._xFrame = String(mode);
    return this;
  }
  addMetaTag(name: unknown, content: unknown): HtmlOutput {
    this._meta.push({ name: String(name), content: String(content) });
    return this;
  }
  getMetaTags(): Array<{ name: string; content: string }> {
    return this._meta.map((m) => ({ ...m }));
  }
  setFaviconUrl(_url: unknown): HtmlOutput {
    return this;
  }
}

export class HtmlService {
  readonly ENUMS = {
    SandboxMode: { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' },
    XFrameOptionsMode: { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' },
  };
  constructor(private readonly _htmlDir: string) {}
  createHtmlOutput(html?: unknown): HtmlOutput {
    if (html && typeof html === 'object' && typeof (html as { getDataAsString?: unknown }).getDataAsString === 'function')
      return new HtmlOutput((html as { getDataAsString(): string }).getDataAsString());
    return new HtmlOutput(html === undefined || html === null ? '' : String(html));
  }
  createHtmlOutputFromFile(filename: unknown): HtmlOutput {
    const name = String(filename ?? '').replace(/\.html$/, '');
    const path = join(this._htmlDir, `${name}.html`);
    if (!name || name.includes('/') || name.includes('\\') || !existsSync(path))
      throw new ScriptError(`No HTML file named ${String(filename)} was found.`);
    return new HtmlOutput(readFileSync(path, 'utf8'));
  }
}
