import { readFile, stat } from 'node:fs/promises';
import {
  Budget,
  DEFAULT_MAX_ARTIFACTS_SIZE,
  DEFAULT_MAX_META_SIZE,
  DEFAULT_MAX_SIZE,
  SectionCap,
} from './budget';
import { verifyChecksums } from './checksums';
import { tooLarge } from './errors';
import { readHeader } from './header';
import { legacyCompression, readLegacy } from './legacy';
import { type FlmMeta, parseMeta } from './meta';
import { protocol1Layout } from './protocol-1';
import { protocol2Layout } from './protocol-2';
import type { FlmFile } from './types';

export interface ReadFlmOptions {
  /** Cap on the file's size and on everything it decompresses to, all sections together (default 2 GiB). */
  maxSize?: number;
  /** Cap on the decompressed metadata (default 8 MiB). */
  maxMetaSize?: number;
  /** Cap on the decompressed artifacts, all together (default 256 MiB). */
  maxArtifactsSize?: number;
}

/** What `flama model x.flm inspect` shows: the metadata and the artifacts' names. */
export interface FlmSummary {
  meta: FlmMeta;
  artifacts: string[];
}

/**
 * Reads a `.flm` file (protocol 1, protocol 2 or Flama ≤ 1.11's tar) from bytes or a path, verifying
 * its structure, names, checksums and size limit. Every problem is a FlmFormatError.
 */
export async function readFlm(source: Uint8Array | string, options: ReadFlmOptions = {}): Promise<FlmFile> {
  const { data, budget } = await open(source, options);
  const legacy = legacyCompression(data);
  if (legacy) return readLegacy(data, legacy, budget);
  const { protocol, compression, layout } = readLayout(data);
  const meta = parseMeta(budget.decode(layout.meta, metaCap(options)));
  verifyChecksums(meta, layout.stored);
  const artifactsCap = new SectionCap(
    'artifacts',
    options.maxArtifactsSize ?? DEFAULT_MAX_ARTIFACTS_SIZE,
    'maxArtifactsSize',
  );
  const artifacts = new Map(
    layout.artifacts().map(({ name, content }) => [name, budget.decode(content, artifactsCap)]),
  );
  const { kind, content } = layout.model();
  return { protocol, compression, meta, artifacts, model: { kind, bytes: budget.decode(content) } };
}

/**
 * Reads a `.flm` file's metadata and artifact names without decompressing its artifacts or model (protocols
 * 1 and 2; Flama ≤ 1.11's tar keeps metadata and model in one compressed document, read within `maxSize`).
 */
export async function inspectFlm(
  source: Uint8Array | string,
  options: ReadFlmOptions = {},
): Promise<FlmSummary> {
  const { data, budget } = await open(source, options);
  const legacy = legacyCompression(data);
  if (legacy) {
    const file = readLegacy(data, legacy, budget);
    return { meta: file.meta, artifacts: [...file.artifacts.keys()] };
  }
  const { layout } = readLayout(data);
  const meta = parseMeta(budget.decode(layout.meta, metaCap(options)));
  verifyChecksums(meta, layout.stored);
  return { meta, artifacts: layout.artifacts().map(({ name }) => name) };
}

async function open(source: Uint8Array | string, options: ReadFlmOptions) {
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  if (typeof source === 'string' && (await stat(source)).size > maxSize) throw tooLarge(maxSize);
  const data = typeof source === 'string' ? bytesOf(await readFile(source)) : source;
  if (data.length > maxSize) throw tooLarge(maxSize);
  return { data, budget: new Budget(maxSize) };
}

function readLayout(data: Uint8Array) {
  const { protocol, compression, body } = readHeader(data);
  const layout = protocol === 1 ? protocol1Layout(body, compression) : protocol2Layout(body, compression);
  return { protocol, compression, layout };
}

function metaCap(options: ReadFlmOptions): SectionCap {
  return new SectionCap('metadata', options.maxMetaSize ?? DEFAULT_MAX_META_SIZE, 'maxMetaSize');
}

function bytesOf(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
}
