// The only names Apps Script sees: every export becomes a top-level function in dist/Code.js
// (menus, triggers and google.script.run can call nothing else). Keep this a plain list.
export { onOpen, onInstall } from './menu';
