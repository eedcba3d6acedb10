// The named signals behind every suggestion (DESIGN §5 Match 2). Each pair carries the list
// of signal names it earned; the score is their sum, so the user can always see *why*:
// "ref:case RC-000014 · vendor:account · amount:exact · date:+2d" in the Match Signals column.
//
// Weights are chosen so that the thresholds read as rules:
//   auto-confirm (≥ 80, and a reference hit, and unique): the Case ID plus any amount that fits
//     (62 + 30 exact, + 20 fee, + 22 FX, + 20 instalment), or an order number with the amount
//     and a near date or the vendor (45 + 30 + 10, 45 + 20 + 25 …);
//   suggest (≥ 30): an exact amount inside the window near the expected date, or with the
//     vendor; a fee-short or converted amount needs a second signal;
//   a contradicting reference or another vendor pushes a same-amount decoy below the bar.
export const WEIGHTS = {
  'ref:case': 62,
  'ref:order': 45,
  'ref:contradicts': -60,
  'vendor:account': 25,
  'vendor:alias': 25,
  'vendor:confirmed': 20,
  'vendor:fuzzy': 12,
  'vendor:other': -40,
  'amount:exact': 30,
  'amount:original': 28,
  'amount:fee': 20,
  'amount:fx': 22,
  'amount:partial': 20,
  'amount:sum': 22,
  'date:near': 10,
  'date:close': 6,
  'date:window': 2,
  'date:early': 0,
  'decision:unmatched': -20,
} as const;

export type SignalName = keyof typeof WEIGHTS;

/** Date signal for a line booked `distance` days after Expected Completion (negative: before). */
export function dateSignal(distance: number): SignalName {
  const d = Math.abs(distance);
  if (d <= 3) return 'date:near';
  if (d <= 14) return 'date:close';
  if (distance < 0) return 'date:early';
  return 'date:window';
}

export function isReferenceSignal(name: string): boolean {
  return name === 'ref:case' || name === 'ref:order';
}
