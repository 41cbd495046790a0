import { bz2 } from './bz2';
import type { Codec, CodecName, WritableCodec, WritableCodecName } from './codec';
import { lzma } from './lzma';
import { none } from './none';
import { zlib } from './zlib';
import { zstd } from './zstd';

const writable: Record<WritableCodecName, WritableCodec> = { none, zlib, zstd };
const all: Record<CodecName, Codec> = { ...writable, bz2, lzma };

export function codec(name: CodecName): Codec {
  return all[name];
}

export function writableCodec(name: WritableCodecName): WritableCodec {
  return writable[name];
}
