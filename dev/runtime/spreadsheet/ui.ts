// SpreadsheetApp.getUi(): menus, alerts, prompts, sidebars and dialogs (reference/base/ui,
// reference/base/menu). An alert/prompt blocks the script until the user answers (Ui.alert:
// "the script is suspended until the user dismisses the dialog"), so they return a Promise that
// the execution host waits on.
import type { MenuItemSpec, ServiceHost } from '../contract';
import { signatureError } from './errors';

export const BUTTON_SET = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };
export const BUTTON = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' };

interface HtmlOutputLike {
  getContent(): string;
  getTitle(): string;
  getWidth?(): number;
  getHeight?(): number;
}
function isHtmlOutput(x: unknown): x is HtmlOutputLike {
  return !!x && typeof (x as HtmlOutputLike).getContent === 'function' && typeof (x as HtmlOutputLike).getTitle === 'function';
}

export class Menu {
  readonly __class = 'Menu';
  private items: MenuItemSpec[] = [];
  constructor(private host: ServiceHost, private caption: string, private addon: boolean) {}
  /** addItem(caption, functionName): the function is looked up by name at click time. */
  addItem(caption: string, functionName: string): Menu {
    if (typeof caption !== 'string' || typeof functionName !== 'string') throw signatureError('Menu.addItem', [caption, functionName]);
    this.items.push({ kind: 'item', caption, functionName });
    return this;
  }
  addSeparator(): Menu {
    this.items.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: Menu): Menu {
    if (!(menu instanceof Menu)) throw signatureError('Menu.addSubMenu', [menu]);
    this.items.push({ kind: 'submenu', caption: menu.caption, items: menu._spec().items });
    return this;
  }
  addToUi(): void {
    this.host.ui.emit({ type: 'menu', menu: this._spec() });
  }
  _spec() {
    return { caption: this.caption, addon: this.addon, items: JSON.parse(JSON.stringify(this.items)) as MenuItemSpec[] };
  }
}

export class PromptResponse {
  readonly __class = 'PromptResponse';
  constructor(private text: string, private button: string) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): string {
    return this.button;
  }
}

export class Ui {
  readonly __class = 'Ui';
  readonly ENUMS = { ButtonSet: BUTTON_SET, Button: BUTTON };
  constructor(private host: ServiceHost, private addonName: string) {}

  /** The add-on menu is titled with the add-on's name (reference/base/ui#createAddonMenu). */
  createAddonMenu(): Menu {
    return new Menu(this.host, this.addonName, true);
  }
  createMenu(caption: string): Menu {
    if (typeof caption !== 'string') throw signatureError('Ui.createMenu', [caption]);
    return new Menu(this.host, caption, false);
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons) → Button. */
  async alert(...args: unknown[]): Promise<string> {
    const { title, prompt, buttons } = this._dialogArgs('Ui.alert', args);
    const res = await this.host.ui.ask({ kind: 'alert', title, prompt, buttons });
    return normaliseButton(res.button, buttons);
  }

  async prompt(...args: unknown[]): Promise<PromptResponse> {
    const { title, prompt, buttons } = this._dialogArgs('Ui.prompt', args, 'OK');
    const res = await this.host.ui.ask({ kind: 'prompt', title, prompt, buttons });
    return new PromptResponse(res.text ?? '', normaliseButton(res.button, buttons));
  }

  private _dialogArgs(method: string, args: unknown[], defaultButtons = 'OK') {
    const isSet = (x: unknown) => typeof x === 'string' && x in BUTTON_SET;
    if (args.length === 1 && typeof args[0] === 'string') return { title: '', prompt: args[0], buttons: defaultButtons };
    if (args.length === 2 && typeof args[0] === 'string' && isSet(args[1])) return { title: '', prompt: args[0], buttons: args[1] as string };
    if (args.length === 3 && typeof args[0] === 'string' && typeof args[1] === 'string' && isSet(args[2]))
      return { title: args[0], prompt: args[1], buttons: args[2] as string };
    throw signatureError(method, args);
  }

  /** Sidebars are ~300 px wide whatever setWidth says (research note §3.8). */
  showSidebar(html: unknown): void {
    if (!isHtmlOutput(html)) throw signatureError('Ui.showSidebar', [html]);
    this.host.ui.emit({ type: 'sidebar', html: html.getContent(), title: html.getTitle() });
  }
  showModalDialog(html: unknown, title: unknown): void {
    this._dialog('Ui.showModalDialog', html, title, true);
  }
  showModelessDialog(html: unknown, title: unknown): void {
    this._dialog('Ui.showModelessDialog', html, title, false);
  }
  private _dialog(method: string, html: unknown, title: unknown, modal: boolean) {
    if (!isHtmlOutput(html) || typeof title !== 'string') throw signatureError(method, [html, title]);
    this.host.ui.emit({
      type: 'dialog',
      html: html.getContent(),
      title,
      width: html.getWidth?.() ?? 600,
      height: html.getHeight?.() ?? 400,
      modal,
    });
  }
}

function normaliseButton(b: string, set: string): string {
  const allowed: Record<string, string[]> = {
    OK: ['OK', 'CLOSE'],
    OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
    YES_NO: ['YES', 'NO', 'CLOSE'],
    YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
  };
  const ok = allowed[set] ?? ['OK', 'CLOSE'];
  if (ok.includes(b)) return b;
  throw new Error(`UI answered ${b}, which is not a button of ${set}`);
}
