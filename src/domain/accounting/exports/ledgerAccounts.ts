// Account names for the plain-text ledgers. Both ledgers get the same tree: the role's type
// at the root (Assets, Liabilities, Income, Expenses), then the account's name split on `:`
// (QuickBooks-style Parent:Sub), and under AP–vendor one sub-account per vendor, named after
// its unique ASCII vendor tag (`Vendor_AcmeSupplies` → `AcmeSupplies`), so a ledger shows each
// vendor's balance. beancount wants every component to start with a capital or digit and hold
// only letters, digits and dashes (beancount language syntax, "Accounts"); hledger takes
// spaces, but an account name ends at two spaces and `;` starts a comment.
import { roleType } from '../accounts';
import type { JournalEntry, JournalLine } from '../types';

function vendorComponent(e: JournalEntry): string {
  const stem = (e.vendorTag ?? '').replace(/^Vendor_/, '');
  return stem || e.vendorId || 'Unknown-Vendor';
}

function components(e: JournalEntry, l: JournalLine): string[] {
  const type = roleType(l.role);
  const parts = l.account.split(':').map((p) => p.trim()).filter(Boolean);
  if (parts.length && parts[0].toLowerCase() === type.toLowerCase()) parts.shift();
  if (!parts.length) parts.push(l.role);
  if (l.role === 'AP_VENDOR') parts.push(vendorComponent(e));
  return [type, ...parts];
}

/** `Liabilities:Accounts-Payable:AcmeSupplies`. */
export function beancountAccount(e: JournalEntry, l: JournalLine): string {
  const [root, ...rest] = components(e, l);
  const clean = rest.map((p, i) => {
    const ascii = p.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    let c = ascii.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    // Nothing ASCII left (a name in Chinese): the vendor's ID, or the role, keeps it distinct.
    if (!c) c = i === rest.length - 1 && l.role === 'AP_VENDOR' ? asciiId(e.vendorId) : roleWords(l.role);
    return c.charAt(0).toUpperCase() + c.slice(1);
  });
  return [root, ...clean].join(':');
}

/** `liabilities:Accounts Payable:AcmeSupplies`. */
export function hledgerAccount(e: JournalEntry, l: JournalLine): string {
  const [root, ...rest] = components(e, l);
  const clean = rest.map((p) => p.replace(/[;#()[\]\t\r\n]+/g, ' ').replace(/\s+/g, ' ').trim() || 'x');
  return [root.toLowerCase(), ...clean].join(':');
}

function roleWords(role: string): string {
  return role.toLowerCase().split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('-');
}

/** A vendor ID as an account component (`V-0100` stays, `v 01/ä` → `v-01`); never empty. */
function asciiId(vendorId: string): string {
  return vendorId.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'Unknown-Vendor';
}
