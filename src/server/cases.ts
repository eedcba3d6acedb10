// Entry points for the case log (google.script.run and the installable trigger); see docs/api.md.
// Only callable functions are re-exported here: every export becomes a global of dist/Code.js.
export { logCase, addVendor, listVendors, getFormOptions } from './caseLog';
export { findCases, getCase, filterByVendor, clearCaseFilter } from './caseQueries';
export { updateCase, changeStatus } from './caseChanges';
export { addEvidence } from './evidence';
export { checkLog, verifyAuditTrail } from './logIntegrity';
export { importCases } from './importCases';
export { onCasesEdit } from './editTrigger';
