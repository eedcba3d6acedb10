// A result banner at the top of a view: success (e.g. "Case RC-000042 logged" with a copy
// button), error or info. role=status/alert so screen readers announce it.
import { h, replaceChildren } from './dom';

export type BannerKind = 'success' | 'error' | 'info';

export interface BannerContent {
  kind: BannerKind;
  /** First line, bold. */
  title: string;
  /** Further lines (plain text). */
  details?: string[];
  /** Text for a "Copy" button (a Case ID). */
  copy?: string;
  /** Extra actions: small link-style buttons. */
  actions?: { label: string; onClick: () => void }[];
  /** Links opened in a new tab (Drive folder, file). */
  links?: { label: string; href: string }[];
}

export interface Banner {
  el: HTMLElement;
  show(content: BannerContent): void;
  clear(): void;
}

export function banner(): Banner {
  const el = h('div', { class: 'banner', attrs: { hidden: true } });
  const api: Banner = {
    el,
    show(content) {
      el.hidden = false;
      el.className = `banner ${content.kind}`;
      el.setAttribute('role', content.kind === 'error' ? 'alert' : 'status');
      const lines = (content.details ?? []).map((d) => h('div', { class: 'banner-detail' }, d));
      const actions: HTMLElement[] = [];
      if (content.copy !== undefined) actions.push(copyButton(content.copy));
      for (const l of content.links ?? []) actions.push(externalLink(l.label, l.href));
      for (const a of content.actions ?? []) actions.push(h('button', { class: 'link', attrs: { type: 'button' }, on: { click: a.onClick } }, a.label));
      replaceChildren(
        el,
        h('div', { class: 'banner-title' }, content.title),
        ...lines,
        actions.length ? h('div', { class: 'banner-actions' }, ...actions) : null,
        h('button', { class: 'banner-close', attrs: { type: 'button', 'aria-label': 'Dismiss' }, on: { click: () => api.clear() } }, '×'),
      );
      el.scrollIntoView?.({ block: 'nearest' });
    },
    clear() {
      el.hidden = true;
      replaceChildren(el);
    },
  };
  return api;
}

/** A small "Copy" button that puts `text` on the clipboard (falls back to selecting a hidden field). */
export function copyButton(text: string, label = 'Copy'): HTMLButtonElement {
  const btn = h('button', { class: 'link copy', attrs: { type: 'button', 'aria-label': `${label} ${text}` } }, label);
  btn.addEventListener('click', () => {
    const done = () => {
      btn.textContent = 'Copied';
      setTimeout(() => (btn.textContent = label), 1500);
    };
    const fallback = () => {
      const area = h('textarea', { class: 'offscreen', props: { value: text } });
      document.body.appendChild(area);
      area.select();
      try {
        document.execCommand('copy');
        done();
      } finally {
        area.remove();
      }
    };
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  });
  return btn;
}

/** A link that opens in a new tab (the add-on's iframe cannot navigate itself). Only http(s) URLs become links. */
export function externalLink(label: string, href: string): HTMLElement {
  if (!/^https?:\/\//i.test(href)) return h('span', null, label);
  return h('a', { attrs: { href, target: '_blank', rel: 'noopener noreferrer' } }, label);
}
