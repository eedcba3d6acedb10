// Evidence files in Drive: one root folder per spreadsheet (its id in document properties), one
// folder per case inside it named `RC-000042 <Vendor> <Order #>`. Scope is drive.file: the
// add-on can only open files and folders it created, so a link to someone else's file is
// recorded without opening it (and therefore without a hash).
//
//   caseFolder(ss, record, knownFolderUrl): Folder   creates it on first use
//   storeUpload(folder, upload): StoredFile          size check, SHA-256, Drive file
//   folderIdFromUrl(url)                             the id inside a Drive folder link
import { CaseRecord, EvidenceUpload, MAX_EVIDENCE_BYTES } from '../domain/caseRecord';
import { sha256Bytes } from './clock';
import { evidenceRootId, setEvidenceRootId } from './documentState';

export interface StoredFile {
  name: string;
  url: string;
  sha256: string;
  bytes: number;
}

function megabytes(n: number): string {
  return `${(Math.round((n / (1024 * 1024)) * 10) / 10).toString()} MB`;
}

/** Decoded size of base64 text without decoding it (for a clear message before any work). */
export function base64Size(b64: string): number {
  const clean = b64.replace(/\s/g, '');
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - pad;
}

export function checkUploadSize(upload: Pick<EvidenceUpload, 'name' | 'contentBase64'>): void {
  const size = base64Size(upload.contentBase64);
  if (size <= 0) throw new Error(`File "${upload.name}" is empty.`);
  if (size > MAX_EVIDENCE_BYTES) {
    throw new Error(`File "${upload.name}" is ${megabytes(size)}; the limit is ${megabytes(MAX_EVIDENCE_BYTES)} per file.`);
  }
}

function rootFolder(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Drive.Folder {
  const id = evidenceRootId();
  if (id) {
    try {
      const folder = DriveApp.getFolderById(id);
      if (!folder.isTrashed()) return folder;
    } catch {
      // deleted or no longer ours: make a new one below
    }
  }
  const folder = DriveApp.createFolder(`Refund Case Log evidence – ${ss.getName()}`);
  setEvidenceRootId(folder.getId());
  return folder;
}

export function folderIdFromUrl(url: string): string | null {
  const m = /\/folders\/([A-Za-z0-9_-]+)/.exec(url) ?? /[?&]id=([A-Za-z0-9_-]+)/.exec(url);
  return m ? m[1] : null;
}

/** Drive names may not be empty and are shown in the Cases cell tooltip; keep them tidy. */
export function caseFolderName(r: Pick<CaseRecord, 'caseId' | 'vendorName' | 'orderNo'>): string {
  return `${r.caseId} ${r.vendorName} ${r.orderNo}`.replace(/[\r\n\t/\\]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
}

export function caseFolder(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, record: CaseRecord, knownFolderUrl: string): GoogleAppsScript.Drive.Folder {
  const known = knownFolderUrl ? folderIdFromUrl(knownFolderUrl) : null;
  if (known) {
    try {
      const f = DriveApp.getFolderById(known);
      if (!f.isTrashed()) return f;
    } catch {
      // fall through and make a new one
    }
  }
  return rootFolder(ss).createFolder(caseFolderName(record));
}

export function storeUpload(folder: GoogleAppsScript.Drive.Folder, upload: EvidenceUpload): StoredFile {
  checkUploadSize(upload);
  let bytes: GoogleAppsScript.Byte[];
  try {
    bytes = Utilities.base64Decode(upload.contentBase64);
  } catch {
    throw new Error(`File "${upload.name}" could not be read (its content is not valid base64).`);
  }
  const blob = Utilities.newBlob(bytes, upload.mimeType || 'application/octet-stream', upload.name);
  const file = folder.createFile(blob);
  return { name: upload.name, url: file.getUrl(), sha256: sha256Bytes(bytes), bytes: bytes.length };
}
