// FNV-1a 64-bit over UTF-8 bytes, in plain 32-bit integer arithmetic (the Apps Script V8 target
// is es2019: no BigInt literals), so a Line ID is the same in Node, the bundle and the browser.
// Not cryptographic: it only has to make two different fingerprints collide with negligible
// probability inside one workbook.

/** 16 lowercase hex digits. */
export function fnv1a64(text: string): string {
  // 64-bit state as four 16-bit limbs, most significant first.
  let h3 = 0xcbf2, h2 = 0x9ce4, h1 = 0x8422, h0 = 0x2325; // offset basis 0xcbf29ce484222325
  // ASCII (the usual fingerprint) is hashed straight from char codes; other text via its UTF-8 bytes.
  // eslint-disable-next-line no-control-regex
  const bytes: ArrayLike<number> = /^[\x00-\x7f]*$/.test(text) ? { length: text.length } as ArrayLike<number> : utf8Bytes(text);
  const ascii = !Array.isArray(bytes);
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= ascii ? text.charCodeAt(i) : bytes[i];
    // multiply by the FNV prime 0x00000100000001b3 = 2^40 + 0x1b3
    const p0 = 0x01b3;
    let t0 = h0 * p0;
    let t1 = h1 * p0;
    let t2 = h2 * p0;
    let t3 = h3 * p0;
    // + (h << 40): limb shift by 2 limbs plus 8 bits
    t2 += h0 << 8;
    t3 += h1 << 8;
    t1 += t0 >>> 16; h0 = t0 & 0xffff;
    t2 += t1 >>> 16; h1 = t1 & 0xffff;
    t3 += t2 >>> 16; h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0);
}

const HEX = '0123456789abcdef';
function hex4(x: number): string {
  return HEX[(x >>> 12) & 15] + HEX[(x >>> 8) & 15] + HEX[(x >>> 4) & 15] + HEX[x & 15];
}

export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}
