import { tooLarge } from '../../flm/errors';
import { BoundedOutput } from '../bounded-output';
import { decodeLzma2 } from './lzma2';
import { damaged } from './range-decoder';
import { crc32, xzCheck } from './xz-checks';

export const XZ_MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];
const LZMA2_FILTER = 0x21;

/**
 * The `.xz` container (Flama 1.12 and Python's `lzma` module): streams of blocks, each one LZMA2
 * filter with its check (none, CRC32, CRC64 or SHA-256), an index and a footer, all verified.
 */
export function decodeXz(data: Uint8Array, limit: number): Uint8Array {
  const output = new BoundedOutput(limit);
  let position = 0;
  do {
    position = decodeStream(new Reader(data, position), output);
    while (position + 4 <= data.length && data.subarray(position, position + 4).every((byte) => byte === 0)) {
      position += 4;
    }
  } while (position < data.length);
  return output.bytes();
}

function decodeStream(reader: Reader, output: BoundedOutput): number {
  const flags = reader.streamHeader();
  const records: number[] = [];
  for (;;) {
    const blockStart = reader.position;
    const headerSize = (reader.byte() + 1) * 4;
    if (headerSize === 4) break;
    const header = reader.take(headerSize - 1);
    reader.expectCrc(reader.data.subarray(blockStart, reader.position - 4), header.subarray(-4));
    const { compressed, uncompressed } = blockHeader(header);
    if (uncompressed !== undefined && output.length + uncompressed > output.limit)
      throw tooLarge(output.limit);
    const outputStart = output.length;
    const dataStart = reader.position;
    reader.position = decodeLzma2(reader.data, dataStart, output);
    const compressedSize = reader.position - dataStart;
    const uncompressedSize = output.length - outputStart;
    if (
      (compressed ?? compressedSize) !== compressedSize ||
      (uncompressed ?? uncompressedSize) !== uncompressedSize
    ) {
      throw damaged('an xz block has other sizes than its header says');
    }
    reader.padding(dataStart);
    const check = xzCheck(flags & 0x0f, output.written(outputStart));
    if (check === undefined) throw damaged(`unsupported xz check type ${flags & 0x0f}`);
    if (!equal(reader.take(check.length), check)) throw damaged('an xz block fails its integrity check');
    records.push(headerSize + compressedSize + check.length, uncompressedSize);
  }
  const indexSize = reader.index(reader.position - 1, records);
  return reader.streamFooter(flags, indexSize);
}

/** The block header after its size byte: flags, optional sizes, one LZMA2 filter, zero padding, CRC32. */
function blockHeader(header: Uint8Array): { compressed?: number; uncompressed?: number } {
  const reader = new Reader(header, 0);
  const flags = reader.byte();
  if (flags & 0x3c) throw damaged('an xz block header sets reserved flags');
  const compressed = flags & 0x40 ? reader.vli() : undefined;
  const uncompressed = flags & 0x80 ? reader.vli() : undefined;
  if ((flags & 0x03) !== 0 || reader.vli() !== LZMA2_FILTER || reader.vli() !== 1) {
    throw damaged('only the LZMA2 filter alone is supported in xz blocks');
  }
  if (reader.byte() > 40) throw damaged('an xz block has an invalid dictionary size');
  if (
    reader.position > header.length - 4 ||
    !header.subarray(reader.position, -4).every((byte) => byte === 0)
  ) {
    throw damaged('an xz block header is malformed');
  }
  return { compressed, uncompressed };
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** A cursor over xz structures; every read past the end is a truncation. */
class Reader {
  constructor(
    readonly data: Uint8Array,
    public position: number,
  ) {}

  byte(): number {
    return this.take(1)[0]!;
  }

  take(count: number): Uint8Array {
    if (this.position + count > this.data.length) throw damaged('it is truncated');
    const start = this.position;
    this.position += count;
    return this.data.subarray(start, this.position);
  }

  /** A variable-length integer: 7 bits a byte, least significant first, at most 9 bytes. */
  vli(): number {
    let value = 0;
    for (let i = 0; i < 9; i++) {
      const byte = this.byte();
      value += (byte & 0x7f) * 2 ** (7 * i);
      if (!(byte & 0x80)) return value;
    }
    throw damaged('an xz integer is too long');
  }

  expectCrc(covered: Uint8Array, stored: Uint8Array): void {
    if (crc32(covered) !== new DataView(stored.buffer, stored.byteOffset, 4).getUint32(0, true)) {
      throw damaged('an xz header fails its CRC32');
    }
  }

  /** Zero bytes up to the next multiple of four counted from `from`. */
  padding(from: number): void {
    while ((this.position - from) % 4 !== 0) {
      if (this.byte() !== 0) throw damaged('xz padding is not zero');
    }
  }

  streamHeader(): number {
    const header = this.take(12);
    if (!XZ_MAGIC.every((byte, i) => header[i] === byte)) throw damaged('an xz stream has no magic bytes');
    this.expectCrc(header.subarray(6, 8), header.subarray(8));
    if (header[6] !== 0 || header[7]! > 0x0f) throw damaged('an xz stream sets reserved flags');
    return header[7]!;
  }

  /** Reads the index that starts at `start` and checks it lists the blocks decoded; returns its size. */
  index(start: number, records: number[]): number {
    if (this.vli() * 2 !== records.length) throw damaged('the xz index does not list every block');
    for (const size of records) if (this.vli() !== size) throw damaged('the xz index disagrees with a block');
    this.padding(start);
    const covered = this.data.subarray(start, this.position);
    this.expectCrc(covered, this.take(4));
    return this.position - start;
  }

  streamFooter(flags: number, indexSize: number): number {
    const footer = this.take(12);
    this.expectCrc(footer.subarray(4, 10), footer);
    const view = new DataView(footer.buffer, footer.byteOffset, 12);
    if ((view.getUint32(4, true) + 1) * 4 !== indexSize)
      throw damaged('the xz footer disagrees with the index');
    if (footer[8] !== 0 || footer[9] !== flags || footer[10] !== 0x59 || footer[11] !== 0x5a) {
      throw damaged('the xz footer is damaged');
    }
    return this.position;
  }
}
