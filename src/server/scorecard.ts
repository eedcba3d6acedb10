// Entry points for the vendor scorecard (menus and google.script.run); see docs/api-scorecard.md.
// Only callables are exported here (each export becomes a global of Code.js); the metrics are
// in domain/scorecard.ts and the tab's layout in sheets/scorecardRepo.ts.
import { computeScorecard, Scorecard, vendorCard, VendorScore } from '../domain/scorecard';
import { readCases } from '../sheets/caseRepo';
import { withDocumentLock } from '../sheets/lock';
import { writeScorecard } from '../sheets/scorecardRepo';
import { readSettings } from '../sheets/settings';
import { readVendors } from '../sheets/vendorRepo';
import { TAB } from '../sheets/layout';
import { stamp, Stamp } from './context';

export interface ScorecardSummary {
  asOf: string;
  timeZone: string;
  refreshedAt: string;
  baseCurrency: string;
  vendors: number;
  cases: number;
  tags: number;
  burdenBase: string;
  openBase: string;
  refundedBase: string;
  missingRates: string[];
  unreadable: { caseId: string; problem: string }[];
  top: { rank: number; vendorId: string; vendorName: string; burdenBase: string; openCases: number }[];
  sheet: { name: string; rows: number; columns: number };
  charts: false;
}

/** One read each of Cases, Vendors and Settings, then the pure computation. */
function compute(s: Stamp): Scorecard {
  const cases = readCases(s.ss);
  const vendors = readVendors(s.ss);
  const settings = readSettings(s.ss);
  return computeScorecard({
    cases: cases.rows.map((r) => r.record),
    vendors: vendors.vendors,
    baseCurrency: settings.baseCurrency,
    fxRates: settings.fxRates.map((r) => ({ currency: r.currency, rate: r.rate, asOf: /^\d{4}-\d{2}-\d{2}/.test(r.asOf) ? r.asOf.slice(0, 10) : '' })),
    today: s.today,
  });
}

/** Refund Cases ▸ Refresh vendor scorecard: rewrites the `Vendor Scorecard` tab. */
export function refreshScorecard(): ScorecardSummary {
  const s = stamp();
  return withDocumentLock(() => {
    const card = compute(s);
    const written = writeScorecard(s.ss, card, { zone: s.zone, time: s.time });
    const t = card.totals;
    // A menu click discards the return value: the toast is the user's confirmation.
    const missing = t.missingRates.length ? ` No FX rate for ${t.missingRates.join(', ')}: left out of base figures.` : '';
    s.ss.toast(`${card.vendors.length} vendors, ${t.cases} cases, as of ${card.asOf}.${missing}`, 'Vendor scorecard refreshed', 8);
    return {
      asOf: card.asOf,
      timeZone: s.zone,
      refreshedAt: s.time,
      baseCurrency: card.baseCurrency,
      vendors: card.vendors.length,
      cases: t.cases,
      tags: card.tags.length,
      burdenBase: t.burdenBase,
      openBase: t.openBase,
      refundedBase: t.refundedBase,
      missingRates: t.missingRates,
      unreadable: card.unreadable,
      top: card.vendors.slice(0, 10).map((v) => ({ rank: v.rank, vendorId: v.vendorId, vendorName: v.vendorName, burdenBase: v.burdenBase, openCases: v.openCases })),
      sheet: { name: TAB.scorecard, rows: written.rows, columns: written.columns },
      charts: false,
    };
  });
}

/** One vendor's scorecard for a sidebar card (computed fresh; the tab is not read or written). */
export function getVendorScorecard(vendorId: unknown): VendorScore & { of: number; asOf: string; baseCurrency: string } {
  const id = typeof vendorId === 'string' ? vendorId.trim() : '';
  if (!id) throw new Error('Give a Vendor ID.');
  const card = vendorCard(compute(stamp()), id);
  if (!card) throw new Error(`No vendor "${id}" (not on the Vendors tab and on no case).`);
  return card;
}
