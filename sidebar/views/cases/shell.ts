// The case sidebar: two tabs (Log a refund · Find a case) and the case detail opened from
// either. Views stay alive while hidden, so a search and its results survive a look at a case.
import { banner, errorMessage, h, replaceChildren } from '../../components';
import { caseContext } from './context';
import { logView } from './log';
import { findView, FindView } from './find';
import { caseDetailView } from './detail';

export type CaseTab = 'log' | 'find';

export function caseSidebar(root: HTMLElement, start: CaseTab | { caseId: string }): void {
  const ctx = caseContext();
  const problem = banner();
  const tabs = { log: tabButton(TAB_TITLES.log, 'tab-log'), find: tabButton(TAB_TITLES.find, 'tab-find') };
  const panel = (tab: string) => h('div', { class: 'panel', attrs: { role: 'tabpanel', id: `panel-${tab}`, 'aria-labelledby': `tab-${tab}` } });
  const panels = { log: panel('log'), find: panel('find') };
  tabs.log.setAttribute('aria-controls', 'panel-log');
  tabs.find.setAttribute('aria-controls', 'panel-find');
  const detail = h('div', { class: 'panel' });
  const nav = h('div', { class: 'tabs', attrs: { role: 'tablist', 'aria-label': 'Case log' } }, tabs.log, tabs.find);
  // The host's title bar keeps the title the sidebar was opened with (data-title, set by
  // src/server/pages.ts); this heading says where the user is now, and only shows when that is
  // something else (the other tab, a case), so the title is not said twice.
  const hostTitle = document.body.dataset.title ?? '';
  const heading = h('h1', { class: 'view-title', attrs: { id: 'view-title' } });
  const setHeading = (text: string) => {
    heading.textContent = text;
    heading.hidden = text === hostTitle;
    document.title = text;
  };
  replaceChildren(root, h('div', { class: 'sidebar' }, heading, nav, problem.el, panels.log, panels.find, detail));

  let find: FindView | null = null;
  let current: CaseTab = 'log';
  const showTab = (tab: CaseTab) => {
    current = tab;
    setHeading(TAB_TITLES[tab]);
    for (const t of ['log', 'find'] as CaseTab[]) {
      tabs[t].setAttribute('aria-selected', String(t === tab));
      tabs[t].tabIndex = t === tab ? 0 : -1;
      panels[t].hidden = t !== tab;
    }
    detail.hidden = true;
    replaceChildren(detail);
    if (tab === 'find') find?.activate();
  };
  const openCase = (caseId: string, from: CaseTab | null) => {
    for (const t of ['log', 'find'] as CaseTab[]) {
      panels[t].hidden = true;
      tabs[t].setAttribute('aria-selected', 'false');
    }
    detail.hidden = false;
    setHeading(`Case ${caseId}`);
    replaceChildren(
      detail,
      caseDetailViewFor(caseId, from),
    );
    detail.querySelector<HTMLElement>('button, a')?.focus();
  };
  let options: Awaited<ReturnType<typeof ctx.options>>;
  const caseDetailViewFor = (caseId: string, from: CaseTab | null) =>
    caseDetailView(options, caseId, {
      back: from ? { label: from === 'find' ? 'Back to results' : 'Back to form', onClick: () => showTab(from) } : undefined,
      changed: () => find?.refresh(),
    });

  tabs.log.addEventListener('click', () => showTab('log'));
  tabs.find.addEventListener('click', () => showTab('find'));
  nav.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const next: CaseTab = current === 'log' ? 'find' : 'log';
    showTab(next);
    tabs[next].focus();
  });

  setHeading(typeof start === 'string' ? TAB_TITLES[start] : `Case ${start.caseId}`);
  for (const t of ['log', 'find'] as CaseTab[]) panels[t].appendChild(h('p', { class: 'loading', attrs: { role: 'status' } }, 'Loading…'));
  // Until the first load, the starting tab shows (with its loading line).
  if (typeof start === 'string') showTab(start);
  const load = async () => {
    problem.clear();
    try {
      const [o, vendors] = await Promise.all([ctx.options(), ctx.vendors()]);
      options = o;
      replaceChildren(panels.log, logView(ctx, options, vendors, { openCase: (id) => openCase(id, 'log') }));
      find = findView(ctx, options, vendors, { openCase: (id) => openCase(id, 'find') });
      replaceChildren(panels.find, find.el);
      if (typeof start === 'string') showTab(current); // the tab the user is on (a click while loading counts)
      else {
        showTab('find');
        openCase(start.caseId, 'find');
      }
    } catch (e) {
      for (const t of ['log', 'find'] as CaseTab[]) replaceChildren(panels[t]);
      problem.show({ kind: 'error', title: 'Could not load the case log', details: [errorMessage(e)], actions: [{ label: 'Try again', onClick: () => void load() }] });
    }
  };
  void load();
}

const TAB_TITLES: Record<CaseTab, string> = { log: 'Log a refund', find: 'Find a case' };

function tabButton(label: string, id: string): HTMLButtonElement {
  return h('button', { class: 'tab', attrs: { type: 'button', role: 'tab', id, 'aria-selected': 'false' } }, label);
}
