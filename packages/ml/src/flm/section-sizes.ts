import type { Cursor } from './cursor';
import { FlmFormatError } from './errors';

/** Checks that the declared section sizes fill the rest of the body exactly, then slices the sections. */
export function takeSections(cursor: Cursor, sizes: Record<string, bigint>): Uint8Array[] {
  const total = Object.values(sizes).reduce((sum, size) => sum + size, 0n);
  if (total !== BigInt(cursor.remaining)) {
    const listed = Object.entries(sizes)
      .map(([name, size]) => `${name} ${size}`)
      .join(' + ');
    throw new FlmFormatError(
      'size-mismatch',
      `The section sizes (${listed}) do not add up to the ${cursor.remaining} bytes of the body`,
    );
  }
  return Object.entries(sizes).map(([name, size]) => cursor.bytes(Number(size), `${name} section`));
}
