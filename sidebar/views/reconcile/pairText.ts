// How a proposed or matched pair reads on its card. The server sends plain fixed amounts
// ("1125.30 EUR", what docs/api-reconcile.md documents and scripts read); the cards group them
// as the Recon tab's amount cells show theirs ("1,125.30 EUR"), say in words what the line
// gives the case, and explain each signal on hover. No DOM here, so it is unit-tested.
import { groupedMoneyText } from '../../components/money';

/** The card's head: what the pair takes from the line, and what that covers of the case when
 *  it is another amount (another currency, or a fee short). */
export function allocationText(amount: string, covers: string): string {
  const a = groupedMoneyText(amount);
  const c = groupedMoneyText(covers);
  return !covers || a === c ? `takes ${a} of the line` : `takes ${a} of the line, covering ${c} of the case`;
}

const DAYS = (n: number) => `${Math.abs(n)} day${Math.abs(n) === 1 ? '' : 's'}`;

/** A signal in words, for the chip's tooltip ('' when the name is not one we know). */
export function signalHelp(signal: string): string {
  const [name, ...rest] = signal.split(' ');
  const arg = rest.join(' ');
  const date = /^([+-]?\d+)d$/.exec(arg);
  const when = date ? (Number(date[1]) === 0 ? 'booked on the expected date' : `booked ${DAYS(Number(date[1]))} ${Number(date[1]) > 0 ? 'after' : 'before'} the expected date`) : '';
  switch (name) {
    case 'ref:case': return 'the reference or description names this Case ID';
    case 'ref:order': return "the reference or description names the case's Order #";
    case 'ref:contradicts': return 'the reference names another case or order';
    case 'vendor:account': return "the payer's account is one of the vendor's (Vendors ▸ Aliases)";
    case 'vendor:alias': return "the payer's name is one of the vendor's aliases";
    case 'vendor:confirmed': return 'this payer paid the vendor\'s cases before (a confirmed match)';
    case 'vendor:fuzzy': return "the payer's name looks like the vendor's name";
    case 'vendor:other': return 'the payer is identified as another vendor';
    case 'amount:exact': return 'the amount is exactly what is open on the case';
    case 'amount:original': return "the line's original amount (before conversion) is what is open";
    case 'amount:fee': return 'the amount is short of what is open by no more than the fee tolerance';
    case 'amount:fx': return "converted at the dated rate, the amount is within the FX tolerance of what is open";
    case 'amount:partial': return 'the line pays part: an instalment, or one transfer for several cases';
    case 'amount:sum': return `the line is the sum of ${arg || 'several cases'} open for the vendor`;
    case 'date:near': return `${when} (within 3 days)`;
    case 'date:close': return `${when} (within 14 days)`;
    case 'date:window': return `${when} (more than 14 days, inside the search window)`;
    case 'date:early': return `${when} (more than 14 days early)`;
    case 'decision:unmatched': return 'someone unmatched this pair before: it is never confirmed automatically again';
    default: return name.startsWith('decision:') ? `kept from an earlier decision (${name.slice('decision:'.length)})` : '';
  }
}
