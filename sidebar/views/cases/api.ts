// The case log's server calls (docs/api.md), typed. Every call the case views make goes
// through here, with the function name as a string literal so build.mjs can check it exists.
import { callServer } from '../../server';
// Result shapes are the server's own types (type-only imports: nothing of the server is bundled).
import type { CaseView, CaseQuery } from '../../../src/domain/caseView';
import type { CaseForm, CasePatch, CaseStatus, EvidenceType } from '../../../src/domain/caseRecord';
import type { AuditEntry } from '../../../src/domain/audit';
import type { EvidenceItem } from '../../../src/sheets/evidenceRepo';
import type { FormOptions, LogCaseResult, VendorView } from '../../../src/server/caseLog';
import type { CaseDetail, FindResult, VendorFilterResult } from '../../../src/server/caseQueries';
import type { ImportResult } from '../../../src/server/importCases';
import type { FileUpload } from '../../components/files';

export type { CaseView, CaseQuery, CaseStatus, EvidenceType, CaseForm, CasePatch, FileUpload, AuditEntry, EvidenceItem };
export type { FormOptions, LogCaseResult, VendorView, CaseDetail, FindResult, VendorFilterResult, ImportResult };

export interface FileLink {
  type: EvidenceType;
  url: string;
  name?: string;
}

export interface NewVendor {
  vendorId: string;
  name: string;
  defaultCurrency?: string;
  slaDays?: number;
}

export const api = {
  getFormOptions: () => callServer<FormOptions>('getFormOptions'),
  listVendors: () => callServer<VendorView[]>('listVendors'),
  addVendor: (input: NewVendor) => callServer<VendorView>('addVendor', input),
  logCase: (form: CaseForm) => callServer<LogCaseResult>('logCase', form),
  findCases: (query: CaseQuery) => callServer<FindResult>('findCases', query),
  getCase: (caseId: string) => callServer<CaseDetail>('getCase', caseId),
  updateCase: (caseId: string, patch: CasePatch) => callServer<CaseView>('updateCase', caseId, patch),
  changeStatus: (caseId: string, status: CaseStatus, note: string) => callServer<CaseView>('changeStatus', caseId, status, note),
  addEvidence: (caseId: string, item: FileUpload | FileLink) => callServer<EvidenceItem>('addEvidence', caseId, item),
  filterByVendor: (vendorId: string) => callServer<VendorFilterResult>('filterByVendor', vendorId),
  clearCaseFilter: () => callServer<{ cleared: boolean }>('clearCaseFilter'),
  importCases: (source: { csv: string }) => callServer<ImportResult>('importCases', source),
};

/** "Invalid case: [{"field":"amount","message":"…"}]" → the field list; null for other errors. */
export function fieldErrorsOf(message: string): { field: string; message: string }[] | null {
  const m = /Invalid case:\s*(\[[\s\S]*\])/.exec(message);
  if (!m) return null;
  try {
    const list = JSON.parse(m[1]) as unknown;
    return Array.isArray(list) ? list.filter((e): e is { field: string; message: string } => !!e && typeof e.field === 'string' && typeof e.message === 'string') : null;
  } catch {
    return null;
  }
}

/** A fresh request ID for one form fill (a retry of the same fill reuses it). */
export function newRequestId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
