// What the add-on remembers per spreadsheet, in document properties (shared by every user of the
// document, unlike user properties): the Case ID counter, recent request IDs, the Drive evidence
// root folder and the audit chain's head. Callers hold the document lock around read-modify-write.
import type { ChainHead } from '../domain/audit';

const KEY = {
  caseSeq: 'rcl.caseSeq',
  requests: 'rcl.requests',
  evidenceRoot: 'rcl.evidenceRootFolderId',
  auditHead: 'rcl.auditHead',
  editTriggerUser: 'rcl.editTriggerUser',
};

/** How many recent submits are remembered (each entry ~60 bytes; a property holds 9 KB). */
const REQUESTS_KEPT = 100;

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/**
 * Reserves `count` Case ID numbers and returns the first. The counter only grows, so an ID is
 * never reused, even after its row is deleted. `atLeast` moves it past IDs already in the sheet.
 */
export function reserveCaseNumbers(count: number, atLeast = 0): number {
  const p = props();
  const last = Math.max(Number(p.getProperty(KEY.caseSeq) || '0'), atLeast);
  p.setProperty(KEY.caseSeq, String(last + count));
  return last + 1;
}

export function peekCaseCounter(): number {
  return Number(props().getProperty(KEY.caseSeq) || '0');
}

export function setCaseCounter(value: number): void {
  props().setProperty(KEY.caseSeq, String(value));
}

type RequestMemory = [requestId: string, caseId: string][];

function readRequests(): RequestMemory {
  try {
    const parsed = JSON.parse(props().getProperty(KEY.requests) || '[]');
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/** The Case ID an earlier submit with this request ID created, if it is remembered. */
export function caseForRequest(requestId: string): string | null {
  const hit = readRequests().find(([r]) => r === requestId);
  return hit ? hit[1] : null;
}

/** A property value may hold 9 KB (UTF-8); stay well below so setProperty never throws after a write. */
const REQUESTS_MAX_BYTES = 8000;

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

export function rememberRequest(requestId: string, caseId: string): void {
  let kept = readRequests().filter(([r]) => r !== requestId);
  kept.push([requestId.slice(0, 100), caseId]);
  kept = kept.slice(-REQUESTS_KEPT);
  let json = JSON.stringify(kept);
  while (utf8Length(json) > REQUESTS_MAX_BYTES && kept.length > 1) {
    kept = kept.slice(1);
    json = JSON.stringify(kept);
  }
  props().setProperty(KEY.requests, json);
}

export function evidenceRootId(): string | null {
  return props().getProperty(KEY.evidenceRoot);
}
export function setEvidenceRootId(id: string): void {
  props().setProperty(KEY.evidenceRoot, id);
}

export function auditHead(): ChainHead | null {
  const raw = props().getProperty(KEY.auditHead);
  if (!raw) return null;
  try {
    const h = JSON.parse(raw);
    return typeof h.seq === 'number' && typeof h.hash === 'string' ? h : null;
  } catch {
    return null;
  }
}
export function setAuditHead(head: ChainHead): void {
  props().setProperty(KEY.auditHead, JSON.stringify(head));
}

/** Who owns the document's edit-recording trigger ('' if none was created). */
export function editTriggerUser(): string {
  return props().getProperty(KEY.editTriggerUser) || '';
}
export function setEditTriggerUser(email: string): void {
  props().setProperty(KEY.editTriggerUser, email);
}
