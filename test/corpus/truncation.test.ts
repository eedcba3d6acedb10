// A file cut off in transfer (or by a size limit) must not import its half-read last record as
// a normal line. Every corpus file is cut inside its last record: the import answers with an
// error naming that record's row; cut exactly on the record boundary it imports the records
// before it, without error.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseStatement } from '../../src/domain/statements/parse';
import { decodeNode } from './decodeNode';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/statements');
const present = existsSync(CORPUS);
if (!present) console.warn(`truncation tests skipped: ${CORPUS} is absent`);
const d = present ? describe : describe.skip;

const files = present ? readdirSync(CORPUS).filter((x) => !x.endsWith('.md')).flatMap((dir) => readdirSync(path.join(CORPUS, dir)).map((f) => `${dir}/${f}`)) : [];
const csvFiles = files.filter((f) => f.endsWith('.csv'));
/** Files whose last record is a footer (sub-total), not a transaction. */
const FOOTER_LAST = new Set(['bank-csv/cn-icbc-debit-v2.csv']);

const parse = (rel: string, bytes: Buffer) => parseStatement({ fileName: path.basename(rel), bytes }, decodeNode);
const bytesOf = (rel: string) => readFileSync(path.join(CORPUS, rel));

/** Byte offsets [start, end) of the last record (the last line with text). */
function lastRecord(b: Buffer): { start: number; end: number } {
  let end = b.length;
  while (end > 0 && (b[end - 1] === 0x0a || b[end - 1] === 0x0d || b[end - 1] === 0x20)) end--;
  let start = end;
  while (start > 0 && b[start - 1] !== 0x0a && b[start - 1] !== 0x0d) start--;
  return { start, end };
}

d('a CSV cut off inside its last record', () => {
  const cases = csvFiles.flatMap((rel) => {
    const b = bytesOf(rel);
    const { start, end } = lastRecord(b);
    // Keep whole characters (a cut mid-character is covered by the encoding tests below).
    const text = b.subarray(start, end).toString('latin1');
    const delim = [',', ';', '\t'].map((c) => ({ c, n: text.split(c).length })).sort((x, y) => y.n - x.n)[0].c;
    return [
      [rel, 'one byte into the record', start + 1] as const,
      [rel, 'half way through the record', start + Math.floor((end - start) / 2)] as const,
      [rel, 'before its second delimiter', start + text.indexOf(delim, text.indexOf(delim) + 1)] as const,
    ];
  });

  it.each(cases)('%s, cut %s: an error names the cut row', (rel, _where, offset) => {
    const full = parse(rel, bytesOf(rel));
    const cut = parse(rel, bytesOf(rel).subarray(0, offset));
    if (FOOTER_LAST.has(rel) && !cut.errors.length) {
      // A cut footer still read as a sub-total loses no transaction.
      expect(cut.lines.map((l) => l.lineId)).toEqual(full.lines.map((l) => l.lineId));
      return;
    }
    expect(cut.errors.length).toBeGreaterThan(0);
    const lastRow = Math.max(...full.lines.map((l) => l.sourceRow));
    const named = cut.errors.filter((e) => /looks cut off/.test(e.message));
    expect(named).toHaveLength(1);
    if (FOOTER_LAST.has(rel)) expect(named[0].row).toBeGreaterThan(lastRow);
    else expect(named[0].row).toBe(lastRow);
    expect(named[0].message).toMatch(/^(only \d+ of \d+ fields|a quoted field never closes) — the file looks cut off$/);
    // The cut row never becomes a line.
    expect(cut.lines.some((l) => l.sourceRow === named[0].row)).toBe(false);
  });

  it.each(csvFiles)('%s cut exactly before its last record: the records before it, no error', (rel) => {
    const b = bytesOf(rel);
    const full = parse(rel, b);
    const cut = parse(rel, b.subarray(0, lastRecord(b).start));
    const lastRow = Math.max(...full.lines.map((l) => l.sourceRow));
    const kept = FOOTER_LAST.has(rel) ? full.lines : full.lines.filter((l) => l.sourceRow !== lastRow);
    if (!kept.length) {
      expect(cut.errors.map((e) => e.message)).toEqual(['No transaction rows after the header']);
      return;
    }
    expect(cut.errors).toEqual([]);
    expect(cut.lines.map((l) => l.lineId)).toEqual(kept.map((l) => l.lineId));
  });

  it('names the PayPal row as the tester saw it: "only 15 of 22 fields"', () => {
    const rel = 'paypal/paypal-activity-en-multiccy.csv';
    const b = bytesOf(rel);
    const { start } = lastRecord(b);
    const text = b.subarray(start).toString('utf8');
    // Cut right after the 15th field's closing quote.
    let at = 0;
    for (let k = 0; k < 15; k++) at = text.indexOf('",', at) + 2;
    const cut = parse(rel, b.subarray(0, start + at - 1));
    expect(cut.errors).toEqual([{ row: 77, message: 'only 15 of 22 fields — the file looks cut off' }]);
    expect(cut.lines).toHaveLength(75);
  });

  it('a file cut in the middle of a UTF-8 or GBK character keeps its encoding', () => {
    for (const rel of ['alipay/cn-alipay-personal-gbk.csv', 'bank-csv/cn-cmb-debit.csv', 'wechatpay/cn-wechatpay-personal.csv']) {
      const b = bytesOf(rel);
      const full = parse(rel, b);
      // The first byte of the last multi-byte character of the file.
      let i = b.length - 1;
      while (i > 0 && b[i] < 0x80) i--;
      while (i > 0 && (b[i] & 0xc0) === 0x80 && full.encoding?.charset === 'UTF-8') i--;
      if (full.encoding?.charset === 'GB18030') i--; // a GBK pair: cut after its lead byte
      const cut = parse(rel, b.subarray(0, i + 1));
      expect(cut.encoding?.charset).toBe(full.encoding?.charset);
      expect(cut.profileId).toBe(full.profileId);
    }
  });
});

d('structured formats cut off', () => {
  const ofx = files.filter((f) => /\.(ofx|qfx)$/.test(f));
  const mt940 = files.filter((f) => f.endsWith('.sta'));
  const camt = files.filter((f) => f.endsWith('.xml'));
  const lineOf = (b: Buffer, offset: number) => b.subarray(0, offset).toString('latin1').split('\n').length;

  it.each(ofx)('%s cut inside its last <STMTTRN>: error at that transaction', (rel) => {
    const b = bytesOf(rel);
    const open = b.lastIndexOf('<STMTTRN>');
    const close = b.indexOf('</STMTTRN>', open);
    const cut = parse(rel, b.subarray(0, Math.floor((open + close) / 2)));
    expect(cut.errors).toContainEqual({ row: lineOf(b, open), message: 'the transaction has no </STMTTRN>: the file ends inside it — the file looks cut off' });
    expect(cut.lines.some((l) => l.sourceRow === lineOf(b, open))).toBe(false);
  });

  it.each(ofx)('%s cut after its last transaction, before </OFX>: error', (rel) => {
    const b = bytesOf(rel);
    const cut = parse(rel, b.subarray(0, b.indexOf('</STMTTRN>', b.lastIndexOf('<STMTTRN>')) + '</STMTTRN>'.length));
    expect(cut.errors.map((e) => e.message)).toEqual(['the file ends before </OFX> — it looks cut off']);
  });

  it.each(mt940)('%s without its closing :62F: (cut before it): error at the last :61:', (rel) => {
    const b = bytesOf(rel);
    const cut = parse(rel, b.subarray(0, b.lastIndexOf(':62')));
    const last61 = lineOf(b, b.lastIndexOf(':61:'));
    expect(cut.errors).toHaveLength(1);
    expect(cut.errors[0].row).toBe(last61);
    expect(cut.errors[0].message).toMatch(/has no closing balance \(:62F:\) — the file looks cut off$/);
  });

  it.each(mt940)('%s cut inside its last :61: record: a row-numbered error', (rel) => {
    const b = bytesOf(rel);
    const at = b.lastIndexOf(':61:');
    const cut = parse(rel, b.subarray(0, at + 10));
    expect(cut.errors.length).toBeGreaterThan(0);
    expect(cut.errors.every((e) => e.row === lineOf(b, at))).toBe(true);
  });

  it('an MT940 in SWIFT blocks without its closing "-}": error', () => {
    const text = '{1:F01BANKBEBBAXXX0000000000}{2:O940}{4:\n:20:REF\n:25:BE68539007547034\n:28C:1/1\n:60F:C230101EUR100,00\n:61:2301020102C10,00NTRFNONREF\n:86:test\n:62F:C230102EUR110,00\n';
    const cut = parseStatement({ fileName: 'x.sta', bytes: Buffer.from(text) }, decodeNode);
    expect(cut.errors).toEqual([{ row: 8, message: 'the last message has no closing "-}" — the file looks cut off' }]);
    const whole = parseStatement({ fileName: 'x.sta', bytes: Buffer.from(`${text}-}\n`) }, decodeNode);
    expect(whole.errors).toEqual([]);
    expect(whole.lines).toHaveLength(1);
  });

  it.each(camt)('%s cut half way: not well-formed, with a line number', (rel) => {
    const b = bytesOf(rel);
    const cut = parse(rel, b.subarray(0, Math.floor(b.length / 2)));
    expect(cut.lines).toEqual([]);
    expect(cut.errors).toHaveLength(1);
    expect(cut.errors[0].row).toBeGreaterThan(0);
    expect(cut.errors[0].message).toMatch(/^Not well-formed XML/);
  });
});
