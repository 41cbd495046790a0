import { describe, expect, it } from 'vitest';
import { fixture } from '../testing/flm-fixtures/fixtures';
import { FlmFormatError } from './errors';
import { readFlm } from './reader';
import { writeFlm } from './writer';

/** A small seeded generator (mulberry32), so that every run damages the same bytes. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const encode = (value: string) => new TextEncoder().encode(value);

async function written(compression: 'zstd' | 'zlib' | 'none'): Promise<Uint8Array> {
  return writeFlm({
    meta: { id: 'fuzz', framework: { lib: 'onnx' }, extra: { nested: { list: [1, 2, 3] } } },
    artifacts: new Map([['a.json', encode('{"a": 1}')]]),
    model: { kind: 'binary', bytes: encode('model bytes '.repeat(200)) },
    compression,
  });
}

/** Reading damaged bytes either works (the damage missed anything checked) or fails with FlmFormatError. */
async function outcome(bytes: Uint8Array): Promise<'read' | 'refused'> {
  try {
    await readFlm(bytes, { maxSize: 64 * 2 ** 20 });
    return 'read';
  } catch (error) {
    if (!(error instanceof FlmFormatError)) throw error;
    return 'refused';
  }
}

const sources: [string, () => Promise<Uint8Array>][] = [
  ['protocol 2, zstd', () => written('zstd')],
  ['protocol 2, zlib', () => written('zlib')],
  ['protocol 2, stored', () => written('none')],
  ['protocol 1, bz2', async () => fixture('protocol1-bz2.flm')],
  ['protocol 2, lzma', async () => fixture('protocol2-lzma.flm')],
  ['Flama ≤ 1.11 tar, xz', async () => fixture('legacy-xz.flm')],
  ['Flama ≤ 1.11 tar, gzip', async () => fixture('legacy-gz.flm')],
];

describe.each(sources)('damaged %s files', (_name, source) => {
  it('end in FlmFormatError, never another error, when bits flip', async () => {
    const original = await source();
    const next = random(original.length);
    const outcomes = new Set<string>();
    for (let trial = 0; trial < 150; trial++) {
      const bytes = original.slice();
      const flips = 1 + Math.floor(next() * 3);
      for (let flip = 0; flip < flips; flip++) {
        const at = Math.floor(next() * bytes.length);
        bytes[at]! ^= 1 << Math.floor(next() * 8);
      }
      outcomes.add(await outcome(bytes));
    }
    expect(outcomes.has('refused')).toBe(true);
  });

  it('end in FlmFormatError when cut anywhere', async () => {
    const original = await source();
    const next = random(original.length + 1);
    for (let trial = 0; trial < 80; trial++) {
      const cut = Math.floor(next() * original.length);
      expect(await outcome(original.subarray(0, cut))).toBe('refused');
    }
  });
});
