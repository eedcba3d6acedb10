// What every use case starts from: the spreadsheet, its zone, today, a timestamp and the user,
// read once per execution (Apps Script re-runs module code per execution, so nothing is cached
// at module level).
import { currentUser, timestampIn, todayIn } from '../sheets/clock';

export interface Stamp {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  zone: string;
  today: string;
  /** ISO timestamp in the spreadsheet zone. */
  time: string;
  user: string;
}

export function stamp(): Stamp {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const zone = ss.getSpreadsheetTimeZone();
  const now = new Date();
  return { ss, zone, today: todayIn(zone, now), time: timestampIn(zone, now), user: currentUser() };
}
