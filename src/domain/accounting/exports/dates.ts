// Dates for import files. The Journal keeps ISO days; Xero and QuickBooks read dates in the
// organisation's region order (Settings ▸ Export Date Order), IIF in MM/DD/YYYY. An ISO day
// is rearranged as text, never through a Date, so no time zone can move it.
import type { DateOrder } from '../accounts';

export function regionDate(iso: string, order: DateOrder): string {
  const [y, m, d] = iso.split('-');
  return order === 'DD/MM/YYYY' ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
}
