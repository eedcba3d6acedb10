// Expected figures for every corpus statement, counted independently of the importer by
// test/corpus/count.py (Python's csv module and regexes over the raw files; see its docstring
// for the counting rules) and checked by reading the files: number of transaction lines, and
// per currency the sum of money in (amount > 0) and out (amount < 0). Pending and closed rows
// are lines too; headers, preambles, blank and sub-total rows are not. Amounts are what moved
// the balance (PayPal Net, Stripe/Adyen net, Revolut Amount − Fee).
//
// Spot checks were picked by reading the files (row = the file's 1-based row or, for OFX/MT940/
// camt, the line of the record's opening tag/field).

export interface Expected {
  lines: number;
  sums: Record<string, { in: string; out: string }>;
}

export const EXPECTED: Record<string, Expected> = {
  'adyen/adyen-settlement-detail-batch380.csv': { lines: 228, sums: { USD: { in: '56438.52', out: '-56438.52' } } },
  'alipay/cn-alipay-personal-gbk.csv': { lines: 10, sums: { CNY: { in: '222393.87', out: '-293.64' } } },
  'wechatpay/cn-wechatpay-personal.csv': { lines: 27, sums: { CNY: { in: '3329.72', out: '-25704.19' } } },
  'paypal/paypal-activity-en-multiccy.csv': { lines: 76, sums: { USD: { in: '71482.14', out: '-71480.24' }, EUR: { in: '59427.02', out: '-59383.68' }, AUD: { in: '100.00', out: '-100.00' } } },
  'paypal/paypal-legacy-spaced-header.csv': { lines: 2, sums: { USD: { in: '1120.00', out: '-20.00' } } },
  'paypal/paypal-statement-es-commadecimal.csv': { lines: 4, sums: { EUR: { in: '131.08', out: '0' } } },
  'stripe/stripe-balance-change-from-activity.csv': { lines: 2, sums: { USD: { in: '12.00', out: '-0.77' } } },
  'stripe/stripe-payments-unified.csv': { lines: 5, sums: { CAD: { in: '107.72', out: '0' } } },
  'payoneer/payoneer.csv': { lines: 2, sums: { USD: { in: '120', out: '-100' } } },
  'wise/wise-statement.csv': { lines: 5, sums: { USD: { in: '145.17', out: '-368.90' } } },
  'revolut/revolut-2021-crlf.csv': { lines: 7, sums: { EUR: { in: '500', out: '-334.69' } } },
  'revolut/revolut-2022-pending.csv': { lines: 9, sums: { EUR: { in: '500.00', out: '-531.59' } } },
  'bank-csv/ca-bmo-debit-preamble.csv': { lines: 4, sums: { CAD: { in: '0.01', out: '-158.32' } } },
  'bank-csv/ca-td-headerless.csv': { lines: 9, sums: { CAD: { in: '332.23', out: '-319.17' } } },
  'bank-csv/ch-ubs-fr.csv': { lines: 3, sums: { CHF: { in: '240.00', out: '-210.00' } } },
  'bank-csv/ch-zkb-bom.csv': { lines: 7, sums: { CHF: { in: '5075.00', out: '-525.50' } } },
  'bank-csv/cn-boc-credit-multiccy.csv': { lines: 14, sums: { CNY: { in: '989.84', out: '-1228.09' }, USD: { in: '0', out: '-3.72' } } },
  'bank-csv/cn-cmb-debit.csv': { lines: 5, sums: { CNY: { in: '1234.00', out: '-2013.14' } } },
  'bank-csv/cn-icbc-debit-v2.csv': { lines: 11, sums: { CNY: { in: '2841.74', out: '-4241.08' } } },
  'bank-csv/de-gls-latin1.csv': { lines: 1, sums: { EUR: { in: '0', out: '-98.76' } } },
  'bank-csv/de-ing-preamble-latin1.csv': { lines: 9, sums: { EUR: { in: '50.00', out: '-228.60' } } },
  'bank-csv/de-sparkasse-latin1.csv': { lines: 18, sums: { EUR: { in: '1410.22', out: '-1303.05' } } },
  'bank-csv/hk-hsbc-credit-multiccy.csv': { lines: 11, sums: { CNY: { in: '3291.16', out: '-1558.89' }, HKD: { in: '0', out: '-27.90' } } },
  'bank-csv/hu-erste.csv': { lines: 2, sums: { HUF: { in: '1290', out: '-350' } } },
  'bank-csv/nl-knab.csv': { lines: 28, sums: { EUR: { in: '20834.77', out: '-20827.76' } } },
  'bank-csv/uk-johnlewis-card-bom.csv': { lines: 13, sums: { GBP: { in: '1100.00', out: '-1499.99' } } },
  'bank-csv/uk-lloyds.csv': { lines: 12, sums: { GBP: { in: '2500', out: '-6381.99' } } },
  'bank-csv/us-dcu-checking.csv': { lines: 10, sums: { USD: { in: '16423.03', out: '-15923.03' } } },
  'ofx/ofx102-sgml-cad.ofx': { lines: 3, sums: { CAD: { in: '0', out: '-345.27' } } },
  'ofx/ofx200-xml-cdata-crlf-aud.ofx': { lines: 1, sums: { AUD: { in: '0', out: '-16.85' } } },
  'ofx/ofx102-leading-blanklines-emptytags.ofx': { lines: 1, sums: { AUD: { in: '12.34', out: '0' } } },
  'qfx/qfx-ally-value-on-next-line.qfx': { lines: 2, sums: { USD: { in: '0', out: '-1055.00' } } },
  'mt940/mt940-ch-postfinance.sta': { lines: 4, sums: { CHF: { in: '239.3', out: '-79.9' } } },
  'mt940/mt940-de-sepa-structured86.sta': { lines: 11, sums: { EUR: { in: '1430745.72', out: '-3574069.11' } } },
  'mt940/mt940-hu-ns-tags-crlf.sta': { lines: 3, sums: { HUF: { in: '0', out: '-9437.00' } } },
  'mt940/mt940-pl-mbank-soh-etx.sta': { lines: 3, sums: { PLN: { in: '0.03', out: '0' } } },
  'camt053/camt053-nl-reversal-returns.xml': { lines: 4, sums: { EUR: { in: '1405.31', out: '-1418.30' } } },
  'camt053/camt053-ch-raiffeisen-it.xml': { lines: 16, sums: { CHF: { in: '368', out: '-4047.85' } } },
  'camt054/camt054-ch-qrr.xml': { lines: 1, sums: { EUR: { in: '5.00', out: '0' } } },
  'camt054/camt054-batch-mixed-ccy.xml': { lines: 1, sums: { SEK: { in: '0', out: '-200000' } } },
};

export interface SpotCheck {
  file: string;
  row: number;
  /** Which of the lines from that row (a batch entry gives several). */
  nth?: number;
  expect: Partial<{ bookingDate: string; valueDate: string; amount: string; currency: string; kind: string; fee: string | null; originalAmount: string | null; originalCurrency: string; reference: string; counterparty: string; counterpartyAccount: string; descriptionIncludes: string }>;
}

export const SPOT_CHECKS: SpotCheck[] = [
  { file: 'bank-csv/de-ing-preamble-latin1.csv', row: 16, expect: { bookingDate: '2018-12-28', amount: '-5.5', currency: 'EUR', counterparty: 'PayDude (Europe) S.a.r.l. et Cie., S .C.A.' } },
  { file: 'bank-csv/de-ing-preamble-latin1.csv', row: 21, expect: { bookingDate: '2018-12-10', valueDate: '2018-12-28', amount: '-150', descriptionIncludes: 'Übernachtung in Neuenhausen' } },
  { file: 'bank-csv/de-gls-latin1.csv', row: 2, expect: { bookingDate: '2017-10-10', amount: '-98.76', counterparty: 'Drillisch Online AG', descriptionIncludes: 'SEPA-Basislastschrift' } },
  { file: 'bank-csv/de-sparkasse-latin1.csv', row: 2, expect: { kind: 'pending', amount: '-22.59', valueDate: '2018-04-04', reference: '1234412341234' } },
  { file: 'bank-csv/de-sparkasse-latin1.csv', row: 3, expect: { counterparty: 'EDEKA DÜBEL//THOMASINGEN/DE', amount: '-62.59', kind: 'debit' } },
  { file: 'alipay/cn-alipay-personal-gbk.csv', row: 32, expect: { amount: '50', kind: 'refund', reference: '2023xxxxx88_2023xx57', bookingDate: '2023-01-09' } },
  { file: 'alipay/cn-alipay-personal-gbk.csv', row: 33, expect: { amount: '-50', kind: 'closed', reference: '2023xxxxx88' } },
  { file: 'alipay/cn-alipay-personal-gbk.csv', row: 27, expect: { amount: '-20', kind: 'pending' } },
  { file: 'wechatpay/cn-wechatpay-personal.csv', row: 24, expect: { amount: '-100.1', fee: '0.1', reference: '207210715100077148235523883175' } },
  { file: 'wechatpay/cn-wechatpay-personal.csv', row: 18, expect: { amount: '-28.16', counterparty: '云膳过桥米线(传奇广场店)', reference: '3985734', bookingDate: '2019-09-26' } },
  { file: 'wise/wise-statement.csv', row: 2, expect: { amount: '-357.38', fee: null, kind: 'debit', reference: 'TRANSFER-175545673', counterparty: 'John Doe' } },
  { file: 'wise/wise-statement.csv', row: 3, expect: { amount: '-11.35', kind: 'fee', reference: 'TRANSFER-175545673' } },
  { file: 'paypal/paypal-activity-en-multiccy.csv', row: 4, expect: { amount: '43.34', currency: 'EUR', originalAmount: '50', originalCurrency: 'USD', reference: 'TID3' } },
  { file: 'paypal/paypal-activity-en-multiccy.csv', row: 2, expect: { bookingDate: '2015-12-29', amount: '79.75', fee: '4.25', counterparty: 'PARTNER1' } },
  { file: 'paypal/paypal-activity-en-multiccy.csv', row: 12, expect: { kind: 'pending', amount: '-12431.37', currency: 'EUR' } },
  { file: 'paypal/paypal-statement-es-commadecimal.csv', row: 2, expect: { bookingDate: '2020-01-02', amount: '47.59', fee: '1.78', currency: 'EUR' } },
  { file: 'paypal/paypal-legacy-spaced-header.csv', row: 2, expect: { bookingDate: '2016-06-04', amount: '-20', counterparty: 'Jane Doe' } },
  { file: 'bank-csv/hk-hsbc-credit-multiccy.csv', row: 9, expect: { bookingDate: '2025-03-31', amount: '25', kind: 'refund' } },
  { file: 'bank-csv/hk-hsbc-credit-multiccy.csv', row: 2, expect: { amount: '-1099.14', currency: 'CNY', bookingDate: '2025-04-09' } },
  { file: 'bank-csv/ca-td-headerless.csv', row: 9, expect: { bookingDate: '2023-05-03', amount: '332.22', currency: 'CAD' } },
  { file: 'bank-csv/ca-bmo-debit-preamble.csv', row: 7, expect: { bookingDate: '2023-05-01', amount: '0.01' } },
  { file: 'bank-csv/uk-johnlewis-card-bom.csv', row: 2, expect: { kind: 'pending', amount: '-67.4', bookingDate: '' } },
  { file: 'bank-csv/uk-johnlewis-card-bom.csv', row: 5, expect: { amount: '-1183.23', bookingDate: '2019-12-12' } },
  { file: 'bank-csv/uk-johnlewis-card-bom.csv', row: 14, expect: { amount: '1100', kind: 'credit' } },
  { file: 'bank-csv/uk-lloyds.csv', row: 9, expect: { amount: '-73.48', originalAmount: '-78.8', originalCurrency: 'EUR' } },
  { file: 'bank-csv/uk-lloyds.csv', row: 3, expect: { kind: 'fee', amount: '-4.79' } },
  { file: 'bank-csv/us-dcu-checking.csv', row: 2, expect: { bookingDate: '2021-12-31', amount: '-7971.39', currency: 'USD' } },
  { file: 'bank-csv/nl-knab.csv', row: 5, expect: { amount: '-2500', bookingDate: '2019-06-19', counterparty: 'M JANSSEN', reference: 'B9F19PGFDQ2Q56EL' } },
  { file: 'bank-csv/ch-ubs-fr.csv', row: 2, expect: { amount: '-10', currency: 'CHF', bookingDate: '2019-03-31', kind: 'fee' } },
  { file: 'bank-csv/ch-zkb-bom.csv', row: 2, expect: { amount: '5000', currency: 'CHF', bookingDate: '2024-01-01', reference: 'Z001' } },
  { file: 'bank-csv/hu-erste.csv', row: 2, expect: { bookingDate: '2019-04-19', amount: '-350', currency: 'HUF' } },
  { file: 'bank-csv/cn-cmb-debit.csv', row: 3, expect: { amount: '-1000', currency: 'CNY', counterparty: '张三 66666666666666' } },
  { file: 'bank-csv/cn-icbc-debit-v2.csv', row: 18, expect: { amount: '1.04', kind: 'refund', currency: 'CNY' } },
  { file: 'bank-csv/cn-boc-credit-multiccy.csv', row: 16, expect: { amount: '-3.72', currency: 'USD' } },
  { file: 'revolut/revolut-2022-pending.csv', row: 7, expect: { kind: 'pending', bookingDate: '2022-01-13', amount: '-44.57' } },
  { file: 'revolut/revolut-2021-crlf.csv', row: 3, expect: { bookingDate: '2021-09-05', valueDate: '2021-09-05', amount: '-9.5', descriptionIncludes: 'company äöå' } },
  { file: 'stripe/stripe-balance-change-from-activity.csv', row: 3, expect: { amount: '-0.77', kind: 'refund', currency: 'USD', reference: 'txn_14G11HjHgubIH9ZvbPgYO7' } },
  { file: 'stripe/stripe-payments-unified.csv', row: 2, expect: { amount: '23.97', fee: '1.03', currency: 'CAD', bookingDate: '2021-02-03' } },
  { file: 'adyen/adyen-settlement-detail-batch380.csv', row: 2, expect: { amount: '31.15', fee: '0.3', kind: 'credit', reference: '1829098024817852' } },
  { file: 'payoneer/payoneer.csv', row: 3, expect: { amount: '120', bookingDate: '2021-05-03', reference: '1234' } },
  { file: 'ofx/ofx102-sgml-cad.ofx', row: 15, expect: { bookingDate: '2009-04-01', amount: '-6.6', currency: 'CAD', reference: '0000123456782009040100001' } },
  { file: 'ofx/ofx102-leading-blanklines-emptytags.ofx', row: 23, expect: { amount: '12.34', currency: 'AUD', bookingDate: '2018-05-07' } },
  { file: 'mt940/mt940-pl-mbank-soh-etx.sta', row: 6, expect: { amount: '0.01', currency: 'PLN', bookingDate: '2017-01-19' } },
  { file: 'mt940/mt940-hu-ns-tags-crlf.sta', row: 12, expect: { amount: '-2402', currency: 'HUF', counterparty: 'ERGO Versicherung AG Fioktelep' } },
  { file: 'mt940/mt940-de-sepa-structured86.sta', row: 5, expect: { amount: '50990.05', valueDate: '2007-09-07', bookingDate: '2007-09-04', counterpartyAccount: 'DE14508800500194785000' } },
  { file: 'mt940/mt940-de-sepa-structured86.sta', row: 50, expect: { amount: '915311.55', kind: 'reversal' } },
  { file: 'camt053/camt053-nl-reversal-returns.xml', row: 113, nth: 1, expect: { amount: '-100', kind: 'reversal', descriptionIncludes: 'return AC06' } },
  { file: 'camt054/camt054-ch-qrr.xml', row: 31, expect: { amount: '5', reference: '000000000000000000000000003', counterparty: 'Test Customer' } },
];
