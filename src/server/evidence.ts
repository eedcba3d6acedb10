// Adding evidence to a case: an upload stored in the case's Drive folder, or a link recorded
// as given (drive.file cannot open files the add-on did not create, so no hash for those).
import * as z from 'zod';
import { appendAudit, auditEntry } from '../sheets/auditLog';
import { readCases, readEvidenceLink, writeCases, writeEvidenceCell } from '../sheets/caseRepo';
import { appendEvidence, EvidenceItem, readEvidence } from '../sheets/evidenceRepo';
import { caseFolder, checkUploadSize, storeUpload } from '../sheets/evidenceStore';
import { withDocumentLock } from '../sheets/lock';
import { EVIDENCE_TYPES, validateWith } from '../domain/caseRecord';
import { evidenceLabel } from '../domain/caseView';
import { stamp } from './context';

const typeField = z.enum(EVIDENCE_TYPES, { error: `Evidence type must be one of: ${EVIDENCE_TYPES.join(', ')}` });
const uploadSchema = z.object({
  type: typeField,
  name: z.string().trim().min(1, 'File name is required').max(255),
  mimeType: z.string().trim().max(255).default('application/octet-stream'),
  contentBase64: z.string().min(1, 'File is empty'),
});
const linkSchema = z.object({
  type: typeField,
  url: z.string().trim().regex(/^https:\/\/\S+$/, 'Link must be an https:// address (a Drive or web link)'),
  name: z.string().trim().max(255).optional(),
});

export function addEvidence(caseId: unknown, item: unknown): EvidenceItem {
  const id = String(caseId ?? '').trim();
  const isLink = !!item && typeof item === 'object' && 'url' in item;
  const parsed = isLink ? validateWith(linkSchema, item) : validateWith(uploadSchema, item);
  if (!parsed.ok) throw new Error(`Invalid evidence: ${parsed.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
  if (!isLink) checkUploadSize(parsed.value as z.output<typeof uploadSchema>);
  const s = stamp();
  return withDocumentLock(() => {
    const table = readCases(s.ss);
    const row = table.byId.get(id);
    if (!row) throw new Error(`No case ${id || '(blank ID)'}`);
    const existing = readEvidence(s.ss, id);
    const folder = caseFolder(s.ss, row.record, readEvidenceLink(table, id));
    let evidence: EvidenceItem;
    if (isLink) {
      const l = parsed.value as z.output<typeof linkSchema>;
      // Recorded without opening it: drive.file gives no access to files we did not create.
      evidence = { caseId: id, type: l.type, name: l.name || l.url, url: l.url, sha256: '', addedAt: s.time, addedBy: s.user };
    } else {
      const u = parsed.value as z.output<typeof uploadSchema>;
      const stored = storeUpload(folder, u);
      evidence = { caseId: id, type: u.type, name: stored.name, url: stored.url, sha256: stored.sha256, addedAt: s.time, addedBy: s.user };
    }
    appendEvidence(s.ss, [evidence]);
    const label = evidenceLabel(existing.length + 1);
    writeEvidenceCell(s.ss, table, id, label, folder.getUrl());
    writeCases(s.ss, table, [{ ...row.record, updatedAt: s.time, updatedBy: s.user }]);
    appendAudit(s.ss, [auditEntry(s, id, 'evidence added', evidence.type, '', `${evidence.name}${evidence.sha256 ? ` sha256:${evidence.sha256}` : ' (link, not opened)'}`)]);
    return evidence;
  });
}
