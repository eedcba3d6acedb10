// "Log a refund": the clerk's daily form. Validates with the shared schema before calling
// logCase; one requestId per form fill, so a retry or a double click cannot log twice.
import { banner, errorMessage, field, fileList, h, loadingButton, select, setOptions, Field } from '../../components';
import { validateCaseForm } from '../../../src/domain/caseRecord';
import { api, fieldErrorsOf, FormOptions, newRequestId, VendorView } from './api';
import { CaseContext, expectedFor, splitTags } from './context';
import { vendorField } from './vendorPicker';
import { vendorFilterPanel } from './vendorFilter';
import { groupedAmount } from '../../components/money';

export interface LogViewHooks {
  /** Opens a case (the banner's "Open case"). */
  openCase(caseId: string): void;
}

export function logView(ctx: CaseContext, options: FormOptions, vendors: VendorView[], hooks: LogViewHooks): HTMLElement {
  let requestId = newRequestId();
  let vendor: VendorView | null = null;
  let currencyTouched = false;

  const result = banner();
  const filter = vendorFilterPanel();

  const vendorF = vendorField(ctx, options, vendors, (v) => {
    vendor = v;
    filter.setVendor(v);
    if (v?.defaultCurrency && !currencyTouched) currency.value = v.defaultCurrency;
    expected.value = expectedFor(options, v);
    expectedF.el.querySelector('.field-hint')!.textContent = expectedHint();
  });

  const orderNo = h('input', { attrs: { type: 'text', name: 'orderNo', autocomplete: 'off', spellcheck: 'false' } });
  const amount = h('input', { attrs: { type: 'text', name: 'amount', inputmode: 'decimal', autocomplete: 'off', placeholder: '0.00' } });
  const currency = select(options.currencies.map((c) => c.code), options.baseCurrency);
  currency.name = 'currency';
  currency.setAttribute('aria-label', 'Currency');
  currency.addEventListener('change', () => (currencyTouched = true));
  const reason = select(options.reasons, '', 'Choose a reason');
  reason.name = 'reason';
  const reasonDetail = h('input', { attrs: { type: 'text', name: 'reasonDetail', autocomplete: 'off', placeholder: 'e.g. 3 of 20 units cracked' } });
  const expected = h('input', { attrs: { type: 'date', name: 'expectedCompletion' }, props: { value: options.defaultExpected } });
  const tags = h('input', { attrs: { type: 'text', name: 'tags', autocomplete: 'off', placeholder: 'e.g. urgent q4' } });
  const notes = h('textarea', { attrs: { name: 'notes', rows: 3 } });
  const files = fileList({ types: options.evidenceTypes, maxBytes: options.maxEvidenceBytes, maxTotalBytes: options.maxEvidenceBytes * 3 });

  const expectedHint = () => vendor
    ? `Today + ${vendor.slaDays ?? options.defaultSlaDays} days (SLA of ${vendor.name})`
    : `Today + ${options.defaultSlaDays} days (default SLA)`;

  const orderF = field({ label: 'Order #', control: orderNo, required: true });
  const amountF = field({ label: 'Refund amount', control: amount, required: true });
  const currencyF = field({ label: 'Currency', control: currency, required: true });
  const amountRow = h('div', { class: 'row2 amount-row' }, amountF.el, currencyF.el);
  const reasonF = field({ label: 'Reason', control: reason, required: true });
  const detailF = field({ label: 'Reason detail', control: reasonDetail });
  const expectedF = field({ label: 'Expected completion', control: expected, hint: expectedHint() });
  const tagsF = field({ label: 'Tags', control: tags, hint: 'Separate with spaces or commas' });
  const notesF = field({ label: 'Notes', control: notes });
  const filesF = field({ label: 'Evidence files', control: files.el, hint: `Up to ${Math.round(options.maxEvidenceBytes / 1024 / 1024)} MB per file; choose the type of each.` });
  files.onChange = () => filesF.setError(files.problem() || undefined);

  const fields: Record<string, { setError(m?: string): void; focus(): void }> = {
    vendorId: vendorF,
    orderNo: orderF,
    amount: amountF,
    currency: currencyF,
    reason: reasonF,
    reasonDetail: detailF,
    expectedCompletion: expectedF,
    tags: tagsF,
    notes: notesF,
    evidence: filesF,
  };
  // Typing in a field clears its error.
  for (const [name, f] of Object.entries(fields)) {
    const control = (f as Field).control;
    control?.addEventListener('input', () => f.setError());
    if (name === 'currency') control?.addEventListener('change', () => amountF.setError());
  }

  const submit = loadingButton({ label: 'Log refund', busyLabel: 'Logging…', primary: true, type: 'submit' });
  const formError = h('div', { class: 'form-error', attrs: { role: 'alert' } });
  formError.hidden = true;

  const clearErrors = () => {
    for (const f of Object.values(fields)) f.setError();
    formError.hidden = true;
  };
  const showErrors = (errors: { field: string; message: string }[]) => {
    let first: { focus(): void } | null = null;
    const unplaced: string[] = [];
    for (const e of errors) {
      const f = fields[e.field];
      if (f) {
        f.setError(e.message);
        first ??= f;
      } else unplaced.push(e.message);
    }
    if (unplaced.length) {
      formError.textContent = unplaced.join(' ');
      formError.hidden = false;
    }
    first?.focus();
  };

  const formValue = () => ({
    vendorId: vendor?.vendorId ?? '',
    orderNo: orderNo.value,
    amount: amount.value.trim(),
    currency: currency.value,
    reason: reason.value,
    reasonDetail: reasonDetail.value,
    expectedCompletion: expected.value,
    tags: splitTags(tags.value),
    notes: notes.value,
    requestId,
  });

  const reset = () => {
    requestId = newRequestId();
    vendor = null;
    currencyTouched = false;
    vendorF.picker.setValue(null);
    filter.setVendor(null);
    for (const input of [orderNo, amount, reasonDetail, tags, notes]) input.value = '';
    reason.value = '';
    currency.value = options.baseCurrency;
    expected.value = options.defaultExpected;
    expectedF.el.querySelector('.field-hint')!.textContent = expectedHint();
    files.clear();
  };

  const send = async () => {
    clearErrors();
    result.clear();
    if (!vendor && vendorF.picker.input.value.trim()) {
      showErrors([{ field: 'vendorId', message: `No vendor "${vendorF.picker.input.value.trim()}": pick one from the list or add it.` }]);
      return;
    }
    const draft = formValue();
    // The same rule as the server, with its today: an early expected date is shown before sending.
    const checked = validateCaseForm(draft, { dateLogged: options.today });
    const fileProblem = files.problem();
    const errors = checked.ok ? [] : checked.errors.slice();
    if (fileProblem) errors.push({ field: 'evidence', message: fileProblem });
    if (errors.length) return showErrors(errors);
    try {
      const evidence = await files.read();
      const r = await api.logCase({ ...draft, evidence } as Parameters<typeof api.logCase>[0]);
      const saved = r.evidence.length;
      result.show({
        kind: 'success',
        title: r.duplicate ? `Already logged as ${r.caseId}` : `Logged ${r.caseId}`,
        details: [
          `${r.case.vendorName} · order ${r.case.orderNo} · ${r.case.currency} ${groupedAmount(r.case.amount, r.case.currency)}`,
          saved ? `${saved} evidence file${saved === 1 ? '' : 's'} saved` : '',
          r.possibleDuplicate ? `Check: ${r.possibleDuplicate}` : '',
        ].filter(Boolean),
        copy: r.caseId,
        links: r.case.evidenceFolderUrl ? [{ label: 'Evidence folder', href: r.case.evidenceFolderUrl }] : [],
        actions: [{ label: 'Open case', onClick: () => hooks.openCase(r.caseId) }],
      });
      reset();
      void ctx.reloadVendors().then((list) => vendorF.picker.setItems(list), () => undefined);
    } catch (e) {
      const msg = errorMessage(e);
      const fieldErrors = fieldErrorsOf(msg);
      if (fieldErrors) return showErrors(fieldErrors);
      // logCase writes the row before the evidence; a message naming a new Case ID means the
      // case exists, so the next submit must be a new request.
      const created = /\bRC-\d{6,}\b/.exec(msg);
      if (created && !/^No case/.test(msg)) {
        result.show({ kind: 'error', title: `${created[0]} was logged, but not all evidence was saved`, details: [msg, 'Add the missing files from the case.'], copy: created[0], actions: [{ label: 'Open case', onClick: () => hooks.openCase(created[0]) }] });
        reset();
        return;
      }
      if (/vendor/i.test(msg) && /unknown|add it/i.test(msg)) return showErrors([{ field: 'vendorId', message: msg }]);
      if (/^File |evidence|MB/i.test(msg)) return showErrors([{ field: 'evidence', message: msg }]);
      result.show({ kind: 'error', title: 'The refund was not logged', details: [msg, 'Nothing is lost: fix the problem and submit again.'] });
    }
  };

  const form = h(
    'form',
    { class: 'case-form', attrs: { novalidate: true, 'aria-label': 'Log a refund' } },
    vendorF.el,
    filter.el,
    orderF.el,
    amountRow,
    reasonF.el,
    detailF.el,
    expectedF.el,
    tagsF.el,
    notesF.el,
    filesF.el,
    formError,
    h('div', { class: 'actions sticky' }, submit.el),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void submit.run(send);
  });
  return h('div', { class: 'view-log' }, result.el, form);
}
