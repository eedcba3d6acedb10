// Utilities and Blob (reference/utilities/utilities, reference/base/blob; research note §3.10).
import * as iconv from 'iconv-lite';
import { openRuntime } from './helpers';
import type { Runtime } from '../../dev/runtime/index';
import { formatDate, formatString, parseCsv } from '../../dev/runtime/services/utilities';

const BUNDLE = `
function digest(alg, v) { return Utilities.computeDigest(Utilities.DigestAlgorithm[alg], v); }
function digestBytes(bytes) { return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, bytes); }
function hmac(v, k) { return Utilities.computeHmacSha256Signature(v, k); }
function fmt(ms, tz, p) { return Utilities.formatDate(new Date(ms), tz, p); }
function fmtStr() { return Utilities.formatString.apply(Utilities, arguments); }
function b64() {
  return [Utilities.base64Encode('héllo'), Utilities.base64EncodeWebSafe([-5, -1]), Utilities.base64Decode('aMOpbGxv'),
          Utilities.base64DecodeWebSafe('-_8='), Utilities.base64Encode('abc', Utilities.Charset.US_ASCII)];
}
function badB64() { try { Utilities.base64Decode('***'); } catch (e) { return e.message; } }
function uuid() { return Utilities.getUuid(); }
function csv(text, d) { return d ? Utilities.parseCsv(text, d) : Utilities.parseCsv(text); }
function decode(bytes, cs) { return Utilities.newBlob(bytes).getDataAsString(cs); }
function blob() {
  var b = Utilities.newBlob('héllo', 'text/plain', 'a.txt');
  var c = b.copyBlob().setName('b.txt').setDataFromString('x');
  var conv;
  try { b.getAs('application/pdf'); } catch (e) { conv = e.message; }
  return [b.getBytes(), b.getName(), b.getContentType(), c.getName(), c.getDataAsString(), b.getDataAsString(),
          b.getAs('text/plain').getDataAsString(), conv, Utilities.newBlob([1, 2]).getName()];
}
function sleepy() { Utilities.sleep(5); Utilities.sleep(0); return 'ok'; }
function badFormat() { try { Utilities.formatDate(new Date(0), 'UTC', 'yyyy qq'); } catch (e) { return e.message; } }
`;

describe('Utilities in an execution', () => {
  let rt: Runtime;
  beforeAll(async () => {
    rt = (await openRuntime(BUNDLE)).rt;
  });
  afterAll(() => rt.close());

  test('computeDigest returns signed bytes (SHA-256, MD5, SHA-1, SHA-512)', async () => {
    const sha = (await rt.run('digest', ['SHA_256', 'abc'])).value as number[];
    expect(sha.length).toBe(32);
    expect(sha.slice(0, 4)).toEqual([-70, 120, 22, -65]); // ba 78 16 bf
    expect(Math.min(...sha)).toBeLessThan(0);
    expect(((await rt.run('digest', ['MD5', 'abc'])).value as number[]).slice(0, 4)).toEqual([-112, 1, 80, -104]); // 90 01 50 98
    expect(((await rt.run('digest', ['SHA_1', 'abc'])).value as number[]).slice(0, 2)).toEqual([-87, -103]); // a9 99
    expect(((await rt.run('digest', ['SHA_512', 'abc'])).value as number[]).length).toBe(64);
    // bytes in (signed) give the same digest as the string
    const bytes = [...Buffer.from('abc')];
    expect((await rt.run('digestBytes', [bytes])).value).toEqual(sha);
  });

  test('computeHmacSha256Signature', async () => {
    const v = (await rt.run('hmac', ['The quick brown fox jumps over the lazy dog', 'key'])).value as number[];
    expect(v.slice(0, 4)).toEqual([-9, -68, -125, -12]); // f7 bc 83 f4
  });

  test('formatDate with Java patterns and zones', async () => {
    const t = Date.UTC(2024, 0, 15, 12, 5, 9, 7);
    expect((await rt.run('fmt', [t, 'America/New_York', 'yyyy-MM-dd HH:mm:ss.SSS z Z XXX'])).value).toBe('2024-01-15 07:05:09.007 EST -0500 -05:00');
    expect((await rt.run('fmt', [t, 'Asia/Shanghai', 'yyyy-MM-dd HH:mm'])).value).toBe('2024-01-15 20:05');
    expect((await rt.run('fmt', [t, 'UTC', "yyyy-MM-dd'T'HH:mm:ss'Z'"])).value).toBe('2024-01-15T12:05:09Z');
    expect((await rt.run('fmt', [t, 'America/New_York', 'EEE, d MMM yyyy h:mm a'])).value).toBe('Mon, 15 Jan 2024 7:05 AM');
    expect((await rt.run('fmt', [t, 'America/New_York', "h 'o''clock' a, EEEE MMMM yy"])).value).toBe("7 o'clock AM, Monday January 24");
    expect((await rt.run('fmt', [t, 'GMT+8', 'HH:mm X'])).value).toBe('20:05 +08');
    expect((await rt.run('fmt', [Date.UTC(2024, 6, 1, 12), 'America/New_York', 'HH z Z'])).value).toBe('08 EDT -0400');
    expect((await rt.run('badFormat')).value).toBe("Illegal pattern character 'q'");
  });

  test('base64 and charsets', async () => {
    expect((await rt.run('b64')).value).toEqual(['aMOpbGxv', '-_8=', [104, -61, -87, 108, 108, 111], [-5, -1], 'YWJj']);
    expect((await rt.run('badB64')).value).toBe('Could not decode string.');
  });

  test('getUuid is a v4 UUID', async () => {
    expect((await rt.run('uuid')).value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('parseCsv', async () => {
    expect((await rt.run('csv', ['a,"b,c"\n"d""e",f'])).value).toEqual([['a', 'b,c'], ['d"e', 'f']]);
    expect((await rt.run('csv', ['a;b\r\nc;d', ';'])).value).toEqual([['a', 'b'], ['c', 'd']]);
  });

  test('Blob.getDataAsString with GBK, GB18030, ISO-8859-1, Windows-1252, UTF-8', async () => {
    const signed = (b: Buffer) => [...b].map((x) => (x > 127 ? x - 256 : x));
    expect((await rt.run('decode', [signed(iconv.encode('退款', 'gbk')), 'GBK'])).value).toBe('退款');
    expect((await rt.run('decode', [signed(iconv.encode('退款€', 'gb18030')), 'GB18030'])).value).toBe('退款€');
    expect((await rt.run('decode', [[-23], 'ISO-8859-1'])).value).toBe('é');
    expect((await rt.run('decode', [[-128], 'windows-1252'])).value).toBe('€');
    expect((await rt.run('decode', [signed(Buffer.from('é€'))])).value).toBe('é€');
  });

  test('Blob basics; getAs only to its own type', async () => {
    expect((await rt.run('blob')).value).toEqual([
      [104, -61, -87, 108, 108, 111], 'a.txt', 'text/plain', 'b.txt', 'x', 'héllo', 'héllo',
      'Converting from text/plain to application/pdf is not supported.', null,
    ]);
  });

  test('sleep blocks and is counted', async () => {
    const r = await rt.run('sleepy');
    expect(r.calls['Utilities.sleep']).toBe(2);
  });
});

describe('Utilities pure functions', () => {
  test('formatString (Java String.format)', () => {
    expect(formatString('%s has %d items costing %.2f %%', ['cart', 3, 4.5])).toBe('cart has 3 items costing 4.50 %');
    expect(formatString('%05d|%-5s|%5s|%,d', [42, 'ab', 'cd', 1234567])).toBe('00042|ab   |   cd|1,234,567');
    expect(formatString('%f', [1.5])).toBe('1.500000');
    expect(() => formatString('%d', ['x'])).toThrow();
  });
  test('formatDate of a fixed-offset zone and day-of-year', () => {
    expect(formatDate(new Date(Date.UTC(2024, 11, 31, 23)), 'GMT-05:00', 'D yyyy-MM-dd')).toBe('366 2024-12-31');
  });
  test('parseCsv keeps empty fields and quoted newlines', () => {
    expect(parseCsv('a,,b\n"x\ny",')).toEqual([['a', '', 'b'], ['x\ny', '']]);
  });
});
