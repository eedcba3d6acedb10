// Calendar dates as day numbers: reconciliation compares `YYYY-MM-DD` strings (already in the
// spreadsheet's zone), so a day count from the epoch in UTC is exact and zone-free.
const DAY_MS = 86400000;

// A month of 100k lines has a few dozen distinct dates: remember them (bounded, pure).
const memo = new Map<string, number>();

export function dayNumber(iso: string): number {
  const hit = memo.get(iso);
  if (hit !== undefined) return hit;
  const day = /^\d{4}-\d{2}-\d{2}/.test(iso) ? Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS) : NaN;
  if (memo.size > 20000) memo.clear();
  memo.set(iso, day);
  return day;
}

export function isoFromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoFromDayNumber(dayNumber(iso) + days);
}

/** `YYYY-MM` of a date; '' when it is not a date. */
export function monthOf(iso: string): string {
  return /^\d{4}-\d{2}/.test(iso) ? iso.slice(0, 7) : '';
}

export function isMonth(text: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

/** Last calendar day of a `YYYY-MM` month. */
export function monthEnd(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return isoFromDayNumber(Math.floor(Date.UTC(y, m, 0) / DAY_MS));
}
