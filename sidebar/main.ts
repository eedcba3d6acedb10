// Entry of dist/Sidebar.html. The server opens the page with <body data-view="NAME"> (see
// src/server/pages.ts); a view that needs an argument gets it as "NAME:ARG" (e.g.
// "case:RC-000042"), available to the view as document.body.dataset.viewArg.
import './styles.css';
import { views } from './views/index';

const root = document.getElementById('app')!;
const spec = document.body.dataset.view || 'log';
const colon = spec.indexOf(':');
const name = colon < 0 ? spec : spec.slice(0, colon);
if (colon >= 0) document.body.dataset.viewArg = spec.slice(colon + 1);
const view = views[name];
if (view) view(root);
else root.textContent = `Unknown view "${name}"`;
