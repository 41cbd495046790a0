/** A number rounded to IEEE 754 half precision, as its 16 bits (see float16.js). */
export function toHalf(value: number): number;
/** The number 16 bits of IEEE 754 half precision hold. */
export function fromHalf(bits: number): number;
