// Matching settings and their defaults (Settings tab values override them; docs/reconciliation.md).
import { Decimal } from '../money';
import type { ReconSettings } from './types';

export function defaultReconSettings(baseCurrency = 'USD'): ReconSettings {
  return {
    baseCurrency,
    feeTolerancePercent: new Decimal('1'),
    // A flat floor per currency so a small refund may still lose a typical wire/PayPal fee.
    feeToleranceMinimum: { USD: new Decimal(2), EUR: new Decimal(2), GBP: new Decimal(2), CNY: new Decimal(15), HKD: new Decimal(15), JPY: new Decimal(300), '*': new Decimal(0) },
    feeToleranceMaxPercent: new Decimal('10'),
    fxTolerancePercent: new Decimal('2'),
    windowDaysBefore: 7,
    windowDaysAfter: 90,
    defaultSlaDays: 14,
    autoConfirmScore: 80,
    suggestScore: 30,
    ambiguityMargin: 10,
  };
}
