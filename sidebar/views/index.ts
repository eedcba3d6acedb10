// The page's views. The server opens dist/Sidebar.html with <body data-view="NAME"> (see
// src/server/pages.ts); each view renders itself into the root element. Each feature owns
// one module that exports its views.
import { caseViews } from './cases';
import { importViews } from './importStatement';
import { reconcileViews } from './reconcile';

export type View = (root: HTMLElement) => void;

export const views: Record<string, View> = { ...caseViews, ...importViews, ...reconcileViews };
