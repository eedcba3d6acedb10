// One case: its fields, the next statuses the workflow allows (with the server's refusal shown
// as is, e.g. which evidence is missing), a few editable fields, evidence (upload or link),
// and the timeline from the Audit Log.
import { banner, copyButton, errorMessage, externalLink, field, fileList, h, loadingButton, replaceChildren, select, Child } from '../../components';
import { validateCasePatch, CaseRecord } from '../../../src/domain/caseRecord';
import { api, CaseDetail, CasePatch, CaseStatus, CaseView, EvidenceType, FormOptions } from './api';
import { shortTime, splitTags } from './context';
import { groupedMoney } from '../../components/money';
import { statusChip, statusPath } from './status';
import { needsReason } from '../../../src/domain/workflow';

export interface CaseViewHooks {
  /** Shown as "← Back" when set. */
  back?: { label: string; onClick(): void };
  /** Called after the case changed (so a result list can refresh). */
  changed?(c: CaseView): void;
}

export function caseDetailView(options: FormOptions, caseId: string, hooks: CaseViewHooks = {}): HTMLElement {
  const top = banner();
  const body = h('div', { class: 'case-body', attrs: { 'aria-busy': 'true' } }, h('p', { class: 'loading' }, `Loading ${caseId}…`));
  const el = h(
    'div',
    { class: 'view-case' },
    hooks.back ? h('button', { class: 'link back', attrs: { type: 'button' }, on: { click: hooks.back.onClick } }, `← ${hooks.back.label}`) : null,
    top.el,
    body,
  );

  const load = async (notice?: string) => {
    try {
      const d = await api.getCase(caseId);
      render(d);
      body.removeAttribute('aria-busy');
      if (notice) top.show({ kind: 'success', title: notice });
    } catch (e) {
      replaceChildren(body);
      top.show({ kind: 'error', title: `Could not open ${caseId}`, details: [errorMessage(e)], actions: [{ label: 'Try again', onClick: () => void load() }] });
    }
  };

  const afterChange = (c: CaseView, notice: string) => {
    hooks.changed?.(c);
    return load(notice);
  };

  const render = (d: CaseDetail) => {
    const c = d.case;
    replaceChildren(
      body,
      h(
        'div',
        { class: 'case-head' },
        h('h2', null, c.caseId),
        copyButton(c.caseId),
        statusChip(c.status),
        c.overdue ? h('span', { class: 'chip overdue' }, 'Overdue') : null,
      ),
      facts(c),
      statusSection(d),
      editSection(c),
      evidenceSection(d),
      timelineSection(d),
    );
  };

  const facts = (c: CaseView) => {
    const rows: [string, Child][] = [
      ['Vendor', h('span', null, c.vendorName, h('span', { class: 'muted' }, ` ${c.vendorId}`))],
      ['Vendor tag', c.vendorTag],
      ['Order #', c.orderNo],
      ['Amount', groupedMoney(c.amount, c.currency)],
      ['Open amount', c.open ? `${c.openAmount} ${c.currency}` : '—'],
      ['Received', c.receivedAmount ? `${c.receivedAmount} ${c.receivedCurrency || c.currency}` : '—'],
      ['Reason', c.reasonDetail ? `${c.reason} — ${c.reasonDetail}` : c.reason],
      ['Logged', c.dateLogged],
      ['Expected', c.expectedCompletion || '—'],
      ['Completed', c.actualCompletion || '—'],
      ['Tags', c.tags.length ? c.tags.join(', ') : '—'],
      ['Notes', c.notes || '—'],
      ['Matched', c.matchedTransactions || '—'],
      ['Journal', c.journalRef || '—'],
      ['Updated', c.updatedAt ? `${shortTime(c.updatedAt)} ${c.updatedBy}` : '—'],
    ];
    return h('dl', { class: 'facts' }, ...rows.flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
  };

  const statusSection = (d: CaseDetail) => {
    const section = h('section', { class: 'section', attrs: { 'aria-label': 'Status' } }, h('h3', null, 'Status'), statusPath(d.case.status));
    if (!d.allowedStatuses.length) {
      section.appendChild(h('p', { class: 'muted' }, `${d.case.status} is final.`));
      return section;
    }
    // Each next status with what it needs, before the user picks one: the server's gate
    // message for a move that would be refused now, "a note" for a closing move.
    const closing = (s: string) => needsReason(s as CaseStatus);
    const needOf = (s: string): { text: string; blocked: boolean } | null =>
      d.gates[s] ? { text: d.gates[s], blocked: true } : closing(s) ? { text: 'Needs a note saying why.', blocked: false } : null;
    section.appendChild(
      h(
        'div',
        { class: 'next-statuses' },
        h('div', { class: 'next-title', attrs: { id: `next-${caseId}` } }, `Next from ${d.case.status}:`),
        h(
          'ul',
          { attrs: { 'aria-labelledby': `next-${caseId}` } },
          ...d.allowedStatuses.map((s) => {
            const need = needOf(s);
            return h(
              'li',
              { class: need?.blocked ? 'blocked' : need ? 'needs-note' : 'ready', attrs: { 'data-status': s } },
              statusChip(s),
              h('span', { class: 'next-need' }, need ? need.text : 'Ready'),
            );
          }),
        ),
      ),
    );
    const next = select(
      d.allowedStatuses.map((s) => ({ value: s, label: d.gates[s] ? `${s} (needs evidence)` : closing(s) ? `${s} (needs a note)` : s })),
      '',
      'Move to…',
    );
    const note = h('textarea', { attrs: { rows: 2, placeholder: 'Optional; required when closing' } });
    const gateHint = h('div', { class: 'field-hint gate-hint' });
    gateHint.hidden = true;
    const nextF = field({ label: 'Next status', control: next, after: gateHint });
    const noteF = field({ label: 'Note', control: note });
    next.addEventListener('change', () => {
      nextF.setError();
      note.placeholder = closing(next.value) ? 'Why (required for this move)' : 'Optional';
      const g = d.gates[next.value];
      gateHint.textContent = g ?? '';
      gateHint.hidden = !g;
    });
    note.addEventListener('input', () => noteF.setError());
    const apply = loadingButton({
      label: 'Change status',
      busyLabel: 'Saving…',
      primary: true,
      onClick: async () => {
        top.clear(); // the last action's result no longer describes the case
        nextF.setError();
        noteF.setError();
        if (!next.value) return nextF.setError('Choose the next status');
        try {
          const c = await api.changeStatus(caseId, next.value as CaseStatus, note.value.trim());
          await afterChange(c, `${caseId} is now ${c.status}`);
        } catch (e) {
          const msg = errorMessage(e);
          if (/needs a reason|note/i.test(msg)) noteF.setError(msg);
          else {
            gateHint.hidden = true; // the server's message says it all
            nextF.setError(msg);
          }
        }
      },
    });
    section.append(nextF.el, noteF.el, h('div', { class: 'actions' }, apply.el));
    return section;
  };

  const editSection = (c: CaseView) => {
    const orderNo = h('input', { attrs: { type: 'text', autocomplete: 'off' }, props: { value: c.orderNo } });
    const amount = h('input', { attrs: { type: 'text', inputmode: 'decimal', autocomplete: 'off' }, props: { value: c.amount } });
    const currency = select(options.currencies.map((x) => x.code), c.currency);
    currency.setAttribute('aria-label', 'Currency');
    const reasons = options.reasons.includes(c.reason) ? options.reasons : [c.reason, ...options.reasons];
    const reason = select(reasons, c.reason);
    const detail = h('input', { attrs: { type: 'text', autocomplete: 'off' }, props: { value: c.reasonDetail } });
    const expected = h('input', { attrs: { type: 'date' }, props: { value: c.expectedCompletion } });
    const tags = h('input', { attrs: { type: 'text', autocomplete: 'off' }, props: { value: c.tags.join(' ') } });
    const notes = h('textarea', { attrs: { rows: 3 }, props: { value: c.notes } });
    const fields = {
      orderNo: field({ label: 'Order #', control: orderNo }),
      amount: field({ label: 'Refund amount', control: amount }),
      currency: field({ label: 'Currency', control: currency }),
      reason: field({ label: 'Reason', control: reason }),
      reasonDetail: field({ label: 'Reason detail', control: detail }),
      expectedCompletion: field({ label: 'Expected completion', control: expected }),
      tags: field({ label: 'Tags', control: tags, hint: 'Separate with spaces or commas' }),
      notes: field({ label: 'Notes', control: notes }),
    };
    const formError = h('div', { class: 'form-error', attrs: { role: 'alert' } });
    formError.hidden = true;
    if (!c.open) for (const ctl of [amount, currency]) ctl.disabled = true;

    const patch = (): CasePatch => {
      const p: CasePatch = {};
      if (orderNo.value.trim() !== c.orderNo) p.orderNo = orderNo.value.trim();
      if (amount.value.trim() !== c.amount) p.amount = amount.value.trim();
      if (currency.value !== c.currency) p.currency = currency.value;
      if (reason.value !== c.reason) p.reason = reason.value;
      if (detail.value.trim() !== c.reasonDetail) p.reasonDetail = detail.value.trim();
      if (expected.value !== c.expectedCompletion) p.expectedCompletion = expected.value;
      const t = splitTags(tags.value);
      if (t.join(',') !== c.tags.join(',')) p.tags = t;
      if (notes.value.trim() !== c.notes) p.notes = notes.value.trim();
      return p;
    };
    const save = loadingButton({
      label: 'Save changes',
      busyLabel: 'Saving…',
      primary: true,
      onClick: async () => {
        top.clear(); // the last action's result no longer describes the case
        for (const f of Object.values(fields)) f.setError();
        formError.hidden = true;
        const p = patch();
        if (!Object.keys(p).length) {
          formError.textContent = 'Nothing changed.';
          formError.hidden = false;
          return;
        }
        const current: CaseRecord = { ...c, evidence: '' };
        const checked = validateCasePatch(p, current);
        const show = (errors: { field: string; message: string }[]) => {
          for (const e of errors) {
            const f = (fields as Record<string, { setError(m?: string): void }>)[e.field];
            if (f) f.setError(e.message);
            else (formError.textContent = e.message), (formError.hidden = false);
          }
        };
        if (!checked.ok) return show(checked.errors);
        try {
          const updated = await api.updateCase(caseId, p);
          await afterChange(updated, `${caseId} saved`);
        } catch (e) {
          const msg = errorMessage(e);
          const m = /Invalid case:\s*(\[[\s\S]*\])/.exec(msg);
          if (m) {
            try {
              return show(JSON.parse(m[1]));
            } catch {
              /* fall through to the plain message */
            }
          }
          formError.textContent = msg;
          formError.hidden = false;
        }
      },
    });
    return h(
      'details',
      { class: 'section edit' },
      h('summary', null, 'Edit details'),
      fields.orderNo.el,
      h('div', { class: 'row2 amount-row' }, fields.amount.el, fields.currency.el),
      !c.open ? h('p', { class: 'muted' }, 'Amount and currency of a closed case cannot change.') : null,
      fields.reason.el,
      fields.reasonDetail.el,
      fields.expectedCompletion.el,
      fields.tags.el,
      fields.notes.el,
      formError,
      h('div', { class: 'actions' }, save.el),
    );
  };

  const evidenceSection = (d: CaseDetail) => {
    const list = d.evidence.length
      ? h(
          'ul',
          { class: 'evidence-list' },
          ...d.evidence.map((ev) =>
            h(
              'li',
              null,
              externalLink(ev.name || ev.url, ev.url),
              h('div', { class: 'muted' }, `${ev.type} · ${shortTime(ev.addedAt)}${ev.addedBy ? ` · ${ev.addedBy}` : ''}`),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'No evidence yet.');
    const folder = d.case.evidenceFolderUrl ? h('div', { class: 'folder-link' }, externalLink('Open evidence folder', d.case.evidenceFolderUrl)) : null;

    // Add: upload files or link a Drive file.
    const files = fileList({ types: options.evidenceTypes, maxBytes: options.maxEvidenceBytes });
    const filesF = field({ label: 'Upload files', control: files.el, hint: `Up to ${Math.round(options.maxEvidenceBytes / 1024 / 1024)} MB per file` });
    files.onChange = () => filesF.setError(files.problem() || undefined);
    const url = h('input', { attrs: { type: 'url', autocomplete: 'off', placeholder: 'https://drive.google.com/…' } });
    const urlName = h('input', { attrs: { type: 'text', autocomplete: 'off', placeholder: 'Optional' } });
    const urlType = select(options.evidenceTypes, options.evidenceTypes[0]);
    const urlF = field({ label: 'Or link a file (URL)', control: url });
    const nameF = field({ label: 'Name', control: urlName });
    const typeF = field({ label: 'Type', control: urlType });
    url.addEventListener('input', () => urlF.setError());
    const add = loadingButton({
      label: 'Add evidence',
      busyLabel: 'Adding…',
      primary: true,
      onClick: async () => {
        top.clear(); // the last action's result no longer describes the case
        filesF.setError();
        urlF.setError();
        const link = url.value.trim();
        if (!files.files.length && !link) return filesF.setError('Choose files or enter a link');
        const problem = files.problem();
        if (problem) return filesF.setError(problem);
        if (link && !/^https:\/\//i.test(link)) return urlF.setError('Enter an https:// link (a Drive file)');
        let added = 0;
        try {
          for (const up of await files.read()) {
            await api.addEvidence(caseId, up);
            added++;
          }
          if (link) {
            await api.addEvidence(caseId, { type: urlType.value as EvidenceType, url: link, ...(urlName.value.trim() ? { name: urlName.value.trim() } : {}) });
            added++;
          }
          await load(`${added} evidence item${added === 1 ? '' : 's'} added to ${caseId}`);
        } catch (e) {
          const msg = errorMessage(e);
          const where = link && added === files.files.length ? urlF : filesF;
          where.setError(added ? `${added} added; then: ${msg}` : msg);
          if (added) hooks.changed?.(d.case);
        }
      },
    });
    return h(
      'section',
      { class: 'section', attrs: { 'aria-label': 'Evidence' } },
      h('h3', null, `Evidence (${d.evidence.length})`),
      list,
      folder,
      h('details', { class: 'add-evidence' }, h('summary', null, 'Add evidence'), filesF.el, urlF.el, h('div', { class: 'row2' }, typeF.el, nameF.el), h('div', { class: 'actions' }, add.el)),
    );
  };

  const timelineSection = (d: CaseDetail) =>
    h(
      'section',
      { class: 'section', attrs: { 'aria-label': 'Timeline' } },
      h('h3', null, 'Timeline'),
      d.timeline.length
        ? h(
            'ol',
            { class: 'timeline' },
            ...d.timeline.map((t) =>
              h(
                'li',
                null,
                h('div', { class: 'tl-head' }, h('span', { class: 'tl-action' }, t.field ? `${t.action}: ${t.field}` : t.action), h('span', { class: 'muted' }, ` ${shortTime(t.time)}`)),
                t.oldValue || t.newValue ? h('div', { class: 'tl-change' }, t.oldValue ? h('span', { class: 'old' }, t.oldValue) : null, t.oldValue ? ' → ' : null, h('span', null, t.newValue)) : null,
                t.user ? h('div', { class: 'muted' }, t.user) : null,
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'No history yet.'),
    );

  void load();
  return el;
}
