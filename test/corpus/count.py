#!/usr/bin/env python3
"""Independent count of every corpus statement, for test/corpus/expected.ts.

Written separately from the TypeScript importer (Python's csv module, plain regexes, Decimal)
so the expected figures do not come from the code under test. For each file: the number of
transaction lines and, per currency, the sum of money in (amount > 0) and money out
(amount < 0) of the signed amounts under these rules (see docs/statements.md):

- every transaction row counts, pending and closed ones included (they are lines, marked);
  preamble, header, blank and sub-total rows do not;
- the amount is what moved the balance: PayPal Net, Stripe net (charge exports: amount - fee),
  Adyen Net Credit - Net Debit, Revolut Amount - Fee; debit/credit columns: credit - debit;
  unsigned amounts take the sign of their direction column; Alipay/WeChat neutral rows
  (不计收支, "/") are money in when their words say refund/sale/top-up/transfer-in, else out;
- MT940: C and RD positive, D and RC negative; camt: DBIT negative; a batch entry becomes one
  line per TxDtls only when the details add up to the entry in the same currency.

Run: python3 test/corpus/count.py  (prints a TypeScript table body)
"""
import csv, io, re, sys, os
from decimal import Decimal as D
from collections import OrderedDict

ROOT = os.path.join(os.path.dirname(__file__), '../../../shared/corpus/statements')

def read(rel, enc='utf-8-sig', delim=','):
    with open(os.path.join(ROOT, rel), 'rb') as f:
        text = f.read().decode(enc)
    text = re.sub(r'"[ \t]+(?=' + re.escape(delim) + r'|\r?\n|$)', '"', text)
    return list(csv.reader(io.StringIO(text, newline=''), delimiter=delim))

def num(s, dec='.'):
    s = s.strip().replace('\t', '').replace('¥', '').replace('$', '').replace('£', '').replace("'", '').replace(' ', '')
    neg = s.startswith('-'); s = s.lstrip('+-')
    if dec == ',': s = s.replace('.', '').replace(',', '.')
    else: s = s.replace(',', '')
    v = D(s)
    return -v if neg else v

def table(rows, header_first_cell, start=None):
    for i, r in enumerate(rows):
        if r and r[0].strip().lstrip('\ufeff').strip('"') == header_first_cell:
            h = [c.strip() for c in r]
            data = []
            for r2 in rows[i + 1:]:
                if not any(c.strip() for c in r2): continue
                data.append(dict(zip(h, [c.strip() for c in r2])) | {'_cells': r2})
            return h, data
    raise SystemExit(f'no header {header_first_cell}')

results = OrderedDict()
def add(rel, lines):
    """lines: list of (amount Decimal, currency)"""
    sums = OrderedDict()
    for a, c in lines:
        s = sums.setdefault(c, [D(0), D(0)])
        if a > 0: s[0] += a
        elif a < 0: s[1] += a
    results[rel] = (len(lines), sums)

# ---- gateways / wallets
_, rows = table(read('adyen/adyen-settlement-detail-batch380.csv'), 'Company Account')
add('adyen/adyen-settlement-detail-batch380.csv', [((num(r['Net Credit (NC)']) if r['Net Credit (NC)'] else 0) - (num(r['Net Debit (NC)']) if r['Net Debit (NC)'] else 0), r['Net Currency']) for r in rows])

def wallet_sign(direction, words, inflow, outflow):
    if direction == '收入': return 1
    if direction == '支出': return -1
    return 1 if re.search(inflow, words) and not re.search(outflow, words) else -1
_, rows = table(read('alipay/cn-alipay-personal-gbk.csv', 'gbk'), '交易时间')
add('alipay/cn-alipay-personal-gbk.csv', [(wallet_sign(r['收/支'], r['交易分类'] + r['商品说明'], '退款|卖出|赎回|转入|充值|收款|返现|到账', '转出|提现') * num(r['金额']), 'CNY') for r in rows])
_, rows = table(read('wechatpay/cn-wechatpay-personal.csv'), '交易时间')
add('wechatpay/cn-wechatpay-personal.csv', [(wallet_sign(r['收/支'], r['交易类型'], '退款|卖出|赎回|转入|充值|收款|返现|到账', '转出|提现') * num(r['金额(元)']), 'CNY') for r in rows])

_, rows = table(read('paypal/paypal-activity-en-multiccy.csv'), 'Date')
add('paypal/paypal-activity-en-multiccy.csv', [(num(r['Net']), r['Currency']) for r in rows])
_, rows = table(read('paypal/paypal-legacy-spaced-header.csv'), 'Date')
add('paypal/paypal-legacy-spaced-header.csv', [(num(r['Net']), r['Currency']) for r in rows])
_, rows = table(read('paypal/paypal-statement-es-commadecimal.csv'), 'Fecha')
add('paypal/paypal-statement-es-commadecimal.csv', [(num(r['Neto'], ','), r['Divisa']) for r in rows])
_, rows = table(read('stripe/stripe-balance-change-from-activity.csv'), 'balance_transaction_id')
add('stripe/stripe-balance-change-from-activity.csv', [(num(r['net']), r['currency'].upper()) for r in rows])
_, rows = table(read('stripe/stripe-payments-unified.csv'), 'id')
add('stripe/stripe-payments-unified.csv', [(num(r['amount']) - num(r['fee']), r['currency'].upper()) for r in rows])
_, rows = table(read('payoneer/payoneer.csv'), 'Transaction Date')
add('payoneer/payoneer.csv', [((num(r['Credit Amount']) if r['Credit Amount'] else 0) - (num(r['Debit Amount']) if r['Debit Amount'] else 0), r['Currency']) for r in rows])
_, rows = table(read('wise/wise-statement.csv'), 'TransferWise ID')
add('wise/wise-statement.csv', [(num(r['Amount']), r['Currency']) for r in rows])
for f in ['revolut/revolut-2021-crlf.csv', 'revolut/revolut-2022-pending.csv']:
    _, rows = table(read(f), 'Type')
    add(f, [(num(r['Amount']) - num(r['Fee']), r['Currency']) for r in rows])

# ---- banks
_, rows = table(read('bank-csv/ca-bmo-debit-preamble.csv'), 'First Bank Card')
add('bank-csv/ca-bmo-debit-preamble.csv', [(num(r['Transaction Amount']), 'CAD') for r in rows])
rows = [r for r in read('bank-csv/ca-td-headerless.csv') if any(c.strip() for c in r)]
add('bank-csv/ca-td-headerless.csv', [((num(r[3]) if r[3] else 0) - (num(r[2]) if r[2] else 0), 'CAD') for r in rows])
_, rows = table(read('bank-csv/ch-ubs-fr.csv', delim=';'), 'Produit')
add('bank-csv/ch-ubs-fr.csv', [((num(r['Crédit']) if r['Crédit'] else 0) - (num(r['Débit']) if r['Débit'] else 0), r['Monn.']) for r in rows])
_, rows = table(read('bank-csv/ch-zkb-bom.csv', delim=';'), 'Date')
add('bank-csv/ch-zkb-bom.csv', [((num(r['Credit CHF']) if r['Credit CHF'] else 0) - (num(r['Debit CHF']) if r['Debit CHF'] else 0), 'CHF') for r in rows])
_, rows = table(read('bank-csv/cn-boc-credit-multiccy.csv'), '交易日')
add('bank-csv/cn-boc-credit-multiccy.csv', [((num(r['存入']) if r['存入'] else 0) - (num(r['支出']) if r['支出'] else 0), r['币种']) for r in rows])
_, rows = table(read('bank-csv/cn-cmb-debit.csv'), '记账日期')
add('bank-csv/cn-cmb-debit.csv', [(num(r['交易金额']), r['货币']) for r in rows])
_, rows = table(read('bank-csv/cn-icbc-debit-v2.csv'), '交易日期')
rows = [r for r in rows if re.match(r'\d{4}-\d{2}-\d{2}', r['交易日期'])]  # drops the 人民币合计 sub-total
m = lambda s: D(0) if s.strip() in ('', '-') else num(s)
add('bank-csv/cn-icbc-debit-v2.csv', [(m(r['记账金额(收入)']) - m(r['记账金额(支出)']), 'CNY') for r in rows])
_, rows = table(read('bank-csv/de-gls-latin1.csv', 'latin-1', ';'), 'Kontonummer')
add('bank-csv/de-gls-latin1.csv', [(num(r['Betrag'], ','), r['Währung']) for r in rows])
rows = read('bank-csv/de-ing-preamble-latin1.csv', 'latin-1', ';')
start = next(i for i, r in enumerate(rows) if r and r[0] == 'Buchung')
add('bank-csv/de-ing-preamble-latin1.csv', [(num(r[7], ','), r[8]) for r in rows[start + 1:] if r and r[0]])
_, rows = table(read('bank-csv/de-sparkasse-latin1.csv', 'latin-1', ';'), 'Auftragskonto')
add('bank-csv/de-sparkasse-latin1.csv', [(num(r['Betrag'], ','), r['Waehrung']) for r in rows])
_, rows = table(read('bank-csv/hk-hsbc-credit-multiccy.csv'), 'Transaction date')
add('bank-csv/hk-hsbc-credit-multiccy.csv', [((1 if r['Credit / Debit'].strip() == 'CREDIT' else -1) * abs(num(r['Billing amount'])), r['Billing currency']) for r in rows])
_, rows = table(read('bank-csv/hu-erste.csv'), 'Tranzakció dátuma')
add('bank-csv/hu-erste.csv', [(num(r['Tranzakció összege']), r['Tranzakció devizaneme']) for r in rows])
_, rows = table(read('bank-csv/nl-knab.csv', delim=';'), 'Rekeningnummer')
add('bank-csv/nl-knab.csv', [((1 if r['CreditDebet'] == 'C' else -1) * num(r['Bedrag'], ','), r['Valutacode']) for r in rows])
_, rows = table(read('bank-csv/uk-johnlewis-card-bom.csv'), 'Date Processed')
add('bank-csv/uk-johnlewis-card-bom.csv', [((1 if r['_cells'][3].strip() == 'CR' else -1) * num(r['Amount']), 'GBP') for r in rows])
_, rows = table(read('bank-csv/uk-lloyds.csv'), 'Transaction Date')
add('bank-csv/uk-lloyds.csv', [((num(r['Credit Amount']) if r['Credit Amount'] else 0) - (num(r['Debit Amount']) if r['Debit Amount'] else 0), 'GBP') for r in rows])
_, rows = table(read('bank-csv/us-dcu-checking.csv'), 'DATE')
add('bank-csv/us-dcu-checking.csv', [(num(r['AMOUNT']), 'USD') for r in rows])

# ---- OFX / QFX: every <STMTTRN>, TRNAMT, currency CURDEF or the line's CURSYM
for f in ['ofx/ofx102-sgml-cad.ofx', 'ofx/ofx200-xml-cdata-crlf-aud.ofx', 'ofx/ofx102-leading-blanklines-emptytags.ofx', 'qfx/qfx-ally-value-on-next-line.qfx']:
    text = open(os.path.join(ROOT, f), encoding='latin-1').read()
    curdef = (re.search(r'<CURDEF>\s*([A-Z]{3})', text) or [None, ''])[1]
    lines = []
    for block in re.split(r'<STMTTRN>', text)[1:]:
        amt = re.search(r'<TRNAMT>\s*([-+\d.]+)', block)[1]
        sym = re.search(r'<CURSYM>\s*([A-Z]{3})', block)
        lines.append((D(amt), sym[1] if sym else curdef))
    add(f, lines)

# ---- MT940: every :61:, sign from C/D/RC/RD, currency from :60F:/:60M:
for f in ['mt940/mt940-ch-postfinance.sta', 'mt940/mt940-de-sepa-structured86.sta', 'mt940/mt940-hu-ns-tags-crlf.sta', 'mt940/mt940-pl-mbank-soh-etx.sta']:
    text = open(os.path.join(ROOT, f), encoding='latin-1').read()
    lines = []; ccy = ''
    for ln in text.splitlines():
        m60 = re.match(r':60[FM]:[CD]\d{6}([A-Z]{3})', ln)
        if m60: ccy = m60[1]
        m61 = re.match(r':61:\d{6}(?:\d{4})?(RC|RD|C|D)[A-Z]?(\d+),(\d*)', ln)
        if m61:
            v = D(m61[2] + '.' + (m61[3] or '0'))
            lines.append((v if m61[1] in ('C', 'RD') else -v, ccy))
    add(f, lines)

# ---- camt: counted by hand from the XML (entries, their CdtDbtInd, the NL batch split 564.05 + 100.00)
import xml.etree.ElementTree as ET
def camt(f):
    root = ET.parse(os.path.join(ROOT, f)).getroot()
    strip = lambda t: t.split('}')[-1]
    lines = []
    for e in root.iter():
        if strip(e.tag) != 'Ntry': continue
        kids = {strip(k.tag): k for k in e}
        amt = kids['Amt']; sign = -1 if kids['CdtDbtInd'].text == 'DBIT' else 1
        txs = [t for t in e.iter() if strip(t.tag) == 'TxDtls']
        def txamt(t):
            for k in t:
                if strip(k.tag) == 'Amt': return k
            for k in t.iter():
                if strip(k.tag) == 'TxAmt': return list(k)[0]
        tamts = [txamt(t) for t in txs]
        if len(txs) > 1 and all(a is not None and a.get('Ccy') == amt.get('Ccy') for a in tamts) and sum(D(a.text) for a in tamts) == D(amt.text):
            lines += [(sign * D(a.text), a.get('Ccy')) for a in tamts]
        else:
            lines.append((sign * D(amt.text), amt.get('Ccy')))
    add(f, lines)
for f in ['camt053/camt053-nl-reversal-returns.xml', 'camt053/camt053-ch-raiffeisen-it.xml', 'camt054/camt054-ch-qrr.xml', 'camt054/camt054-batch-mixed-ccy.xml']:
    camt(f)

for rel, (n, sums) in results.items():
    parts = ', '.join(f"{c}: {{ in: '{s[0]}', out: '{s[1]}' }}" for c, s in sums.items())
    print(f"  '{rel}': {{ lines: {n}, sums: {{ {parts} }} }},")
