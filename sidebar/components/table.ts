// A compact table for lists (search results, per-row import errors). Cells are text; a row
// can be clickable (and then also reachable by keyboard: Enter/Space).
import { Child, h } from './dom';

export interface Column<Row> {
  label: string;
  /** Cell content: text or an element built with h(). */
  cell(row: Row): Child;
  /** 'num' right-aligns (amounts, counts). */
  align?: 'num';
}

export interface TableOptions<Row> {
  columns: Column<Row>[];
  rows: Row[];
  /** Shown instead of the table when rows is empty. */
  empty?: string;
  /** Makes rows clickable. */
  onRowClick?: (row: Row) => void;
  /** Accessible name of the row for the click action, e.g. "Open case RC-000042". */
  rowLabel?: (row: Row) => string;
  caption?: string;
}

export function table<Row>(options: TableOptions<Row>): HTMLElement {
  if (!options.rows.length) return h('p', { class: 'empty' }, options.empty ?? 'Nothing to show.');
  const head = h('tr', null, ...options.columns.map((c) => h('th', { class: c.align ?? '', attrs: { scope: 'col' } }, c.label)));
  const body = options.rows.map((row) => {
    const tr = h('tr', null, ...options.columns.map((c) => h('td', { class: c.align ?? '' }, c.cell(row))));
    if (options.onRowClick) {
      const open = () => options.onRowClick!(row);
      tr.classList.add('clickable');
      tr.tabIndex = 0;
      tr.setAttribute('role', 'button');
      if (options.rowLabel) tr.setAttribute('aria-label', options.rowLabel(row));
      tr.addEventListener('click', open);
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          open();
        }
      });
    }
    return tr;
  });
  return h(
    'div',
    { class: 'table-wrap' },
    h('table', { class: 'data' }, options.caption ? h('caption', null, options.caption) : null, h('thead', null, head), h('tbody', null, ...body)),
  );
}
