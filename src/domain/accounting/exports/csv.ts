// RFC 4180 records: a field is quoted when it holds a comma, quote, CR or LF (or edge spaces an
// importer might trim), quotes inside are doubled, records end with CRLF. Fields are joined
// here and nowhere else, so no exporter builds CSV by hand. A semicolon is quoted too: Excel
// in many locales splits on it, and an unquoted `a;=cmd` would start a formula cell (OWASP).
const NEEDS_QUOTES = /[",;\r\n]|^\s|\s$/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRecord(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

export function csvText(header: readonly string[], records: readonly (readonly string[])[]): string {
  return [header, ...records].map(csvRecord).join('\r\n') + '\r\n';
}
