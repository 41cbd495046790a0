import type { WritableCodecName } from '../codecs/codec';
import { writableCodec } from '../codecs/registry';
import { checkArtifactName } from './artifact-name';
import { concat, u8, u32, u64 } from './big-endian';
import { checksumsOf } from './checksums';
import { COMPRESSION_IDS, SECTION_INHERIT, SECTION_NONE } from './compression-ids';
import { FlmFormatError } from './errors';
import { asMeta, type FlmMeta } from './meta';
import { MODEL_KINDS } from './protocol-2';
import type { FlmModel } from './types';

export interface WriteFlmInput {
  meta: FlmMeta;
  artifacts?: ReadonlyMap<string, Uint8Array>;
  model: FlmModel;
  /** Default `zstd`. */
  compression?: WritableCodecName;
}

const encoder = new TextEncoder();

/**
 * Writes a protocol 2 `.flm` file. Every section inherits the file's codec (with `none`, every section
 * says 0xFF and the header names zstd, since it must name a codec). `meta.checksums` is set to the
 * digests of the artifacts and model sections as written.
 */
export async function writeFlm(input: WriteFlmInput): Promise<Uint8Array> {
  const { meta, artifacts = new Map(), model, compression = 'zstd' } = input;
  asMeta(meta);
  const kind = MODEL_KINDS.indexOf(model.kind);
  if (kind === -1)
    throw new FlmFormatError('unknown-model-kind', `Unknown model kind ${JSON.stringify(model.kind)}`);
  const codec = writableCodec(compression);
  const sectionByte = compression === 'none' ? SECTION_NONE : SECTION_INHERIT;

  const entries = [u8(sectionByte), u32(artifacts.size)];
  for (const [name, content] of artifacts) {
    const encodedName = encoder.encode(checkArtifactName(name));
    const compressed = await codec.compress(content);
    entries.push(u32(encodedName.length), u64(compressed.length), encodedName, compressed);
  }
  const artifactsSection = concat(entries);
  const modelSection = concat([u8(sectionByte, kind), await codec.compress(model.bytes)]);
  const checksums = checksumsOf({ artifacts: artifactsSection, model: modelSection });
  const json = encoder.encode(JSON.stringify({ ...meta, checksums }));
  const metaSection = concat([u8(sectionByte), await codec.compress(json)]);

  const sections = [metaSection, artifactsSection, modelSection];
  const bodySize = sections.reduce((size, section) => size + section.length, 3 * 8);
  const fileCompression = COMPRESSION_IDS[compression === 'none' ? 'zstd' : compression];
  const header = [u32(2), u32(fileCompression), u64(bodySize)];
  return concat([...header, ...sections.map((section) => u64(section.length)), ...sections]);
}
