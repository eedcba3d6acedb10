// Dated rates into the base currency (Settings ▸ FX rates: Currency, Rate to Base, As Of). A
// currency's rate on a day is its latest rate dated on or before that day. Unlike matching,
// which may borrow the earliest rate for an earlier day, the books refuse to guess: no rate on
// or before the day is an error naming the pair and the day.
import { Decimal } from '../money';

/** One Settings FX row: 1 `currency` = `rate` base-currency units from `asOf` on. */
export interface BaseRate {
  currency: string;
  rate: Decimal;
  asOf: string;
}

export class MissingRateError extends Error {}

const ONE = new Decimal(1);

export class BaseRates {
  private byCurrency = new Map<string, BaseRate[]>();

  constructor(rates: readonly BaseRate[], readonly baseCurrency: string) {
    for (const r of rates) {
      if (!r.rate || !r.rate.gt(0) || !/^\d{4}-\d{2}-\d{2}$/.test(r.asOf)) continue;
      let list = this.byCurrency.get(r.currency);
      if (!list) this.byCurrency.set(r.currency, (list = []));
      list.push(r);
    }
    // ISO dates sort as text; on a tie the later row wins (people append corrections).
    for (const list of this.byCurrency.values()) list.sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  }

  /** Base units per one `currency` on `date`; throws MissingRateError when none is on file. */
  rate(currency: string, date: string): Decimal {
    if (currency === this.baseCurrency) return ONE;
    const list = this.byCurrency.get(currency) ?? [];
    let found: BaseRate | undefined;
    for (const r of list) {
      if (r.asOf <= date) found = r;
      else break;
    }
    if (!found) throw new MissingRateError(`no FX rate for ${currency}→${this.baseCurrency} on ${date} (add one dated on or before it in Settings ▸ FX rates)`);
    return found.rate;
  }
}
