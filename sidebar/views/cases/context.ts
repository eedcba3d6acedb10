// What the case views share within one page: the form options and the vendor list, loaded
// once (each is one server call) and refreshed after a vendor is added.
import { api, FormOptions, VendorView } from './api';
import { groupedAmount } from '../../components/money';

export interface CaseContext {
  options(): Promise<FormOptions>;
  vendors(): Promise<VendorView[]>;
  /** Adds or replaces a vendor in the cached list (after addVendor). */
  rememberVendor(v: VendorView): void;
  /** Reloads the vendor list (open counts change after logging). */
  reloadVendors(): Promise<VendorView[]>;
}

export function caseContext(): CaseContext {
  let options: Promise<FormOptions> | null = null;
  let vendors: Promise<VendorView[]> | null = null;
  const ctx: CaseContext = {
    options() {
      // A failed load is retried on the next call instead of being remembered.
      if (!options) options = api.getFormOptions().catch((e) => ((options = null), Promise.reject(e)));
      return options;
    },
    vendors() {
      if (!vendors) vendors = api.listVendors().catch((e) => ((vendors = null), Promise.reject(e)));
      return vendors;
    },
    rememberVendor(v) {
      const prev = vendors ?? Promise.resolve([]);
      vendors = prev.then((list) => [...list.filter((x) => x.vendorId !== v.vendorId), v].sort((a, b) => a.name.localeCompare(b.name)));
    },
    reloadVendors() {
      vendors = null;
      return ctx.vendors();
    },
  };
  return ctx;
}

/** YYYY-MM-DD plus n calendar days (pure calendar arithmetic, no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** Expected completion for a vendor: the server's value, or today + the vendor's SLA for a vendor added just now. */
export function expectedFor(options: FormOptions, vendor: VendorView | null): string {
  if (!vendor) return options.defaultExpected;
  return options.expectedByVendor[vendor.vendorId] ?? addDays(options.today, vendor.slaDays ?? options.defaultSlaDays);
}

/** "2026-12-03T21:05:09+08:00" → "2026-12-03 21:05" (the spreadsheet zone's wall time, as sent). */
export function shortTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

/** "CNY 120.00 · USD 5.00" */
export function amountsText(list: { currency: string; amount: string }[]): string {
  return list.length ? list.map((a) => `${a.currency} ${groupedAmount(a.amount, a.currency)}`).join(' · ') : 'nothing open';
}

/** Tags typed as "a, b c" → ['a', 'b', 'c'] (tags hold no spaces or commas). */
export function splitTags(text: string): string[] {
  return text.split(/[\s,]+/).map((t) => t.trim()).filter(Boolean);
}
