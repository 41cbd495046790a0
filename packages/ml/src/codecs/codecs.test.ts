import { randomBytes } from 'node:crypto';
import { Zstd } from '@hpcc-js/wasm-zstd';
import { describe, expect, it } from 'vitest';
import { decodedFixtures, fixture, sha256 } from '../testing/flm-fixtures/fixtures';
import type { CodecName, WritableCodecName } from './codec';
import { codec, writableCodec } from './registry';

const MiB = 2 ** 20;
const text = new TextEncoder().encode('the quick brown fox jumps over the lazy dog. '.repeat(25_000));
const payloads = {
  empty: new Uint8Array(0),
  byte: Uint8Array.of(7),
  random: new Uint8Array(randomBytes(5000)),
  text,
};

function codecOf(file: string): CodecName {
  return file.endsWith('.bz2') ? 'bz2' : 'lzma';
}

function reason(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { reason?: string }).reason ?? `not a FlmFormatError: ${error}`;
  }
  return undefined;
}

describe.each<WritableCodecName>(['none', 'zlib', 'zstd'])('%s round trips', (name) => {
  it.each(Object.entries(payloads))('%s', async (_, data) => {
    const compressed = await writableCodec(name).compress(data);
    expect(sha256(codec(name).decompress(compressed, data.length))).toBe(sha256(data));
  });

  it('stops one byte past the limit', async () => {
    const compressed = await writableCodec(name).compress(text);
    expect(reason(() => codec(name).decompress(compressed, text.length - 1))).toBe('too-large');
  });
});

describe('reading the codecs Flama writes (fixtures made by Python)', () => {
  it.each(Object.entries(decodedFixtures).filter(([file]) => !file.startsWith('zeros')))(
    '%s',
    (file, expected) => {
      const output = codec(codecOf(file)).decompress(fixture(file), expected.size);
      expect({ size: output.length, sha256: sha256(output) }).toEqual(expected);
      expect(reason(() => codec(codecOf(file)).decompress(fixture(file), expected.size - 1))).toBe(
        'too-large',
      );
    },
  );

  it.each(['zeros.bz2', 'zeros.xz', 'zeros.lzma'])(
    'stops the %s bomb (64 MiB of zeros) at the limit',
    (file) => {
      expect(reason(() => codec(codecOf(file)).decompress(fixture(file), MiB))).toBe('too-large');
    },
  );

  it.each(['sample.bz2', 'sample.xz', 'sample.lzma', 'sample-sha256.xz'])(
    'refuses a truncated %s',
    (file) => {
      const data = fixture(file);
      expect(reason(() => codec(codecOf(file)).decompress(data.subarray(0, data.length - 9), MiB))).toBe(
        'corrupt',
      );
    },
  );

  it.each(['sample.bz2', 'sample.xz', 'sample-crc32.xz', 'sample-sha256.xz'])(
    'notices a flipped byte in %s',
    (file) => {
      const data = fixture(file).slice();
      data[Math.floor(data.length / 2)]! ^= 0x10;
      expect(reason(() => codec(codecOf(file)).decompress(data, MiB))).toBe('corrupt');
    },
  );

  it('refuses an LZMA-alone header declaring more than the limit before decoding', () => {
    const data = fixture('sample-known-size.lzma').slice();
    new DataView(data.buffer).setBigUint64(5, 2n ** 40n, true);
    expect(reason(() => codec('lzma').decompress(data, MiB))).toBe('too-large');
  });

  it('refuses data that is neither', () => {
    const garbage = new TextEncoder().encode('this is not compressed at all');
    expect(reason(() => codec('bz2').decompress(garbage, MiB))).toBe('corrupt');
    expect(reason(() => codec('lzma').decompress(garbage, MiB))).toBe('corrupt');
  });
});

describe('zstd', () => {
  it('reads frames without a content size (streaming encoders) and concatenated frames', async () => {
    const zstd = await Zstd.load();
    zstd.reset();
    const streamed = new Uint8Array([...zstd.compressChunk(text), ...zstd.compressEnd()]);
    const oneShot = zstd.compress(payloads.random);
    const output = codec('zstd').decompress(new Uint8Array([...streamed, ...oneShot]), MiB * 2);
    expect(sha256(output)).toBe(sha256(new Uint8Array([...text, ...payloads.random])));
  });

  it('stops a bomb without a declared size at the limit', async () => {
    const zstd = await Zstd.load();
    zstd.reset();
    const zeros = new Uint8Array(16 * MiB);
    const bomb = new Uint8Array([...zstd.compressChunk(zeros), ...zstd.compressEnd()]);
    expect(bomb.length).toBeLessThan(4096);
    expect(reason(() => codec('zstd').decompress(bomb, MiB))).toBe('too-large');
  });

  it('refuses a declared content size past the limit before decoding', async () => {
    const frame = (await Zstd.load()).compress(text);
    expect(reason(() => codec('zstd').decompress(frame, text.length - 1))).toBe('too-large');
    // magic, descriptor (8-byte content size, single segment), 1 TB, then an empty last raw block.
    const claim = Uint8Array.of(0x28, 0xb5, 0x2f, 0xfd, 0xe0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0);
    expect(reason(() => codec('zstd').decompress(claim, MiB))).toBe('too-large');
  });

  it('refuses windows larger than zstd itself accepts, dictionaries and damaged data', async () => {
    const window2GiB = Uint8Array.of(0x28, 0xb5, 0x2f, 0xfd, 0x00, (31 - 10) << 3, 1, 0, 0);
    const withDictionary = Uint8Array.of(0x28, 0xb5, 0x2f, 0xfd, 0x01, 0x50, 7, 1, 0, 0);
    const reservedBlock = Uint8Array.of(0x28, 0xb5, 0x2f, 0xfd, 0x20, 0, 7, 0, 0);
    const frame = await writableCodec('zstd').compress(text);
    // zstd frames carry no checksum unless asked: the .flm checksums are what notice flipped bytes.
    for (const data of [
      window2GiB,
      withDictionary,
      reservedBlock,
      frame.subarray(0, 20),
      new Uint8Array(0),
      text,
    ]) {
      expect(reason(() => codec('zstd').decompress(data, MiB * 2))).toBe('corrupt');
    }
  });
});

describe('zlib', () => {
  it('refuses damaged data', async () => {
    const compressed = await writableCodec('zlib').compress(text);
    expect(reason(() => codec('zlib').decompress(compressed.subarray(0, 100), MiB * 2))).toBe('corrupt');
    expect(reason(() => codec('zlib').decompress(text, MiB * 2))).toBe('corrupt');
  });
});
