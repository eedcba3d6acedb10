// The audit trail's hash chain (DESIGN §7). Each row's hash covers the previous row's hash and
// this row, and rows carry a sequence number, so verification can tell an edited row from
// inserted or deleted ones. The hash function is a parameter: the add-on passes the pure-JS
// `sha256Hex` (no service call per row), tests may pass Node's crypto — the chain is the same.

/** Hex SHA-256 of the UTF-8 text. */
export type Sha256 = (text: string) => string;

export interface AuditEntry {
  time: string;
  user: string;
  caseId: string;
  action: string;
  field: string;
  oldValue: string;
  newValue: string;
}

export interface AuditRow extends AuditEntry {
  seq: number;
  hash: string;
}

/** The last chained row: where the next append continues, and what verification expects. */
export interface ChainHead {
  seq: number;
  hash: string;
}
export const GENESIS: ChainHead = { seq: 0, hash: '' };

function hashInput(prevHash: string, seq: number, e: AuditEntry): string {
  // JSON keeps field boundaries unambiguous ("a|b" + "c" vs "a" + "b|c").
  return `${prevHash}\n${JSON.stringify([seq, e.time, e.user, e.caseId, e.action, e.field, e.oldValue, e.newValue])}`;
}

export function chain(head: ChainHead, entries: readonly AuditEntry[], sha256: Sha256): AuditRow[] {
  let { seq, hash } = head;
  return entries.map((e) => {
    seq += 1;
    hash = sha256(hashInput(hash, seq, e));
    return { ...e, seq, hash };
  });
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  /** Sheet row of the first problem (header is row 1). */
  firstBadRow?: number;
  message: string;
}

/**
 * Checks rows (in sheet order, first data row = sheet row 2) against the chain and against the
 * head recorded when the last row was appended (null if none was recorded), which catches rows
 * deleted from the end.
 */
export function verifyChain(rows: readonly AuditRow[], recordedHead: ChainHead | null, sha256: Sha256): VerifyResult {
  let prev = GENESIS;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const sheetRow = i + 2;
    const expectedSeq = prev.seq + 1;
    const bad = (message: string): VerifyResult => ({ ok: false, entries: rows.length, firstBadRow: sheetRow, message });
    if (!Number.isInteger(r.seq) || r.seq < expectedSeq) {
      return bad(`Audit Log row ${sheetRow} was inserted (its sequence number ${r.seq || '(blank)'} does not follow ${prev.seq}), or edited.`);
    }
    if (r.seq > expectedSeq) {
      const missing = r.seq - expectedSeq;
      return bad(`${missing === 1 ? 'An audit row was' : `${missing} audit rows were`} deleted just above Audit Log row ${sheetRow} (entries ${expectedSeq}${missing > 1 ? `–${r.seq - 1}` : ''} are missing).`);
    }
    if (sha256(hashInput(prev.hash, r.seq, r)) !== r.hash) {
      return bad(`Audit Log row ${sheetRow} (entry ${r.seq}, ${r.caseId || 'no case'}) was edited: its hash does not match its content.`);
    }
    prev = { seq: r.seq, hash: r.hash };
  }
  if (recordedHead && recordedHead.seq > prev.seq) {
    const missing = recordedHead.seq - prev.seq;
    return {
      ok: false,
      entries: rows.length,
      firstBadRow: rows.length + 2,
      message: `${missing === 1 ? 'The last audit row was' : `The last ${missing} audit rows were`} deleted (the log ended at entry ${recordedHead.seq}, it now ends at ${prev.seq}).`,
    };
  }
  if (recordedHead && recordedHead.seq === prev.seq && recordedHead.hash !== prev.hash) {
    return { ok: false, entries: rows.length, firstBadRow: rows.length + 1, message: `The last audit row was replaced (its hash differs from the one recorded when it was written).` };
  }
  return { ok: true, entries: rows.length, message: `The audit trail is intact: ${rows.length} entr${rows.length === 1 ? 'y' : 'ies'} verified.` };
}

/** Audit rows for the fields that differ between two versions of a record. */
export function diffEntries<T extends object>(
  before: T,
  after: T,
  fields: readonly { key: keyof T; label: string }[],
  base: Omit<AuditEntry, 'field' | 'oldValue' | 'newValue'>,
): AuditEntry[] {
  const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v === undefined || v === null ? '' : String(v));
  const out: AuditEntry[] = [];
  for (const { key, label } of fields) {
    const o = show(before[key]);
    const n = show(after[key]);
    if (o !== n) out.push({ ...base, field: label, oldValue: o, newValue: n });
  }
  return out;
}
