import type { Codec } from './codec';
import { decodeLzmaAlone } from './lzma/lzma-alone';
import { decodeXz, XZ_MAGIC } from './lzma/xz';

/**
 * lzma, read only: Flama 1.12 wrote `.xz` (Python's lzma module), Flama 2.x writes LZMA-alone (lzma-rs);
 * the `.xz` magic bytes tell them apart. Decoded by our own LZMA decoder, which writes into a bounded
 * buffer and needs no window of its own (see lzma/lzma-decoder.ts).
 */
export const lzma: Codec = {
  name: 'lzma',
  decompress(data, limit) {
    const isXz = XZ_MAGIC.every((byte, i) => data[i] === byte);
    return isXz ? decodeXz(data, limit) : decodeLzmaAlone(data, limit);
  },
};
