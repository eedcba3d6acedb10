// Blob (https://developers.google.com/apps-script/reference/base/blob). Byte arrays that cross
// into a script are plain arrays of *signed* bytes (-128..127), as Java's byte[] becomes in
// Apps Script (research note §3.10; gas-fakes fakeutilities.js uses Int8Array). Strings are
// UTF-8 unless a charset is named (Java charset names: UTF-8, GBK, GB18030, ISO-8859-1,
// windows-1252, ...).
import * as iconv from 'iconv-lite';
import { ScriptError, invalidArgument } from './errors';

/** Buffer -> signed byte array (what getBytes returns in Apps Script). */
export function toSignedBytes(buf: Uint8Array): number[] {
  const out = new Array<number>(buf.length);
  for (let i = 0; i < buf.length; i++) out[i] = buf[i] > 127 ? buf[i] - 256 : buf[i];
  return out;
}

/** A script's byte array (signed or unsigned numbers, or a Uint8Array) -> Buffer. */
export function fromByteArray(data: unknown, what = 'data'): Buffer {
  if (data instanceof Uint8Array || Object.prototype.toString.call(data) === '[object Uint8Array]') return Buffer.from(data as Uint8Array);
  if (!Array.isArray(data)) throw invalidArgument(what);
  const buf = Buffer.alloc(data.length);
  for (let i = 0; i < data.length; i++) {
    const n = data[i];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < -128 || n > 255) throw invalidArgument(what);
    buf[i] = n & 255;
  }
  return buf;
}

export function checkCharset(charset: unknown): string {
  if (charset === undefined || charset === null) return 'utf-8';
  const c = String(charset);
  if (!iconv.encodingExists(c)) throw new ScriptError(`Invalid argument: charset (unsupported charset ${c})`);
  return c;
}

export function encodeString(s: string, charset: unknown): Buffer {
  return iconv.encode(s, checkCharset(charset));
}

export function decodeBytes(b: Buffer, charset: unknown): string {
  return iconv.decode(b, checkCharset(charset), { stripBOM: false });
}

function isBlobLike(v: unknown): v is { getBytes(): number[] } & { _buffer(): Buffer } {
  return !!v && typeof v === 'object' && typeof (v as Blob)._buffer === 'function';
}

/** Bytes of a string, a byte array or a blob (what Utilities methods accept as "data"). */
export function bytesOf(data: unknown, charset?: unknown): Buffer {
  if (typeof data === 'string') return encodeString(data, charset);
  if (isBlobLike(data)) return data._buffer();
  return fromByteArray(data);
}

export class Blob {
  private _bytes: Buffer;
  constructor(
    bytes: Buffer,
    private _contentType: string | null = null,
    private _name: string | null = null,
  ) {
    this._bytes = Buffer.from(bytes);
  }
  /** Main-side access (Drive and Utilities read blobs without the copying of getBytes). */
  _buffer(): Buffer {
    return this._bytes;
  }
  getBytes(): number[] {
    return toSignedBytes(this._bytes);
  }
  setBytes(data: unknown): Blob {
    this._bytes = fromByteArray(data);
    return this;
  }
  getDataAsString(charset?: unknown): string {
    return decodeBytes(this._bytes, charset);
  }
  setDataFromString(s: unknown, charset?: unknown): Blob {
    this._bytes = encodeString(String(s), charset);
    return this;
  }
  getName(): string | null {
    return this._name;
  }
  setName(name: unknown): Blob {
    this._name = name === null || name === undefined ? null : String(name);
    return this;
  }
  getContentType(): string | null {
    return this._contentType;
  }
  setContentType(contentType: unknown): Blob {
    this._contentType = contentType === null || contentType === undefined ? null : String(contentType);
    return this;
  }
  setContentTypeFromExtension(): Blob {
    const ext = (this._name ?? '').split('.').pop()?.toLowerCase() ?? '';
    const types: Record<string, string> = { csv: 'text/csv', txt: 'text/plain', pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', html: 'text/html', json: 'application/json', xml: 'text/xml', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', zip: 'application/zip' };
    // reference/base/blob#setContentTypeFromExtension: "If the contentType cannot be guessed from
    // its extension, it's set to null" (it used to throw here).
    this._contentType = types[ext] ?? null;
    return this;
  }
  copyBlob(): Blob {
    return new Blob(this._bytes, this._contentType, this._name);
  }
  getBlob(): Blob {
    return this;
  }
  /** No converters here: only "conversion" to the blob's own type works. */
  getAs(contentType: unknown): Blob {
    const t = String(contentType);
    if (t !== this._contentType) throw new ScriptError(`Converting from ${this._contentType ?? 'unknown'} to ${t} is not supported.`);
    return this.copyBlob();
  }
  isGoogleType(): boolean {
    return false;
  }
}
