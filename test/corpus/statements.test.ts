// Every real export in ../shared/corpus/statements imports with the line count and the sums
// per currency counted independently (expected.ts), plus spot-checked lines.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Decimal } from '../../src/domain/money';
import { parseStatement } from '../../src/domain/statements/parse';
import { decodeNode } from './decodeNode';
import { EXPECTED, SPOT_CHECKS } from './expected';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/statements');
const present = existsSync(CORPUS);
if (!present) console.warn(`corpus tests skipped: ${CORPUS} is absent (it lives beside the repo, read-only)`);
const d = present ? describe : describe.skip;

const parsed = new Map<string, ReturnType<typeof parseStatement>>();
function parse(rel: string) {
  if (!parsed.has(rel)) parsed.set(rel, parseStatement({ fileName: path.basename(rel), bytes: readFileSync(path.join(CORPUS, rel)) }, decodeNode));
  return parsed.get(rel)!;
}

d('statement corpus', () => {
  it('has an expected entry for every corpus file', () => {
    const files = readdirSync(CORPUS).filter((x) => !x.endsWith('.md')).flatMap((dir) => readdirSync(path.join(CORPUS, dir)).map((f) => `${dir}/${f}`));
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s: line count and sums per currency', (rel, exp) => {
    const r = parse(rel);
    expect(r.errors).toEqual([]);
    expect(r.lines).toHaveLength(exp.lines);
    const sums: Record<string, { in: Decimal; out: Decimal }> = {};
    for (const l of r.lines) {
      const s = (sums[l.currency] ??= { in: new Decimal(0), out: new Decimal(0) });
      if (l.amount.isPositive() && !l.amount.isZero()) s.in = s.in.plus(l.amount);
      if (l.amount.isNegative() && !l.amount.isZero()) s.out = s.out.plus(l.amount);
    }
    expect(Object.keys(sums).sort()).toEqual(Object.keys(exp.sums).sort());
    for (const [ccy, s] of Object.entries(exp.sums)) {
      expect(sums[ccy].in.equals(new Decimal(s.in))).toBe(true);
      expect(sums[ccy].out.equals(new Decimal(s.out))).toBe(true);
    }
    // Line IDs are unique within a file, and stable.
    expect(new Set(r.lines.map((l) => l.lineId)).size).toBe(r.lines.length);
    const again = parseStatement({ fileName: path.basename(rel), bytes: readFileSync(path.join(CORPUS, rel)) }, decodeNode);
    expect(again.lines.map((l) => l.lineId)).toEqual(r.lines.map((l) => l.lineId));
    for (const l of r.lines) expect(l.lineId).toMatch(/^L[0-9a-f]{16}$/);
  });

  it.each(SPOT_CHECKS.map((s) => [`${s.file} row ${s.row}`, s] as const))('%s', (_name, s) => {
    const lines = parse(s.file).lines.filter((l) => l.sourceRow === s.row);
    const line = lines[s.nth ?? 0];
    expect(line).toBeDefined();
    const e = s.expect;
    if (e.amount !== undefined) expect(line.amount.toString()).toBe(new Decimal(e.amount).toString());
    if (e.fee !== undefined) expect(line.fee === null ? null : line.fee.toString()).toBe(e.fee === null ? null : new Decimal(e.fee).toString());
    if (e.originalAmount !== undefined) expect(line.originalAmount === null ? null : line.originalAmount.toString()).toBe(e.originalAmount === null ? null : new Decimal(e.originalAmount).toString());
    for (const k of ['bookingDate', 'valueDate', 'currency', 'kind', 'originalCurrency', 'reference', 'counterparty', 'counterpartyAccount'] as const) {
      if (e[k] !== undefined) expect(line[k]).toBe(e[k]);
    }
    if (e.descriptionIncludes) expect(line.description).toContain(e.descriptionIncludes);
  });

  it('keeps two genuine identical transfers as two lines (BOC 70.48 twice on 2024-12-24)', () => {
    const same = parse('bank-csv/cn-boc-credit-multiccy.csv').lines.filter((l) => l.amount.equals(70.48));
    expect(same).toHaveLength(2);
    expect(same[0].lineId).not.toBe(same[1].lineId);
  });

  it('reports the detected layout and encoding', () => {
    expect(parse('alipay/cn-alipay-personal-gbk.csv').encoding?.charset).toBe('GB18030');
    expect(parse('bank-csv/de-ing-preamble-latin1.csv').encoding?.charset).toBe('ISO-8859-1');
    expect(parse('bank-csv/ch-zkb-bom.csv').encoding?.bom).toBe(true);
    expect(parse('bank-csv/ca-td-headerless.csv').profileId).toBe('ca-td');
    expect(parse('bank-csv/de-ing-preamble-latin1.csv').headerRow).toBe(15);
    expect(parse('camt054/camt054-batch-mixed-ccy.xml').warnings.join()).toMatch(/do not add up/);
    expect(parse('paypal/paypal-activity-en-multiccy.csv').dateOrder?.how).toBe('values');
    expect(parse('paypal/paypal-statement-es-commadecimal.csv').dateOrder?.how).toBe('declared');
  });
});
