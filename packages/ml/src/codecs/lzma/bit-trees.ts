import { HALF, type RangeDecoder } from './range-decoder';

/** Decodes `bits` bits, most significant first, with the tree of probabilities at `probabilities[base + 1…]`. */
export function bitTree(rc: RangeDecoder, probabilities: Uint16Array, base: number, bits: number): number {
  let node = 1;
  for (let i = 0; i < bits; i++) node = (node << 1) | rc.bit(probabilities, base + node);
  return node - (1 << bits);
}

/** Like `bitTree`, least significant bit first. */
export function reverseBitTree(
  rc: RangeDecoder,
  probabilities: Uint16Array,
  base: number,
  bits: number,
): number {
  let node = 1;
  let symbol = 0;
  for (let i = 0; i < bits; i++) {
    const bit = rc.bit(probabilities, base + node);
    node = (node << 1) | bit;
    symbol |= bit << i;
  }
  return symbol;
}

/** A match length minus 2: 0–7 (low), 8–15 (mid) or 16–271 (high), each tree chosen per position state. */
export class LengthDecoder {
  private readonly choice = new Uint16Array(2);
  private readonly low = new Uint16Array(16 << 3);
  private readonly mid = new Uint16Array(16 << 3);
  private readonly high = new Uint16Array(256);

  reset(): void {
    for (const probabilities of [this.choice, this.low, this.mid, this.high]) probabilities.fill(HALF);
  }

  decode(rc: RangeDecoder, positionState: number): number {
    if (rc.bit(this.choice, 0) === 0) return bitTree(rc, this.low, positionState << 3, 3);
    if (rc.bit(this.choice, 1) === 0) return 8 + bitTree(rc, this.mid, positionState << 3, 3);
    return 16 + bitTree(rc, this.high, 0, 8);
  }
}
