// Which workbook a running local app (`rcl start`) holds. The app keeps the workbook in memory
// and saves it after every execution, so a `rcl call` or `rcl demo` on the same file while it
// runs would be overwritten by the app's next save (or overwrite what the app shows). The app
// leaves `<workbook>.serving.json` (its pid and URL) while it runs; the other commands refuse
// the file while that pid is alive. A file left by an app that died is stale and ignored.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

export interface ServingApp {
  pid: number;
  url: string;
}

export function servingPath(workbook: string): string {
  return `${workbook}.serving.json`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/** The app serving `workbook` now, or null (no marker, or its process is gone). */
export function servingApp(workbook: string): ServingApp | null {
  const path = servingPath(workbook);
  if (!existsSync(path)) return null;
  try {
    const s = JSON.parse(readFileSync(path, 'utf8')) as ServingApp;
    return Number.isInteger(s.pid) && alive(s.pid) ? s : null;
  } catch {
    return null; // unreadable: half written by an app that died mid-write
  }
}

/** Why `workbook` cannot be changed from the command line now, or '' when it can. */
export function busyReason(workbook: string): string {
  const s = servingApp(workbook);
  if (!s) return '';
  return `${workbook} is open in the local app at ${s.url} (process ${s.pid}); its next save would overwrite this. Stop the app first (Ctrl+C where npm start runs), then run this again.`;
}

/** Marks `workbook` as served by this process; returns the function that removes the mark. */
export function markServing(workbook: string, url: string): () => void {
  const path = servingPath(workbook);
  writeFileSync(path, JSON.stringify({ pid: process.pid, url } satisfies ServingApp));
  return () => {
    const s = servingApp(workbook);
    if (!s || s.pid === process.pid) rmSync(path, { force: true });
  };
}
