// Spreadsheet dates: a date cell holds a serial number of days since 1899-12-30 00:00 *in the
// spreadsheet's time zone* (Sheets API "DateTimeRenderOption": SERIAL_NUMBER; gas-fakes
// notes/oddities.md). getValues turns it into a JS Date at that wall time in the spreadsheet
// zone, which may differ from the script (manifest) zone (research note §3.1, §3.2).

const dtfCache = new Map<string, Intl.DateTimeFormat>();
function dtf(tz: string): Intl.DateTimeFormat {
  let f = dtfCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    dtfCache.set(tz, f);
  }
  return f;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    dtf(tz);
    return true;
  } catch {
    return false;
  }
}

// Offsets are cached per zone and 15-minute slice of time: zone transitions fall on such
// boundaries, and Intl formatting is too slow to run once per cell of a 100k-row read.
const SLICE = 900000;
const offsetCache = new Map<string, Map<number, number>>();

/** Wall-clock fields (as a UTC ms count) of an instant in a zone. */
export function wallMs(epochMs: number, tz: string): number {
  let byZone = offsetCache.get(tz);
  if (!byZone) {
    byZone = new Map();
    offsetCache.set(tz, byZone);
  }
  const key = Math.floor(epochMs / SLICE);
  let off = byZone.get(key);
  if (off === undefined) {
    const base = key * SLICE;
    off = wallMsSlow(base, tz) - base;
    if (byZone.size > 200000) byZone.clear();
    byZone.set(key, off);
  }
  return epochMs + off;
}

function wallMsSlow(epochMs: number, tz: string): number {
  const parts = dtf(tz).formatToParts(new Date(epochMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  let year = get('year');
  if (parts.find((p) => p.type === 'era')?.value === 'BC') year = 1 - year;
  const ms = ((epochMs % 1000) + 1000) % 1000;
  const d = new Date(0);
  d.setUTCFullYear(year, get('month') - 1, get('day'));
  d.setUTCHours(get('hour') % 24, get('minute'), get('second'), ms);
  return d.getTime();
}

/** The instant whose wall-clock time in `tz` is `wall` (a UTC ms count of the fields). */
export function epochFromWall(wall: number, tz: string): number {
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const off = wallMs(guess, tz) - guess;
    const next = wall - off;
    if (next === guess) break;
    guess = next;
  }
  return guess;
}

const DAY = 86400000;
const EPOCH_1899 = Date.UTC(1899, 11, 30);

export function serialToDate(serial: number, tz: string): Date {
  const wall = Math.round(EPOCH_1899 + serial * DAY);
  return new Date(epochFromWall(wall, tz));
}

export function dateToSerial(d: Date, tz: string): number {
  return (wallMs(d.getTime(), tz) - EPOCH_1899) / DAY;
}

export function wallToSerial(y: number, m: number, d: number, h = 0, mi = 0, s = 0): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  t.setUTCHours(h, mi, s, 0);
  return (t.getTime() - EPOCH_1899) / DAY;
}

/** Wall-clock fields of a serial (no zone: the serial already is wall time). */
export function serialFields(serial: number): { y: number; m: number; d: number; h: number; mi: number; s: number; ms: number; dow: number } {
  const t = new Date(Math.round(EPOCH_1899 + serial * DAY));
  return {
    y: t.getUTCFullYear(),
    m: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
    ms: t.getUTCMilliseconds(),
    dow: t.getUTCDay(),
  };
}
