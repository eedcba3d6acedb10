import { h } from '../../components';

/** A coloured status label (colour is a hint only; the text carries the meaning). */
export function statusChip(status: string): HTMLElement {
  return h('span', { class: `chip status-${status.toLowerCase().replace(/\s+/g, '-')}` }, status);
}
