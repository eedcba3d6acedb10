// Calendar dates as `YYYY-MM-DD` text. The sheets adapter turns cell Dates into this form in the
// spreadsheet's zone; from then on a date is a day, not an instant, so arithmetic is done in UTC
// where no day is 23 or 25 hours long.
import { isIsoDate } from './caseRecord';

export function addDays(iso: string, days: number): string {
  if (!isIsoDate(iso)) throw new Error(`"${iso}" is not a date YYYY-MM-DD`);
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${String(t.getUTCFullYear()).padStart(4, '0')}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
}

/** Whole days from a to b (b later → positive). */
export function daysBetween(a: string, b: string): number {
  const ms = (s: string) => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(b) - ms(a)) / 86400000);
}

/**
 * Reads a date typed in an import file: `YYYY-MM-DD`, `YYYY/M/D` or `YYYY.M.D`. Day-first and
 * month-first forms are refused rather than guessed (03/04/2026 is two different days).
 */
export function parseImportDate(text: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
