// The Vendors tab: people may add and edit vendors by hand, so reading is forgiving (blank
// rows skipped, SLA read as a whole number or blank) and the add-on only appends.
//
//   readVendors(ss): VendorTable      one read
//   appendVendors(ss, table, vendors) one write
import { formatAliases, parseAliases, Vendor } from '../domain/vendors';
import { isCurrencyCode } from '../domain/currency';
import { TAB, VENDOR_HEADERS } from './layout';
import { headerIndex, readTab, requireSheet } from './tabs';
import { appendBlock } from './writer';

type VendorHeader = (typeof VENDOR_HEADERS)[number];

export interface VendorTable {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  width: number;
  cols: Record<VendorHeader, number>;
  vendors: (Vendor & { row: number })[];
  byId: Map<string, Vendor & { row: number }>;
}

export function readVendors(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): VendorTable {
  const sheet = requireSheet(ss, TAB.vendors);
  const tab = readTab(sheet);
  const cols = headerIndex(TAB.vendors, tab.header, VENDOR_HEADERS);
  const vendors: (Vendor & { row: number })[] = [];
  const byId = new Map<string, Vendor & { row: number }>();
  tab.rows.forEach((row, i) => {
    const t = (h: VendorHeader) => String(row[cols[h]] ?? '').trim();
    const vendorId = t('Vendor ID');
    if (!vendorId) return;
    const sla = t('SLA Days');
    const ccy = t('Default Currency').toUpperCase();
    const v = {
      row: i + 2,
      vendorId,
      name: t('Name') || vendorId,
      tag: t('Tag'),
      defaultCurrency: isCurrencyCode(ccy) ? ccy : '',
      slaDays: /^\d+$/.test(sla) ? Number(sla) : null,
      accountingContact: t('Accounting Contact'),
      apAccount: t('AP Account'),
      aliases: parseAliases(t('Aliases')),
    };
    vendors.push(v);
    if (!byId.has(vendorId)) byId.set(vendorId, v);
  });
  return { sheet, width: tab.width, cols, vendors, byId };
}

const VENDOR_TEXT_COLUMNS: VendorHeader[] = ['Vendor ID', 'Name', 'Tag', 'Default Currency', 'Accounting Contact', 'AP Account', 'Aliases'];

export function appendVendors(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, table: VendorTable, vendors: readonly Vendor[]): void {
  if (!vendors.length) return;
  const values = vendors.map((v) => {
    const row: (string | number)[] = new Array(table.width).fill('');
    row[table.cols['Vendor ID']] = v.vendorId;
    row[table.cols.Name] = v.name;
    row[table.cols.Tag] = v.tag;
    row[table.cols['Default Currency']] = v.defaultCurrency;
    row[table.cols['SLA Days']] = v.slaDays === null ? '' : v.slaDays;
    row[table.cols['Accounting Contact']] = v.accountingContact;
    row[table.cols['AP Account']] = v.apAccount;
    row[table.cols.Aliases] = formatAliases(v.aliases);
    return row;
  });
  const format = new Array<string>(table.width).fill('General');
  for (const h of VENDOR_TEXT_COLUMNS) format[table.cols[h]] = '@';
  format[table.cols['SLA Days']] = '0';
  appendBlock(table.sheet, values, [format], table.width);
}
