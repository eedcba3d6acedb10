// A searchable picker (ARIA 1.2 combobox with a listbox): type to filter, arrows to move,
// Enter to pick, Escape to close. Matches are case-insensitive substrings of the label, the
// key and any extra search text. An optional footer action ("+ Add new vendor") sits at the
// end of the list.
import { h, replaceChildren, uid } from './dom';

export interface PickerOptions<T> {
  items: T[];
  key(item: T): string;
  label(item: T): string;
  /** Second, grey line (e.g. "V-001 · CNY · 7 days"). */
  detail?(item: T): string;
  /** Extra text to match on (aliases). */
  searchText?(item: T): string;
  placeholder?: string;
  /** Called when the user picks an item (or clears the input: null). */
  onChange?(item: T | null): void;
  /** A last row in the list, e.g. { label: '+ Add new vendor', onSelect }. */
  footer?: { label: string; onSelect(query: string): void };
  /** At most this many matches are listed (default 50). */
  limit?: number;
}

export interface Picker<T> {
  /** Wrapper element; its input is the labelled control. */
  el: HTMLElement;
  input: HTMLInputElement;
  readonly value: T | null;
  /** Selects the item with this key (null clears). Does not call onChange. */
  setValue(key: string | null): void;
  setItems(items: T[]): void;
}

export function picker<T>(options: PickerOptions<T>): Picker<T> {
  let items = options.items;
  let selected: T | null = null;
  let matches: T[] = [];
  let active = -1; // index into the rendered options (footer = matches.length)
  const listId = uid('lb');
  const input = h('input', {
    class: 'picker-input',
    attrs: {
      type: 'text',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listId,
      autocomplete: 'off',
      placeholder: options.placeholder,
    },
  });
  const list = h('ul', { class: 'picker-list', attrs: { id: listId, role: 'listbox' } });
  list.hidden = true;
  const el = h('div', { class: 'picker' }, input, list);
  const limit = options.limit ?? 50;

  const optionCount = () => matches.length + (options.footer ? 1 : 0);
  const filter = (query: string): T[] => {
    const q = query.trim().toLowerCase();
    const out = !q
      ? items.slice()
      : items.filter((it) => `${options.label(it)}\n${options.key(it)}\n${options.searchText?.(it) ?? ''}`.toLowerCase().includes(q));
    return out.slice(0, limit);
  };
  const render = () => {
    const nodes: HTMLElement[] = matches.map((it, i) =>
      h(
        'li',
        {
          class: i === active ? 'picker-option active' : 'picker-option',
          attrs: { id: `${listId}-${i}`, role: 'option', 'aria-selected': i === active ? 'true' : 'false' },
          on: { mousedown: (e) => e.preventDefault(), click: () => pick(i) },
        },
        h('span', { class: 'picker-label' }, options.label(it)),
        options.detail ? h('span', { class: 'picker-detail' }, options.detail(it)) : null,
      ),
    );
    if (!matches.length) nodes.push(h('li', { class: 'picker-empty', attrs: { role: 'presentation' } }, 'No match'));
    if (options.footer) {
      const i = matches.length;
      nodes.push(
        h(
          'li',
          {
            class: i === active ? 'picker-option picker-footer active' : 'picker-option picker-footer',
            attrs: { id: `${listId}-${i}`, role: 'option', 'aria-selected': i === active ? 'true' : 'false' },
            on: { mousedown: (e) => e.preventDefault(), click: () => pick(i) },
          },
          options.footer.label,
        ),
      );
    }
    replaceChildren(list, ...nodes);
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', `${listId}-${active}`);
      document.getElementById(`${listId}-${active}`)?.scrollIntoView?.({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const query = () => (selected && input.value === options.label(selected) ? '' : input.value);
  const open = () => {
    matches = filter(query());
    // With no match, the footer ("+ Add new vendor") is the natural next step.
    active = matches.length ? 0 : options.footer ? 0 : -1;
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    render();
  };
  /** The highlighted option's identity: an item key, the footer, or none. */
  type Mark = { kind: 'item'; key: string } | { kind: 'footer' } | null;
  const mark = (): Mark => {
    if (active < 0) return null;
    if (active === matches.length && options.footer) return { kind: 'footer' };
    const it = matches[active];
    return it === undefined ? null : { kind: 'item', key: options.key(it) };
  };
  const close = () => {
    list.hidden = true;
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const pick = (i: number) => {
    if (i === matches.length && options.footer) {
      const query = input.value;
      close();
      options.footer.onSelect(query);
      return;
    }
    const it = matches[i];
    if (!it) return;
    selected = it;
    input.value = options.label(it);
    close();
    options.onChange?.(it);
  };

  // Not opened on focus: focus moved here to show an error must not cover that error (and the
  // fields below) with the list. Typing, a click or ↓ opens it.
  input.addEventListener('click', () => list.hidden && open());
  input.addEventListener('input', () => {
    if (selected && input.value !== options.label(selected)) {
      selected = null;
      options.onChange?.(null);
    }
    open();
  });
  // Typed text that names exactly one item (label or key) counts as picking it.
  const resolveTyped = () => {
    if (selected || !input.value.trim()) return;
    const exact = items.filter((it) => [options.label(it), options.key(it)].some((s) => s.toLowerCase() === input.value.trim().toLowerCase()));
    if (exact.length === 1) {
      selected = exact[0];
      input.value = options.label(exact[0]);
      options.onChange?.(exact[0]);
    }
  };
  input.addEventListener('blur', () => {
    close();
    resolveTyped();
  });
  input.addEventListener('keydown', (e) => {
    const n = optionCount();
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (list.hidden) return open();
      active = n ? (active + 1) % n : -1;
      render();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (list.hidden) return open();
      active = n ? (active - 1 + n) % n : -1;
      render();
    } else if (e.key === 'Enter') {
      // Enter belongs to the picker: it picks (or resolves typed text), never submits the form.
      e.preventDefault();
      if (!list.hidden && active >= 0) pick(active);
      else if (!list.hidden) close();
      else resolveTyped();
    } else if (e.key === 'Escape') {
      if (!list.hidden) {
        e.preventDefault();
        close();
      }
    }
  });

  return {
    el,
    input,
    get value() {
      return selected;
    },
    setValue(key) {
      selected = key === null ? null : items.find((it) => options.key(it) === key) ?? null;
      input.value = selected ? options.label(selected) : '';
    },
    setItems(next) {
      items = next;
      if (selected) selected = items.find((it) => options.key(it) === options.key(selected!)) ?? null;
      if (list.hidden) return;
      // An open list is refreshed in place: the highlight stays on the same item (or the
      // footer), so a reload that lands between ↓ and Enter does not move it.
      const was = mark();
      matches = filter(query());
      if (was?.kind === 'footer') active = matches.length;
      else if (was?.kind === 'item') {
        const i = matches.findIndex((it) => options.key(it) === was.key);
        active = i >= 0 ? i : matches.length ? 0 : options.footer ? 0 : -1;
      } else active = -1;
      render();
    },
  };
}
