// The Run reconciliation dialog: pick the month and the statement tabs, run, see the summary.
// A long month continues in further executions; the dialog keeps calling Continue (and shows
// the steps done) until the run is finished, or the user can close it and a trigger finishes.
import { h, replaceChildren, errorMessage } from '../../components/dom';
import { banner } from '../../components/banner';
import { loadingButton } from '../../components/button';
import { reconApi, type RunOutcome } from './api';
import { summaryRows } from './summary';
import './reconcile.css';

export function runReconciliationView(root: HTMLElement): void {
  const note = banner();
  const body = h('div', null, h('p', { class: 'loading' }, 'Loading…'));
  replaceChildren(root, h('div', { class: 'view' }, note.el, body));
  reconApi.options().then(
    (opts) => {
      const month = h('select', { attrs: { id: 'recon-month' } }, ...opts.months.map((m) => h('option', { props: { value: m, selected: m === (opts.runInProgress?.month ?? opts.defaultMonth) } }, `${m}${opts.closedMonths.includes(m) ? ' (closed)' : ''}`)));
      const boxes = opts.statementTabs.map((t) => h('input', { attrs: { type: 'checkbox' }, props: { checked: true, value: t } }));
      const tabs = h('div', { class: 'recon-tabs' }, ...(boxes.length ? boxes.map((b, i) => h('label', { class: 'check', attrs: { style: 'margin:2px 0' } }, b, opts.statementTabs[i])) : [h('span', { class: 'muted' }, 'No statement tabs yet: Reconcile ▸ Import statement… first.')]));
      const bar = h('div');
      const progress = h('div', { class: 'recon-progress', attrs: { hidden: true } }, bar);
      const result = h('div');
      const show = (o: RunOutcome) => {
        progress.hidden = o.status === 'done';
        bar.style.width = `${Math.round((100 * o.phasesDone) / Math.max(1, o.phasesTotal))}%`;
        replaceChildren(result, summaryTable(o), h('div', { class: 'recon-actions' },
          h('button', { class: 'link', attrs: { type: 'button' }, on: { click: () => void reconApi.jump({ month: o.month }) } }, `Open Recon ${o.month}`),
          h('button', { class: 'link', attrs: { type: 'button' }, on: { click: () => void reconApi.openReview() } }, 'Review matches')));
      };
      const run = loadingButton({
        label: opts.runInProgress ? 'Continue' : 'Run',
        busyLabel: 'Reconciling…',
        primary: true,
        onClick: async () => {
          note.clear();
          try {
            const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
            // The server reads every Stmt tab when it is given none: an empty choice would run against all of them.
            if (boxes.length && !chosen.length && !opts.runInProgress) {
              note.show({ kind: 'error', title: 'Tick at least one statement to reconcile against.' });
              return;
            }
            let o: RunOutcome | null = opts.runInProgress ? await reconApi.continueRun() : await reconApi.run(month.value, chosen);
            while (o && o.status === 'continuing') {
              show(o);
              note.show({ kind: 'info', title: o.message });
              o = await reconApi.continueRun();
            }
            if (o) {
              show(o);
              note.show({ kind: 'success', title: o.message, details: o.wrote.length ? [`Updated: ${o.wrote.join(', ')}`] : [] });
            }
            opts.runInProgress = null;
            run.setLabel('Run again');
          } catch (e) {
            note.show({ kind: 'error', title: errorMessage(e) });
          }
        },
      });
      const close = loadingButton({
        label: 'Close month…',
        onClick: async () => {
          const chosenMonth = month.value;
          // A month already closed is not asked about again (the question would say its pairs
          // still wait for review, when closing cannot change them any more).
          if (opts.closedMonths.includes(chosenMonth)) {
            note.show({ kind: 'info', title: `${chosenMonth} is already closed; its matches can no longer change. Nothing was changed.` });
            return;
          }
          try {
            // Closing leaves whatever is still proposed unmatched for good: say how much that is.
            const pending = (await reconApi.review(chosenMonth)).items.length;
            const waiting = pending ? ` ${pending} suggested or ambiguous pair${pending === 1 ? '' : 's'} still wait${pending === 1 ? 's' : ''} for review (Review matches); closing leaves them unmatched.` : '';
            if (!window.confirm(`Close ${chosenMonth}? Its matches will no longer change, and later edits of its cases are flagged by Check the log.${waiting}`)) return;
            const r = await reconApi.close(chosenMonth);
            opts.closedMonths.push(r.month);
            const option = Array.from(month.options).find((o) => o.value === r.month);
            if (option) option.textContent = `${r.month} (closed)`;
            note.show({ kind: 'success', title: `${r.month} closed (${r.matchedCases} matched cases).` });
          } catch (e) {
            note.show({ kind: 'error', title: errorMessage(e) });
          }
        },
      });
      replaceChildren(body,
        h('div', { class: 'field' }, h('label', { attrs: { for: 'recon-month' } }, 'Month'), month),
        h('div', { class: 'field' }, h('label', null, 'Statements'), tabs),
        h('div', { class: 'recon-actions' }, run.el, close.el),
        progress, result);
    },
    (e) => note.show({ kind: 'error', title: errorMessage(e) }),
  );
}

function summaryTable(o: RunOutcome): HTMLElement {
  const s = o.summary;
  const c = s.counts;
  const table = summaryRows(s);
  return h('div', null,
    h('p', { class: 'muted' }, `${c.auto ?? 0} auto · ${c.confirmed ?? 0} confirmed · ${c.manual ?? 0} manual · ${c.suggested ?? 0} suggested · ${c.ambiguous ?? 0} ambiguous · ${c.differences ?? 0} differences`),
    h('table', { class: 'recon-summary' },
      h('thead', null, h('tr', null, ...table.header.map((x) => h('th', null, x)))),
      h('tbody', null, ...table.rows.map((r) => h('tr', null, ...r.map((x) => h('td', null, x)))))),
    s.base.missingRates.length ? h('p', { class: 'muted' }, `No FX rate for ${s.base.missingRates.join(', ')}: left out of the ${s.base.currency} totals.`) : null);
}
