// "Show only this vendor's cases": sets the Cases tab's filter to one vendor and shows that
// vendor's open count and open amount per currency; "Clear filter" removes it.
import { errorMessage, h, loadingButton, replaceChildren } from '../../components';
import { api, VendorView } from './api';
import { amountsText } from './context';

export interface VendorFilterPanel {
  el: HTMLElement;
  /** The vendor the button applies to (null hides the button). */
  setVendor(v: VendorView | null): void;
}

export function vendorFilterPanel(): VendorFilterPanel {
  let vendor: VendorView | null = null;
  const status = h('div', { class: 'filter-status', attrs: { role: 'status' } });
  const error = h('div', { class: 'field-error' });
  error.hidden = true;
  const show = loadingButton({
    label: "Show only this vendor's cases",
    busyLabel: 'Filtering…',
    onClick: async () => {
      if (!vendor) return;
      error.hidden = true;
      try {
        const r = await api.filterByVendor(vendor.vendorId);
        replaceChildren(
          status,
          h('div', { class: 'filter-title' }, `Cases tab: only ${r.vendorName}`),
          h('div', null, `${r.openCount} open · ${amountsText(r.openAmounts)}`),
          clear.el,
        );
        status.hidden = false;
      } catch (e) {
        error.textContent = errorMessage(e);
        error.hidden = false;
      }
    },
  });
  show.el.classList.add('small');
  const clear = loadingButton({
    label: 'Clear filter',
    busyLabel: 'Clearing…',
    onClick: async () => {
      error.hidden = true;
      try {
        await api.clearCaseFilter();
        status.hidden = true;
        replaceChildren(status);
      } catch (e) {
        error.textContent = errorMessage(e);
        error.hidden = false;
      }
    },
  });
  clear.el.classList.add('small');
  status.hidden = true;
  const el = h('div', { class: 'vendor-filter' }, show.el, status, error);
  el.hidden = true;
  return {
    el,
    setVendor(v) {
      vendor = v;
      el.hidden = !v && status.hidden;
      show.el.hidden = !v;
    },
  };
}
