// The case log's pages (issue 3): the sidebar with Log a refund / Find a case / a case's detail,
// and the CSV import dialog. Components live in sidebar/components, the views in ./cases.
import type { View } from './index';
import { caseSidebar } from './cases/shell';
import { importCasesView } from './cases/importCases';
import { replaceChildren } from '../components';

export const caseViews: Record<string, View> = {
  log: (root) => caseSidebar(root, 'log'),
  find: (root) => caseSidebar(root, 'find'),
  /** A case's detail; the Case ID comes from `data-view="case:RC-000042"` (see sidebar/main.ts). */
  case: (root) => {
    const caseId = document.body.dataset.viewArg ?? '';
    if (caseId) caseSidebar(root, { caseId });
    else caseSidebar(root, 'find');
  },
  importCases: (root) => replaceChildren(root, importCasesView()),
};
