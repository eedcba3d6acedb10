// The column-mapping form for a layout we do not know (or to correct a guess): date, amount or
// debit + credit, currency, description, reference, counterparty, and the number and date format.
import { field, h, select } from '../../components';
import type { Mapping } from './types';

export interface MappingForm {
  el: HTMLElement;
  /** The mapping and formats as chosen, or an error message. */
  read(): { mapping: Mapping; decimalMark?: '.' | ','; dateOrder?: 'DMY' | 'MDY'; currency?: string; signConvention?: 'natural' | 'spend-positive' } | string;
}

const ROLES: { key: keyof Mapping; label: string }[] = [
  { key: 'date', label: 'Date' },
  { key: 'amount', label: 'Amount (signed)' },
  { key: 'debit', label: 'or Debit (money out)' },
  { key: 'credit', label: 'and Credit (money in)' },
  { key: 'direction', label: 'Direction (C/D, 收/支)' },
  { key: 'currency', label: 'Currency' },
  { key: 'description', label: 'Description' },
  { key: 'reference', label: 'Reference' },
  { key: 'counterparty', label: 'Counterparty' },
  { key: 'valueDate', label: 'Value date' },
];

export function mappingForm(headers: string[], current: Mapping | null): MappingForm {
  const none = { value: '', label: '—' };
  const options = [none, ...headers.map((x) => ({ value: x, label: x }))];
  const selects = new Map<keyof Mapping, HTMLSelectElement>();
  const fields = ROLES.map((r) => {
    const cur = current?.[r.key];
    const s = select(options, Array.isArray(cur) ? cur[0] : cur ?? '');
    s.setAttribute('data-role', r.key);
    selects.set(r.key, s);
    return field({ label: r.label, control: s, required: r.key === 'date' }).el;
  });
  const decimal = select([{ value: '', label: 'Detect from the file' }, { value: '.', label: '1,234.56 (decimal point)' }, { value: ',', label: '1.234,56 (decimal comma)' }], '');
  const order = select([{ value: '', label: 'Detect from the file' }, { value: 'DMY', label: 'Day/Month/Year' }, { value: 'MDY', label: 'Month/Day/Year' }], '');
  const currency = h('input', { attrs: { type: 'text', maxlength: 3, placeholder: 'e.g. CNY', 'data-role': 'default-currency' } });
  const sign = select([{ value: 'natural', label: 'Positive = money in' }, { value: 'spend-positive', label: 'Positive = money out (card)' }], 'natural');
  const el = h('div', { class: 'mapping-grid' },
    ...fields,
    field({ label: 'Number format', control: decimal }).el,
    field({ label: 'Date format', control: order }).el,
    field({ label: 'Currency when the file has none', control: currency }).el,
    field({ label: 'Sign', control: sign }).el,
  );
  return {
    el,
    read() {
      const m: Partial<Mapping> = {};
      for (const [k, s] of selects) if (s.value) (m as Record<string, string>)[k] = s.value;
      if (!m.date) return 'Choose the date column.';
      if (!m.amount && !(m.debit && m.credit)) return 'Choose an amount column, or both a debit and a credit column.';
      const cur = currency.value.trim().toUpperCase();
      if (cur && !/^[A-Z]{3}$/.test(cur)) return 'The currency must be a 3-letter code such as CNY.';
      return {
        mapping: m as Mapping,
        decimalMark: (decimal.value || undefined) as '.' | ',' | undefined,
        dateOrder: (order.value || undefined) as 'DMY' | 'MDY' | undefined,
        currency: cur || undefined,
        signConvention: sign.value as 'natural' | 'spend-positive',
      };
    },
  };
}
