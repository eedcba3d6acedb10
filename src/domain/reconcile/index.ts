// The matching engine's public surface (pure; see docs/reconciliation.md).
export * from './types';
export { reconcile } from './engine';
export { defaultReconSettings } from './settings';
export { caseNumber, caseNumbersIn, orderKey, orderKeysIn } from './tokens';
export { WEIGHTS } from './signals';
export { monthEnd, isMonth, addDays, dayNumber } from './dates';
