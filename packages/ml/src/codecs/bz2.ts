/// <reference path="./seek-bzip.d.ts" />
import Bunzip from 'seek-bzip';
import { FlmFormatError } from '../flm/errors';
import { BoundedOutput } from './bounded-output';
import type { Codec } from './codec';

/** bzip2, read only (Flama 1.x wrote it by default), decoded by seek-bzip byte by byte into a bounded buffer. */
export const bz2: Codec = {
  name: 'bz2',
  decompress(data, limit) {
    const output = new BoundedOutput(limit);
    try {
      Bunzip.decode(new Input(data), output, true);
    } catch (error) {
      if (error instanceof FlmFormatError) throw error;
      throw new FlmFormatError('corrupt', `bz2 data is damaged: ${(error as Error).message}`);
    }
    return output.bytes();
  },
};

/** seek-bzip's input stream over bytes; reading past the end means the data is truncated. */
class Input {
  private position = 0;

  constructor(private readonly data: Uint8Array) {}

  readByte(): number {
    if (this.position >= this.data.length)
      throw new FlmFormatError('corrupt', 'bz2 data is damaged: it is truncated');
    return this.data[this.position++]!;
  }

  read(buffer: Uint8Array, offset: number, length: number): number {
    const bytes = this.data.subarray(this.position, this.position + length);
    buffer.set(bytes, offset);
    this.position += bytes.length;
    return bytes.length;
  }

  eof(): boolean {
    return this.position >= this.data.length;
  }
}
