import { codec } from '../codecs/registry';
import { FlmFormatError, tooLarge } from './errors';
import type { Stored } from './layout';

/** 2 GiB: the default cap on what one file may decompress to, all sections together. */
export const DEFAULT_MAX_SIZE = 2 ** 31;

/** 8 MiB: the default cap on the decompressed metadata. */
export const DEFAULT_MAX_META_SIZE = 8 * 2 ** 20;
/** 256 MiB: the default cap on the decompressed artifacts, all together. */
export const DEFAULT_MAX_ARTIFACTS_SIZE = 256 * 2 ** 20;

/** A section's own cap within the file's budget, named with the option that raises it. */
export class SectionCap {
  spent = 0;

  constructor(
    readonly section: string,
    readonly limit: number,
    readonly option: string,
  ) {}

  tooLarge(): FlmFormatError {
    return new FlmFormatError(
      'too-large',
      `The ${this.section} section decompresses to more than ${this.limit} bytes (raise the ${this.option} option if the file is trusted)`,
    );
  }
}

/** Decodes stored bytes while keeping the total output of a file under `limit`. */
export class Budget {
  private spent = 0;

  constructor(readonly limit: number) {}

  /** Decodes within what is left of the file's budget and of the section's cap, if any, stopping at the lower. */
  decode({ codec: name, data }: Stored, cap?: SectionCap): Uint8Array {
    const left = this.limit - this.spent;
    const sectionLeft = cap ? cap.limit - cap.spent : Number.POSITIVE_INFINITY;
    let output: Uint8Array;
    try {
      output = codec(name).decompress(data, Math.min(left, sectionLeft));
    } catch (error) {
      if (!(error instanceof FlmFormatError) || error.reason !== 'too-large') throw error;
      throw cap && sectionLeft < left ? cap.tooLarge() : tooLarge(this.limit);
    }
    this.spent += output.length;
    if (cap) cap.spent += output.length;
    return output;
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
