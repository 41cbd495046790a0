import { describe, expect, it } from 'vitest';
import { BoundedOutput } from '../bounded-output';
import { decodeLzma2 } from './lzma2';

const text = (value: string) => [...new TextEncoder().encode(value)];
const decode = (chunks: number[], limit = 1024) => {
  const output = new BoundedOutput(limit);
  const end = decodeLzma2(Uint8Array.from(chunks), 0, output);
  return { text: new TextDecoder().decode(output.bytes()), end };
};
const failure = (chunks: number[], limit?: number) => {
  try {
    decode(chunks, limit);
  } catch (error) {
    return `${(error as { reason: string }).reason}: ${(error as Error).message}`;
  }
  return 'no error';
};

describe('LZMA2 chunks', () => {
  it('copies uncompressed chunks (with and without a dictionary reset) up to the end byte', () => {
    const chunks = [0x01, 0x00, 0x04, ...text('hello'), 0x02, 0x00, 0x00, ...text('!'), 0x00, 0xaa];
    expect(decode(chunks)).toEqual({ text: 'hello!', end: chunks.length - 1 });
  });

  it('refuses streams that break the chunk rules', () => {
    expect(failure([0x02, 0x00, 0x00, 0x61, 0x00])).toMatch(/^corrupt: .*reset its dictionary/);
    expect(failure([0x01, 0x00, 0x00, 0x61, 0x80, 0x00, 0x00, 0x00, 0x05])).toMatch(
      /^corrupt: .*before its properties/,
    );
    expect(failure([0x01, 0x00, 0x00, 0x61, 0x03])).toMatch(/^corrupt: .*control byte 3/);
    expect(failure([0x01, 0x00, 0x04, 0x61])).toMatch(/^corrupt: .*truncated/);
    expect(failure([0x01, 0x00, 0x00, 0x61])).toMatch(/^corrupt: .*truncated/);
  });

  it('stops at the output limit', () => {
    expect(failure([0x01, 0x00, 0x04, ...text('hello'), 0x00], 4)).toMatch(/^too-large: /);
  });
});
