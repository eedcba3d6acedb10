// Account roles (research §1.2) and the Settings keys that map them to the user's chart of
// accounts. Entries are built from roles, so a user renames an account in Settings and every
// later entry follows, while entries already posted keep the name they were posted with.
import { isCurrencyCode } from '../currency';

export const ACCOUNT_ROLES = [
  'AP_VENDOR', 'PURCH_RETURNS', 'INVENTORY', 'COGS', 'CUSTOMER_REFUND_PAYABLE',
  'BANK', 'BANK_FEES', 'FX', 'WRITE_OFF',
] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** The roles that may take the credit side of E1 (Settings ▸ Vendor Credit Account). */
export const CREDIT_ROLES = ['PURCH_RETURNS', 'INVENTORY', 'COGS', 'CUSTOMER_REFUND_PAYABLE'] as const;
export type CreditRole = (typeof CREDIT_ROLES)[number];

/** Top-level account type; plain-text ledgers need it (beancount roots, hledger `type:`). */
export type AccountType = 'Assets' | 'Liabilities' | 'Income' | 'Expenses';

export interface RoleDefault {
  role: AccountRole;
  /** Settings key for the account name and its default. */
  nameKey: string;
  name: string;
  /** Settings key for the account code (Xero, generic GL) and its default. */
  codeKey: string;
  code: string;
  type: AccountType;
  meaning: string;
}

// Defaults follow a common small-business chart; codes are placeholders to be replaced by the
// user's own (Xero imports by code, QuickBooks by name).
export const ROLE_DEFAULTS: readonly RoleDefault[] = [
  { role: 'AP_VENDOR', nameKey: 'Account: AP–vendor', name: 'Accounts Payable', codeKey: 'Account Code: AP–vendor', code: '2000', type: 'Liabilities', meaning: 'Payable to vendors; a vendor credit debits it (Vendors ▸ AP Account overrides this name per vendor, by name only: the code stays Account Code: AP–vendor)' },
  { role: 'PURCH_RETURNS', nameKey: 'Account: Purchase returns', name: 'Purchase Returns and Allowances', codeKey: 'Account Code: Purchase returns', code: '5100', type: 'Expenses', meaning: 'Contra-purchases account credited when a vendor agrees a refund (periodic inventory)' },
  { role: 'INVENTORY', nameKey: 'Account: Inventory', name: 'Inventory', codeKey: 'Account Code: Inventory', code: '1400', type: 'Assets', meaning: 'Credited instead when goods are still on hand (perpetual inventory)' },
  { role: 'COGS', nameKey: 'Account: COGS', name: 'Cost of Goods Sold', codeKey: 'Account Code: COGS', code: '5000', type: 'Expenses', meaning: 'Credited instead when the goods were already sold' },
  { role: 'CUSTOMER_REFUND_PAYABLE', nameKey: 'Account: Customer refunds payable', name: 'Customer Refunds Payable', codeKey: 'Account Code: Customer refunds payable', code: '2300', type: 'Liabilities', meaning: 'Credited instead when the platform buys as agent and the refund belongs to the shopper' },
  { role: 'BANK', nameKey: 'Account: Bank', name: 'Bank', codeKey: 'Account Code: Bank', code: '1000', type: 'Assets', meaning: 'Bank or PSP clearing account that receives refunds' },
  { role: 'BANK_FEES', nameKey: 'Account: Bank fees', name: 'Bank Fees', codeKey: 'Account Code: Bank fees', code: '6100', type: 'Expenses', meaning: 'Fees deducted from a refund on its way' },
  { role: 'FX', nameKey: 'Account: FX gain/loss', name: 'Realised FX Gain/Loss', codeKey: 'Account Code: FX gain/loss', code: '7100', type: 'Income', meaning: 'Difference between the booked and the settlement rate, and rounding' },
  { role: 'WRITE_OFF', nameKey: 'Account: Write-off', name: 'Bad Debt', codeKey: 'Account Code: Write-off', code: '6900', type: 'Expenses', meaning: 'A vendor credit that will not be paid' },
];

export const CREDIT_ACCOUNT_KEY = 'Vendor Credit Account';
export const DATE_ORDER_KEY = 'Export Date Order';
export const XERO_TAX_RATE_KEY = 'Xero Tax Rate';
const BASE_CURRENCY_KEY = 'Base Currency';

/** What people type in Settings ▸ Vendor Credit Account → role. */
const CREDIT_CHOICES: Record<string, CreditRole> = {
  'purchase returns': 'PURCH_RETURNS',
  inventory: 'INVENTORY',
  cogs: 'COGS',
  'customer refunds payable': 'CUSTOMER_REFUND_PAYABLE',
};

export type DateOrder = 'MM/DD/YYYY' | 'DD/MM/YYYY';

/** Every accounting row for the Settings tab, in the order it should appear. */
export const ACCOUNTING_SETTINGS: readonly { key: string; value: string; meaning: string }[] = [
  { key: CREDIT_ACCOUNT_KEY, value: 'Purchase returns', meaning: 'Credit side of an agreed vendor credit: Purchase returns, Inventory, COGS or Customer refunds payable' },
  ...ROLE_DEFAULTS.flatMap((d) => [
    { key: d.nameKey, value: d.name, meaning: d.meaning },
    { key: d.codeKey, value: d.code, meaning: `Code of "${d.nameKey.slice('Account: '.length)}" in the accounting package (Xero, generic GL)${d.role === 'AP_VENDOR' ? '; also used for vendors with their own AP Account (Vendors has no code column)' : ''}` },
  ]),
  { key: DATE_ORDER_KEY, value: 'MM/DD/YYYY', meaning: 'Date order of Xero and QuickBooks Online exports (the organisation\'s region): MM/DD/YYYY or DD/MM/YYYY' },
  { key: XERO_TAX_RATE_KEY, value: 'No VAT', meaning: 'Tax rate name on Xero manual-journal lines (exactly as Xero shows it)' },
];

export interface AccountRef {
  name: string;
  code: string;
}

export interface AccountingSettings {
  baseCurrency: string;
  accounts: Record<AccountRole, AccountRef>;
  creditRole: CreditRole;
  dateOrder: DateOrder;
  xeroTaxRate: string;
}

export class SettingsError extends Error {}

/** Keys compared without case, spaces or dash style ("Account: AP-vendor" = "Account: AP–vendor"). */
function keyForm(key: string): string {
  return key.toLowerCase().replace(/[\u2010-\u2015-]/g, '-').replace(/\s+/g, ' ').trim();
}

/**
 * Accounting settings from the Settings tab's Setting → Value pairs (Settings.values). Blank
 * values take the defaults; a value that cannot be meant throws, naming the key.
 */
export function accountingSettings(values: Readonly<Record<string, string | number>>): AccountingSettings {
  const byKey = new Map<string, string>();
  for (const [k, v] of Object.entries(values)) byKey.set(keyForm(k), String(v ?? '').trim());
  const read = (key: string, fallback: string) => byKey.get(keyForm(key)) || fallback;

  const baseCurrency = read(BASE_CURRENCY_KEY, 'USD').toUpperCase();
  if (!isCurrencyCode(baseCurrency)) throw new SettingsError(`Settings ▸ ${BASE_CURRENCY_KEY}: "${baseCurrency}" is not an ISO 4217 code`);

  const accounts = {} as Record<AccountRole, AccountRef>;
  for (const d of ROLE_DEFAULTS) accounts[d.role] = { name: read(d.nameKey, d.name), code: read(d.codeKey, d.code) };

  const creditText = read(CREDIT_ACCOUNT_KEY, 'Purchase returns');
  const creditRole = CREDIT_CHOICES[creditText.toLowerCase()] ?? (CREDIT_ROLES as readonly string[]).find((r) => r === creditText.toUpperCase());
  if (!creditRole) {
    throw new SettingsError(`Settings ▸ ${CREDIT_ACCOUNT_KEY}: "${creditText}" is not one of Purchase returns, Inventory, COGS, Customer refunds payable`);
  }

  const order = read(DATE_ORDER_KEY, 'MM/DD/YYYY').toUpperCase().replace(/\s/g, '');
  if (order !== 'MM/DD/YYYY' && order !== 'DD/MM/YYYY') throw new SettingsError(`Settings ▸ ${DATE_ORDER_KEY}: "${order}" must be MM/DD/YYYY or DD/MM/YYYY`);

  return { baseCurrency, accounts, creditRole: creditRole as CreditRole, dateOrder: order, xeroTaxRate: read(XERO_TAX_RATE_KEY, 'No VAT') };
}

export function roleType(role: AccountRole): AccountType {
  return ROLE_DEFAULTS.find((d) => d.role === role)!.type;
}

export function isAccountRole(text: string): text is AccountRole {
  return (ACCOUNT_ROLES as readonly string[]).includes(text);
}
