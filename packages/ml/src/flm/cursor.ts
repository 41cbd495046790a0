import { FlmFormatError } from './errors';

/**
 * Reads big-endian fields from `data[position, end)`. Every read and every declared size is checked
 * against what is left before anything is sliced; running past `end` is a `size-mismatch` naming `region`.
 */
export class Cursor {
  private readonly view: DataView;

  constructor(
    private readonly data: Uint8Array,
    private position: number,
    private readonly end: number,
    private readonly region: string,
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  get remaining(): number {
    return this.end - this.position;
  }

  u8(field: string): number {
    this.need(1, field);
    return this.data[this.position++]!;
  }

  u32(field: string): number {
    this.need(4, field);
    const value = this.view.getUint32(this.position);
    this.position += 4;
    return value;
  }

  u64(field: string): bigint {
    this.need(8, field);
    const value = this.view.getBigUint64(this.position);
    this.position += 8;
    return value;
  }

  /** A u64 size that must fit in what is left of the region. */
  size(field: string): number {
    const value = this.u64(field);
    if (value > BigInt(this.remaining)) throw this.overrun(`${field} (${value} bytes)`);
    return Number(value);
  }

  bytes(count: number, field: string): Uint8Array {
    this.need(count, field);
    const start = this.position;
    this.position += count;
    return this.data.subarray(start, this.position);
  }

  /** Up to `count` bytes from here, without moving. */
  peek(count: number): Uint8Array {
    return this.data.subarray(this.position, this.position + Math.min(count, this.remaining));
  }

  /** Another cursor at this position, for reading the same bytes another way. */
  clone(): Cursor {
    return new Cursor(this.data, this.position, this.end, this.region);
  }

  rest(): Uint8Array {
    return this.bytes(this.remaining, 'rest');
  }

  private need(count: number, field: string): void {
    if (count > this.remaining) throw this.overrun(field);
  }

  private overrun(what: string): FlmFormatError {
    return new FlmFormatError(
      'size-mismatch',
      `${what} runs past the end of the ${this.region} (${this.remaining} bytes left)`,
    );
  }
}
