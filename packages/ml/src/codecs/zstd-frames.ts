import { FlmFormatError, tooLarge } from '../flm/errors';

const FRAME_MAGIC = 0xfd2fb528;
const SKIPPABLE_MAGIC_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;
/** The largest window zstd's own decoder accepts by default (ZSTD_WINDOWLOG_LIMIT_DEFAULT = 27). */
export const MAX_WINDOW = 2 ** 27;

/**
 * Walks the frames and block headers of zstd data (RFC 8878) without decoding them, so damaged data,
 * dictionaries, oversized windows and declared content sizes past `limit` are refused before the
 * decoder allocates anything.
 */
export function checkZstdFrames(data: Uint8Array, limit: number): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const need = (offset: number, count: number) => {
    if (offset + count > data.length) throw damaged('it is truncated');
  };
  let declared = 0;
  let offset = 0;
  if (data.length === 0) throw damaged('it is empty');
  while (offset < data.length) {
    need(offset, 4);
    const magic = view.getUint32(offset, true);
    if ((magic & SKIPPABLE_MAGIC_MASK) >>> 0 === SKIPPABLE_MAGIC) {
      need(offset, 8);
      offset += 8 + view.getUint32(offset + 4, true);
      need(0, offset);
      continue;
    }
    if (magic !== FRAME_MAGIC) throw damaged('a frame has no zstd magic number');
    need(offset, 6);
    const descriptor = data[offset + 4]!;
    const sizeFlag = descriptor >> 6;
    const singleSegment = (descriptor >> 5) & 1;
    const hasChecksum = (descriptor >> 2) & 1;
    const dictionaryFlag = descriptor & 3;
    if (descriptor & 0x08) throw damaged('a frame header sets a reserved bit');
    let position = offset + 5;
    let window = 0;
    if (!singleSegment) {
      const byte = data[position++]!;
      const base = 2 ** (10 + (byte >> 3));
      window = base + (base / 8) * (byte & 7);
    }
    const dictionaryBytes = [0, 1, 2, 4][dictionaryFlag]!;
    need(position, dictionaryBytes);
    if (readLittleEndian(data, position, dictionaryBytes) !== 0) throw damaged('it needs a dictionary');
    position += dictionaryBytes;
    const sizeBytes = [singleSegment, 2, 4, 8][sizeFlag]!;
    need(position, sizeBytes);
    if (sizeBytes > 0) {
      const size = readLittleEndian(data, position, sizeBytes) + (sizeBytes === 2 ? 256 : 0);
      declared += size;
      if (declared > limit) throw tooLarge(limit);
      if (singleSegment) window = size;
    }
    position += sizeBytes;
    if (window > MAX_WINDOW)
      throw damaged(`a frame asks for a ${window}-byte window (more than ${MAX_WINDOW})`);
    position = skipBlocks(data, position, need);
    offset = position + hasChecksum * 4;
    need(0, offset);
  }
}

function skipBlocks(data: Uint8Array, start: number, need: (offset: number, count: number) => void): number {
  let position = start;
  for (;;) {
    need(position, 3);
    const header = readLittleEndian(data, position, 3);
    const type = (header >> 1) & 3;
    if (type === 3) throw damaged('a block has the reserved type');
    position += 3 + (type === 1 ? 1 : header >>> 3);
    need(0, position);
    if (header & 1) return position;
  }
}

function readLittleEndian(data: Uint8Array, offset: number, count: number): number {
  let value = 0;
  for (let i = count - 1; i >= 0; i--) value = value * 256 + data[offset + i]!;
  return value;
}

function damaged(what: string): FlmFormatError {
  return new FlmFormatError('corrupt', `zstd data is damaged: ${what}`);
}
