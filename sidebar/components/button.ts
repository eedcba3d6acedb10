// A button that shows a loading state while its async action runs. While busy it is disabled,
// so a double click starts the action once. When the action ends the button is enabled again,
// unless someone asked for it to stay disabled (setDisabled) — e.g. Import after a successful
// import: writing el.disabled inside the action would be undone by run() itself.
import { h } from './dom';

export interface LoadingButtonOptions {
  label: string;
  /** Shown while the action runs, e.g. "Saving…". Default: the label. */
  busyLabel?: string;
  /** Blue filled button (the page's main action). */
  primary?: boolean;
  type?: 'button' | 'submit';
  /** The action. The button is busy until the returned promise settles. Errors are not caught here. */
  onClick?: () => Promise<unknown> | void;
  attrs?: Record<string, string>;
}

export interface LoadingButton {
  el: HTMLButtonElement;
  /** Runs `action` with the button busy; returns its result. A second call while busy is ignored (returns undefined). */
  run<T>(action: () => Promise<T>): Promise<T | undefined>;
  readonly busy: boolean;
  setLabel(label: string): void;
  /** Enables or disables the button; while busy, takes effect when the action ends. */
  setDisabled(disabled: boolean): void;
}

export function loadingButton(options: LoadingButtonOptions): LoadingButton {
  let label = options.label;
  let busy = false;
  // The state to return to when an action ends (run() itself disables the button while busy).
  let disabledAfter = false;
  const text = h('span', { class: 'btn-label' }, label);
  const el = h(
    'button',
    { class: options.primary ? 'btn primary' : 'btn', attrs: { type: options.type ?? 'button', ...(options.attrs ?? {}) } },
    h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }),
    text,
  );
  const api: LoadingButton = {
    el,
    get busy() {
      return busy;
    },
    setLabel(next) {
      label = next;
      if (!busy) text.textContent = next;
    },
    setDisabled(disabled) {
      disabledAfter = disabled;
      if (!busy) el.disabled = disabled;
    },
    async run(action) {
      if (busy) return undefined;
      busy = true;
      disabledAfter = false; // enabled again afterwards unless the action calls setDisabled(true)
      el.disabled = true;
      el.setAttribute('aria-busy', 'true');
      el.classList.add('busy');
      text.textContent = options.busyLabel ?? label;
      try {
        return await action();
      } finally {
        busy = false;
        el.disabled = disabledAfter;
        el.removeAttribute('aria-busy');
        el.classList.remove('busy');
        text.textContent = label;
      }
    },
  };
  if (options.onClick) {
    const onClick = options.onClick;
    el.addEventListener('click', (event) => {
      if (options.type === 'submit') return; // the form's submit handler decides
      event.preventDefault();
      void api.run(async () => onClick());
    });
  }
  return api;
}
