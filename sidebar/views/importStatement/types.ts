// What the server's statement callables return (src/server/statementImport.ts), as the page sees it.
export interface Mapping {
  date: string;
  valueDate?: string;
  amount?: string;
  debit?: string;
  credit?: string;
  direction?: string;
  currency?: string;
  counterparty?: string;
  counterpartyAccount?: string;
  reference?: string;
  description?: string | string[];
  fee?: string;
  status?: string;
}

export interface LineView {
  lineId: string; bookingDate: string; valueDate: string; amount: string; currency: string; counterparty: string;
  reference: string; description: string; fee: string; original: string; kind: string; sourceRow: number;
}

export interface RowError { row: number; message: string }

export interface Preview {
  fileName: string; format: string; profileId: string; profileLabel: string; source: string; account: string;
  encoding: string; encodingReason: string; delimiter: string; headerRow: number; headers: string[];
  mapping: Mapping | null; dateOrder: string; dateOrderHow: string; needsDateOrder: boolean; needsMapping: boolean;
  numberFormats: Record<string, string>; lineCount: number; alreadyImported: number; lines: LineView[];
  sampleRows: string[][]; errors: RowError[]; warnings: string[]; period: { from: string; to: string }; tabName: string;
  profiles: { id: string; label: string }[];
}

export interface ImportResult { ok: boolean; tabName: string; newCount: number; alreadyCount: number; message: string; errors: RowError[] }

/** The request both previewStatement and importStatement take. */
export interface FileRequest {
  fileName: string;
  contentBase64: string;
  profile?: string;
  mapping?: Mapping;
  dateOrder?: 'DMY' | 'MDY';
  decimalMark?: '.' | ',';
  currency?: string;
  signConvention?: 'natural' | 'spend-positive';
  sourceName?: string;
}
