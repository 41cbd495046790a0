import type { BoundedOutput } from '../bounded-output';
import { bitTree, LengthDecoder, reverseBitTree } from './bit-trees';
import { damaged, HALF, type RangeDecoder } from './range-decoder';

const END_MARKER = 0xffffffff;

/**
 * The LZMA decoder (after Igor Pavlov's public-domain LzmaSpec). It writes straight into the output,
 * which doubles as its dictionary: matches may reach back to `dictionaryStart` and no further, so no
 * window is allocated beyond the (bounded) output itself.
 */
export class LzmaDecoder {
  private literalBits = 0;
  private literalPositionMask = 0;
  private positionMask = 0;
  private literals = new Uint16Array(0);
  private readonly isMatch = new Uint16Array(12 << 4);
  private readonly isRep = new Uint16Array(12);
  private readonly isRepG0 = new Uint16Array(12);
  private readonly isRepG1 = new Uint16Array(12);
  private readonly isRepG2 = new Uint16Array(12);
  private readonly isRep0Long = new Uint16Array(12 << 4);
  private readonly slots = new Uint16Array(4 << 6);
  private readonly distances = new Uint16Array(115);
  private readonly align = new Uint16Array(16);
  private readonly matchLength = new LengthDecoder();
  private readonly repLength = new LengthDecoder();
  private state = 0;
  private rep0 = 0;
  private rep1 = 0;
  private rep2 = 0;
  private rep3 = 0;
  dictionaryStart: number;

  constructor(private readonly output: BoundedOutput) {
    this.dictionaryStart = output.length;
  }

  /** Reads the lc/lp/pb properties byte; the caller resets the state afterwards. */
  setProperties(byte: number): void {
    if (byte >= 9 * 5 * 5) throw damaged(`invalid properties byte ${byte}`);
    this.literalBits = byte % 9;
    const rest = Math.floor(byte / 9);
    this.literalPositionMask = (1 << (rest % 5)) - 1;
    this.positionMask = (1 << Math.floor(rest / 5)) - 1;
    this.literals = new Uint16Array(0x300 << (this.literalBits + (rest % 5)));
  }

  resetState(): void {
    for (const probabilities of [
      this.literals,
      this.isMatch,
      this.isRep,
      this.isRepG0,
      this.isRepG1,
      this.isRepG2,
      this.isRep0Long,
      this.slots,
      this.distances,
      this.align,
    ]) {
      probabilities.fill(HALF);
    }
    this.matchLength.reset();
    this.repLength.reset();
    this.state = this.rep0 = this.rep1 = this.rep2 = this.rep3 = 0;
  }

  /**
   * Decodes `size` bytes (until the end marker when `size` is undefined). With `allowMarker`, a stream
   * of known size may still end with a marker once the size is reached, as LZMA-alone files do.
   */
  decode(rc: RangeDecoder, size: number | undefined, allowMarker: boolean): void {
    const out = this.output;
    const end = size === undefined ? Number.POSITIVE_INFINITY : out.length + size;
    for (;;) {
      if (out.length === end && (rc.finished || !allowMarker)) return;
      const state = this.state;
      const positionState = (out.length - this.dictionaryStart) & this.positionMask;
      if (rc.bit(this.isMatch, (state << 4) + positionState) === 0) {
        this.room(end, 1);
        this.literal(rc);
        this.state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
        continue;
      }
      let length: number;
      if (rc.bit(this.isRep, state) === 1) {
        if (rc.bit(this.isRepG0, state) === 0) {
          if (rc.bit(this.isRep0Long, (state << 4) + positionState) === 0) {
            this.room(end, 1);
            this.copy(1);
            this.state = state < 7 ? 9 : 11;
            continue;
          }
        } else {
          this.rotate(rc, state);
        }
        length = this.repLength.decode(rc, positionState);
        this.state = state < 7 ? 8 : 11;
      } else {
        this.rep3 = this.rep2;
        this.rep2 = this.rep1;
        this.rep1 = this.rep0;
        length = this.matchLength.decode(rc, positionState);
        this.state = state < 7 ? 7 : 10;
        this.rep0 = this.distance(rc, length);
        if (this.rep0 === END_MARKER) {
          if (!allowMarker || !rc.finished) throw damaged('an end marker where none belongs');
          if (size !== undefined && out.length !== end) throw damaged('it ends before its declared size');
          return;
        }
      }
      this.room(end, length + 2);
      this.copy(length + 2);
    }
  }

  private room(end: number, count: number): void {
    if (this.output.length + count > end) throw damaged('it holds more than its declared size');
  }

  private copy(count: number): void {
    if (this.rep0 >= this.output.length - this.dictionaryStart) {
      throw damaged('a match reaches before the start of the data');
    }
    this.output.copyBack(this.rep0 + 1, count);
  }

  private rotate(rc: RangeDecoder, state: number): void {
    let distance: number;
    if (rc.bit(this.isRepG1, state) === 0) {
      distance = this.rep1;
    } else {
      if (rc.bit(this.isRepG2, state) === 0) {
        distance = this.rep2;
      } else {
        distance = this.rep3;
        this.rep3 = this.rep2;
      }
      this.rep2 = this.rep1;
    }
    this.rep1 = this.rep0;
    this.rep0 = distance;
  }

  private literal(rc: RangeDecoder): void {
    const out = this.output;
    const position = out.length - this.dictionaryStart;
    const previous = position > 0 ? out.byteAt(out.length - 1) : 0;
    const context =
      ((position & this.literalPositionMask) << this.literalBits) + (previous >>> (8 - this.literalBits));
    const base = 0x300 * context;
    let symbol = 1;
    if (this.state >= 7) {
      let matchByte = out.byteAt(out.length - this.rep0 - 1);
      do {
        const matchBit = (matchByte >>> 7) & 1;
        matchByte <<= 1;
        const bit = rc.bit(this.literals, base + ((1 + matchBit) << 8) + symbol);
        symbol = (symbol << 1) | bit;
        if (matchBit !== bit) break;
      } while (symbol < 0x100);
    }
    while (symbol < 0x100) symbol = (symbol << 1) | rc.bit(this.literals, base + symbol);
    out.writeByte(symbol - 0x100);
  }

  private distance(rc: RangeDecoder, length: number): number {
    const slot = bitTree(rc, this.slots, Math.min(length, 3) << 6, 6);
    if (slot < 4) return slot;
    const directBits = (slot >>> 1) - 1;
    const base = ((2 | (slot & 1)) << directBits) >>> 0;
    if (slot < 14) return base + reverseBitTree(rc, this.distances, base - slot, directBits);
    return base + rc.direct(directBits - 4) * 16 + reverseBitTree(rc, this.align, 0, 4);
  }
}
