import { createHash } from 'node:crypto';
import { sha256Hex } from '../../src/domain/sha256';

const node = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('sha256Hex', () => {
  test.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('FIPS 180-4 vector %j', (input, expected) => {
    expect(sha256Hex(input)).toBe(expected);
  });

  test('agrees with Node on block boundaries and non-ASCII text', () => {
    const samples = ['a'.repeat(55), 'a'.repeat(56), 'a'.repeat(63), 'a'.repeat(64), 'a'.repeat(1000),
      '支付宝 退款 ¥28.16', 'Zürich € 😀', '=HYPERLINK("x")\t\r\n'];
    for (const s of samples) expect(sha256Hex(s)).toBe(node(s));
  });

  test('a lone surrogate hashes like its U+FFFD replacement', () => {
    expect(sha256Hex('a\ud800b')).toBe(node('a\ufffdb'));
  });
});
