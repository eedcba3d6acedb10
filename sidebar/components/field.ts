// A labelled form field with its error shown right under it. The control gets an id, the
// label's `for`, aria-invalid and aria-describedby (hint + error), so the error is read out
// with the field.
import { h, uid } from './dom';

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface FieldOptions {
  label: string;
  /** The input/select/textarea (or a composite element whose first control gets the label). */
  control: Control | HTMLElement;
  hint?: string;
  required?: boolean;
  /** Extra content after the control, its hint and its error (e.g. an inline "New vendor" form). */
  after?: HTMLElement;
}

export interface Field {
  el: HTMLElement;
  /** The labelled control. */
  control: HTMLElement;
  /** Shows `message` under the field (or clears it when empty). */
  setError(message?: string): void;
  /** Moves focus to the control. */
  focus(): void;
}

export function field(options: FieldOptions): Field {
  const control = labelTarget(options.control);
  const id = control.id || (control.id = uid('f'));
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const error = h('div', { class: 'field-error', attrs: { id: errorId, 'aria-live': 'polite' } });
  error.hidden = true;
  const hint = options.hint ? h('div', { class: 'field-hint', attrs: { id: hintId } }, options.hint) : null;
  const label = h('label', { attrs: { for: id } }, options.label, options.required ? h('span', { class: 'req', attrs: { 'aria-hidden': 'true' } }, ' *') : null);
  if (options.required) control.setAttribute('aria-required', 'true');
  const describe = (withError: boolean) => {
    const ids = [hint ? hintId : '', withError ? errorId : ''].filter(Boolean).join(' ');
    if (ids) control.setAttribute('aria-describedby', ids);
    else control.removeAttribute('aria-describedby');
  };
  describe(false);
  // The error sits right under the control (and its hint), above any extra content such as
  // an inline "New vendor" form, so it reads as the field's own.
  const el = h('div', { class: 'field' }, label, options.control, hint, error, options.after ?? null);
  return {
    el,
    control,
    setError(message) {
      error.textContent = message ?? '';
      error.hidden = !message;
      el.classList.toggle('invalid', !!message);
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
      describe(!!message);
    },
    focus() {
      control.focus();
    },
  };
}

function labelTarget(control: HTMLElement): HTMLElement {
  if (/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(control.tagName)) return control;
  return (control.querySelector('input, select, textarea, button') as HTMLElement | null) ?? control;
}

/** `<select>` with the given options; `value` preselected. Options may be strings or {value,label}. */
export function select(options: (string | { value: string; label: string })[], value?: string, placeholder?: string): HTMLSelectElement {
  const el = h('select');
  if (placeholder !== undefined) el.appendChild(h('option', { props: { value: '' } }, placeholder));
  setOptions(el, options, value);
  return el;
}

/** Replaces a select's options, keeping a placeholder (value '') if present; selects `value` when given. */
export function setOptions(el: HTMLSelectElement, options: (string | { value: string; label: string })[], value?: string): void {
  const keep = Array.from(el.options).filter((o) => o.value === '' && o.dataset.dynamic !== '1');
  while (el.firstChild) el.removeChild(el.firstChild);
  for (const o of keep) el.appendChild(o);
  for (const o of options) {
    const opt = typeof o === 'string' ? { value: o, label: o } : o;
    const node = h('option', { props: { value: opt.value }, attrs: { 'data-dynamic': '1' } }, opt.label);
    el.appendChild(node);
  }
  if (value !== undefined) el.value = value;
}
