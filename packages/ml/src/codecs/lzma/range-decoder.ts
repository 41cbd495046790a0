import { FlmFormatError } from '../../flm/errors';

const TOP = 2 ** 24;
const PROBABILITY_BITS = 11;
const MOVE_BITS = 5;
/** The initial probability of every adaptive bit: one half. */
export const HALF = 1 << (PROBABILITY_BITS - 1);

/** LZMA's binary range decoder over `data[start, end)`; reading past `end` means the data is damaged. */
export class RangeDecoder {
  private range = 0xffffffff;
  private code = 0;
  private position: number;

  constructor(
    private readonly data: Uint8Array,
    start: number,
    private readonly end: number,
  ) {
    this.position = start;
    if (this.next() !== 0) throw damaged('a range coder does not start with 0');
    for (let i = 0; i < 4; i++) this.code = ((this.code << 8) | this.next()) >>> 0;
    if (this.code === this.range) throw damaged('a range coder starts out of range');
  }

  /** Where the decoder stopped reading. */
  get offset(): number {
    return this.position;
  }

  /** True when the encoder flushed here: the state a well-formed stream ends in. */
  get finished(): boolean {
    return this.code === 0;
  }

  bit(probabilities: Uint16Array, index: number): number {
    const probability = probabilities[index]!;
    const bound = (this.range >>> PROBABILITY_BITS) * probability;
    let bit: number;
    if (this.code < bound) {
      this.range = bound;
      probabilities[index] = probability + (((1 << PROBABILITY_BITS) - probability) >>> MOVE_BITS);
      bit = 0;
    } else {
      this.range -= bound;
      this.code -= bound;
      probabilities[index] = probability - (probability >>> MOVE_BITS);
      bit = 1;
    }
    this.normalize();
    return bit;
  }

  /** Bits of even probability, most significant first. */
  direct(count: number): number {
    let result = 0;
    for (let i = 0; i < count; i++) {
      this.range >>>= 1;
      let bit = 0;
      if (this.code >= this.range) {
        this.code -= this.range;
        bit = 1;
      }
      result = ((result << 1) | bit) >>> 0;
      this.normalize();
    }
    return result;
  }

  private normalize(): void {
    if (this.range < TOP) {
      this.range = (this.range * 256) >>> 0;
      this.code = ((this.code * 256) | this.next()) >>> 0;
    }
  }

  private next(): number {
    if (this.position >= this.end) throw damaged('it is truncated');
    return this.data[this.position++]!;
  }
}

export function damaged(what: string): FlmFormatError {
  return new FlmFormatError('corrupt', `lzma data is damaged: ${what}`);
}
