import type { BoundedOutput } from '../bounded-output';
import { LzmaDecoder } from './lzma-decoder';
import { damaged, RangeDecoder } from './range-decoder';

/**
 * Decodes an LZMA2 stream (the chunked LZMA inside `.xz` blocks) from `data[start…]` into `output`;
 * returns the offset just past its end byte.
 */
export function decodeLzma2(data: Uint8Array, start: number, output: BoundedOutput): number {
  const decoder = new LzmaDecoder(output);
  let position = start;
  let needsDictionaryReset = true;
  let needsProperties = true;
  const byte = () => {
    if (position >= data.length) throw damaged('it is truncated');
    return data[position++]!;
  };
  for (;;) {
    const control = byte();
    if (control === 0x00) return position;
    const resetsDictionary = control === 0x01 || control >= 0xe0;
    if (needsDictionaryReset && !resetsDictionary)
      throw damaged('an LZMA2 stream does not reset its dictionary');
    if (resetsDictionary) {
      decoder.dictionaryStart = output.length;
      needsDictionaryReset = false;
    }
    if (control < 0x80) {
      if (control > 0x02) throw damaged(`invalid LZMA2 control byte ${control}`);
      const size = ((byte() << 8) | byte()) + 1;
      if (position + size > data.length) throw damaged('it is truncated');
      output.write(data.subarray(position, position + size));
      position += size;
      if (resetsDictionary) needsProperties = true;
      continue;
    }
    const unpacked = ((control & 0x1f) << 16) + ((byte() << 8) | byte()) + 1;
    const packed = ((byte() << 8) | byte()) + 1;
    if (control >= 0xc0) {
      decoder.setProperties(byte());
      needsProperties = false;
    } else if (needsProperties) {
      throw damaged('an LZMA2 chunk comes before its properties');
    }
    if (control >= 0xa0) decoder.resetState();
    if (position + packed > data.length) throw damaged('it is truncated');
    const rc = new RangeDecoder(data, position, position + packed);
    decoder.decode(rc, unpacked, false);
    if (!rc.finished || rc.offset !== position + packed) throw damaged('an LZMA2 chunk has the wrong size');
    position += packed;
  }
}
