// The month's matched pairs in the Review matches sidebar, each with Unmatch (behind a confirm
// step): the server adds an `unmatched` row to Matches (the earlier rows stay as evidence),
// audits it, puts a Reconciled case back to Agreed and runs the month again.
// The pairs are getReviewItems(month).matched: the month's auto, confirmed and manual pairs.
import { h, replaceChildren } from '../../components/dom';
import { loadingButton } from '../../components/button';
import { reconApi, type MatchedPair, type RunOutcome } from './api';
import { allocationText, signalHelp } from './pairText';
import { groupedMoney } from '../../components/money';

export interface MatchedSectionOptions {
  month: string;
  closed: boolean;
  /** Runs a decision and reports it (banner), then reloads the view. */
  decided: (p: Promise<RunOutcome>, what: string) => Promise<void>;
}

/** The section element; fills itself with `pairs` (or a note when there are none). */
export function matchedSection(pairs: MatchedPair[], o: MatchedSectionOptions, note?: string): HTMLElement {
  const title = h('h3', { class: 'recon-matched-title' }, `Matched in ${o.month}`);
  const body = pairs.length
    ? pairs.map((p) => pairRow(p, o))
    : [h('p', { class: 'muted' }, `No matched pairs in ${o.month}.`)];
  return h('section', { class: 'recon-matched', attrs: { 'aria-label': `Matched in ${o.month}` } }, title, note ? h('p', { class: 'muted' }, note) : null, ...body);
}

function pairRow(p: MatchedPair, o: MatchedSectionOptions): HTMLElement {
  const pair = `${p.case.caseId} ⇄ ${p.line.lineId}`;
  const actions = h('div', { class: 'recon-actions' });
  const unmatch = h('button', { class: 'btn', attrs: { type: 'button', 'data-action': 'unmatch' }, props: { disabled: o.closed }, on: { click: () => ask() } }, 'Unmatch…');
  const goCase = h('button', { class: 'link', attrs: { type: 'button' }, on: { click: () => void reconApi.jump({ caseId: p.case.caseId }) } }, 'Go to case');
  const goLine = h('button', { class: 'link', attrs: { type: 'button' }, on: { click: () => void reconApi.jump({ lineId: p.line.lineId, statement: p.line.statement }) } }, 'Go to line');
  const idle = () => replaceChildren(actions, unmatch, goCase, goLine);
  const ask = () => {
    const yes = loadingButton({
      label: 'Unmatch',
      primary: true,
      busyLabel: 'Unmatching…',
      attrs: { 'data-action': 'confirm-unmatch' },
      onClick: () => o.decided(reconApi.unmatch(o.month, p.case.caseId, p.line.lineId), `${pair} unmatched`),
    });
    const no = h('button', { class: 'btn', attrs: { type: 'button' }, on: { click: () => idle() } }, 'Cancel');
    replaceChildren(actions,
      h('p', { class: 'recon-confirm' }, `Unmatch ${pair}? The case is no longer paid by this line${p.case.status === 'Reconciled' ? ' and goes back to Agreed' : ''}. Earlier match rows stay in Matches as evidence, and the Audit Log records it.`),
      yes.el, no);
    yes.el.focus();
  };
  idle();
  const lineText = [p.line.date, p.line.amount ? groupedMoney(p.line.amount, p.line.currency ?? '') : '', p.line.counterparty || p.line.reference || p.line.description || ''].filter((x) => x);
  return h('div', { class: `recon-pair ${p.state}`, attrs: { 'data-case': p.case.caseId, 'data-line': p.line.lineId } },
    h('div', { class: 'recon-head' },
      h('span', { class: 'recon-state' }, p.state),
      p.score !== undefined ? h('span', { class: 'muted' }, `score ${p.score}`) : null,
      p.amount ? h('span', { class: 'muted' }, allocationText(p.amount, p.covers ?? '')) : null),
    h('div', { class: 'recon-sides' },
      h('div', null, h('b', null, p.case.caseId), p.case.vendor, h('br'), groupedMoney(p.case.amount, p.case.currency), h('br'), p.case.status),
      h('div', null, h('b', { class: 'recon-line-id' }, p.line.lineId), lineText.join(' · ') || '—', p.line.statement ? h('br') : null, p.line.statement ? h('span', { class: 'muted' }, p.line.statement) : null)),
    p.signals && p.signals.length ? h('div', { class: 'recon-signals' }, ...p.signals.map((s) => h('span', { class: 'recon-signal', attrs: { title: signalHelp(s) } }, s))) : null,
    actions);
}
