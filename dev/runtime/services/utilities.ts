// Utilities (https://developers.google.com/apps-script/reference/utilities/utilities).
// formatDate uses Java SimpleDateFormat patterns (MM month, mm minute; 'quoted' text, '' a quote);
// formatString is Java's String.format (%s %d %f, flags, width, precision); computeDigest and
// the HMAC methods return *signed* byte arrays; sleep blocks the execution (at most 300000 ms,
// research note §3.10). Charset / DigestAlgorithm / MacAlgorithm are enums of names.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { ScriptError, invalidArgument } from './errors';
import { Blob, bytesOf, decodeBytes, encodeString, fromByteArray, toSignedBytes } from './blob';

export const SLEEP_MAX_MS = 300_000;

const DIGESTS: Record<string, string> = { MD2: 'md2', MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };
const MACS: Record<string, string> = { HMAC_MD5: 'md5', HMAC_SHA_1: 'sha1', HMAC_SHA_256: 'sha256', HMAC_SHA_384: 'sha384', HMAC_SHA_512: 'sha512' };
const CHARSETS: Record<string, string> = { US_ASCII: 'US-ASCII', UTF_8: 'UTF-8' };

// ---- time zones (Java TimeZone ids: IANA names, "GMT", "UTC", "GMT+8", "GMT-05:00") ----

const OFFSET_ID = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/;
const dtfCache = new Map<string, Intl.DateTimeFormat>();

function fixedOffsetMinutes(tz: string): number | undefined {
  if (tz === 'GMT' || tz === 'UTC' || tz === 'Z') return 0;
  const m = OFFSET_ID.exec(tz);
  if (!m) return undefined;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function dtf(tz: string): Intl.DateTimeFormat | undefined {
  let f = dtfCache.get(tz);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short' });
    } catch {
      return undefined;
    }
    dtfCache.set(tz, f);
  }
  return f;
}

/** Offset (minutes east of UTC) of `tz` at instant `ms`. Unknown ids are GMT, as Java's
 *  TimeZone.getTimeZone does. */
export function offsetMinutes(ms: number, tz: string): number {
  const fixed = fixedOffsetMinutes(tz);
  if (fixed !== undefined) return fixed;
  const f = dtf(tz);
  if (!f) return 0;
  const p = f.formatToParts(new Date(ms));
  const get = (t: string) => Number(p.find((x) => x.type === t)?.value ?? 0);
  let year = get('year');
  if (p.find((x) => x.type === 'era')?.value === 'BC') year = 1 - year;
  const d = new Date(0);
  d.setUTCFullYear(year, get('month') - 1, get('day'));
  d.setUTCHours(get('hour') % 24, get('minute'), get('second'), 0);
  return Math.round((d.getTime() - (ms - (((ms % 1000) + 1000) % 1000))) / 60000);
}

function zoneName(ms: number, tz: string, long: boolean): string {
  const fixed = fixedOffsetMinutes(tz);
  if (fixed === 0 && (tz === 'UTC' || tz === 'GMT')) return long ? (tz === 'UTC' ? 'Coordinated Universal Time' : 'Greenwich Mean Time') : tz;
  if (fixed === undefined && dtf(tz)) {
    const n = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: long ? 'long' : 'short' }).formatToParts(new Date(ms)).find((x) => x.type === 'timeZoneName')?.value;
    if (n && !/^GMT[+-]/.test(n)) return n;
  }
  const off = fixed ?? offsetMinutes(ms, tz);
  if (off === 0) return 'GMT';
  const a = Math.abs(off);
  return `GMT${off < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Java SimpleDateFormat. */
/** Week year and week of year of wall-clock fields `w` (UTC-coded), en_US rules. */
function weekYear(w: Date): { year: number; week: number } {
  const day = Date.UTC(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate());
  const sunday = day - w.getUTCDay() * 86400000;
  const year = new Date(sunday + 6 * 86400000).getUTCFullYear(); // the week's Saturday decides
  const jan1 = new Date(Date.UTC(year, 0, 1));
  const week1 = jan1.getTime() - jan1.getUTCDay() * 86400000;
  return { year, week: Math.round((sunday - week1) / (7 * 86400000)) + 1 };
}

export function formatDate(date: Date, tz: string, pattern: string): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw invalidArgument('date');
  const off = offsetMinutes(ms, tz);
  const w = new Date(ms + off * 60000); // wall clock fields as UTC
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new ScriptError(`Unterminated quote in pattern: ${pattern}`);
      // '' inside quotes is a quote
      let j = i + 1;
      let text = '';
      for (;;) {
        const e = pattern.indexOf("'", j);
        if (e < 0) throw new ScriptError(`Unterminated quote in pattern: ${pattern}`);
        text += pattern.slice(j, e);
        if (pattern[e + 1] === "'") {
          text += "'";
          j = e + 2;
          continue;
        }
        i = e + 1;
        break;
      }
      out += text;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    const pad = (v: number, width = n) => String(v).padStart(width, '0');
    const year = w.getUTCFullYear();
    const hour = w.getUTCHours();
    switch (ch) {
      case 'G':
        out += year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
        out += n === 2 ? pad(year % 100, 2) : pad(year);
        break;
      // Java's `Y` is the *week year* and `w` the week of it (en_US rules: weeks start on Sunday,
      // week 1 is the one holding January 1), so `YYYY` on 2024-12-29 prints 2025 — the classic
      // bug of using YYYY for the calendar year, which a fake printing 2024 would hide
      // (java.text.SimpleDateFormat, java.util.GregorianCalendar "Week Of Year and Week Year").
      case 'Y': {
        const wy = weekYear(w);
        out += n === 2 ? pad(wy.year % 100, 2) : pad(wy.year);
        break;
      }
      case 'w':
        out += pad(weekYear(w).week);
        break;
      case 'W': {
        const first = new Date(Date.UTC(year, w.getUTCMonth(), 1)).getUTCDay();
        out += pad(Math.floor((w.getUTCDate() - 1 + first) / 7) + 1);
        break;
      }
      case 'F':
        out += pad(Math.floor((w.getUTCDate() - 1) / 7) + 1);
        break;
      case 'M':
      case 'L': {
        const m = w.getUTCMonth();
        out += n >= 4 ? MONTHS[m] : n === 3 ? MONTHS[m].slice(0, 3) : pad(m + 1);
        break;
      }
      case 'd':
        out += pad(w.getUTCDate());
        break;
      case 'D': {
        const start = Date.UTC(year, 0, 1);
        out += pad(Math.floor((w.getTime() - start) / 86400000) + 1);
        break;
      }
      case 'E': {
        const d = DAYS[w.getUTCDay()];
        out += n >= 4 ? d : d.slice(0, 3);
        break;
      }
      case 'u':
        out += pad(w.getUTCDay() === 0 ? 7 : w.getUTCDay());
        break;
      case 'a':
        out += hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(hour);
        break;
      case 'k':
        out += pad(hour === 0 ? 24 : hour);
        break;
      case 'K':
        out += pad(hour % 12);
        break;
      case 'h':
        out += pad(hour % 12 === 0 ? 12 : hour % 12);
        break;
      case 'm':
        out += pad(w.getUTCMinutes());
        break;
      case 's':
        out += pad(w.getUTCSeconds());
        break;
      case 'S':
        out += pad(w.getUTCMilliseconds());
        break;
      case 'z':
        out += zoneName(ms, tz, n >= 4);
        break;
      case 'Z': {
        const a = Math.abs(off);
        out += `${off < 0 ? '-' : '+'}${pad(Math.floor(a / 60), 2)}${pad(a % 60, 2)}`;
        break;
      }
      case 'X': {
        if (off === 0) {
          out += 'Z';
          break;
        }
        const a = Math.abs(off);
        const hh = `${off < 0 ? '-' : '+'}${pad(Math.floor(a / 60), 2)}`;
        if (n === 1) out += a % 60 ? `${hh}${pad(a % 60, 2)}` : hh;
        else if (n === 2) out += `${hh}${pad(a % 60, 2)}`;
        else if (n === 3) out += `${hh}:${pad(a % 60, 2)}`;
        else throw new ScriptError('invalid ISO 8601 format: length=' + n);
        break;
      }
      default:
        throw new ScriptError(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

/** Java String.format for %s %d %f %x %o %e %b %c %% %n with flags, width and precision. */
export function formatString(template: string, args: unknown[]): string {
  let next = 0;
  return template.replace(/%(\d+\$)?([-#+ 0,(]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g, (whole, index: string | undefined, flags: string, width: string | undefined, prec: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    if (conv === 'n') return '\n';
    const argIndex = index ? Number(index.slice(0, -1)) - 1 : next++;
    if (argIndex >= args.length) throw new ScriptError(`Format specifier '${whole}' has no argument`);
    const a = args[argIndex];
    let s: string;
    const numeric = (what: string): number => {
      if (typeof a !== 'number') throw new ScriptError(`${conv} != ${a === null ? 'null' : typeof a === 'string' ? 'java.lang.String' : typeof a} (format ${what})`);
      return a;
    };
    switch (conv.toLowerCase()) {
      case 's':
        s = a === null || a === undefined ? 'null' : typeof a === 'number' && Number.isInteger(a) ? String(a) : String(a);
        if (prec !== undefined) s = s.slice(0, Number(prec));
        break;
      case 'b':
        s = String(a !== null && a !== undefined && a !== false);
        break;
      case 'c':
        s = typeof a === 'number' ? String.fromCodePoint(a) : String(a).charAt(0);
        break;
      case 'd': {
        const v = numeric('%d');
        if (!Number.isInteger(v)) throw new ScriptError(`d != java.lang.Double`);
        s = Math.abs(v).toString();
        if (flags.includes(',')) s = s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        s = sign(v, flags) + s;
        break;
      }
      case 'x':
      case 'o': {
        const v = numeric('%' + conv);
        s = (v < 0 ? BigInt.asUintN(64, BigInt(v)) : BigInt(v)).toString(conv.toLowerCase() === 'x' ? 16 : 8);
        break;
      }
      case 'f': {
        const v = numeric('%f');
        s = Math.abs(v).toFixed(prec === undefined ? 6 : Number(prec));
        if (flags.includes(',')) s = s.replace(/^(\d+)/, (d) => d.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
        s = sign(v, flags) + s;
        break;
      }
      case 'e': {
        const v = numeric('%e');
        s = Math.abs(v).toExponential(prec === undefined ? 6 : Number(prec)).replace(/e([+-])(\d)$/, 'e$10$2');
        s = sign(v, flags) + s;
        break;
      }
      default:
        throw new ScriptError(`Unknown format conversion: '${conv}'`);
    }
    if (conv !== conv.toLowerCase()) s = s.toUpperCase();
    const wdt = width ? Number(width) : 0;
    if (s.length < wdt) {
      if (flags.includes('-')) s = s.padEnd(wdt);
      else if (flags.includes('0') && /[dfxoe]/i.test(conv)) {
        const m = /^([+\- ]?)(.*)$/.exec(s)!;
        s = m[1] + m[2].padStart(wdt - m[1].length, '0');
      } else s = s.padStart(wdt);
    }
    return s;
  });
}

function sign(v: number, flags: string): string {
  if (v < 0 || Object.is(v, -0)) return '-';
  if (flags.includes('+')) return '+';
  if (flags.includes(' ')) return ' ';
  return '';
}

/** RFC 4180 CSV as Utilities.parseCsv reads it (quoted fields, "" escapes, CRLF or LF). */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let any = false;
  while (i < csv.length) {
    const c = csv[i];
    if (quoted) {
      if (c === '"') {
        if (csv[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      any = true;
      i++;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
      any = true;
      i++;
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      any = false;
      i += c === '\r' && csv[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      any = true;
      i++;
    }
  }
  if (quoted) throw new ScriptError('Could not parse text.');
  if (any || field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function algorithm(table: Record<string, string>, a: unknown, what: string): string {
  const alg = table[String(a)];
  if (!alg) throw invalidArgument(what);
  return alg;
}

export class Utilities {
  readonly ENUMS = {
    Charset: { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' },
    DigestAlgorithm: { MD2: 'MD2', MD5: 'MD5', SHA_1: 'SHA_1', SHA_256: 'SHA_256', SHA_384: 'SHA_384', SHA_512: 'SHA_512' },
    MacAlgorithm: { HMAC_MD5: 'HMAC_MD5', HMAC_SHA_1: 'HMAC_SHA_1', HMAC_SHA_256: 'HMAC_SHA_256', HMAC_SHA_384: 'HMAC_SHA_384', HMAC_SHA_512: 'HMAC_SHA_512' },
    RsaAlgorithm: { RSA_SHA_1: 'RSA_SHA_1', RSA_SHA_256: 'RSA_SHA_256' },
  };
  constructor(private readonly _scriptTimeZone: string) {}

  formatDate(date: unknown, timeZone: unknown, format: unknown): string {
    if (Object.prototype.toString.call(date) !== '[object Date]') throw invalidArgument('date');
    if (typeof timeZone !== 'string') throw invalidArgument('timeZone');
    if (typeof format !== 'string') throw invalidArgument('format');
    return formatDate(date as Date, timeZone, format);
  }
  formatString(template: unknown, ...args: unknown[]): string {
    return formatString(String(template), args);
  }
  computeDigest(algorithmName: unknown, value: unknown, charset?: unknown): number[] {
    const alg = algorithm(DIGESTS, algorithmName, 'algorithm');
    return toSignedBytes(createHash(alg).update(bytesOf(value, charsetName(charset))).digest());
  }
  computeHmacSignature(algorithmName: unknown, value: unknown, key: unknown, charset?: unknown): number[] {
    const alg = algorithm(MACS, algorithmName, 'algorithm');
    const cs = charsetName(charset);
    return toSignedBytes(createHmac(alg, bytesOf(key, cs)).update(bytesOf(value, cs)).digest());
  }
  computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
    return this.computeHmacSignature('HMAC_SHA_256', value, key, charset);
  }
  base64Encode(data: unknown, charset?: unknown): string {
    return bytesOf(data, charsetName(charset)).toString('base64');
  }
  base64EncodeWebSafe(data: unknown, charset?: unknown): string {
    return this.base64Encode(data, charset).replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: unknown, charset?: unknown): number[] {
    void charset;
    const s = String(encoded);
    if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(s)) throw new ScriptError('Could not decode string.');
    return toSignedBytes(Buffer.from(s, 'base64'));
  }
  base64DecodeWebSafe(encoded: unknown, charset?: unknown): number[] {
    void charset;
    const s = String(encoded);
    if (!/^[A-Za-z0-9\-_\s]*={0,2}\s*$/.test(s)) throw new ScriptError('Could not decode string.');
    return toSignedBytes(Buffer.from(s, 'base64url'));
  }
  getUuid(): string {
    return randomUUID();
  }
  newBlob(data: unknown, contentType?: unknown, name?: unknown): Blob {
    const bytes = typeof data === 'string' ? encodeString(data, 'utf-8') : fromByteArray(data);
    return new Blob(bytes, contentType === undefined || contentType === null ? null : String(contentType), name === undefined || name === null ? null : String(name));
  }
  /** Blocks this execution (others go on): the worker waits for the main thread's answer. */
  async sleep(milliseconds: unknown): Promise<void> {
    const ms = Number(milliseconds);
    if (!Number.isFinite(ms) || ms < 0) throw invalidArgument('milliseconds');
    if (ms > SLEEP_MAX_MS) throw new ScriptError(`Argument too large: milliseconds (max ${SLEEP_MAX_MS})`);
    // unref: a stopped execution's sleep must not keep the process alive (its worker, while it
    // runs, does).
    await new Promise((r) => setTimeout(r, ms).unref());
  }
  parseCsv(csv: unknown, delimiter?: unknown): string[][] {
    const d = delimiter === undefined ? ',' : String(delimiter);
    if (d.length !== 1) throw invalidArgument('delimiter');
    return parseCsv(String(csv), d);
  }
  jsonStringify(obj: unknown): string {
    return JSON.stringify(obj);
  }
  jsonParse(json: unknown): unknown {
    return JSON.parse(String(json));
  }
  /** Decodes bytes with a charset (handy for tests; not an Apps Script method). */
  _decode(bytes: unknown, charset?: unknown): string {
    return decodeBytes(fromByteArray(bytes), charset);
  }
}

function charsetName(c: unknown): string | undefined {
  if (c === undefined || c === null) return undefined;
  return CHARSETS[String(c)] ?? String(c);
}
