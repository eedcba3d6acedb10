import { h } from '../../components';

/** A coloured status label (colour is a hint only; the text carries the meaning). */
export function statusChip(status: string): HTMLElement {
  return h('span', { class: `chip status-${status.toLowerCase().replace(/\s+/g, '-')}` }, status);
}

/** The main road of a case (src/domain/workflow.ts): each step is reached from the one before. */
const PATH = ['Logged', 'Requested', 'Agreed', 'Received', 'Reconciled'];

/**
 * The workflow as a row of steps with the case's place marked, so "Agreed comes after
 * Requested" is visible before any click. Disputed sits between Requested and Agreed; a
 * closed case (Rejected, Cancelled, Written off) shows where it ended.
 */
export function statusPath(status: string): HTMLElement {
  const at = PATH.indexOf(status);
  const steps = PATH.slice();
  if (at < 0 && status === 'Disputed') steps.splice(2, 0, 'Disputed');
  const here = steps.indexOf(status);
  const list = h(
    'ol',
    { class: 'status-path', attrs: { 'aria-label': 'Workflow' } },
    ...steps.map((s, i) =>
      h('li', { class: i === here ? 'current' : here >= 0 && i < here ? 'done' : 'todo', attrs: i === here ? { 'aria-current': 'step' } : {} }, h('span', { class: 'step' }, s)),
    ),
  );
  if (here < 0 && status) list.appendChild(h('li', { class: 'current closed', attrs: { 'aria-current': 'step' } }, h('span', { class: 'step' }, `Closed: ${status}`)));
  return list;
}
