// The only names Apps Script sees: every export becomes a top-level function in dist/Code.js
// (menus, triggers and google.script.run can call nothing else), so these modules export
// callable entry points only; helpers stay in other modules.
export * from './menu'; //        onOpen, onInstall, menu handlers, setupWorkbook
export * from './cases'; //       case log: logCase, findCases, ... (docs/api.md)
export * from './statements'; //  statement import
export * from './reconcile'; //   monthly reconciliation
export * from './scorecard'; //   vendor scorecard
export * from './accounting'; //  journal posting and export (docs/api-accounting.md)
