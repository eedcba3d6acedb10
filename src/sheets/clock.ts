// Time, identity and hashing as Apps Script provides them. Dates are calendar days in the
// *spreadsheet's* zone (the manifest zone is the developer's, the same for every user).

export function spreadsheetZone(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return ss.getSpreadsheetTimeZone();
}

export function todayIn(zone: string, now = new Date()): string {
  return Utilities.formatDate(now, zone, 'yyyy-MM-dd');
}

/** ISO 8601 with the zone's offset, e.g. 2026-12-03T21:05:09+08:00. */
export function timestampIn(zone: string, now = new Date()): string {
  return Utilities.formatDate(now, zone, "yyyy-MM-dd'T'HH:mm:ssXXX");
}

/** The person running the execution; Apps Script hides it in some contexts. */
export function currentUser(): string {
  let email = '';
  try {
    email = Session.getActiveUser().getEmail();
  } catch {
    email = '';
  }
  return email || 'unknown';
}

/** Signed bytes from computeDigest (−128..127) → lower-case hex. */
export function bytesToHex(bytes: readonly number[]): string {
  let out = '';
  for (const b of bytes) out += ((b + 256) % 256).toString(16).padStart(2, '0');
  return out;
}

/** SHA-256 of text, computed in JS so that hashing N audit rows costs no service calls. */
export { sha256Hex as sha256Text } from '../domain/sha256';

export function sha256Bytes(bytes: GoogleAppsScript.Byte[]): string {
  return bytesToHex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, bytes));
}
