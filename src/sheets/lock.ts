// Every change to the log happens under the document lock: Case ID allocation, the request-ID
// memory and row writes must not interleave between two clerks (or a double click). A document
// lock, not a script lock: one add-on serves every spreadsheet, and other documents' users must
// not wait for this one.

export const LOCK_WAIT_MS = 30000;
export const BUSY_MESSAGE = 'The log is busy (another change is being saved). Try again in a moment.';

export function withDocumentLock<T>(fn: () => T): T {
  const lock = LockService.getDocumentLock();
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch {
    throw new Error(BUSY_MESSAGE);
  }
  try {
    return fn();
  } finally {
    // Pending writes must land before another execution reads (LockService docs sample).
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
