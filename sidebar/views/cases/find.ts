// "Find a case": a search box over findCases({text}) with status / overdue / vendor filters
// and a result list; a click opens the case.
import { banner, errorMessage, field, h, loadingButton, replaceChildren, select, table } from '../../components';
import { api, CaseQuery, CaseView, FormOptions, VendorView } from './api';
import { CaseContext } from './context';
import { statusChip } from './status';
import { groupedMoney } from '../../components/money';
import { vendorField } from './vendorPicker';
import { vendorFilterPanel } from './vendorFilter';

export interface FindViewHooks {
  openCase(caseId: string): void;
}

export interface FindView {
  el: HTMLElement;
  /** Runs the current search again (after a case changed). */
  refresh(): void;
  /** Called when the view is shown; the first time it lists the newest cases. */
  activate(): void;
}

export function findView(ctx: CaseContext, options: FormOptions, vendors: VendorView[], hooks: FindViewHooks): FindView {
  let vendor: VendorView | null = null;
  let searched = false;
  const errors = banner();
  const text = h('input', { attrs: { type: 'search', name: 'text', autocomplete: 'off', placeholder: 'Case ID, order #, vendor, tag…' } });
  const status = select(
    [
      { value: 'open', label: 'Open' },
      { value: 'closed', label: 'Closed' },
      ...options.statuses.map((s) => ({ value: s, label: s })),
    ],
    '',
    'Any status',
  );
  const overdue = h('input', { attrs: { type: 'checkbox', name: 'overdue' } });
  const filter = vendorFilterPanel();
  const vendorF = vendorField(ctx, options, vendors, (v) => {
    vendor = v;
    filter.setVendor(v);
    void go();
  }, { label: 'Vendor', allowAdd: false });
  vendorF.picker.input.placeholder = 'Any vendor';

  const results = h('div', { class: 'results', attrs: { 'aria-live': 'polite' } });
  const searchBtn = loadingButton({ label: 'Search', busyLabel: 'Searching…', primary: true, type: 'submit' });

  const query = (): CaseQuery => {
    const q: CaseQuery = {};
    if (text.value.trim()) q.text = text.value.trim();
    if (status.value) q.status = status.value as CaseQuery['status'];
    if (overdue.checked) q.overdue = true;
    if (vendor) q.vendorId = vendor.vendorId;
    return q;
  };

  const render = (cases: CaseView[], total: number, truncated: boolean) => {
    replaceChildren(
      results,
      h('div', { class: 'result-count' }, truncated ? `Showing ${cases.length} of ${total} cases (newest first) — narrow the search` : `${total} case${total === 1 ? '' : 's'}`),
      table<CaseView>({
        columns: [
          { label: 'Case', cell: (c) => h('div', null, h('div', { class: 'case-id' }, c.caseId), h('div', { class: 'muted' }, c.vendorName)) },
          { label: 'Amount', align: 'num', cell: (c) => h('div', null, h('div', null, groupedMoney(c.amount, c.currency)), h('div', { class: 'muted' }, `#${c.orderNo}`)) },
          { label: 'Status', cell: (c) => h('div', null, statusChip(c.status), c.overdue ? h('div', { class: 'overdue' }, 'Overdue') : null) },
        ],
        rows: cases,
        empty: 'No case matches.',
        onRowClick: (c) => hooks.openCase(c.caseId),
        rowLabel: (c) => `Open ${c.caseId}, ${c.vendorName}, ${groupedMoney(c.amount, c.currency)}, ${c.status}`,
      }),
    );
  };

  // A search asked for while one runs (typing during the first listing) runs right after it,
  // with the filters as they are then, so no request is dropped and results never go stale.
  let again = false;
  const go = async (): Promise<void> => {
    if (searchBtn.busy) {
      again = true;
      return;
    }
    await search();
    if (again) {
      again = false;
      await go();
    }
  };
  const search = () =>
    searchBtn.run(async () => {
      errors.clear();
      searched = true;
      try {
        const r = await api.findCases(query());
        render(r.cases, r.total, r.truncated);
      } catch (e) {
        errors.show({ kind: 'error', title: 'Search failed', details: [errorMessage(e)] });
      }
    });

  status.addEventListener('change', () => void go());
  overdue.addEventListener('change', () => void go());
  const form = h(
    'form',
    { class: 'find-form', attrs: { role: 'search', novalidate: true } },
    field({ label: 'Search', control: text }).el,
    h('div', { class: 'row2' }, field({ label: 'Status', control: status }).el, h('label', { class: 'check' }, overdue, ' Overdue only')),
    vendorF.el,
    filter.el,
    h('div', { class: 'actions' }, searchBtn.el),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void go();
  });
  return {
    el: h('div', { class: 'view-find' }, errors.el, form, results),
    refresh: () => {
      if (searched) void go();
    },
    activate: () => {
      if (!searched) void go();
    },
  };
}
