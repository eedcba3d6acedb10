// The Node side of the adapter's decoder (Apps Script: Utilities.newBlob(bytes).getDataAsString(charset)).
import iconv from 'iconv-lite';
import type { Decode } from '../../src/domain/statements/encoding';

export const decodeNode: Decode = (bytes, charset) => iconv.decode(Buffer.from(bytes as ArrayLike<number>), charset);
