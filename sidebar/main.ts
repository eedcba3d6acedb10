import './styles.css';
import { views } from './views/index';

const root = document.getElementById('app')!;
const name = document.body.dataset.view || 'log';
const view = views[name];
if (view) view(root);
else root.textContent = `Unknown view "${name}"`;
