import { createHash } from 'node:crypto';
import { AuditEntry, chain, diffEntries, GENESIS, verifyChain } from '../../src/domain/audit';

const sha = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');
const entry = (i: number): AuditEntry => ({ time: `2026-01-0${i}T10:00:00+08:00`, user: 'a@x', caseId: `RC-00000${i}`, action: 'created', field: 'Case', oldValue: '', newValue: `v${i}` });

describe('audit hash chain', () => {
  const rows = chain(GENESIS, [1, 2, 3, 4].map(entry), sha);
  const head = { seq: 4, hash: rows[3].hash };

  test('each hash covers the previous one', () => {
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    const more = chain({ seq: 2, hash: rows[1].hash }, [entry(3), entry(4)], sha);
    expect(more.map((r) => r.hash)).toEqual([rows[2].hash, rows[3].hash]);
    expect(verifyChain(rows, head, sha)).toMatchObject({ ok: true, entries: 4 });
  });
  test('names an edited row', () => {
    const edited = rows.map((r, i) => (i === 2 ? { ...r, newValue: 'x' } : r));
    expect(verifyChain(edited, head, sha)).toMatchObject({ ok: false, firstBadRow: 4, message: expect.stringContaining('row 4 (entry 3, RC-000003) was edited') });
  });
  test('names a deleted row', () => {
    const cut = [rows[0], rows[2], rows[3]];
    expect(verifyChain(cut, head, sha)).toMatchObject({ ok: false, firstBadRow: 3, message: expect.stringContaining('deleted just above Audit Log row 3') });
  });
  test('names an inserted row', () => {
    const forged = { ...entry(9), seq: 2, hash: 'f'.repeat(64) };
    expect(verifyChain([rows[0], forged, ...rows.slice(1)], head, sha)).toMatchObject({ ok: false, firstBadRow: 3 });
    expect(verifyChain([rows[0], rows[1], { ...forged, seq: NaN }, rows[2], rows[3]], head, sha).message).toMatch(/row 4 was inserted/);
  });
  test('notices rows deleted from the end through the recorded head', () => {
    expect(verifyChain(rows.slice(0, 2), head, sha)).toMatchObject({ ok: false, message: expect.stringContaining('The last 2 audit rows were deleted') });
    expect(verifyChain(rows.slice(0, 2), null, sha).ok).toBe(true);
  });
  test('diffEntries lists changed fields only', () => {
    const e = diffEntries({ a: '1', b: ['x'], c: 'same' }, { a: '2', b: ['x', 'y'], c: 'same' }, [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }, { key: 'c', label: 'C' }], { time: 't', user: 'u', caseId: 'RC-1', action: 'update' });
    expect(e.map((x) => [x.field, x.oldValue, x.newValue])).toEqual([['A', '1', '2'], ['B', 'x', 'x, y']]);
  });
});
