// Dialog: import cases from CSV (pasted, or a .csv file). All or nothing on the server; a
// refusal lists the rows with problems, shown here as a table.
import { banner, errorMessage, field, h, loadingButton, replaceChildren, table } from '../../components';
import { api } from './api';

/** "Import refused: 2 rows have problems:\n  row 3: …\n  row 7: …" → [{row:'3', problem:'…'}]. */
export function importProblems(message: string): { row: string; problem: string }[] | null {
  if (!/^(Error:\s*)?Import refused/.test(message.trim())) return null;
  const out: { row: string; problem: string }[] = [];
  for (const line of message.split('\n').slice(1)) {
    const m = /^\s*row (\d+):\s*(.*)$/i.exec(line);
    if (m) out.push({ row: m[1], problem: m[2] });
    else if (/^\s*…/.test(line)) out.push({ row: '…', problem: line.trim().replace(/^…\s*/, '') });
    else if (line.trim() && out.length) out[out.length - 1].problem += ` ${line.trim()}`;
  }
  return out;
}

export function importCasesView(): HTMLElement {
  const result = banner();
  const csv = h('textarea', { class: 'csv', attrs: { rows: 10, spellcheck: 'false', wrap: 'off', placeholder: 'Case ID,Date Logged,Order #,Vendor ID,Vendor Name,Reason,Refund Amount,Currency,…' } });
  const file = h('input', { attrs: { type: 'file', accept: '.csv,text/csv,text/plain' } });
  const csvF = field({ label: 'CSV (first row: headers)', control: csv, hint: 'Paste the rows, or choose a .csv file below. Nothing is written unless every row is valid.' });
  const fileF = field({ label: 'CSV file', control: file });
  const problems = h('div', { class: 'problems' });
  // Picking the same file again (fixed in a spreadsheet after a refusal) must read it again: the
  // browser fires no change for the same file unless the input was emptied first.
  file.addEventListener('click', () => (file.value = ''));
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (!f) return;
    fileF.setError();
    const reader = new FileReader();
    reader.onload = () => {
      csv.value = String(reader.result);
      csvF.setError();
    };
    reader.onerror = () => fileF.setError(`Could not read ${f.name}`);
    reader.readAsText(f); // UTF-8; a BOM is dropped by the decoder
  });
  csv.addEventListener('input', () => csvF.setError());
  const go = loadingButton({
    label: 'Import',
    busyLabel: 'Importing…',
    primary: true,
    onClick: async () => {
      result.clear();
      replaceChildren(problems);
      if (!csv.value.trim()) return csvF.setError('Paste CSV rows or choose a file');
      try {
        const r = await api.importCases({ csv: csv.value });
        result.show({
          kind: 'success',
          title: `Imported ${r.imported} case${r.imported === 1 ? '' : 's'}`,
          details: [
            r.imported ? `${r.firstCaseId} to ${r.lastCaseId}` : '',
            r.vendorsCreated.length ? `New vendors: ${r.vendorsCreated.join(', ')}` : '',
            // The server keeps an ID it cannot use as Case ID in the case's Notes (docs/api.md).
            r.legacyIds ? `${r.legacyIds} old ID${r.legacyIds === 1 ? '' : 's'} kept in Notes as "Legacy ID: …"` : '',
          ].filter(Boolean),
          copy: r.imported ? r.firstCaseId : undefined,
        });
        csv.value = '';
        file.value = '';
      } catch (e) {
        const msg = errorMessage(e);
        const rows = importProblems(msg);
        if (rows && rows.length) {
          const title = msg.split('\n')[0].replace(/^Error:\s*/, '').replace(/:\s*$/, '');
          const details = [/nothing was imported/i.test(title) ? 'Fix these rows and import again.' : 'Nothing was imported. Fix these rows and import again.'];
          result.show({ kind: 'error', title, details });
          replaceChildren(problems, table({ caption: 'Rows with problems', columns: [{ label: 'Row', align: 'num', cell: (r) => r.row }, { label: 'Problem', cell: (r) => r.problem }], rows }));
        } else result.show({ kind: 'error', title: 'Nothing was imported', details: [msg] });
      }
    },
  });
  return h('div', { class: 'view-import dialog' }, result.el, problems, csvF.el, fileF.el, h('div', { class: 'actions' }, go.el));
}
