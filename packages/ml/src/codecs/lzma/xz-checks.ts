import { createHash } from 'node:crypto';

// Int32Array keeps the hot loops in small-integer arithmetic.
const CRC32_TABLE = new Int32Array(256);
const CRC64_LOW = new Int32Array(256);
const CRC64_HIGH = new Int32Array(256);
for (let n = 0; n < 256; n++) {
  let crc = n;
  let low = n;
  let high = 0;
  for (let k = 0; k < 8; k++) {
    crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
    // CRC-64/XZ (ECMA-182, reflected): polynomial 0xC96C5795D7870F42 as two 32-bit halves.
    const carry = low & 1;
    low = ((low >>> 1) | (high << 31)) >>> 0;
    high >>>= 1;
    if (carry) {
      low = (low ^ 0xd7870f42) >>> 0;
      high = (high ^ 0xc96c5795) >>> 0;
    }
  }
  CRC32_TABLE[n] = crc;
  CRC64_LOW[n] = low;
  CRC64_HIGH[n] = high;
}

export function crc32(data: Uint8Array): number {
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = CRC32_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** The bytes an xz check of `type` stores after a block, in the file's byte order; undefined when unsupported. */
export function xzCheck(type: number, data: Uint8Array): Uint8Array | undefined {
  switch (type) {
    case 0x00:
      return new Uint8Array(0);
    case 0x01:
      return littleEndian([crc32(data)]);
    case 0x04:
      return littleEndian(crc64(data));
    case 0x0a:
      return createHash('sha256').update(data).digest();
    default:
      return undefined;
  }
}

function crc64(data: Uint8Array): [number, number] {
  let low = -1;
  let high = -1;
  for (let i = 0; i < data.length; i++) {
    const index = (low ^ data[i]!) & 0xff;
    low = ((low >>> 8) | (high << 24)) ^ CRC64_LOW[index]!;
    high = (high >>> 8) ^ CRC64_HIGH[index]!;
  }
  return [~low >>> 0, ~high >>> 0];
}

function littleEndian(words: number[]): Uint8Array {
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  for (const [i, word] of words.entries()) view.setUint32(i * 4, word, true);
  return bytes;
}
