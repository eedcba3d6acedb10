// The vendor field: a searchable picker over listVendors() with "+ Add new vendor" that
// opens a small inline form (Vendor ID, name, default currency, SLA days) → addVendor.
import { errorMessage, field, h, loadingButton, picker, select, Picker } from '../../components';
import { api, FormOptions, VendorView } from './api';
import { CaseContext } from './context';

export interface VendorField {
  el: HTMLElement;
  picker: Picker<VendorView>;
  setError(message?: string): void;
  focus(): void;
}

export function vendorField(ctx: CaseContext, options: FormOptions, vendors: VendorView[], onChange: (v: VendorView | null) => void, opts: { label?: string; allowAdd?: boolean } = {}): VendorField {
  const allowAdd = opts.allowAdd ?? true;
  const p = picker<VendorView>({
    items: vendors,
    key: (v) => v.vendorId,
    label: (v) => v.name,
    detail: (v) => [v.vendorId, v.defaultCurrency, v.slaDays !== null ? `${v.slaDays} days` : ''].filter(Boolean).join(' · '),
    searchText: (v) => [v.tag, ...v.aliases].join('\n'),
    placeholder: 'Type to search vendors',
    onChange: (v) => {
      f.setError();
      onChange(v);
    },
    footer: allowAdd ? { label: '+ Add new vendor', onSelect: (query) => openAdd(query) } : undefined,
  });
  const addBox = h('div', { class: 'inline-form' });
  addBox.hidden = true;
  const f = field({ label: opts.label ?? 'Vendor', control: p.el, required: allowAdd, after: addBox });

  const openAdd = (query: string) => {
    const idInput = h('input', { attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false' } });
    const nameInput = h('input', { attrs: { type: 'text', autocomplete: 'off' }, props: { value: query.trim() } });
    const currency = select(options.currencies.map((c) => c.code), '', '(none)');
    const sla = h('input', { attrs: { type: 'number', min: 0, max: 365, step: 1, inputmode: 'numeric', placeholder: String(options.defaultSlaDays) } });
    const fId = field({ label: 'Vendor ID', control: idInput, required: true, hint: 'As in your vendor list, e.g. V-0042' });
    const fName = field({ label: 'Name', control: nameInput, required: true });
    const fCur = field({ label: 'Default currency', control: currency });
    const fSla = field({ label: 'SLA days', control: sla, hint: `Blank: the default (${options.defaultSlaDays})` });
    const formError = h('div', { class: 'field-error', attrs: { role: 'alert' } });
    formError.hidden = true;
    const save = loadingButton({
      label: 'Add vendor',
      busyLabel: 'Adding…',
      primary: true,
      onClick: async () => {
        formError.hidden = true;
        fId.setError();
        fName.setError();
        fSla.setError();
        const vendorId = idInput.value.trim();
        const name = nameInput.value.trim();
        let bad = false;
        if (!vendorId) (fId.setError('Vendor ID is required'), (bad = true));
        if (!name) (fName.setError('Name is required'), (bad = true));
        const slaText = sla.value.trim();
        if (slaText && !/^\d+$/.test(slaText)) (fSla.setError('SLA days must be a whole number 0–365'), (bad = true));
        if (bad) return;
        try {
          // Absent keys rather than undefined values: google.script.run only carries plain JSON.
          const v = await api.addVendor({ vendorId, name, ...(currency.value ? { defaultCurrency: currency.value } : {}), ...(slaText ? { slaDays: Number(slaText) } : {}) });
          ctx.rememberVendor(v);
          p.setItems(await ctx.vendors());
          p.setValue(v.vendorId);
          addBox.hidden = true;
          f.setError();
          onChange(v);
          p.input.focus();
        } catch (e) {
          const msg = errorMessage(e);
          if (/Vendor ID/i.test(msg)) fId.setError(msg);
          else if (/SLA/i.test(msg)) fSla.setError(msg);
          else if (/currency/i.test(msg)) fCur.setError(msg);
          else if (/name/i.test(msg)) fName.setError(msg);
          else {
            formError.textContent = msg;
            formError.hidden = false;
          }
        }
      },
    });
    const cancel = h('button', { class: 'btn', attrs: { type: 'button' }, on: { click: () => ((addBox.hidden = true), p.input.focus()) } }, 'Cancel');
    addBox.replaceChildren(
      h('div', { class: 'inline-title' }, 'New vendor'),
      fId.el,
      fName.el,
      h('div', { class: 'row2' }, fCur.el, fSla.el),
      formError,
      h('div', { class: 'actions' }, save.el, cancel),
    );
    addBox.hidden = false;
    idInput.focus();
  };

  return {
    el: f.el,
    picker: p,
    setError: f.setError,
    focus: () => p.input.focus(),
  };
}
