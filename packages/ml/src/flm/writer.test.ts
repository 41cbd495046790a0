import { describe, expect, it } from 'vitest';
import type { WritableCodecName } from '../codecs/codec';
import { sha256 } from '../testing/flm-fixtures/fixtures';
import type { FlmFormatError } from './errors';
import { readFlm } from './reader';
import { writeFlm } from './writer';

const encode = (value: string) => new TextEncoder().encode(value);
const meta = {
  id: 'churn',
  framework: { family: 'ml', lib: 'onnx', version: '1.17.0' },
  model: { obj: 'Pipeline' },
};
const artifacts = new Map([
  ['artifact.json', encode('{"agents_per_client": 3}')],
  ['empty.bin', new Uint8Array(0)],
]);
const model = { kind: 'binary' as const, bytes: encode('onnx bytes '.repeat(1000)) };

/** Offsets of the artifacts and model sections, read from the body's size fields. */
function sections(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const metaSize = Number(view.getBigUint64(16));
  const artifactsStart = 40 + metaSize;
  const modelStart = artifactsStart + Number(view.getBigUint64(24));
  return {
    header: [view.getUint32(0), view.getUint32(4)],
    artifactsStart,
    modelStart,
    firstBytes: [bytes[40], bytes[artifactsStart], bytes[modelStart]],
  };
}

async function reason(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (error: FlmFormatError) => error.reason,
  );
}

describe.each<[WritableCodecName, number, number]>([
  ['zstd', 4, 0x00],
  ['zlib', 3, 0x00],
  ['none', 4, 0xff],
])('writing with %s', (compression, headerId, sectionByte) => {
  it('lays out protocol 2 and reads back what it wrote, with checksums', async () => {
    const bytes = await writeFlm({ meta, artifacts, model, compression });
    const layout = sections(bytes);
    expect(layout.header).toEqual([2, headerId]);
    expect(layout.firstBytes).toEqual([sectionByte, sectionByte, sectionByte]);

    const flm = await readFlm(bytes);
    expect(flm.protocol).toBe(2);
    expect(flm.meta).toEqual({
      ...meta,
      checksums: {
        artifacts: `sha256:${sha256(bytes.subarray(layout.artifactsStart, layout.modelStart))}`,
        model: `sha256:${sha256(bytes.subarray(layout.modelStart))}`,
      },
    });
    expect(flm.artifacts).toEqual(artifacts);
    expect(flm.model).toEqual(model);
  });

  it('notices a flipped byte in the artifacts or the model section', async () => {
    const bytes = await writeFlm({ meta, artifacts, model, compression });
    const { artifactsStart, modelStart } = sections(bytes);
    for (const offset of [artifactsStart, artifactsStart + 20, bytes.length - 3, modelStart + 1]) {
      const damaged = bytes.slice();
      damaged[offset]! ^= 0x01;
      expect(await reason(readFlm(damaged))).toBe('checksum-mismatch');
    }
  });
});

describe('writer input', () => {
  it('replaces checksums given in meta by the real ones', async () => {
    const bytes = await writeFlm({ meta: { ...meta, checksums: { artifacts: 'x', model: 'y' } }, model });
    expect((await readFlm(bytes)).meta.checksums?.model).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it.each(['../x', 'a/b', 'a\\b', '', '.', '..', 'nul\0', 'C:x'])(
    'refuses the artifact name %j',
    async (name) => {
      expect(await reason(writeFlm({ meta, model, artifacts: new Map([[name, new Uint8Array(1)]]) }))).toBe(
        'unsafe-name',
      );
    },
  );

  it('refuses meta that is not an object and unknown model kinds', async () => {
    expect(await reason(writeFlm({ meta: [] as never, model }))).toBe('invalid-meta');
    expect(await reason(writeFlm({ meta, model: { kind: 'pickle' as never, bytes: model.bytes } }))).toBe(
      'unknown-model-kind',
    );
  });
});
