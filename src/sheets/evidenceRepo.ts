// The Evidence tab: one row per file or link of a case (append-only).
//
//   readEvidence(ss, caseId?): EvidenceItem[]   one read
//   appendEvidence(ss, items): void             one write
import { EVIDENCE_HEADERS, TAB } from './layout';
import { headerIndex, readTab, requireSheet } from './tabs';
import { appendBlock } from './writer';

export interface EvidenceItem {
  caseId: string;
  type: string;
  name: string;
  url: string;
  /** '' for a linked file the add-on may not open (drive.file scope). */
  sha256: string;
  addedAt: string;
  addedBy: string;
}

type EvidenceHeader = (typeof EVIDENCE_HEADERS)[number];

export function readEvidence(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, caseId?: string): EvidenceItem[] {
  const tab = readTab(requireSheet(ss, TAB.evidence), true);
  const cols = headerIndex(TAB.evidence, tab.header, EVIDENCE_HEADERS);
  const out: EvidenceItem[] = [];
  tab.rows.forEach((row, i) => {
    const t = (h: EvidenceHeader) => String(tab.display![i][cols[h]] ?? '').trim();
    const id = String(row[cols['Case ID']] ?? '').trim();
    if (!id || (caseId && id !== caseId)) return;
    out.push({ caseId: id, type: t('Type'), name: t('File Name'), url: t('Drive Link'), sha256: t('SHA-256'), addedAt: t('Added At'), addedBy: t('Added By') });
  });
  return out;
}

export function appendEvidence(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, items: readonly EvidenceItem[]): void {
  if (!items.length) return;
  const sheet = requireSheet(ss, TAB.evidence);
  const values = items.map((e) => [e.caseId, e.type, e.name, e.url, e.sha256, e.addedAt, e.addedBy]);
  appendBlock(sheet, values, [EVIDENCE_HEADERS.map(() => '@')], EVIDENCE_HEADERS.length);
}
