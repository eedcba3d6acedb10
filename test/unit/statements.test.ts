// Table-driven tests for each statement quirk, on small inline files (the corpus tests cover
// the real exports).
import iconv from 'iconv-lite';
import { Decimal } from '../../src/domain/money';
import { cleanAmount, decideColumnMark, digitsToDecimal, markEvidence, parseAmountCell } from '../../src/domain/statements/numbers';
import { decideDateOrder, toIsoDate } from '../../src/domain/statements/dates';
import { decodeWithoutCharsetTables, detectEncoding, type Decode } from '../../src/domain/statements/encoding';
import { fnv1a64 } from '../../src/domain/statements/hash';
import { detectDelimiter, readTable } from '../../src/domain/statements/table';
import { parseStatement, parseStatementText } from '../../src/domain/statements/parse';
import { readMt940 } from '../../src/domain/statements/mt940';
import { readOfx, ofxDate } from '../../src/domain/statements/ofx';
import { readCamt } from '../../src/domain/statements/camt';

const decode: Decode = (bytes, charset) => iconv.decode(Buffer.from(bytes as ArrayLike<number>), charset);
const csv = (text: string, options = {}) => parseStatementText(text, 'x.csv', options);
const amounts = (text: string, options = {}) => csv(text, options).lines.map((l) => l.amount.toString());

describe('amount cells', () => {
  it.each([
    ['-$7,971.39', '.', '-7971.39'],
    ['$6,000.36', '.', '6000.36'],
    ['+ £1,100.00', '.', '1100'],
    ['£1,183.23', '.', '1183.23'],
    ['¥28.16', '.', '28.16'],
    ['(45.00)', '.', '-45'],
    ['45.00-', '.', '-45'],
    ['1.234,56', ',', '1234.56'],
    ['-98,76', ',', '-98.76'],
    ["11'373.94", '.', '11373.94'],
    ['1 234,56', ',', '1234.56'],
    ['EUR 12,50', ',', '12.5'],
    ['12.50 USD', '.', '12.5'],
    ['15000,', ',', '15000'],
    ['2500', ',', '2500'],
    ['-1,000.00', '.', '-1000'],
  ] as const)('%s with decimal "%s" is %s', (cell, mark, expected) => {
    const r = parseAmountCell(cell, mark, '');
    expect(typeof r === 'object' && r !== null ? r.value.toString() : r).toBe(expected);
  });

  it.each([['-', null], ['', null], ['/', null]] as const)('"%s" is empty', (cell, expected) => expect(cleanAmount(cell)).toBe(expected));
  it.each(['abc', '1.2.3,4,5', '12..5'])('"%s" is an error, not a guess', (cell) => {
    const r = parseAmountCell(cell, '.', '');
    expect(typeof r).toBe('string');
  });
  it('refuses more decimals than the currency has', () => {
    expect(typeof parseAmountCell('12.345', '.', 'USD')).toBe('string');
    expect(parseAmountCell('31.422', '.', 'KWD')).toMatchObject({ value: new Decimal('31.422') });
  });
  it.each([
    ['1,234.56', '.'], ['1.234,56', ','], ['1.234.567', ','], ['1,234,567', '.'], ['12,5', ','], ['12.50', '.'],
    ['1.000', 'ambiguous'], ['1,000', 'ambiguous'], ['0.125', '.'], ['1234', 'none'], ["11'373.94", '.'],
  ] as const)('evidence of %s is %s', (digits, e) => expect(markEvidence(digits)).toBe(e));
  it('digit groups must be thousands', () => expect(typeof digitsToDecimal('1,23,4.5', '.')).toBe('string'));
});

describe('one number locale per column, never per cell', () => {
  const cells = (...d: string[]) => d.map((digits, i) => ({ row: i + 2, digits }));
  it('a German column: 1.000 is one thousand because another cell shows the comma decimal', () => {
    expect(decideColumnMark(cells('1.000', '12,50'), undefined, undefined, undefined)).toMatchObject({ mark: ',', how: 'column' });
  });
  it('a column of only ambiguous cells follows the file (another column decided)', () => {
    expect(decideColumnMark(cells('1.000'), undefined, ',', undefined)).toMatchObject({ mark: ',', how: 'file' });
  });
  it('a 3-decimal currency keeps 31.422 when nothing else says', () => {
    expect(decideColumnMark(cells('31.422'), undefined, undefined, 3)).toMatchObject({ mark: '.', how: 'currency' });
  });
  it('the declared mark wins and the contradicting cells are reported', () => {
    expect(decideColumnMark(cells('1,5', '2.25'), ',', undefined, undefined)).toMatchObject({ mark: ',', how: 'declared', conflictRows: [3] });
  });
  it('in a file: 1.000 in a German file is 1000; 31.422 KWD stays 31.422', () => {
    expect(amounts('Datum;Betrag;Währung;Text\n02.01.2024;1.000;EUR;a\n03.01.2024;-12,50;EUR;b\n')).toEqual(['1000', '-12.5']);
    expect(amounts('Date,Amount,Currency,Text\n2024-01-02,31.422,KWD,a\n')).toEqual(['31.422']);
  });
  it('a mixed column is an error on the rows that disagree', () => {
    const r = csv('Date,Amount,Currency\n2024-01-02,"1,5",EUR\n2024-01-03,"1,234.50",EUR\n2024-01-04,2.25,EUR\n');
    expect(r.errors.map((e) => e.row)).toEqual([2]);
  });
});

describe('dates', () => {
  it.each([
    ['2024-01-31', null, '2024-01-31'], ['20230501', null, '2023-05-01'], ['2019.04.19.', null, '2019-04-19'],
    ['31.03.2019', 'DMY', '2019-03-31'], ['03.04.18', 'DMY', '2018-04-03'], ['12-Dec-2019', null, '2019-12-12'],
    ['05/01/2023', 'MDY', '2023-05-01'], ['05/01/2023', 'DMY', '2023-01-05'], ['2021-09-06 6:11:59', null, '2021-09-06'],
    ['20090401122017.000[-5:EST]', null, '2009-04-01'], ['2023年2月1日', null, '2023-02-01'], ['2017-04-01+02:00', null, '2017-04-01'],
  ] as const)('%s (%s) is %s', (cell, order, iso) => expect(toIsoDate(cell, order)).toBe(iso));
  it.each(['2024-02-30', '13/13/2024', 'Pending', ''])('%s is an error', (cell) => expect(typeof toIsoDate(cell, 'DMY')).toBe('object'));
  const cells = (...t: string[]) => t.map((text, i) => ({ row: i + 2, text }));
  it.each([
    [['01/02/2024', '13/02/2024'], 'DMY', 'values'],
    [['01/02/2024', '02/13/2024'], 'MDY', 'values'],
    [['01/02/2024', '03/04/2024'], null, 'ambiguous'],
    [['2024-01-02'], null, 'not-needed'],
  ] as const)('order of %j is %s (%s)', (texts, order, how) => {
    expect(decideDateOrder(cells(...texts))).toMatchObject({ order, how });
  });
  it('a file mixing both orders is a conflict naming a row of each', () => {
    expect(decideDateOrder(cells('13/01/2024', '01/14/2024'))).toMatchObject({ how: 'conflict', conflict: { dayFirstRow: 2, monthFirstRow: 3 } });
  });
  it('the whole file gets one order: an ambiguous row follows the row that settles it', () => {
    const r = csv('Date,Amount,Currency\n05/01/2023,1.00,EUR\n25/01/2023,2.00,EUR\n');
    expect(r.lines.map((l) => l.bookingDate)).toEqual(['2023-01-05', '2023-01-25']);
  });
  it('an ambiguous file asks for the order, and the chosen order is used', () => {
    const text = 'Date,Amount,Currency\n05/01/2023,1.00,EUR\n';
    expect(csv(text)).toMatchObject({ needsDateOrder: true, lines: [] });
    expect(csv(text, { dateOrder: 'MDY' }).lines[0].bookingDate).toBe('2023-05-01');
  });
  it('OFX dates keep the bank’s calendar day whatever the offset', () => {
    expect(ofxDate('20090401235959.000[-5:EST]')).toBe('2009-04-01');
    expect(ofxDate('20150102170000.000[+0:UTC]')).toBe('2015-01-02');
  });
});

describe('encodings', () => {
  const text = 'Datum;Betrag;Währung;Text\n02.01.2024;-5,50;EUR;Übernachtung\n';
  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'UTF-8'],
    ['UTF-8', Buffer.from(text), 'UTF-8'],
    ['Latin-1', iconv.encode(text, 'latin1'), 'ISO-8859-1'],
    ['Windows-1252 (€ and curly quotes)', iconv.encode(`${text.trim()} “€”\n`, 'win1252'), 'windows-1252'],
    ['GBK', iconv.encode('交易时间,金额,收/支\n2023-01-01,1.00,收入\n', 'gbk'), 'GB18030'],
  ] as const)('%s is detected', (_n, bytes, charset) => {
    expect(detectEncoding(bytes).charset).toBe(charset);
    const r = parseStatement({ fileName: 'x.csv', bytes }, decode, { currency: 'CNY' });
    expect(r.encoding?.charset).toBe(charset);
  });
  it('the pure decoder reads UTF-8 and Windows-1252 without tables', () => {
    expect(decodeWithoutCharsetTables(Buffer.from('Zürich ¥'), 'UTF-8')).toBe('Zürich ¥');
    expect(decodeWithoutCharsetTables([0x80, 0x41], 'windows-1252')).toBe('€A');
  });
});

describe('CSV shapes', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','], ['a;b;c\n1;2;3\n', ';'], ['a\tb\tc\n1\t2\t3\n', '\t'], ['a|b|c\n1|2|3\n', '|'],
    ['a,"x;y",c\n1,2,3\n', ','],
  ])('delimiter of %j is %j', (text, d) => expect(detectDelimiter(text)).toBe(d));

  it('preamble lines before the header, trailing delimiters, padded cells with tabs', () => {
    const r = csv('Export of account 123\nGenerated 2024-01-05\n\nDate , Amount ,Currency,Description,\n2024-01-02 \t, "10.00"\t\t,EUR,"ACME\t",\n');
    expect(r.headerRow).toBe(4);
    expect(r.lines[0]).toMatchObject({ bookingDate: '2024-01-02', currency: 'EUR', description: 'ACME' });
    expect(r.lines[0].amount.toString()).toBe('10');
  });
  it('quoted newlines stay inside one cell and row numbers count records', () => {
    const r = csv('Date,Amount,Currency,Description\n2024-01-02,1.00,EUR,"two\nlines"\n2024-01-03,x,EUR,bad\n');
    expect(r.lines[0].description).toBe('two\nlines');
    expect(r.errors[0].row).toBe(3);
  });
  it('duplicate header names become "Name #2" and can be mapped', () => {
    const t = 'Buchung;Saldo;Währung;Betrag;Währung\n02.01.2024;100,00;EUR;-5,00;USD\n';
    const r = csv(t, { mapping: { date: 'Buchung', amount: 'Betrag', currency: 'Währung #2' }, dateOrder: 'DMY' });
    expect(r.lines[0]).toMatchObject({ currency: 'USD' });
  });
  it('a headerless file can be mapped by column number', () => {
    const r = csv('02/01/2024,SHOP,12.00,,100.00\n', { mapping: { date: 'Column 1', debit: 'Column 3', credit: 'Column 4', description: 'Column 2' }, dateOrder: 'DMY', currency: 'CAD' });
    expect(r.lines[0]).toMatchObject({ bookingDate: '2024-01-02', description: 'SHOP', currency: 'CAD' });
    expect(r.lines[0].amount.toString()).toBe('-12');
  });
  it('an unknown layout asks for a mapping', () => {
    expect(csv('foo,bar\n1,2\n')).toMatchObject({ needsMapping: true, lines: [] });
  });
  it('reads a cell with the leading apostrophe Excel users add', () => {
    expect(readTable("a,b\n'99-88-74,'123'\n").rows[1]).toEqual(['99-88-74', '123']);
  });
});

describe('signs and directions', () => {
  it.each([
    ['separate debit and credit columns', 'Date,Debit,Credit,Currency\n2024-01-02,5.00,,EUR\n2024-01-03,,7.00,EUR\n', {}, ['-5', '7']],
    ['a C/D column', 'Date,Amount,C/D,Currency\n2024-01-02,5.00,D,EUR\n2024-01-03,7.00,C,EUR\n', {}, ['-5', '7']],
    ['a Credit/Debit column', 'Date,Amount,Credit/Debit,Currency\n2024-01-02,5.00,DEBIT,EUR\n2024-01-03,7.00,CREDIT,EUR\n', {}, ['-5', '7']],
    ['a 收/支 column', '交易时间,金额,收/支\n2024-01-02,5.00,支出\n2024-01-03,7.00,收入\n', { currency: 'CNY' }, ['-5', '7']],
    ['positive means spend (card export)', 'Date,Amount,Currency\n2024-01-02,5.00,GBP\n2024-01-03,-7.00,GBP\n', { signConvention: 'spend-positive' }, ['-5', '7']],
    ['parentheses and trailing minus', 'Date,Amount,Currency\n2024-01-02,(5.00),USD\n2024-01-03,7.00-,USD\n', {}, ['-5', '-7']],
  ])('%s', (_n, text, options, expected) => expect(amounts(text, options)).toEqual(expected));
  it('an unknown direction word is an error on its row', () => {
    expect(csv('Date,Amount,C/D,Currency\n2024-01-02,5.00,X,EUR\n').errors[0]).toMatchObject({ row: 2 });
  });
  it('pending and closed rows are marked, not dropped', () => {
    const r = csv('Date,Amount,Currency,Status\n2024-01-02,5.00,EUR,Pending\n2024-01-03,7.00,EUR,Failed\n2024-01-04,1.00,EUR,Completed\n');
    expect(r.lines.map((l) => l.kind)).toEqual(['pending', 'closed', 'credit']);
  });
});

describe('Line IDs', () => {
  it('FNV-1a 64 matches the published test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });
  it('two identical transfers stay two; the same file gives the same IDs', () => {
    const t = 'Date,Amount,Currency,Reference\n2024-01-02,5.00,EUR,R1\n2024-01-02,5.00,EUR,R1\n';
    const a = csv(t).lines.map((l) => l.lineId);
    expect(new Set(a).size).toBe(2);
    expect(csv(t).lines.map((l) => l.lineId)).toEqual(a);
  });
});

describe('structured formats', () => {
  it('MT940: RC/RD reversal marks, funds code letters, entry date across new year', () => {
    const sta = ':20:X\n:25:ACC\n:60F:C231231EUR0,\n:61:2312290102CR10,NTRFNONREF\n:61:231229RD2,5NTRFREF1\n:61:231229RC1,NTRFREF2\n:62F:C231231EUR0,\n-';
    const r = readMt940(sta);
    expect(r.errors).toEqual([]);
    expect(r.drafts.map((d) => [d.amount.toString(), d.kind, d.bookingDate])).toEqual([['10', 'credit', '2024-01-02'], ['2.5', 'reversal', '2023-12-29'], ['-1', 'reversal', '2023-12-29']]);
  });
  it('MT940: a malformed :61: is a numbered error', () => {
    expect(readMt940(':20:X\n:25:A\n:60F:C231231EUR0,\n:61:garbage\n').errors[0]).toMatchObject({ row: 4 });
  });
  it('OFX: unclosed SGML tags and a missing currency', () => {
    const r = readOfx('<OFX><STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240102<TRNAMT>-1.50<FITID>A1<NAME>Shop</STMTTRN></OFX>');
    expect(r.errors[0].message).toMatch(/currency/);
    const ok = readOfx('<OFX><CURDEF>USD<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240102<TRNAMT>-1.50<FITID>A1<NAME>Shop</STMTTRN></OFX>');
    expect(ok.drafts[0]).toMatchObject({ reference: 'A1', counterparty: 'Shop', currency: 'USD', bookingDate: '2024-01-02' });
  });
  it('camt: charges become the fee; a PDNG entry is pending', () => {
    const xml = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Acct><Id><IBAN>X</IBAN></Id></Acct>
      <Ntry><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>PDNG</Sts><BookgDt><Dt>2024-01-02</Dt></BookgDt>
      <Chrgs><TtlChrgsAndTaxAmt Ccy="EUR">0.50</TtlChrgsAndTaxAmt></Chrgs></Ntry></Stmt></BkToCstmrStmt></Document>`;
    const r = readCamt(xml);
    expect(r.drafts[0].kind).toBe('pending');
    expect(r.drafts[0].fee?.toString()).toBe('0.5');
  });
  it('camt: broken XML is an error, not a crash', () => {
    expect(readCamt('<Document><BkToCstmrStmt><Stmt><Ntry>').errors.length).toBeGreaterThan(0);
  });
});

describe('unknown layouts offer columns to map', () => {
  it('names the header row after a preamble', () => {
    const r = csv('My bank export\n\nBooked;Money;Ccy;Text\n02.01.2024;1.000,00;EUR;x\n');
    expect(r).toMatchObject({ needsMapping: true, headerRow: 3, headers: ['Booked', 'Money', 'Ccy', 'Text'] });
  });
  it('offers "Column N" for a headerless file', () => {
    const r = csv('02.01.2024;1.000,00;EUR;x\n03.01.2024;-2,00;EUR;y\n');
    expect(r).toMatchObject({ needsMapping: true, headers: ['Column 1', 'Column 2', 'Column 3', 'Column 4'] });
  });
});

describe('a file cut off at the end', () => {
  const head = 'Date,Amount,Currency,Description,Reference';
  it.each([
    ['the last row misses columns its peers fill', `${head}\n2024-01-02,1.00,EUR,a,R1\n2024-01-03,2.00,EUR,b,R2\n2024-01-04,3.00`, [{ row: 4, message: 'only 2 of 5 fields — the file looks cut off' }], 2],
    ['the file ends inside a quoted field', `${head}\n2024-01-02,1.00,EUR,a,R1\n2024-01-03,2.00,EUR,"b,R2`, [{ row: 3, message: 'a quoted field never closes — the file looks cut off' }], 1],
    ['the file ends on an opening quote', `${head}\n2024-01-02,1.00,EUR,a,R1\n"`, [{ row: 3, message: 'a quoted field never closes — the file looks cut off' }], 1],
    ['a lone data row shorter than the named header', `${head}\n2024-01-02,1.00,EUR`, [{ row: 2, message: 'only 3 of 5 fields — the file looks cut off' }], 0],
  ])('%s: an error naming the row, the row is not a line', (_name, text, errors, lines) => {
    const r = csv(text);
    expect(r.errors).toEqual(errors);
    expect(r.lines).toHaveLength(lines);
  });
  it.each([
    ['a header wider than its data rows (PayPal ES: empty extra header columns)', `${head},,,\n2024-01-02,1.00,EUR,a,R1\n2024-01-03,2.00,EUR,b,R2\n`, 2],
    ['a lone data row under a header with empty extra columns', `${head},,,\n2024-01-02,1.00,EUR,a,R1\n`, 1],
    ['a last row without the trailing columns every other row leaves empty', `${head},Note,Tag\n2024-01-02,1.00,EUR,a,R1,,\n2024-01-03,2.00,EUR,b,R2,,\n2024-01-04,3.00,EUR,c,R3\n`, 3],
    ['rows with empty trailing cells but every field (HSBC payment row)', `${head},Status\n2024-01-02,1.00,EUR,a,R1,POSTED\n2024-01-03,2.00,EUR,,,\n`, 2],
    ['a short row that is not the last', `${head}\n2024-01-02,1.00,EUR\n2024-01-03,2.00,EUR,b,R2\n2024-01-04,3.00,EUR,c,R3\n`, 3],
  ])('%s is not a cut', (_name, text, lines) => {
    const r = csv(text);
    expect(r.errors).toEqual([]);
    expect(r.lines).toHaveLength(lines);
  });
  it('a cut through the last character keeps the encoding (UTF-8 and GBK)', () => {
    const utf8 = Buffer.from('Date,Amount,Currency,Description\n2024-01-02,1.00,CNY,云膳过桥米线\n2024-01-03,2.00,CNY,云膳');
    expect(detectEncoding(utf8.subarray(0, utf8.length - 1)).charset).toBe('UTF-8');
    const gbk = iconv.encode('Date,Amount,Currency,Description\n2024-01-02,1.00,CNY,云膳过桥米线\n2024-01-03,2.00,CNY,云膳', 'gbk');
    expect(detectEncoding(gbk.subarray(0, gbk.length - 1)).charset).toBe('GB18030');
  });
  it('OFX without </OFX>: the open transaction is the cut record', () => {
    const r = readOfx('<OFX><CURDEF>USD<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240102<TRNAMT>-1.50<FITID>A1</STMTTRN>\n<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240103<TRNAMT>-2');
    expect(r.errors).toEqual([{ row: 2, message: 'the transaction has no </STMTTRN>: the file ends inside it — the file looks cut off' }]);
    expect(r.drafts).toHaveLength(1);
  });
  it('MT940 without its closing :62F:: an error at the last :61:', () => {
    const r = readMt940(':20:X\n:25:A\n:60F:C231231EUR0,\n:61:2312290102CR10,NTRFNONREF\n:86:first\n:61:2312290102CR5,NTRFNONREF\n:86:sec');
    expect(r.errors).toEqual([{ row: 6, message: 'the statement from line 1 has no closing balance (:62F:) — the file looks cut off' }]);
  });
});
