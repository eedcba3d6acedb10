// Deterministic Journal Refs. The same case event always gets the same ref, so a re-run or a
// re-export recognises what is already there instead of posting it twice:
//   VC-RC-000042-AGREED              E1, first version
//   VC-RC-000042-AGREED-R1           reversal of version 1 (E6)
//   VC-RC-000042-AGREED-2            the corrected second version
//   VC-RC-000042-RECEIVED-L1a2b3c4d  E3 for one receipt (its statement Line ID)
//   VC-RC-000042-WRITEOFF            E5
// A slot is the ref without its version suffix; every posting of one event lives in its slot.

export type SlotEvent = 'AGREED' | 'RECEIVED' | 'WRITEOFF';

/** The slot (version-1 ref) of an event of a case; `subject` names the receipt of an E3. */
export function slotRef(caseId: string, event: SlotEvent, subject?: string): string {
  return subject ? `VC-${caseId}-${event}-${subject}` : `VC-${caseId}-${event}`;
}

/** Ref of version `v` (1, 2, …) of a slot. */
export function versionRef(slot: string, version: number): string {
  return version === 1 ? slot : `${slot}-${version}`;
}

/** Ref of the reversal of version `v` of a slot. */
export function reversalRef(slot: string, version: number): string {
  return `${slot}-R${version}`;
}

export interface ParsedRef {
  slot: string;
  version: number;
  /** True for `…-R<v>`: the reversal of version `version`. */
  reversal: boolean;
}

/**
 * Reads a ref back. Subjects never end in `-<digits>` (receiptSubject starts them with a letter
 * and keeps only letters and digits), so a trailing `-2` or `-R1` is always a version suffix.
 */
export function parseRef(ref: string): ParsedRef {
  const m = /^(.*)-(R?)(\d+)$/.exec(ref);
  if (m && /-(AGREED|RECEIVED-[A-Za-z][A-Za-z0-9]*|WRITEOFF)$/.test(m[1])) {
    return { slot: m[1], version: Number(m[3]), reversal: m[2] === 'R' };
  }
  return { slot: ref, version: 1, reversal: false };
}

/**
 * A receipt's part of a ref: its id's letters and digits (a statement Line ID `L` + 16 hex
 * stays whole); a longer id is cut and given a hash so two receipts of a case stay apart.
 */
export function receiptSubject(receiptId: string): string {
  let s = receiptId.replace(/[^A-Za-z0-9]/g, '');
  if (!/^[A-Za-z]/.test(s)) s = `X${s}`;
  return s.length <= 17 ? s : `${s.slice(0, 8)}${shortHash(receiptId, 8)}`;
}

/**
 * A ref shortened to `max` characters for packages with short number fields (QuickBooks Online
 * JournalNo 21, QuickBooks Desktop DOCNUM 11): the ref itself when it fits, then without its
 * `VC-` prefix and the case ID's dash, then a prefix + hash of the whole ref (the full ref is
 * always in the memo too).
 */
export function compactRef(ref: string, max: number): string {
  if (ref.length <= max) return ref;
  const short = ref.replace(/^VC-/, '').replace(/^RC-/, 'RC');
  if (short.length <= max) return short;
  const hash = shortHash(ref, Math.min(8, max));
  const keep = max - hash.length - 1;
  return keep > 0 ? `${short.slice(0, keep)}-${hash}` : hash;
}

/** Base-36 digits of two FNV-1a hashes of the text: short, stable, not for security. */
function shortHash(text: string, length: number): string {
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
  };
  const digits = fnv(0x811c9dc5).toString(36) + fnv(0x2f6b7a31).toString(36);
  return digits.padStart(length, '0').slice(0, length).toUpperCase();
}
