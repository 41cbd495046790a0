import { deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writableCodec } from '../codecs/registry';
import {
  bytes,
  entry,
  file,
  join,
  protocol1Body,
  protocol2Body,
  protocol2Sections,
  tar,
  u32,
  u64,
} from '../testing/flm-fixtures/build-flm';
import { fixture } from '../testing/flm-fixtures/fixtures';
import type { FlmErrorReason } from './errors';
import { inspectFlm, type ReadFlmOptions, readFlm } from './reader';

const encode = (value: string) => new TextEncoder().encode(value);
const metaJson = encode('{"id": "m"}');
const model = encode('model bytes');
const TB = 2n ** 40n;

/** A valid protocol 2 file with stored sections; `change` edits its parts first. */
function p2(change: Partial<Parameters<typeof protocol2Sections>[0]> = {}) {
  const sections = protocol2Sections({
    meta: metaJson,
    artifacts: [['a.txt', encode('first')]],
    model,
    codecs: { meta: 0xff, artifacts: 0xff, model: 0xff },
    ...change,
  });
  return file(2, 4, protocol2Body(sections));
}

async function failure(
  data: Uint8Array,
  options?: ReadFlmOptions,
): Promise<[FlmErrorReason, string] | undefined> {
  try {
    await readFlm(data, options);
  } catch (error) {
    const { reason, message } = error as { reason: FlmErrorReason; message: string };
    return [reason, message];
  }
  return undefined;
}

async function reason(data: Uint8Array, options?: ReadFlmOptions) {
  return (await failure(data, options))?.[0];
}

it('the valid files these tests damage are valid', async () => {
  expect(await failure(p2())).toBeUndefined();
  expect(await failure(file(1, 3, protocol1Body(deflate(metaJson), deflate(model), [])))).toBeUndefined();
});

describe('not a .flm file', () => {
  it.each([
    ['text', encode('hello, this is not a model at all')],
    ['protocol 0', file(0, 4, new Uint8Array(0))],
    ['protocol 3', file(3, 4, new Uint8Array(0))],
  ])('%s', async (_, data) => {
    expect(await reason(data)).toBe('not-flm');
  });

  it('names unknown compression ids in the header and in sections', async () => {
    expect(await failure(file(2, 9, new Uint8Array(0)))).toEqual([
      'unknown-compression',
      'Unknown compression id 9 in the file header',
    ]);
    expect(await reason(p2({ codecs: { meta: 0x07 } }))).toBe('unknown-compression');
    expect(await reason(p2({ codecs: { meta: 0xff, artifacts: 0x05, model: 0xff } }))).toBe(
      'unknown-compression',
    );
    expect(await reason(p2({ codecs: { meta: 0xff, artifacts: 0xff, model: 0x80 } }))).toBe(
      'unknown-compression',
    );
  });

  it('refuses an unknown model kind', async () => {
    expect(await reason(p2({ kind: 2 }))).toBe('unknown-model-kind');
  });
});

describe('truncated files', () => {
  it('are refused wherever they are cut, at every section boundary and inside sections', async () => {
    const data = p2();
    const metaEnd = 40 + metaJson.length + 1;
    const artifactsEnd = metaEnd + 5 + 12 + 'a.txt'.length + 'first'.length;
    const cuts = [
      0,
      1,
      8,
      15,
      16,
      24,
      39,
      40,
      metaEnd - 1,
      metaEnd,
      metaEnd + 3,
      artifactsEnd,
      data.length - 1,
    ];
    for (const cut of cuts) expect([cut, await reason(data.subarray(0, cut))]).toEqual([cut, 'truncated']);
  });

  it('are refused in protocol 1 too', async () => {
    const data = file(1, 3, protocol1Body(deflate(metaJson), deflate(model), [['a', deflate(encode('x'))]]));
    for (const cut of [16, 44, 44 + metaJson.length, data.length - 1])
      expect(await reason(data.subarray(0, cut))).toBe('truncated');
  });
});

describe('sizes that do not add up', () => {
  it('refuses bytes after the body and a body claiming terabytes', async () => {
    expect(await reason(join(p2(), bytes(0)))).toBe('size-mismatch');
    expect(await failure(file(2, 4, new Uint8Array(0), TB))).toEqual([
      'truncated',
      'The file is truncated: its header declares 1099511627776 body bytes, 0 are present',
    ]);
  });

  it('refuses section sizes that differ from the body, including terabyte claims', async () => {
    const sections = protocol2Sections({
      meta: metaJson,
      artifacts: [],
      model,
      codecs: { meta: 0xff, model: 0xff },
    });
    const body = (meta: bigint, artifacts: bigint, model: bigint) =>
      join(u64(meta), u64(artifacts), u64(model), sections.meta, sections.artifacts, sections.model);
    const [m, a, o] = [sections.meta.length, sections.artifacts.length, sections.model.length].map(
      BigInt,
    ) as [bigint, bigint, bigint];
    for (const sizes of [
      [m + 1n, a, o],
      [m, a - 1n, o],
      [TB, a, o],
      [m, a, 2n ** 64n - 1n],
      [m, a + 1n, o - 1n],
    ] as [bigint, bigint, bigint][]) {
      expect(await reason(file(2, 4, body(...sizes)))).toBe('size-mismatch');
    }
  });

  it('refuses artifact entries that overrun their section or leave bytes behind', async () => {
    const withArtifacts = (...entries: Uint8Array[]) =>
      file(
        2,
        4,
        protocol2Body({
          meta: join(bytes(0xff), metaJson),
          artifacts: join(bytes(0xff), ...entries),
          model: join(bytes(0xff, 0), model),
        }),
      );
    expect(await reason(withArtifacts(u32(1), entry('a', encode('x'), TB)))).toBe('size-mismatch');
    expect(await reason(withArtifacts(u32(1), u32(2 ** 31), u64(0), encode('a')))).toBe('size-mismatch');
    expect(await reason(withArtifacts(u32(2 ** 32 - 1), entry('a', encode('x'))))).toBe('size-mismatch');
    expect(await reason(withArtifacts(u32(1), entry('a', encode('x')), bytes(0)))).toBe('size-mismatch');
    expect(await reason(withArtifacts(u32(2), entry('a', encode('x'))))).toBe('size-mismatch');
    expect(await reason(withArtifacts())).toBe('size-mismatch');
  });

  it('refuses sections too short for their codec and kind bytes', async () => {
    const empty = new Uint8Array(0);
    expect(
      await reason(
        file(2, 4, protocol2Body({ meta: empty, artifacts: bytes(0xff, 0, 0, 0, 0), model: bytes(0xff, 0) })),
      ),
    ).toBe('size-mismatch');
    expect(
      await reason(
        file(
          2,
          4,
          protocol2Body({
            meta: join(bytes(0xff), metaJson),
            artifacts: bytes(0xff, 0, 0, 0, 0),
            model: bytes(0xff),
          }),
        ),
      ),
    ).toBe('size-mismatch');
  });
});

describe('artifact names', () => {
  const named = (...names: (string | Uint8Array)[]) =>
    p2({ artifacts: names.map((name) => [name, encode('x')]) });

  it.each(['../x', 'a/b', 'a\\b', '', '\0', 'x\0y', '.', '..', 'C:evil', '/etc/passwd'])(
    'refuses %j',
    async (name) => {
      expect(await reason(named(name))).toBe('unsafe-name');
    },
  );

  it('refuses names that are not UTF-8, and duplicates', async () => {
    expect(await reason(named(bytes(0x61, 0xff, 0xfe)))).toBe('invalid-name');
    expect(await failure(named('a.txt', 'b.txt', 'a.txt'))).toEqual([
      'duplicate-name',
      'Artifact "a.txt" appears twice',
    ]);
  });
});

describe('meta', () => {
  it.each(['[1, 2]', 'null', '"text"', '42', '{"unterminated": ', ''])('refuses %j', async (json) => {
    expect(await reason(p2({ meta: encode(json) }))).toBe('invalid-meta');
  });

  it('refuses meta that is not UTF-8 and malformed checksums', async () => {
    expect(await reason(p2({ meta: bytes(0x7b, 0xff, 0x7d) }))).toBe('invalid-meta');
    expect(
      await reason(p2({ meta: encode('{"checksums": {"artifacts": "md5:x", "model": "md5:y"}}') })),
    ).toBe('invalid-meta');
  });

  it('verifies checksums when present', async () => {
    const wrong = `sha256:${'0'.repeat(64)}`;
    expect(
      await failure(p2({ meta: encode(JSON.stringify({ checksums: { artifacts: wrong, model: wrong } })) })),
    ).toEqual([
      'checksum-mismatch',
      'The artifacts section does not match its checksum: the file is damaged',
    ]);
  });
});

describe('size limits', () => {
  it('refuses files larger than maxSize', async () => {
    expect(await reason(p2(), { maxSize: 10 })).toBe('too-large');
  });

  it('stops a zstd bomb in the model section at maxSize, counting every section', async () => {
    const bomb = await writableCodec('zstd').compress(new Uint8Array(8 * 2 ** 20));
    const data = p2({ model: bomb, codecs: { meta: 0xff, artifacts: 0xff, model: 0x04 } });
    expect(data.length).toBeLessThan(2000);
    expect(await failure(data, { maxSize: 2 ** 20 })).toEqual([
      'too-large',
      'Decompressed data exceeds the limit of 1048576 bytes (raise the maxSize option if the file is trusted)',
    ]);
    const total = metaJson.length + 'first'.length + 8 * 2 ** 20;
    expect(await reason(data, { maxSize: total - 1 })).toBe('too-large');
    expect(await reason(data, { maxSize: total })).toBeUndefined();
  });

  it('stops bz2 and lzma bombs too', async () => {
    for (const [name, id] of [
      ['zeros.bz2', 0x01],
      ['zeros.xz', 0x02],
      ['zeros.lzma', 0x02],
    ] as const) {
      const data = p2({ model: fixture(name), codecs: { meta: 0xff, artifacts: 0xff, model: id } });
      expect(await reason(data, { maxSize: 2 ** 20 })).toBe('too-large');
    }
  });

  it('caps the metadata and the artifacts on their own, with the option that raises each', async () => {
    const bomb = await writableCodec('zstd').compress(new Uint8Array(4 * 2 ** 20));
    const metaBomb = p2({ meta: bomb, codecs: { meta: 0x04, artifacts: 0xff, model: 0xff } });
    expect(await failure(metaBomb, { maxMetaSize: 2 ** 20 })).toEqual([
      'too-large',
      'The metadata section decompresses to more than 1048576 bytes (raise the maxMetaSize option if the file is trusted)',
    ]);
    const artifactBomb = p2({
      artifacts: [
        ['a.bin', bomb],
        ['b.bin', bomb],
      ],
      codecs: { meta: 0xff, artifacts: 0x04, model: 0xff },
    });
    expect(await failure(artifactBomb, { maxArtifactsSize: 6 * 2 ** 20 })).toEqual([
      'too-large',
      'The artifacts section decompresses to more than 6291456 bytes (raise the maxArtifactsSize option if the file is trusted)',
    ]);
  });

  it('inspects without decompressing the artifacts or the model: a bomb there costs nothing', async () => {
    const bomb = await writableCodec('zstd').compress(new Uint8Array(64 * 2 ** 20));
    const data = p2({
      artifacts: [['a.bin', bomb]],
      model: bomb,
      codecs: { meta: 0xff, artifacts: 0x04, model: 0x04 },
    });
    expect(await inspectFlm(data, { maxSize: 2 ** 20 })).toEqual({ meta: { id: 'm' }, artifacts: ['a.bin'] });
    expect(await reason(data, { maxSize: 2 ** 20 })).toBe('too-large');
  });

  it('refuses metadata nested deeper than 64 levels, without overflowing the stack', async () => {
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const message = 'The metadata nests deeper than 64 levels';
    expect(await failure(p2({ meta: encode(deep) }))).toEqual(['invalid-meta', message]);
    await expect(inspectFlm(p2({ meta: encode(deep) }))).rejects.toThrow(message);
    const fine = `${'{"a":'.repeat(63)}1${'}'.repeat(63)}`;
    expect(await failure(p2({ meta: encode(fine) }))).toBeUndefined();
  });

  it('refuses damaged compressed sections', async () => {
    expect(
      await reason(p2({ model: encode('not zstd'), codecs: { meta: 0xff, artifacts: 0xff, model: 0x04 } })),
    ).toBe('corrupt');
  });
});

describe('legacy archives', () => {
  const modelMember = encode(JSON.stringify({ model: 'base64', meta: { id: 'x' } }));
  const legacy = (...members: [string, Uint8Array][]) => new Uint8Array(gzipSync(tar(members)));

  it('reads a hand-built one', async () => {
    const flm = await readFlm(legacy(['./artifacts/a.txt', encode('a')], ['model', deflate(modelMember)]));
    expect([flm.meta, [...flm.artifacts.keys()]]).toEqual([{ id: 'x' }, ['a.txt']]);
  });

  it.each(['../model', '/model', 'artifacts/../../x', 'artifacts/a/b', 'artifacts/..', 'artifacts/'])(
    'refuses the member %j',
    async (name) => {
      expect(await reason(legacy([name, encode('x')], ['model', deflate(modelMember)]))).toBe('unsafe-name');
    },
  );

  it('refuses archives without a model, with a broken model member, or with broken tar headers', async () => {
    expect(await reason(legacy(['artifacts/a', encode('x')]))).toBe('not-flm');
    expect(await reason(legacy(['model', deflate(encode('[]'))]))).toBe('invalid-meta');
    expect(await reason(legacy(['model', deflate(encode('{"model": "x", "meta": 3}'))]))).toBe(
      'invalid-meta',
    );
    expect(await reason(legacy(['model', encode('not zlib')]))).toBe('corrupt');
    expect(await reason(legacy(['model', deflate(modelMember)], ['model', deflate(modelMember)]))).toBe(
      'duplicate-name',
    );
    const archive = tar([['model', deflate(modelMember)]]);
    expect(await reason(new Uint8Array(gzipSync(archive.subarray(0, 530))))).toBe('truncated');
    expect(await reason(new Uint8Array(gzipSync(archive.subarray(0, 1100))))).toBe('truncated');
    archive[10]! ^= 1;
    expect(await reason(new Uint8Array(gzipSync(archive)))).toBe('corrupt');
    expect(await reason(fixture('legacy-gz.flm').subarray(0, 500))).toBe('corrupt');
  });
});

function deflate(data: Uint8Array): Uint8Array {
  return new Uint8Array(deflateSync(data));
}
