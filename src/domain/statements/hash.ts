// FNV-1a 64-bit over UTF-8 bytes, in two 32-bit halves (the Apps Script V8 target is es2019:
// no BigInt literals), so a Line ID is the same in Node, the bundle and the browser.
// Not cryptographic: it only has to make two different fingerprints collide with negligible
// probability inside one workbook.

/** FNV-1a 64 state, fed piece by piece (hashing "a" then "b" equals hashing "ab"). */
export interface FnvState { hi: number; lo: number }

export function fnvStart(): FnvState {
  return { hi: 0xcbf29ce4, lo: 0x84222325 }; // offset basis 0xcbf29ce484222325
}

/** Adds the UTF-8 bytes of `text` to the state. */
export function fnvAdd(state: FnvState, text: string): FnvState {
  // Int32 arithmetic only: (hi:lo) * 0x00000100000001b3 mod 2^64 is
  //   lo' = lo * 0x1b3 mod 2^32,  hi' = hi * 0x1b3 + carry(lo * 0x1b3) + (lo << 8)  mod 2^32,
  // with lo * 0x1b3 computed in 16-bit halves so every product stays below 2^26.
  let hi = state.hi | 0;
  let lo = state.lo | 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) {
      // Non-ASCII: the rest of the text by its UTF-8 bytes.
      const bytes = utf8Bytes(text.slice(i));
      for (let k = 0; k < bytes.length; k++) {
        lo ^= bytes[k];
        const a = (lo & 0xffff) * 0x1b3;
        const b = (lo >>> 16) * 0x1b3 + (a >>> 16);
        hi = (Math.imul(hi, 0x1b3) + (b >>> 16) + (lo << 8)) | 0;
        lo = (b << 16) | (a & 0xffff);
      }
      break;
    }
    lo ^= c;
    const a = (lo & 0xffff) * 0x1b3;
    const b = (lo >>> 16) * 0x1b3 + (a >>> 16);
    hi = (Math.imul(hi, 0x1b3) + (b >>> 16) + (lo << 8)) | 0;
    lo = (b << 16) | (a & 0xffff);
  }
  state.hi = hi >>> 0;
  state.lo = lo >>> 0;
  return state;
}

/** Adds `n` ASCII bytes of `bytes` to the state (fnvAdd of the string they spell). */
export function fnvAddAscii(state: FnvState, bytes: Uint8Array, n: number): FnvState {
  let hi = state.hi | 0;
  let lo = state.lo | 0;
  for (let i = 0; i < n; i++) {
    lo ^= bytes[i];
    const a = (lo & 0xffff) * 0x1b3;
    const b = (lo >>> 16) * 0x1b3 + (a >>> 16);
    hi = (Math.imul(hi, 0x1b3) + (b >>> 16) + (lo << 8)) | 0;
    lo = (b << 16) | (a & 0xffff);
  }
  state.hi = hi >>> 0;
  state.lo = lo >>> 0;
  return state;
}

export function fnvHex(state: FnvState): string {
  return hex8(state.hi) + hex8(state.lo);
}

/** 16 lowercase hex digits. */
export function fnv1a64(text: string): string {
  return fnvHex(fnvAdd(fnvStart(), text));
}

function hex8(x: number): string {
  return hex4(x >>> 16) + hex4(x & 0xffff);
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
