// Building DOM without innerHTML. Every string child becomes a text node, so data from the
// sheet or from people (a vendor called `<img src=x onerror=alert(1)>`) always shows as text.
// Shared by every view; keep the signature stable.

export type Child = Node | string | number | null | undefined | false;

type Handlers = { [E in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[E]) => void };

export interface Props {
  /** Space-separated class names. */
  class?: string;
  /** HTML attributes (aria-*, data-*, for, type, ...). `false`/`undefined` leaves one out, `true` sets it empty. */
  attrs?: Record<string, string | number | boolean | undefined>;
  /** Event listeners. */
  on?: Handlers;
  /** DOM properties assigned as is (value, checked, disabled, ...). */
  props?: Record<string, unknown>;
}

/** `h('button', { class: 'primary', on: { click } }, 'Save')` — an element with text-only children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) {
    if (props.class) el.className = props.class;
    for (const [name, value] of Object.entries(props.attrs ?? {})) {
      if (value === undefined || value === false) continue;
      el.setAttribute(name, value === true ? '' : String(value));
    }
    for (const [name, value] of Object.entries(props.props ?? {})) (el as unknown as Record<string, unknown>)[name] = value;
    for (const [type, fn] of Object.entries(props.on ?? {})) el.addEventListener(type, fn as EventListener);
  }
  append(el, ...children);
  return el;
}

/** Appends children; strings and numbers become text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

let idCounter = 0;
/** A page-unique id for label/aria wiring. */
export function uid(prefix = 'rcl'): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** The message of anything thrown or passed to a google.script.run failure handler. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}
