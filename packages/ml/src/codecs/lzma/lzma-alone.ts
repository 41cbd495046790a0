import { tooLarge } from '../../flm/errors';
import { BoundedOutput } from '../bounded-output';
import { LzmaDecoder } from './lzma-decoder';
import { damaged, RangeDecoder } from './range-decoder';

const HEADER_SIZE = 13;

/**
 * The LZMA-alone (`.lzma`) format Flama 2.x writes: properties byte, u32 LE dictionary size, u64 LE
 * uncompressed size (all ones when unknown, then an end marker closes the stream), LZMA data.
 */
export function decodeLzmaAlone(data: Uint8Array, limit: number): Uint8Array {
  if (data.length < HEADER_SIZE) throw damaged('it is truncated');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (!isDictionarySize(view.getUint32(1, true)))
    throw damaged('it does not start with an LZMA-alone header');
  const low = view.getUint32(5, true);
  const high = view.getUint32(9, true);
  const known = !(low === 0xffffffff && high === 0xffffffff);
  const size = high * 2 ** 32 + low;
  if (known && size > limit) throw tooLarge(limit);
  const output = new BoundedOutput(limit, known ? size : undefined);
  const decoder = new LzmaDecoder(output);
  decoder.setProperties(data[0]!);
  decoder.resetState();
  const rc = new RangeDecoder(data, HEADER_SIZE, data.length);
  decoder.decode(rc, known ? size : undefined, true);
  if (rc.offset !== data.length) throw damaged('data follows the end of the stream');
  return output.bytes();
}

/** Encoders write 2^n or 2^n + 2^(n-1) (as liblzma insists when it detects the format); anything else is not LZMA. */
function isDictionarySize(size: number): boolean {
  const top = 2 ** Math.floor(Math.log2(size));
  return size === top || size === top + top / 2;
}
