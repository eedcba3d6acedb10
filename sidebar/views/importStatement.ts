// Reconcile ▸ Import statement… : pick a file, see what was detected (layout, encoding, the
// column mapping, the first lines, errors and any date-order ambiguity), fix what needs fixing,
// confirm, see "N new, M already imported" or the row-numbered errors. Or import a tab where
// an export was pasted. All data is rendered as text.
import { callServer } from '../server';
import { banner, errorMessage, field, h, loadingButton, replaceChildren, select, table } from '../components';
import type { View } from './index';
import { mappingForm, type MappingForm } from './importStatement/mapping';
import type { FileRequest, ImportResult, Preview } from './importStatement/types';

const ACCEPT = '.csv,.txt,.tsv,.ofx,.qfx,.qbo,.xml,.sta,.mt940,.940';
const MAX_BYTES = 20 * 1024 * 1024;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => { const url = String(reader.result); resolve(url.slice(url.indexOf(',') + 1)); };
    reader.onerror = () => reject(new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

function errorTable(errors: { row: number; message: string }[]): HTMLElement {
  return table({
    caption: `${errors.length} problem${errors.length === 1 ? '' : 's'} — nothing is imported until they are fixed`,
    columns: [
      { label: 'Row', cell: (e) => (e.row ? String(e.row) : '—'), align: 'num' },
      { label: 'Problem', cell: (e) => e.message },
    ],
    rows: errors,
  });
}

export function importStatementView(root: HTMLElement): void {
  const result = banner();
  let request: FileRequest | null = null;
  let preview: Preview | null = null;
  let mapping: MappingForm | null = null;

  const fileInput = h('input', { attrs: { type: 'file', accept: ACCEPT, 'data-testid': 'statement-file' } });
  const previewBox = h('div', { class: 'import-preview', attrs: { 'aria-live': 'polite' } });
  const status = h('p', { class: 'muted' }, 'Bank CSV, PayPal, Stripe, Adyen, Payoneer, Wise, Revolut, Alipay, WeChat Pay, OFX/QFX, camt.053/054 or MT940.');

  const importButton = loadingButton({ label: 'Import', busyLabel: 'Importing…', primary: true, attrs: { 'data-testid': 'import-confirm' } });
  importButton.setDisabled(true);
  // Set once the picked file was imported: Import stays off until another file is picked, even
  // when the preview of the same file is drawn again (a layout change).
  let imported = false;

  const refresh = async (patch: Partial<FileRequest>) => {
    if (!request) return;
    request = { ...request, ...patch };
    replaceChildren(previewBox, h('p', { class: 'loading' }, 'Reading the file…'));
    try {
      preview = await callServer<Preview>('previewStatement', request);
      renderPreview();
    } catch (e) {
      replaceChildren(previewBox);
      result.show({ kind: 'error', title: 'Could not read the file', details: [errorMessage(e)] });
    }
  };

  // The same file picked again (say, fixed after its errors were shown) is read again: the
  // browser fires no change for the same file unless the input was emptied first.
  fileInput.addEventListener('click', () => (fileInput.value = ''));
  fileInput.addEventListener('change', async () => {
    result.clear();
    const file = fileInput.files?.[0];
    if (!file) return;
    imported = false;
    if (file.size > MAX_BYTES) { result.show({ kind: 'error', title: `${file.name} is larger than 20 MB` }); return; }
    if (file.size === 0) { request = null; replaceChildren(previewBox); result.show({ kind: 'error', title: `${file.name} is empty (0 bytes)`, details: ['Export the statement again and choose that file.'] }); return; }
    request = { fileName: file.name, contentBase64: await readBase64(file) };
    await refresh({});
  });

  function renderPreview(): void {
    const p = preview!;
    const blocking = p.errors.length > 0 || p.needsDateOrder || p.needsMapping;
    importButton.setDisabled(imported || blocking || p.lineCount === 0);
    const profileSelect = select([{ value: '', label: 'Detect automatically' }, ...p.profiles.map((x) => ({ value: x.id, label: x.label }))], request?.profile ?? '');
    profileSelect.setAttribute('data-testid', 'profile');
    profileSelect.addEventListener('change', () => refresh({ profile: profileSelect.value || undefined, mapping: undefined }));

    const facts: [string, string][] = [
      ['Layout', p.profileLabel || 'Unknown'],
      ['Encoding', p.encoding ? `${p.encoding} — ${p.encodingReason}` : '—'],
      ...(p.format === 'csv' ? [['Delimiter', p.delimiter || '—'] as [string, string], ['Header row', p.headerRow ? String(p.headerRow) : 'none'] as [string, string]] : []),
      ['Dates', p.dateOrder ? `${p.dateOrder === 'DMY' ? 'day/month/year' : 'month/day/year'} (${p.dateOrderHow})` : p.needsDateOrder ? 'ambiguous — choose below' : 'year first'],
      ...Object.entries(p.numberFormats).map(([col, f]) => [`Numbers in “${col}”`, f] as [string, string]),
      ['Lines', `${p.lineCount}${p.alreadyImported ? ` (${p.alreadyImported} already imported)` : ''}`],
      ['Period', p.period.from ? `${p.period.from} – ${p.period.to}` : '—'],
      ['New tab', p.tabName],
    ];
    const factList = h('dl', { class: 'facts', attrs: { 'data-testid': 'facts' } }, ...facts.flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)]));

    let orderBox: HTMLElement | null = null;
    if (p.needsDateOrder) {
      const order = select([{ value: '', label: 'Choose…' }, { value: 'DMY', label: 'Day/Month/Year (05/01 = 5 January)' }, { value: 'MDY', label: 'Month/Day/Year (05/01 = May 1)' }], '');
      order.setAttribute('data-testid', 'date-order');
      order.addEventListener('change', () => { if (order.value) void refresh({ dateOrder: order.value as 'DMY' | 'MDY' }); });
      orderBox = field({ label: 'Every date could be read both ways. Which order does this file use?', control: order }).el;
    }

    let mappingBox: HTMLElement | null = null;
    if (p.format === 'csv' && p.headers.length) {
      mapping = mappingForm(p.headers, p.mapping);
      const saveName = h('input', { attrs: { type: 'text', placeholder: 'e.g. My bank CSV', 'data-testid': 'profile-name' } });
      const apply = loadingButton({ label: 'Apply mapping', attrs: { 'data-testid': 'apply-mapping' } });
      apply.el.addEventListener('click', () => apply.run(async () => {
        const m = mapping!.read();
        if (typeof m === 'string') { result.show({ kind: 'error', title: m }); return; }
        const name = saveName.value.trim();
        if (name) {
          await callServer('saveImportProfile', { name, headers: p.headers, mapping: m.mapping, dateOrder: m.dateOrder, decimalMark: m.decimalMark, currency: m.currency, signConvention: m.signConvention });
          result.show({ kind: 'success', title: `Mapping saved as “${name}”; files with this header are recognised next time.` });
        }
        await refresh({ mapping: m.mapping, dateOrder: m.dateOrder, decimalMark: m.decimalMark, currency: m.currency, signConvention: m.signConvention, profile: undefined, sourceName: name || undefined });
      }));
      mappingBox = h('details', { attrs: { open: p.needsMapping || p.profileId === 'generic' } },
        h('summary', null, p.needsMapping ? 'Map the columns (layout not recognised)' : 'Column mapping'),
        mapping.el,
        field({ label: 'Save this mapping as a profile named (optional)', control: saveName }).el,
        apply.el,
      );
    }

    const lines = table({
      caption: `First ${p.lines.length} of ${p.lineCount} lines`,
      columns: [
        { label: 'Row', cell: (l) => String(l.sourceRow), align: 'num' },
        { label: 'Date', cell: (l) => h('span', { attrs: { style: 'white-space:nowrap' } }, l.bookingDate || '(pending)') },
        { label: 'Amount', cell: (l) => `${l.amount} ${l.currency}`, align: 'num' },
        { label: 'Kind', cell: (l) => l.kind },
        { label: 'Counterparty', cell: (l) => l.counterparty },
        { label: 'Description', cell: (l) => l.description },
        { label: 'Reference', cell: (l) => l.reference },
      ],
      rows: p.lines,
      empty: 'No lines read yet.',
    });
    const sample = !p.lines.length && p.sampleRows.length ? table({
      caption: 'The file’s first rows',
      columns: p.sampleRows[0].slice(0, 8).map((_, i) => ({ label: `Column ${i + 1}`, cell: (r: string[]) => r[i] ?? '' })),
      rows: p.sampleRows,
    }) : null;

    replaceChildren(previewBox,
      h('div', { class: 'row' }, field({ label: 'Layout', control: profileSelect }).el),
      factList,
      p.warnings.length ? h('ul', { class: 'warnings' }, ...p.warnings.map((w) => h('li', null, w))) : null,
      orderBox,
      p.errors.length ? errorTable(p.errors) : null,
      mappingBox,
      h('div', { class: 'actions' }, importButton.el),
      h('div', { attrs: { 'data-testid': 'preview-lines' } }, lines),
      sample,
    );
  }

  importButton.el.addEventListener('click', () => importButton.run(async () => {
    if (!request) return;
    try {
      const r = await callServer<ImportResult>('importStatement', request);
      if (r.ok) {
        result.show({ kind: 'success', title: r.message });
        imported = true;
        // Not el.disabled: run() enables the button again when this action ends.
        importButton.setDisabled(true);
      } else {
        result.show({ kind: 'error', title: `Nothing was imported: ${r.errors.length} problem${r.errors.length === 1 ? '' : 's'}` });
        replaceChildren(previewBox, errorTable(r.errors));
      }
    } catch (e) {
      result.show({ kind: 'error', title: 'Import failed', details: [errorMessage(e)] });
    }
  }));

  // ---- a tab where an export was pasted ----
  const tabSelect = select([{ value: '', label: 'Choose a tab…' }], '');
  const tabButton = loadingButton({ label: 'Import this tab', attrs: { 'data-testid': 'import-tab' } });
  tabButton.el.addEventListener('click', () => tabButton.run(async () => {
    if (!tabSelect.value) { result.show({ kind: 'error', title: 'Choose the tab holding the pasted export.' }); return; }
    try {
      const r = await callServer<ImportResult>('importFromSheet', tabSelect.value);
      if (r.ok) result.show({ kind: 'success', title: r.message });
      else { result.show({ kind: 'error', title: 'Nothing was imported' }); replaceChildren(previewBox, errorTable(r.errors)); }
    } catch (e) {
      result.show({ kind: 'error', title: 'Import failed', details: [errorMessage(e)] });
    }
  }));
  const pasted = h('details', null, h('summary', null, 'Or import a tab where you pasted an export'),
    field({ label: 'Tab', control: tabSelect }).el, tabButton.el);
  pasted.addEventListener('toggle', async () => {
    if (!(pasted as HTMLDetailsElement).open || tabSelect.options.length > 1) return;
    try {
      const tabs = await callServer<string[]>('listImportableTabs');
      for (const t of tabs) tabSelect.appendChild(h('option', { props: { value: t } }, t));
    } catch (e) { result.show({ kind: 'error', title: 'Could not list the tabs', details: [errorMessage(e)] }); }
  });

  // ---- a vendor's credit-note list (compared with that vendor's cases in the Recon report) ----
  const vendorSelect = select([{ value: '', label: 'Choose the vendor…' }], '');
  vendorSelect.setAttribute('data-testid', 'vendor-id');
  const vendorFile = h('input', { attrs: { type: 'file', accept: '.csv,.txt', 'data-testid': 'vendor-file' } });
  vendorFile.addEventListener('click', () => (vendorFile.value = ''));
  const vendorButton = loadingButton({ label: 'Import credit notes', attrs: { 'data-testid': 'import-vendor' } });
  vendorButton.el.addEventListener('click', () => vendorButton.run(async () => {
    result.clear();
    const file = vendorFile.files?.[0];
    if (!vendorSelect.value) { result.show({ kind: 'error', title: 'Choose the vendor whose credit notes these are.' }); return; }
    if (!file) { result.show({ kind: 'error', title: 'Choose the vendor’s CSV file.' }); return; }
    if (file.size > MAX_BYTES) { result.show({ kind: 'error', title: `${file.name} is larger than 20 MB` }); return; }
    if (file.size === 0) { result.show({ kind: 'error', title: `${file.name} is empty (0 bytes)`, details: ['Ask the vendor for the list again and choose that file.'] }); return; }
    try {
      const r = await callServer<{ ok: boolean; message: string; errors: string[] }>('importVendorStatement', { vendorId: vendorSelect.value, csv: await file.text() });
      if (r.ok) result.show({ kind: 'success', title: r.message });
      else result.show({ kind: 'error', title: r.message, details: r.errors.slice(0, 20) });
    } catch (e) {
      result.show({ kind: 'error', title: 'Import failed', details: [errorMessage(e)] });
    }
  }));
  const vendorBox = h('details', { attrs: { 'data-testid': 'vendor-statement' } },
    h('summary', null, 'Or import a vendor’s list of credit notes'),
    h('p', { class: 'muted' }, 'A CSV with Date (YYYY-MM-DD), Reference, Order #, Amount and Currency. Run reconciliation then shows what the vendor says it refunded that was never logged, and what was logged that the vendor does not list.'),
    field({ label: 'Vendor', control: vendorSelect }).el,
    field({ label: 'Credit-note file', control: vendorFile }).el,
    vendorButton.el);
  vendorBox.addEventListener('toggle', async () => {
    if (!(vendorBox as HTMLDetailsElement).open || vendorSelect.options.length > 1) return;
    try {
      const vendors = await callServer<{ vendorId: string; name: string }[]>('listVendors');
      for (const v of vendors) vendorSelect.appendChild(h('option', { props: { value: v.vendorId } }, `${v.name} (${v.vendorId})`));
    } catch (e) { result.show({ kind: 'error', title: 'Could not list the vendors', details: [errorMessage(e)] }); }
  });

  // The dialog's title bar already says "Import statement"; the Import button sits under the
  // facts of the preview (it is added there once a file is read).
  replaceChildren(root,
    result.el,
    field({ label: 'Statement file', control: fileInput }).el,
    status,
    previewBox,
    pasted,
    vendorBox,
  );
}

export const importViews: Record<string, View> = { importStatement: importStatementView };
