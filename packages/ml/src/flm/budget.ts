import { codec } from '../codecs/registry';
import { FlmFormatError, tooLarge } from './errors';
import type { Stored } from './layout';

/** 2 GiB: the default cap on what one file may decompress to, all sections together. */
export const DEFAULT_MAX_SIZE = 2 ** 31;

/** Decodes stored bytes while keeping the total output of a file under `limit`. */
export class Budget {
  private spent = 0;

  constructor(readonly limit: number) {}

  decode({ codec: name, data }: Stored): Uint8Array {
    return this.spend((left) => codec(name).decompress(data, left));
  }

  /** Runs a decompression given what is left of the budget, and charges its output. */
  spend(decompress: (left: number) => Uint8Array): Uint8Array {
    let output: Uint8Array;
    try {
      output = decompress(this.limit - this.spent);
    } catch (error) {
      if (error instanceof FlmFormatError && error.reason === 'too-large') throw tooLarge(this.limit);
      throw error;
    }
    this.spent += output.length;
    return output;
  }
}
