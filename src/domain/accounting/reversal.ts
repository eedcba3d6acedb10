// From "what should be posted" to "what to append" (E6). An entry already on the Journal tab is
// never edited, exported or not: when the facts behind it change (amount, currency, vendor, date,
// rate) or vanish (case Cancelled, receipt unmatched), its live version is reversed (same
// accounts, opposite sides) and, if still due, a new version is posted. An entry that already
// says what the facts say produces nothing, so running twice posts nothing new.
import { formatAmount } from '../money';
import { lineAmount, oppositeLines, sideOf } from './entry';
import { parseRef, reversalRef, versionRef } from './refs';
import type { JournalEntry } from './types';

interface Slot {
  slot: string;
  versions: Map<number, JournalEntry>;
  reversed: Set<number>;
  reversals: JournalEntry[];
  maxVersion: number;
}

/** What identifies an entry's substance: (event) date, vendor and lines by role, side and amounts; not memo or account names. */
export function fingerprint(e: JournalEntry): string {
  const lines = e.lines
    .map((l) => `${l.role}|${sideOf(l)}|${formatAmount(lineAmount(l), e.baseCurrency)}|${l.original.amount.toString()} ${l.original.currency}`)
    .sort();
  return [eventDateOf(e), e.vendorId, e.baseCurrency, ...lines].join('\n');
}

// A corrected version is posted in the open period (no earlier than its reversal), so its Date
// can be later than the event it books. The event's own date, which its rate was taken on, is
// then kept in its memo: "… (event date 2025-03-05)".
const EVENT_DATE = / \(event date (\d{4}-\d{2}-\d{2})\)$/;

/** The date of the event an entry books: its Date, or the event date a re-dated version keeps in its memo. */
export function eventDateOf(e: JournalEntry): string {
  return EVENT_DATE.exec(e.memo)?.[1] ?? e.date;
}

/** A new version of slot `s`: dated no earlier than `today` or any reversal of the slot, its event date kept in the memo when moved. */
function newVersion(d: JournalEntry, ref: string, notBefore: string): JournalEntry {
  if (d.date >= notBefore) return { ...d, ref };
  return { ...d, ref, date: notBefore, memo: `${d.memo} (event date ${d.date})` };
}

function slotsOf(posted: readonly JournalEntry[]): Map<string, Slot> {
  const slots = new Map<string, Slot>();
  for (const e of posted) {
    const p = parseRef(e.ref);
    let s = slots.get(p.slot);
    if (!s) slots.set(p.slot, (s = { slot: p.slot, versions: new Map(), reversed: new Set(), reversals: [], maxVersion: 0 }));
    if (p.reversal) {
      s.reversed.add(p.version);
      s.reversals.push(e);
    } else s.versions.set(p.version, e);
    s.maxVersion = Math.max(s.maxVersion, p.version);
  }
  return slots;
}

/** The version of a slot that stands in the books (posted and not reversed), if any. */
function liveOf(s: Slot | undefined): { version: number; entry: JournalEntry } | null {
  if (!s) return null;
  let best: { version: number; entry: JournalEntry } | null = null;
  for (const [v, entry] of s.versions) if (!s.reversed.has(v) && (!best || v > best.version)) best = { version: v, entry };
  return best;
}

/** The entries that stand in the books, one per slot (its latest version not reversed), in slot order. */
export function liveEntries(posted: readonly JournalEntry[]): JournalEntry[] {
  return [...slotsOf(posted).values()].flatMap((s) => liveOf(s)?.entry ?? []);
}

/** The live posted entry of a slot (e.g. the E1 whose date a case without agreedOn keeps). */
export function livePosted(posted: readonly JournalEntry[], slot: string): JournalEntry | null {
  return liveOf(slotsOf(posted).get(slot))?.entry ?? null;
}

/** Why a live entry is being reversed, for its memo. */
function why(live: JournalEntry, due: JournalEntry | undefined, status: string): string {
  if (!due) return live.event === 'REFUND_RECEIVED' ? 'receipt no longer allocated to the case' : `case is ${status}`;
  const changed: string[] = [];
  if (live.vendorId !== due.vendorId) changed.push('vendor');
  if (eventDateOf(live) !== due.date) changed.push('date');
  const money = (e: JournalEntry) => e.lines.map((l) => `${l.role}${sideOf(l)}${l.original.amount} ${l.original.currency}`).sort().join();
  const base = (e: JournalEntry) => e.lines.map((l) => `${l.role}${sideOf(l)}${lineAmount(l)}`).sort().join();
  if (money(live) !== money(due)) changed.push('amount or currency');
  else if (base(live) !== base(due)) changed.push('FX rate');
  return `${changed.join(', ') || 'facts'} corrected`;
}

/**
 * Entries to append for one case: reversals (latest events first), then new versions in the
 * order they are due. `posted` holds this case's entries already on the Journal tab; `due`
 * comes from dueEntries (refs are slots); reversals are dated `today`, never before the entry.
 * A first posting keeps its event date; a later version (a correction) is dated no earlier than
 * today and its slot's reversals, so it lands in the open period, not in a closed, exported month.
 */
export function entriesToAppend(due: readonly JournalEntry[], posted: readonly JournalEntry[], status: string, today: string): JournalEntry[] {
  const slots = slotsOf(posted);
  const dueBySlot = new Map(due.map((d) => [d.ref, d] as const));
  const order = [...due.map((d) => d.ref), ...[...slots.keys()].filter((k) => !dueBySlot.has(k))];
  const reversals: JournalEntry[] = [];
  const postings: JournalEntry[] = [];
  for (const key of order) {
    const s = slots.get(key);
    const live = liveOf(s);
    const d = dueBySlot.get(key);
    const same = live && d && fingerprint(live.entry) === fingerprint(d);
    if (same) continue;
    let notBefore = today;
    for (const r of s?.reversals ?? []) if (r.date > notBefore) notBefore = r.date;
    if (live) {
      const e = live.entry;
      const date = today > e.date ? today : e.date;
      if (date > notBefore) notBefore = date;
      reversals.push({
        ...e,
        ref: reversalRef(key, live.version),
        event: 'REVERSAL',
        reverses: e.ref,
        date,
        memo: `Reversal of ${e.ref}: ${why(e, d, status)}`,
        lines: oppositeLines(e.lines),
        exportedBatch: undefined,
      });
    }
    if (d) {
      const version = (s?.maxVersion ?? 0) + 1;
      postings.push(version === 1 ? { ...d, ref: versionRef(key, 1) } : newVersion(d, versionRef(key, version), notBefore));
    }
  }
  return [...reversals.reverse(), ...postings];
}
