import { constants } from 'node:buffer';
import { tooLarge } from '../flm/errors';

/** A growable byte buffer that refuses to grow past `limit` (the decompression-bomb guard). */
export class BoundedOutput {
  private buffer: Uint8Array;
  length = 0;

  constructor(
    readonly limit: number,
    sizeHint = 64 * 1024,
  ) {
    this.buffer = new Uint8Array(Math.min(limit, sizeHint));
  }

  byteAt(position: number): number {
    return this.buffer[position]!;
  }

  writeByte(byte: number): void {
    if (this.length === this.buffer.length) this.reserve(1);
    this.buffer[this.length++] = byte;
  }

  write(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** Appends `count` bytes copied from `distance` bytes back (overlapping copies repeat, as LZ77 wants). */
  copyBack(distance: number, count: number): void {
    this.reserve(count);
    const buffer = this.buffer;
    let from = this.length - distance;
    const end = this.length + count;
    for (let to = this.length; to < end; to++) buffer[to] = buffer[from++]!;
    this.length = end;
  }

  /** A view of the bytes written from `start` on (valid until the next write). */
  written(start: number): Uint8Array {
    return this.buffer.subarray(start, this.length);
  }

  /** The bytes written, in a buffer of exactly their length. */
  bytes(): Uint8Array {
    return this.length === this.buffer.length ? this.buffer : this.buffer.slice(0, this.length);
  }

  private reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.buffer.length) return;
    const most = Math.min(this.limit, constants.MAX_LENGTH);
    if (needed > most) throw tooLarge(most);
    const grown = new Uint8Array(Math.min(most, Math.max(needed, this.buffer.length * 2)));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}
