import { bz2 } from '../codecs/bz2';
import { decodeXz, XZ_MAGIC } from '../codecs/lzma/xz';
import { gunzip, zlib } from '../codecs/zlib';
import { checkArtifactName } from './artifact-name';
import type { Budget } from './budget';
import { FlmFormatError } from './errors';
import { asMeta, type FlmMeta } from './meta';
import { readTar } from './tar';
import type { FlmFile, LegacyCompression } from './types';

const DECODERS: Record<LegacyCompression, (data: Uint8Array, limit: number) => Uint8Array> = {
  gzip: gunzip,
  bz2: (data, limit) => bz2.decompress(data, limit),
  xz: decodeXz,
};

/** The compression of a legacy archive, told by its magic bytes; undefined when it is not one. */
export function legacyCompression(data: Uint8Array): LegacyCompression | undefined {
  if (data[0] === 0x1f && data[1] === 0x8b) return 'gzip';
  if (data[0] === 0x42 && data[1] === 0x5a && data[2] === 0x68) return 'bz2';
  if (XZ_MAGIC.every((byte, i) => data[i] === byte)) return 'xz';
  return undefined;
}

/**
 * Flama ≤ 1.11's format: a compressed tar with a `model` member (zlib JSON `{"model": "<base64>",
 * "meta": {...}}`) and `artifacts/<name>` members.
 */
export function readLegacy(data: Uint8Array, compression: LegacyCompression, budget: Budget): FlmFile {
  const archive = budget.spend((left) => DECODERS[compression](data, left));
  const artifacts = new Map<string, Uint8Array>();
  let model: Uint8Array | undefined;
  for (const member of readTar(archive)) {
    const path = memberPath(member.name);
    if (member.type !== 'file') continue;
    if (path === 'model') {
      if (model) throw new FlmFormatError('duplicate-name', 'The archive has two model members');
      model = member.data;
    } else if (path.startsWith('artifacts/')) {
      const name = checkArtifactName(path.slice('artifacts/'.length));
      if (artifacts.has(name))
        throw new FlmFormatError('duplicate-name', `Artifact ${JSON.stringify(name)} appears twice`);
      artifacts.set(name, member.data);
    }
  }
  if (!model) throw new FlmFormatError('not-flm', 'The archive has no model member: it is not a .flm file');
  const { meta, payload } = parseModelMember(budget.spend((left) => zlib.decompress(model, left)));
  return { protocol: 'legacy', compression, meta, artifacts, model: { kind: 'binary', bytes: payload } };
}

/** A member's path without a leading `./`; absolute paths and `..` are refused. */
function memberPath(name: string): string {
  if (name.startsWith('/') || name.split(/[/\\]/).includes('..')) {
    throw new FlmFormatError(
      'unsafe-name',
      `Archive member ${JSON.stringify(name)} points outside the archive`,
    );
  }
  return name.replace(/^(\.\/)+/, '');
}

function parseModelMember(bytes: Uint8Array): { meta: FlmMeta; payload: Uint8Array } {
  let content: { model?: unknown; meta?: unknown };
  try {
    content = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new FlmFormatError(
      'invalid-meta',
      `The model member is not UTF-8 JSON: ${(error as Error).message}`,
    );
  }
  if (typeof content?.model !== 'string') {
    throw new FlmFormatError('invalid-meta', 'The model member has no "model" text');
  }
  return { meta: asMeta(content.meta), payload: new TextEncoder().encode(content.model) };
}
