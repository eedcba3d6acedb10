// Files that are not statement exports (images, archives, workbooks, PDFs, noise) are refused
// before any charset guess, with a message saying what they look like; text exports, including
// MT940 wrapped in SOH/ETX control bytes, still import.
import { deflateSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { notStatementReason, SNIFF_BYTES } from '../../src/domain/statements/binary';
import type { Decode } from '../../src/domain/statements/encoding';
import { parseStatement } from '../../src/domain/statements/parse';
import { seededRandom } from '../../dev/seededRandom';

const decode: Decode = (bytes, charset) => iconv.decode(Buffer.from(bytes as ArrayLike<number>), charset);
const parse = (bytes: Buffer, fileName = 'statement.csv', options = {}) => parseStatement({ fileName, bytes }, decode, options);

function randomBytes(n: number, seed: number): Buffer {
  const r = seededRandom(seed);
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(r() * 256);
  return b;
}

/** A real 1×1 PNG: signature, IHDR, IDAT (deflated scanline), IEND; CRCs left zero (nothing here checks them). */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A ZIP holding one stored file (local header, data), enough for a file picker's "archive.zip". */
function zipOf(name: string, content: string): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(Buffer.byteLength(content), 18);
  header.writeUInt32LE(Buffer.byteLength(content), 22);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([header, Buffer.from(name, 'latin1'), Buffer.from(content, 'latin1')]);
}

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')]);
const CSV = 'Date,Amount,Currency,Description\n2024-01-02,10.00,EUR,Refund RC-000042\n2024-01-03,-5.00,EUR,Fee\n';

describe('files that are not statement exports are refused before decoding', () => {
  it('3 MB of random bytes: refused as binary, not previewed as windows-1252', () => {
    const r = parse(randomBytes(3 * 1024 * 1024, 42), 'export.csv');
    expect(r.encoding).toBeNull();
    expect(r.lines).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].row).toBe(0);
    expect(r.errors[0].message).toMatch(/^This file is not a statement export \(it looks like binary data: /);
  });

  it('random bytes without a single NUL are refused for their control characters', () => {
    const b = randomBytes(64 * 1024, 7);
    for (let i = 0; i < b.length; i++) if (b[i] === 0) b[i] = 0x41;
    const reason = notStatementReason(b);
    expect(reason).toMatch(/binary data: \d+ of its first 8192 bytes are control characters\)/);
  });

  it('a NUL byte is named with its position', () => {
    const b = Buffer.from(CSV);
    b[40] = 0;
    expect(notStatementReason(b)).toMatch(/binary data: NUL bytes, the first at byte 41\)/);
  });

  it.each([
    ['a PNG image', png(), 'receipt.png', /a PNG image\)/],
    ['a JPEG image', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF')]), 'photo.jpg', /a JPEG image\)/],
    ['a PDF statement', PDF, 'statement.pdf', /a PDF document\)\. PDF statements are not read/],
    ['a ZIP archive', zipOf('statement.csv', CSV), 'export.zip', /a ZIP archive .*Unpack it first/],
    ['a GZIP file', gzipSync(Buffer.from(CSV)), 'statement.csv.gz', /a GZIP-compressed file\)\. Unpack it first/],
    ['an Excel 97–2003 file', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]), 'export.xls', /Excel 97–2003 workbook \(\.xls\).*Spreadsheet files are not read/],
  ])('%s is refused by its signature', (_name, bytes, fileName, message) => {
    const r = parse(bytes, fileName);
    expect(r.errors).toEqual([{ row: 0, message: expect.stringMatching(message) }]);
    expect(r.errors[0].message).toMatch(/^This file is not a statement export \(it looks like binary data: /);
    expect(r.lines).toEqual([]);
  });

  it('an Excel workbook (.xlsx, a real one) is named as such, with the way to import it', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Statement').addRows([['Date', 'Amount', 'Currency'], ['2024-01-02', 10, 'EUR']]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const r = parse(bytes, 'statement.xlsx');
    expect(r.errors).toEqual([{ row: 0, message: expect.stringContaining('(it looks like binary data: an Excel workbook (.xlsx)). Spreadsheet files are not read: open it in Excel or Google Sheets and save or download it as CSV') }]);
  });

  it('a chosen charset does not make binary data a statement', () => {
    const r = parse(png(), 'x.csv', { charset: 'windows-1252' });
    expect(r.errors[0].message).toMatch(/a PNG image/);
    expect(r.lines).toEqual([]);
  });

  it('UTF-16 text is named as UTF-16 (with or without a byte order mark), not as binary', () => {
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV, 'utf16le')]), Buffer.from(CSV, 'utf16le')]) {
      const r = parse(bytes);
      expect(r.errors).toEqual([{ row: 0, message: expect.stringMatching(/^This file is UTF-16 \(little-endian\) text, which the import does not read: save it as CSV UTF-8/) }]);
    }
  });

  it('only the first chunk is examined: noise after it is left to the parsers', () => {
    const text = Buffer.from(`${'Date,Amount,Currency\n'}${'2024-01-02,1.00,EUR\n'.repeat(Math.ceil(SNIFF_BYTES / 19))}`);
    expect(text.length).toBeGreaterThan(SNIFF_BYTES);
    expect(notStatementReason(Buffer.concat([text, Buffer.from([0, 1, 2, 0])]))).toBeNull();
  });
});

describe('text exports with a few control characters still import', () => {
  const mt940 = ':20:STMT\n:25:PL12345678901234567890123456\n:28C:1/1\n:60F:C240101PLN100,00\n:61:2401020102CR10,00NTRFNONREF\n:86:refund RC-000042\n:62F:C240102PLN110,00\n-';

  it('MT940 wrapped in SOH (0x01) and ETX (0x03), like mBank exports, imports as before', () => {
    const wrapped = Buffer.from(`\x01\n${mt940}\n\x03`, 'latin1');
    expect(notStatementReason(wrapped)).toBeNull();
    const r = parse(wrapped, 'mt940.sta');
    expect(r.errors).toEqual([]);
    expect(r.format).toBe('mt940');
    expect(r.lines.map((l) => [l.bookingDate, l.amount.toString(), l.currency])).toEqual([['2024-01-02', '10', 'PLN']]);
  });

  it('a multi-message MT940 file with SOH/ETX around each of 40 messages is not binary', () => {
    const many = Buffer.from(Array.from({ length: 40 }, () => `\x01\n${mt940}\n\x03`).join('\n'), 'latin1');
    expect(notStatementReason(many)).toBeNull();
  });

  it('form feeds (page breaks) and a DOS end-of-file mark are not counted as binary', () => {
    const report = Buffer.from(`${CSV.repeat(3).split('\n').join('\n\f')}\x1a`, 'latin1');
    expect(notStatementReason(report)).toBeNull();
  });

  it('Latin-1, Windows-1252, GBK and UTF-8 text pass the check', () => {
    const text = 'Datum;Betrag;Währung;Text\n02.01.2024;-5,50;EUR;Übernachtung “€”\n';
    for (const bytes of [iconv.encode(text, 'latin1'), iconv.encode(text, 'win1252'), iconv.encode('交易时间,金额\n2023-01-01,1.00\n', 'gbk'), Buffer.from(text)]) {
      expect(notStatementReason(bytes)).toBeNull();
    }
  });

  it('a short file with a couple of stray control characters is left to the parsers', () => {
    expect(notStatementReason(Buffer.from(`Date,Amount\x07,Currency\n2024-01-02,1.00,EUR\x1b\n`, 'latin1'))).toBeNull();
  });
});
