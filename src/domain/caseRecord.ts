// What a case is: statuses, evidence types, the stored record and the form schema. Shared with
// the sidebar (it validates the same way before calling the server), so this module imports
// nothing that needs Apps Script or Node.
import * as z from 'zod';
import { isCurrencyCode, minorUnits } from './currency';
import { Decimal } from './money';

export const CASE_STATUSES = [
  'Logged', 'Requested', 'Disputed', 'Agreed', 'Received', 'Reconciled',
  'Rejected', 'Cancelled', 'Written off',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which money is still owed or not yet matched; the rest are closed for good. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['Logged', 'Requested', 'Disputed', 'Agreed', 'Received'];
export const CLOSED_STATUSES: readonly CaseStatus[] = ['Reconciled', 'Rejected', 'Cancelled', 'Written off'];

export function isCaseStatus(s: string): s is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(s);
}
export function isOpenStatus(s: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(s);
}

export const EVIDENCE_TYPES = [
  'Vendor correspondence', 'Photo', 'Mediation record', 'Proof of refund', 'Statement', 'Other',
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** The Settings tab starts with these; people may edit the list there. */
export const DEFAULT_REASONS = [
  'Damaged goods', 'Wrong item', 'Short shipment', 'Quality defect', 'Late delivery',
  'Price adjustment', 'Overcharge', 'Duplicate charge', 'Order cancelled', 'Other',
] as const;

export const CASE_ID_PATTERN = /^RC-\d{6,}$/;
export function formatCaseId(seq: number): string {
  return `RC-${String(seq).padStart(6, '0')}`;
}
export function caseIdNumber(id: string): number | null {
  return CASE_ID_PATTERN.test(id) ? Number(id.slice(3)) : null;
}

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(s: string): boolean {
  if (!DATE_PATTERN.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** One Cases row as the code sees it: every field text, amounts with their currency's decimals. */
export interface CaseRecord {
  caseId: string;
  dateLogged: string;
  orderNo: string;
  vendorName: string;
  vendorId: string;
  vendorTag: string;
  reason: string;
  reasonDetail: string;
  amount: string;
  currency: string;
  status: string;
  expectedCompletion: string;
  actualCompletion: string;
  /** The Evidence cell's text ("3 files"); the folder link lives in the cell's rich text. */
  evidence: string;
  receivedAmount: string;
  receivedCurrency: string;
  matchedTransactions: string;
  reconciledOn: string;
  journalRef: string;
  tags: string[];
  notes: string;
  updatedAt: string;
  updatedBy: string;
}

export const MAX_TEXT = 2000;
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

const text = (label: string, max = MAX_TEXT) =>
  z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? `${label} is required` : `${label} must be text`) })
    .trim()
    .max(max, `${label} is longer than ${max} characters`);
const required = (label: string, max = MAX_TEXT) => text(label, max).min(1, `${label} is required`);

const evidenceUpload = z.object({
  name: required('File name', 255),
  mimeType: text('MIME type', 255).default('application/octet-stream'),
  type: z.enum(EVIDENCE_TYPES, { error: `Evidence type must be one of: ${EVIDENCE_TYPES.join(', ')}` }),
  contentBase64: z.string({ error: 'File content is missing' }).min(1, 'File is empty'),
});
export type EvidenceUpload = z.infer<typeof evidenceUpload>;

/** The Log a refund form. Amount stays a string: a float would lose 0.1 + 0.2 and leading typos. */
export const caseFormSchema = z
  .object({
    vendorId: required('Vendor', 64),
    orderNo: required('Order #', 100),
    amount: z.union([z.string(), z.number()], { error: 'Amount is required' }).transform((v) => amountText(v)),
    currency: z.string({ error: 'Currency is required' }).trim().toUpperCase(),
    reason: required('Reason', 200),
    reasonDetail: text('Reason detail').default(''),
    expectedCompletion: text('Expected completion', 10).default(''),
    tags: z.array(text('Tag', 64), { error: 'Tags must be a list' }).default([]),
    notes: text('Notes').default(''),
    requestId: required('Request ID', 100),
    evidence: z.array(evidenceUpload).max(20, 'At most 20 files per submit').default([]),
  });
export type CaseForm = z.output<typeof caseFormSchema>;

/** What the form is checked against beyond its own fields. */
export interface CaseFormContext {
  /**
   * The day the case is logged, YYYY-MM-DD in the spreadsheet's zone (logCase: today). An
   * expected completion before it is a typo (2020 for 2026), never a plan, so it is refused.
   * Optional so a caller without the day can still check the rest; logCase always passes it.
   */
  dateLogged?: string;
}

/** Why an expected completion date cannot go with a case logged on `dateLogged`, or null. */
export function expectedCompletionProblem(expected: string, dateLogged: string): string | null {
  // ISO dates compare as text; a malformed one is reported by the format check instead.
  if (!isIsoDate(expected) || !isIsoDate(dateLogged) || expected >= dateLogged) return null;
  return `Expected completion can't be before the date logged (${dateLogged})`;
}

/**
 * Checks that need several fields (amount decimals depend on the currency) or a calendar. Run
 * on the raw input as well, so a form with a missing vendor still hears about its amount: zod
 * skips refinements once a field fails.
 */
function crossFieldErrors(input: unknown, context: CaseFormContext): FieldError[] {
  const v = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const errors: FieldError[] = [];
  const currency = typeof v.currency === 'string' ? v.currency.trim().toUpperCase() : '';
  const amount = typeof v.amount === 'string' || typeof v.amount === 'number' ? amountText(v.amount) : '';
  if (!isCurrencyCode(currency)) {
    errors.push({ field: 'currency', message: currency ? `Unknown currency "${currency}" (use an ISO 4217 code such as CNY, USD, EUR)` : 'Currency is required' });
    // Without a currency only the decimals cannot be judged; a missing, negative or non-numeric
    // amount is wrong in any currency and is said now, not after the currency is fixed.
    const problem = amountProblem(amount, null);
    if (problem) errors.push({ field: 'amount', message: problem });
  } else {
    const problem = amountProblem(amount, currency);
    if (problem) errors.push({ field: 'amount', message: problem });
  }
  const expected = typeof v.expectedCompletion === 'string' ? v.expectedCompletion.trim() : '';
  if (expected && !isIsoDate(expected)) {
    errors.push({ field: 'expectedCompletion', message: 'Expected completion must be a date YYYY-MM-DD' });
  } else if (expected && context.dateLogged) {
    const problem = expectedCompletionProblem(expected, context.dateLogged);
    if (problem) errors.push({ field: 'expectedCompletion', message: problem });
  }
  if (Array.isArray(v.tags)) {
    const bad = v.tags.find((t) => typeof t === 'string' && /[,\s]/.test(t.trim()));
    if (bad !== undefined) errors.push({ field: 'tags', message: `Tag "${bad}" may not contain spaces or commas` });
  }
  return errors;
}

/**
 * An amount as typed → the digits the schema checks: "1,234.56" (thousands commas in their
 * places, as on an invoice) → "1234.56". A comma anywhere else stays, and is refused.
 */
export function amountText(v: string | number): string {
  const t = String(v).trim();
  return /^\+?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t) ? t.replace(/,/g, '') : t;
}

/**
 * Why an amount is not a valid refund amount for a currency, or null when it is. With a null
 * currency (none chosen yet, or an unknown code) every check but the decimals runs.
 */
export function amountProblem(amount: string, currency: string | null): string | null {
  if (amount === '') return 'Amount is required';
  if (!/^\+?(\d+(\.\d*)?|\.\d+)$/.test(amount)) {
    return /^-/.test(amount) ? 'Amount must be greater than 0' : `Amount "${amount}" is not a number (use digits and a dot, e.g. 12.50)`;
  }
  const value = new Decimal(amount);
  if (value.lte(0)) return 'Amount must be greater than 0';
  const places = currency === null ? Infinity : minorUnits(currency);
  if (value.decimalPlaces() > places) {
    return places === 0 ? `${currency} has no decimals` : `${currency} allows at most ${places} decimal${places === 1 ? '' : 's'}`;
  }
  if (value.gte('1e15')) return 'Amount is too large';
  return null;
}

export interface FieldError {
  field: string;
  message: string;
}
export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Validates a form with `schema`, reporting one message per field (the first one). */
export function validateWith<S extends z.ZodType>(schema: S, input: unknown): Validation<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldError[] = [];
  for (const issue of parsed.error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : 'form';
    if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message });
  }
  return { ok: false, errors };
}

export function validateCaseForm(input: unknown, context: CaseFormContext = {}): Validation<CaseForm> {
  const shape = validateWith(caseFormSchema, input);
  const cross = crossFieldErrors(input, context);
  const errors = shape.ok ? [] : shape.errors;
  for (const e of cross) if (!errors.some((x) => x.field === e.field)) errors.push(e);
  return errors.length || !shape.ok ? { ok: false, errors } : shape;
}

/** Fields updateCase accepts; status goes through the workflow, IDs and system columns never. */
export const casePatchSchema = z
  .object({
    orderNo: required('Order #', 100),
    vendorId: required('Vendor', 64),
    reason: required('Reason', 200),
    reasonDetail: text('Reason detail'),
    amount: z.union([z.string(), z.number()]).transform((v) => amountText(v)),
    currency: z.string().trim().toUpperCase(),
    expectedCompletion: text('Expected completion', 10),
    tags: z.array(text('Tag', 64)),
    notes: text('Notes'),
  })
  .partial()
  .strict();
export type CasePatch = z.output<typeof casePatchSchema>;

/** Validates a patch against the case it changes (amount decimals depend on the final currency). */
export function validateCasePatch(input: unknown, current: CaseRecord): Validation<CasePatch> {
  const result = validateWith(casePatchSchema, input);
  if (!result.ok) {
    // zod's strict() reports unknown keys under the form; name them so the message is useful.
    return {
      ok: false,
      errors: result.errors.map((e) => (e.field === 'form' && input && typeof input === 'object'
        ? { field: 'form', message: `Cannot change: ${Object.keys(input).filter((k) => !(k in casePatchSchema.shape)).join(', ') || e.message}` }
        : e)),
    };
  }
  const p = result.value;
  const errors: FieldError[] = [];
  const currency = p.currency ?? current.currency;
  if (p.currency !== undefined && !isCurrencyCode(p.currency)) {
    errors.push({ field: 'currency', message: p.currency ? `Unknown currency "${p.currency}"` : 'Currency is required' });
    const problem = p.amount !== undefined ? amountProblem(p.amount, null) : null;
    if (problem) errors.push({ field: 'amount', message: problem });
  } else if (p.amount !== undefined || p.currency !== undefined) {
    const problem = amountProblem(p.amount ?? current.amount, currency);
    if (problem) errors.push({ field: 'amount', message: problem });
  }
  if (p.expectedCompletion && !isIsoDate(p.expectedCompletion)) errors.push({ field: 'expectedCompletion', message: 'Expected completion must be a date YYYY-MM-DD' });
  else if (p.expectedCompletion) {
    // Against the case's own Date Logged: an imported old case may keep its old dates, but a
    // new expected date before the day the case was logged is a typo.
    const problem = expectedCompletionProblem(p.expectedCompletion, current.dateLogged);
    if (problem) errors.push({ field: 'expectedCompletion', message: problem });
  }
  (p.tags ?? []).forEach((t) => {
    if (/[,\s]/.test(t) && !errors.some((e) => e.field === 'tags')) errors.push({ field: 'tags', message: `Tag "${t}" may not contain spaces or commas` });
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: p };
}

/** Tags are stored in one cell, comma separated. */
export function parseTags(cell: string): string[] {
  return cell.split(',').map((t) => t.trim()).filter(Boolean);
}
export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}

/** Thrown by server functions for bad input; the message lists the fields as JSON for the sidebar. */
export class CaseValidationError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(`Invalid case: ${JSON.stringify(errors)}`);
  }
}
