import type { Zstd } from '@hpcc-js/wasm-zstd';
import { Decompress } from 'fzstd';
import { concat } from '../flm/big-endian';
import { FlmFormatError } from '../flm/errors';
import { BoundedOutput } from './bounded-output';
import type { WritableCodec } from './codec';
import { checkZstdFrames } from './zstd-frames';

/** zstd's default level, the one Flama writes with. */
const LEVEL = 3;
/** Fed to the encoder piece by piece: one-shot compression fails past ~1 GiB in its 32-bit memory. */
const CHUNK = 16 * 2 ** 20;
let encoder: Promise<Zstd> | undefined;

/**
 * zstd: decoded by fzstd (pure JS) block by block into a bounded buffer, after the frame headers are
 * checked; encoded by the official zstd compiled to WebAssembly (@hpcc-js/wasm-zstd).
 */
export const zstd: WritableCodec = {
  name: 'zstd',
  async compress(data) {
    // The encoder (WebAssembly) loads on first write: reading and serving never need it.
    encoder ??= import('@hpcc-js/wasm-zstd').then(({ Zstd }) => Zstd.load());
    const zstd = await encoder;
    zstd.reset();
    zstd.setCompressionLevel(LEVEL);
    const parts: Uint8Array[] = [];
    for (let start = 0; start < data.length; start += CHUNK) {
      parts.push(zstd.compressChunk(data.subarray(start, start + CHUNK)));
    }
    parts.push(zstd.compressEnd());
    return concat(parts);
  },
  decompress(data, limit) {
    checkZstdFrames(data, limit);
    const output = new BoundedOutput(limit);
    try {
      new Decompress((chunk) => output.write(chunk)).push(data, true);
    } catch (error) {
      if (error instanceof FlmFormatError) throw error;
      throw new FlmFormatError('corrupt', `zstd data is damaged: ${(error as Error).message}`);
    }
    return output.bytes();
  },
};
