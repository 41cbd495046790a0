import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writableCodec } from '../codecs/registry';
import {
  bytes,
  file,
  join,
  protocol1Body,
  protocol2Body,
  protocol2Sections,
  u32,
  u64,
} from '../testing/flm-fixtures/build-flm';
import { fixture, flmExpectations, sha256 } from '../testing/flm-fixtures/fixtures';
import { frameworkLib } from './meta';
import { readFlm } from './reader';
import type { FlmFile } from './types';

const encode = (value: string) => new TextEncoder().encode(value);
const meta = {
  id: 'm-1',
  framework: { family: 'ml', lib: 'onnx', version: '1.17.0' },
  extra: { author: 'me' },
};
const metaJson = encode(JSON.stringify(meta));
const model = encode('pretend this is an ONNX graph');
const artifacts: [string, Uint8Array][] = [
  ['artifact.json', encode('{"agents_per_client": 3}')],
  ['données.txt', encode('non-ASCII names are UTF-8')],
];
const zstd = (data: Uint8Array) => writableCodec('zstd').compress(data);
const zlib = (data: Uint8Array) => new Uint8Array(deflateSync(data));

function summary(flm: FlmFile) {
  return {
    protocol: flm.protocol,
    compression: flm.compression,
    meta: flm.meta,
    artifacts: [...flm.artifacts].map(([name, content]) => [name, new TextDecoder().decode(content)]),
    model: { kind: flm.model.kind, text: new TextDecoder().decode(flm.model.bytes) },
  };
}

const expected = {
  meta,
  artifacts: artifacts.map(([name, content]) => [name, new TextDecoder().decode(content)]),
  model: { kind: 'binary', text: 'pretend this is an ONNX graph' },
};

describe('protocol 2', () => {
  it('reads sections that inherit the file codec (zstd, id 4)', async () => {
    const sections = protocol2Sections({
      meta: await zstd(metaJson),
      artifacts: await Promise.all(
        artifacts.map(async ([name, content]) => [name, await zstd(content)] as const),
      ),
      model: await zstd(model),
    });
    const flm = await readFlm(file(2, 4, protocol2Body(sections)));
    expect(summary(flm)).toEqual({ protocol: 2, compression: 'zstd', ...expected });
    expect(frameworkLib(flm.meta)).toBe('onnx');
  });

  it('reads sections that name their own codec, or none, whatever the file codec says', async () => {
    const sections = protocol2Sections({
      meta: zlib(metaJson),
      artifacts: artifacts,
      model: await zstd(model),
      codecs: { meta: 0x03, artifacts: 0xff, model: 0x04 },
    });
    const flm = await readFlm(file(2, 1, protocol2Body(sections)));
    expect(summary(flm)).toEqual({ protocol: 2, compression: 'bz2', ...expected });
  });

  it('reads a bundle model and no artifacts', async () => {
    const sections = protocol2Sections({
      meta: metaJson,
      artifacts: [],
      model,
      codecs: { meta: 0xff, model: 0xff },
      kind: 1,
    });
    const flm = await readFlm(file(2, 3, protocol2Body(sections)));
    expect(flm.model.kind).toBe('bundle');
    expect(flm.artifacts.size).toBe(0);
  });
});

describe('protocol 1', () => {
  it.each([
    [3, 'zlib', zlib],
    [4, 'zstd', zstd],
  ] as const)('reads a file with codec id %i (%s) in every section', async (id, name, compress) => {
    const stored = await Promise.all(
      artifacts.map(async ([n, content]) => [n, await compress(content)] as [string, Uint8Array]),
    );
    const flm = await readFlm(
      file(1, id, protocol1Body(await compress(metaJson), await compress(model), stored)),
    );
    expect(summary(flm)).toEqual({ protocol: 1, compression: name, ...expected });
  });
});

describe('non-ASCII artifact names as Python Flama writes them', () => {
  // Flama's _Artifact.pack writes len(name), the name's length in characters, then its UTF-8 bytes.
  const flamaEntry = (name: string, content: Uint8Array) => {
    const bytes = encode(name);
    return join(u32([...name].length), u64(content.length), bytes, content);
  };

  it('reads them in protocol 1 and 2 files, beside ASCII names', async () => {
    const contents: [string, Uint8Array][] = [
      ['données.txt', encode('é')],
      ['plain.txt', encode('ascii')],
    ];
    const protocol1Entries = contents.map(([name, content]) => flamaEntry(name, zlib(content)));
    const protocol1 = join(
      u64(zlib(metaJson).length),
      u64(zlib(model).length),
      u32(2),
      u64(join(...protocol1Entries).length),
      zlib(metaJson),
      zlib(model),
      ...protocol1Entries,
    );
    const protocol2 = protocol2Body({
      meta: join(bytes(0xff), metaJson),
      artifacts: join(bytes(0xff), u32(2), ...contents.map(([name, content]) => flamaEntry(name, content))),
      model: join(bytes(0xff, 0), model),
    });
    for (const flm of [await readFlm(file(1, 3, protocol1)), await readFlm(file(2, 4, protocol2))]) {
      expect([...flm.artifacts.keys()]).toEqual(['données.txt', 'plain.txt']);
      expect(new TextDecoder().decode(flm.artifacts.get('données.txt'))).toBe('é');
    }
  });
});

describe('files written by Python Flama (fixtures from make-fixtures.py)', () => {
  it.each([
    ['protocol1-bz2.flm', 1, 'bz2', 'protocol1'],
    ['protocol1-lzma.flm', 1, 'lzma', 'protocol1'],
    ['protocol2-bz2.flm', 2, 'bz2', 'protocol2'],
    ['protocol2-lzma.flm', 2, 'lzma', 'protocol2'],
    ['legacy-gz.flm', 'legacy', 'gzip', 'protocol1'],
    ['legacy-bz2.flm', 'legacy', 'bz2', 'protocol1'],
    ['legacy-xz.flm', 'legacy', 'xz', 'protocol1'],
  ] as const)('%s', async (name, protocol, compression, metaShape) => {
    const flm = await readFlm(fixture(name));
    expect(flm.protocol).toBe(protocol);
    expect(flm.compression).toBe(compression);
    expect(flm.meta).toEqual(flmExpectations.meta[metaShape]);
    expect(frameworkLib(flm.meta)).toBe('sklearn');
    expect(flm.model).toEqual({ kind: 'binary', bytes: encode(flmExpectations.model) });
    expect(Object.fromEntries([...flm.artifacts].map(([n, content]) => [n, sha256(content)]))).toEqual(
      flmExpectations.artifacts,
    );
  });
});

it('reads from a path', async () => {
  const path = joinPath(await mkdtemp(joinPath(tmpdir(), 'flm-')), 'model.flm');
  await writeFile(path, fixture('protocol2-lzma.flm'));
  expect((await readFlm(path)).meta).toEqual(flmExpectations.meta.protocol2);
});
