import { caseNumber, caseNumbersIn, orderKey, orderKeysIn } from '../../src/domain/reconcile';

describe('reference tokens', () => {
  test.each([
    ['refund RC-000014 partial', [14]],
    ['RC000014', [14]],
    ['rc-14 and RC 15', [14, 15]],
    ['RC_000014/RC-000014', [14]],
    ['RC-1814', [1814]],
    ['XRC-14', []],
    ['RC-14B', []],
    ['ARC-14 ORC14', []],
    ['', []],
  ])('case numbers in %p', (text, nums) => {
    expect(caseNumbersIn(text)).toEqual(nums);
  });

  test('RC-14 is never found inside RC-1814', () => {
    expect(caseNumbersIn('payment RC-1814').includes(14)).toBe(false);
  });

  test.each([
    ['RC-000014', 14],
    ['RC14', 14],
    ['X-14', null],
  ])('caseNumber(%p)', (id, n) => expect(caseNumber(id)).toBe(n));

  test.each([
    ['PO-2024-00451', 'PO202400451'],
    ['004512', '4512'],
    ['12', ''],
    ['TB 123456', 'TB123456'],
  ])('orderKey(%p)', (o, k) => expect(orderKey(o)).toBe(k));

  test('order keys of a text: whole tokens and their parts', () => {
    const keys = orderKeysIn('Refund for PO-2024-00451, order 004512');
    expect(keys).toEqual(expect.arrayContaining(['PO202400451', '2024', '451', '4512']));
    expect(orderKeysIn('order 45123').includes('4512')).toBe(false);
  });
});

test('an order number glued to Chinese words is found (订单TB00888769退款)', () => {
  expect(orderKeysIn('订单TB00888769退款')).toContain('TB00888769');
  expect(orderKeysIn('退款 订单号123456')).toContain('123456');
  expect(caseNumbersIn('退款RC-000237订单')).toEqual([237]);
});

describe('the one-pass scanners equal the regular expressions they implement', () => {
  // The rules as regular expressions (tokens.ts states them): the oracle for random texts.
  const CASE_RE = /(?<![A-Za-z0-9])RC[-_ ]?0*(\d{1,9})(?![A-Za-z0-9])/gi;
  const WORD_RE = /[A-Za-z0-9\u4e00-\u9fff]+(?:[-_/.][A-Za-z0-9\u4e00-\u9fff]+)*/g;
  const caseNumbersByRegex = (text: string) => {
    const out: number[] = [];
    for (const m of text.matchAll(CASE_RE)) if (!out.includes(Number(m[1]))) out.push(Number(m[1]));
    return out;
  };
  const orderKeysByRegex = (text: string) => {
    const out: string[] = [];
    const add = (raw: string) => {
      const k = orderKey(raw);
      if (k && !out.includes(k)) out.push(k);
    };
    for (const m of text.matchAll(WORD_RE)) {
      if (!/\d/.test(m[0])) continue;
      add(m[0]);
      for (const part of m[0].split(/[-_/.]/)) for (const piece of part.match(/[A-Za-z0-9]+|[\u4e00-\u9fff]+/g) ?? []) add(piece);
    }
    return out;
  };

  test('random texts over the characters that matter', () => {
    const alphabet = ['R', 'r', 'C', 'c', 'X', 'b', '-', '_', ' ', '/', '.', ',', '0', '0', '1', '4', '9', '中', '退', '\uD835\uDFD8', 'é', '\t', 'PO', 'RC-', 'rc ', '00000'];
    let seed = 12345;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let t = 0; t < 20000; t++) {
      let text = '';
      const len = Math.floor(next() * 24);
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      expect([text, caseNumbersIn(text)]).toEqual([text, caseNumbersByRegex(text)]);
      expect([text, orderKeysIn(text)]).toEqual([text, orderKeysByRegex(text)]);
      const m = /^\s*RC[-_ ]?0*(\d{1,9})\s*$/i.exec(text);
      expect([text, caseNumber(text)]).toEqual([text, m ? Number(m[1]) : null]);
    }
  });

  test('edge cases: long digit runs, all zeros, adjacent IDs, ends of text', () => {
    for (const text of ['RC-0000000000123456789', 'RC-1234567890', 'RC-000', 'RC-12RC-13', 'xRC-1 RC-2', 'RC-', 'RC', 'rc_7.', 'PO-2024-00451/RC-14', '订单 20240045 退款', '订单TB00888769退款', '退款RC-000237订单', '中1中2-中3', 'A1-B2-C3-D4', '-1234-', '1234..5678']) {
      expect([text, caseNumbersIn(text)]).toEqual([text, caseNumbersByRegex(text)]);
      expect([text, orderKeysIn(text)]).toEqual([text, orderKeysByRegex(text)]);
    }
    for (const id of ['RC-000014', 'rc14', 'RC 0', 'RC-0000000000', 'RC-1234567890', 'RC-', 'RC', ' RC-14 ', 'RC-14 ', 'RC--14', 'RC-14a']) {
      const m = /^\s*RC[-_ ]?0*(\d{1,9})\s*$/i.exec(id);
      expect([id, caseNumber(id)]).toEqual([id, m ? Number(m[1]) : null]);
    }
  });
});
