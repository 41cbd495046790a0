import { constants } from 'node:buffer';
import { deflateSync, gunzipSync, inflateSync } from 'node:zlib';
import { FlmFormatError, tooLarge } from '../flm/errors';
import type { WritableCodec } from './codec';

/** zlib (RFC 1950) with node:zlib, whose `maxOutputLength` stops inflation at the limit. */
export const zlib: WritableCodec = {
  name: 'zlib',
  async compress(data) {
    return plain(deflateSync(data));
  },
  decompress(data, limit) {
    return bounded(inflateSync, 'zlib', data, limit);
  },
};

/** gzip (RFC 1952), which only the legacy tar format uses. */
export function gunzip(data: Uint8Array, limit: number): Uint8Array {
  return bounded(gunzipSync, 'gzip', data, limit);
}

function bounded(inflate: typeof inflateSync, label: string, data: Uint8Array, limit: number): Uint8Array {
  let output: Buffer;
  try {
    output = inflate(data, { maxOutputLength: Math.max(1, Math.min(limit, constants.MAX_LENGTH)) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limit);
    throw new FlmFormatError('corrupt', `${label} data is damaged: ${(error as Error).message}`);
  }
  if (output.length > limit) throw tooLarge(limit);
  return plain(output);
}

function plain(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
}
