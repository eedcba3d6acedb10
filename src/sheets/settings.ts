// Reads the Settings tab (one read). Values people typed are checked here so a typo in a
// tolerance is an error naming the cell, not a silently wrong reconciliation.
//
//   readSettings(ss): Settings     base currency, SLA default, tolerances, FX rates, reasons,
//                                  and every Setting/Value pair in `values` (for other modules)
import { DEFAULT_REASONS } from '../domain/caseRecord';
import { isCurrencyCode } from '../domain/currency';
import { Decimal } from '../domain/money';
import { SETTING, SETTINGS_DEFAULTS, SETTINGS_LAYOUT, TAB } from './layout';
import { requireSheet } from './tabs';

export interface FxRate {
  currency: string;
  /** Units of base currency per one unit of `currency`. */
  rate: Decimal;
  asOf: string;
}

export interface Settings {
  baseCurrency: string;
  defaultSlaDays: number;
  feeTolerancePct: Decimal;
  feeToleranceAmount: Decimal;
  fxTolerancePct: Decimal;
  dateWindowDays: number;
  exportFormat: string;
  fxRates: FxRate[];
  reasons: string[];
  /** Every Setting → Value pair as text (accounts map and other modules' settings). */
  values: Record<string, string>;
}

function defaultOf(key: string): string {
  return String(SETTINGS_DEFAULTS.find((d) => d.key === key)?.value ?? '');
}

/** Settings from the tab's values (header row first); pure, so it is unit-tested directly. */
export function settingsFromValues(values: readonly (readonly unknown[])[]): Settings {
  const text = (v: unknown) => (v === null || v === undefined ? '' : v instanceof Date ? '' : String(v).trim());
  const map: Record<string, string> = {};
  const rowOf: Record<string, number> = {};
  const fxRates: FxRate[] = [];
  const reasons: string[] = [];
  const s = SETTINGS_LAYOUT.settingsColumn - 1;
  const fx = SETTINGS_LAYOUT.fxColumn - 1;
  const rc = SETTINGS_LAYOUT.reasonsColumn - 1;
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    const key = text(row[s]);
    if (key) {
      map[key] = text(row[s + 1]);
      rowOf[key] = r + 1;
    }
    const ccy = text(row[fx]).toUpperCase();
    if (ccy) {
      const rateText = text(row[fx + 1]);
      if (!isCurrencyCode(ccy)) throw new Error(`Settings row ${r + 1}: FX currency "${ccy}" is not an ISO 4217 code`);
      if (!/^\d+(\.\d+)?(e[-+]?\d+)?$/i.test(rateText) || new Decimal(rateText).lte(0)) {
        throw new Error(`Settings row ${r + 1}: FX rate for ${ccy} "${rateText}" must be a number greater than 0`);
      }
      const asOf = row[fx + 2];
      fxRates.push({ currency: ccy, rate: new Decimal(rateText), asOf: typeof asOf === 'string' ? asOf : '' });
    }
    const reason = text(row[rc]);
    if (reason) reasons.push(reason);
  }
  const get = (key: string) => (map[key] !== undefined && map[key] !== '' ? map[key] : defaultOf(key));
  const number = (key: string, whole: boolean): Decimal => {
    const t = get(key);
    if (!/^\d+(\.\d+)?$/.test(t) || (whole && !/^\d+$/.test(t))) {
      throw new Error(`Settings${rowOf[key] ? ` row ${rowOf[key]}` : ''}: ${key} "${t}" must be ${whole ? 'a whole number' : 'a number'} ≥ 0`);
    }
    return new Decimal(t);
  };
  const baseCurrency = get(SETTING.baseCurrency).toUpperCase();
  if (!isCurrencyCode(baseCurrency)) throw new Error(`Settings: Base Currency "${baseCurrency}" is not an ISO 4217 code`);
  return {
    baseCurrency,
    defaultSlaDays: number(SETTING.defaultSlaDays, true).toNumber(),
    feeTolerancePct: number(SETTING.feeTolerancePct, false),
    feeToleranceAmount: number(SETTING.feeToleranceAmount, false),
    fxTolerancePct: number(SETTING.fxTolerancePct, false),
    dateWindowDays: number(SETTING.dateWindowDays, true).toNumber(),
    exportFormat: get(SETTING.exportFormat),
    fxRates,
    reasons: reasons.length ? reasons : [...DEFAULT_REASONS],
    values: map,
  };
}

export function readSettings(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Settings {
  const range = requireSheet(ss, TAB.settings).getDataRange();
  // Numbers as stored (a display format may round 2.555 to 2.56); dates ("As Of") as shown,
  // since a Date cannot leave the server and the person typed a day, not an instant.
  const values = range.getValues();
  const display = range.getDisplayValues();
  return settingsFromValues(values.map((row, r) => row.map((v, c) => (Object.prototype.toString.call(v) === '[object Date]' ? display[r][c] : v))));
}
