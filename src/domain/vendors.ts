// Vendors and their tags. A tag (`Vendor_ShenzhenBrightLed`) is a filterable handle that must
// stay ASCII and unique per Vendor ID, because people type it into filters and other tools.
import * as z from 'zod';
import { isCurrencyCode } from './currency';
import { validateWith, Validation } from './caseRecord';

export interface Vendor {
  vendorId: string;
  name: string;
  tag: string;
  defaultCurrency: string;
  /** null: use the Settings default. */
  slaDays: number | null;
  accountingContact: string;
  apAccount: string;
  aliases: string[];
}

// Legal-form words say nothing about which vendor it is and make tags long.
const LEGAL_WORDS = new Set([
  'co', 'company', 'ltd', 'limited', 'inc', 'incorporated', 'llc', 'corp', 'corporation',
  'gmbh', 'ag', 'sa', 'sarl', 'bv', 'plc', 'pte', 'pty', 'srl', 'oy', 'ab', 'kg',
]);

/** The CamelCase ASCII part of a tag, or '' when the name has no Latin letters or digits. */
export function tagStem(name: string): string {
  // NFD splits "é" into "e" + accent, so accented Latin names stay readable.
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const words = ascii.split(/[^A-Za-z0-9]+/).filter(Boolean);
  while (words.length > 1 && LEGAL_WORDS.has(words[words.length - 1].toLowerCase())) words.pop();
  return words.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join('').slice(0, 40);
}

/**
 * A new vendor's tag: from the name, else from the Vendor ID (non-Latin names), with a numeric
 * suffix when another vendor already has it. `taken` holds the tags of the other vendors.
 */
export function vendorTag(name: string, vendorId: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  const stem = tagStem(name) || tagStem(vendorId) || 'Vendor';
  const base = `Vendor_${stem}`;
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

export const vendorInputSchema = z.object({
  vendorId: z.string({ error: 'Vendor ID is required' }).trim().min(1, 'Vendor ID is required').max(64, 'Vendor ID is longer than 64 characters')
    .refine((s) => !/[,]/.test(s), 'Vendor ID may not contain commas'),
  name: z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(200, 'Name is longer than 200 characters'),
  defaultCurrency: z.string().trim().toUpperCase().default('')
    .refine((c) => c === '' || isCurrencyCode(c), 'Unknown currency (use an ISO 4217 code)'),
  slaDays: z.union([z.number(), z.string(), z.null()]).optional()
    .transform((v) => (v === undefined || v === null || v === '' ? null : Number(v)))
    .refine((v) => v === null || (Number.isInteger(v) && v >= 0 && v <= 365), 'SLA days must be a whole number from 0 to 365'),
  aliases: z.array(z.string().trim().max(200)).default([]),
  accountingContact: z.string().trim().max(200).default(''),
  apAccount: z.string().trim().max(100).default(''),
});
export type VendorInput = z.output<typeof vendorInputSchema>;

export function validateVendorInput(input: unknown): Validation<VendorInput> {
  return validateWith(vendorInputSchema, input);
}

/** Aliases are stored in one cell separated by `;` (names may contain commas). */
export function parseAliases(cell: string): string[] {
  return cell.split(';').map((a) => a.trim()).filter(Boolean);
}
export function formatAliases(aliases: readonly string[]): string {
  return aliases.join('; ');
}

/** Next free generated Vendor ID (`V0001`…) for imports that name a vendor without an ID. */
export function nextVendorId(taken: Iterable<string>): () => string {
  const used = new Set([...taken].map((t) => t.toUpperCase()));
  let n = 1;
  return () => {
    while (used.has(`V${String(n).padStart(4, '0')}`)) n++;
    const id = `V${String(n).padStart(4, '0')}`;
    used.add(id);
    return id;
  };
}
