import type { CodecName } from '../codecs/codec';
import { FlmFormatError } from './errors';
import type { FlmCompression } from './types';

/** Header ids: 1 bz2, 2 lzma, 3 zlib, 4 zstd (Flama's CompressionFormat). */
const BY_ID: Record<number, FlmCompression> = { 1: 'bz2', 2: 'lzma', 3: 'zlib', 4: 'zstd' };
export const COMPRESSION_IDS: Record<FlmCompression, number> = { bz2: 1, lzma: 2, zlib: 3, zstd: 4 };

/** Protocol 2 section codec bytes beyond the header ids. */
export const SECTION_INHERIT = 0x00;
export const SECTION_NONE = 0xff;

export function fileCompression(id: number): FlmCompression {
  const name = BY_ID[id];
  if (!name)
    throw new FlmFormatError('unknown-compression', `Unknown compression id ${id} in the file header`);
  return name;
}

/** The codec a protocol 2 section's first byte names: inherit (0x00), one of the ids, or none (0xFF). */
export function sectionCodec(byte: number, inherited: FlmCompression, section: string): CodecName {
  if (byte === SECTION_INHERIT) return inherited;
  if (byte === SECTION_NONE) return 'none';
  const name = BY_ID[byte];
  if (!name) {
    throw new FlmFormatError(
      'unknown-compression',
      `Unknown compression byte 0x${hex(byte)} in the ${section} section`,
    );
  }
  return name;
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}
