// The Review matches sidebar: the month's suggested and ambiguous pairs, case and statement
// line side by side with the signals behind the score. Confirm, reject (never suggested again),
// or pick another line; jump to either row in the grid. Below them, the month's matched pairs,
// each with Unmatch (matched.ts).
import { h, replaceChildren, errorMessage } from '../../components/dom';
import { banner } from '../../components/banner';
import { loadingButton } from '../../components/button';
import { reconApi, type ReviewItem, type ReviewItems, type RunOutcome } from './api';
import { matchedSection } from './matched';
import { allocationText, signalHelp } from './pairText';
import { groupedMoney } from '../../components/money';
import './reconcile.css';

export function reviewView(root: HTMLElement): void {
  const note = banner();
  const list = h('div', null, h('p', { class: 'loading' }, 'Loading…'));
  const month = h('select', { attrs: { id: 'review-month', 'aria-label': 'Month' } });
  replaceChildren(root, h('div', { class: 'view' }, note.el, h('div', { class: 'field' }, month), list));

  const load = async () => {
    replaceChildren(list, h('p', { class: 'loading' }, 'Matching…'));
    const m = month.value;
    try {
      const r = await reconApi.review(m);
      const review = r.items.length
        ? [h('p', { class: 'muted' }, r.closed
            ? `${r.month} is closed: ${r.items.length} pair${r.items.length === 1 ? ' was' : 's were'} left unreviewed (${r.counts.ambiguous ?? 0} ambiguous) and can no longer be confirmed or rejected.`
            : `${r.items.length} pairs to review (${r.counts.ambiguous ?? 0} ambiguous).`), ...r.items.map((i) => card(i, r.closed))]
        : [h('p', { class: 'muted' }, r.closed ? `${r.month} is closed.` : `Nothing to review for ${r.month}. Run reconciliation to look for new money.`)];
      replaceChildren(list, ...review, matched(r));
    } catch (e) {
      replaceChildren(list);
      note.show({ kind: 'error', title: errorMessage(e) });
    }
  };
  // The month's matched pairs, each with Unmatch.
  const matched = (r: ReviewItems): HTMLElement => matchedSection(r.matched, { month: r.month, closed: r.closed, decided });
  const decided = async (p: Promise<RunOutcome>, what: string) => {
    try {
      const o = await p;
      note.show({ kind: 'success', title: what, details: [o.message] });
      await load();
    } catch (e) {
      note.show({ kind: 'error', title: errorMessage(e) });
    }
  };
  const card = (i: ReviewItem, closed: boolean): HTMLElement => {
    const m = month.value;
    const confirm = loadingButton({ label: 'Confirm', primary: true, busyLabel: 'Saving…', onClick: () => decided(reconApi.confirm(m, i.case.caseId, i.line.lineId), `${i.case.caseId} ⇄ ${i.line.lineId} confirmed`) });
    const reject = loadingButton({ label: 'Reject', busyLabel: 'Saving…', onClick: () => decided(reconApi.reject(m, i.case.caseId, i.line.lineId), `${i.case.caseId} ⇄ ${i.line.lineId} rejected; it will not be suggested again`) });
    const other = h('select', { attrs: { 'aria-label': 'Another line' } }, h('option', { props: { value: '' } }, 'Another line…'), ...(i.alternativeLines ?? i.alternatives.map((a) => ({ lineId: a, label: a }))).map((a) => h('option', { props: { value: a.lineId } }, a.label)), h('option', { props: { value: '*' } }, 'Type a Line ID…'));
    // Choosing a line only picks it; "Match" does it. A change of the list was the decision
    // itself: one arrow key on the focused list matched the case by hand, even to a line the
    // user had unmatched.
    const pick = loadingButton({ label: 'Match', busyLabel: 'Saving…', attrs: { 'data-action': 'match-other' }, onClick: () => {
      const id = other.value;
      if (!id || id === '*') return;
      return decided(reconApi.manual(m, i.case.caseId, [id]), `${i.case.caseId} matched to ${id} by hand`);
    } });
    pick.setDisabled(true);
    other.addEventListener('change', () => {
      if (other.value === '*') {
        const typed = (window.prompt('Line ID (from a Stmt tab)') || '').trim();
        if (typed) {
          const known = Array.from(other.options).find((o) => o.value === typed);
          if (!known) other.insertBefore(h('option', { props: { value: typed } }, typed), other.lastElementChild);
          other.value = typed;
        } else other.value = '';
      }
      pick.setDisabled(!other.value);
    });
    if (closed) for (const b of [confirm.el, reject.el, other]) b.disabled = true;
    const sig = (s: string) => h('span', { class: `recon-signal${/contradicts|other|unmatched/.test(s) ? ' neg' : ''}`, attrs: { title: signalHelp(s) } }, s);
    return h('div', { class: `recon-item ${i.state}` },
      h('div', { class: 'recon-head' }, h('span', { class: 'recon-state' }, i.state), h('span', { class: 'muted' }, `score ${i.score}`), h('span', { class: 'muted' }, allocationText(i.amount, i.covers))),
      h('div', { class: 'recon-sides' },
        h('div', null, h('b', null, i.case.caseId), i.case.vendor, h('br'), `Order ${i.case.orderNo}`, h('br'), groupedMoney(i.case.amount, i.case.currency), h('br'), `logged ${i.case.dateLogged}`, h('br'), `expected ${i.case.expected}`,
          h('br'), h('button', { class: 'link', attrs: { type: 'button' }, on: { click: () => void reconApi.jump({ caseId: i.case.caseId }) } }, 'Go to case')),
        h('div', null, h('b', null, groupedMoney(i.line.amount, i.line.currency)), i.line.date, h('br'), i.line.counterparty || '—', h('br'), i.line.reference || i.line.description || '—', h('br'), h('span', { class: 'muted' }, i.line.statement),
          h('br'), h('button', { class: 'link', attrs: { type: 'button' }, on: { click: () => void reconApi.jump({ lineId: i.line.lineId, statement: i.line.statement }) } }, 'Go to line'))),
      h('div', { class: 'recon-signals' }, ...i.signals.map(sig)),
      h('div', { class: 'recon-actions' }, confirm.el, reject.el, other, pick.el));
  };

  reconApi.options().then(
    (opts) => {
      replaceChildren(month, ...opts.months.map((m) => h('option', { props: { value: m, selected: m === opts.defaultMonth } }, `${m}${opts.closedMonths.includes(m) ? ' (closed)' : ''}`)));
      month.addEventListener('change', () => void load());
      void load();
    },
    (e) => note.show({ kind: 'error', title: errorMessage(e) }),
  );
}
