import { readFile, stat } from 'node:fs/promises';
import { Budget, DEFAULT_MAX_SIZE } from './budget';
import { verifyChecksums } from './checksums';
import { tooLarge } from './errors';
import { readHeader } from './header';
import { legacyCompression, readLegacy } from './legacy';
import { parseMeta } from './meta';
import { protocol1Layout } from './protocol-1';
import { protocol2Layout } from './protocol-2';
import type { FlmFile } from './types';

export interface ReadFlmOptions {
  /** Cap on the file's size and on everything it decompresses to, all sections together (default 2 GiB). */
  maxSize?: number;
}

/**
 * Reads a `.flm` file (protocol 1, protocol 2 or Flama ≤ 1.11's tar) from bytes or a path, verifying
 * its structure, names, checksums and size limit. Every problem is a FlmFormatError.
 */
export async function readFlm(source: Uint8Array | string, options: ReadFlmOptions = {}): Promise<FlmFile> {
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  if (typeof source === 'string' && (await stat(source)).size > maxSize) throw tooLarge(maxSize);
  const data = typeof source === 'string' ? bytesOf(await readFile(source)) : source;
  if (data.length > maxSize) throw tooLarge(maxSize);
  return parseFlm(data, new Budget(maxSize));
}

function parseFlm(data: Uint8Array, budget: Budget): FlmFile {
  const legacy = legacyCompression(data);
  if (legacy) return readLegacy(data, legacy, budget);
  const { protocol, compression, body } = readHeader(data);
  const layout = protocol === 1 ? protocol1Layout(body, compression) : protocol2Layout(body, compression);
  const meta = parseMeta(budget.decode(layout.meta));
  verifyChecksums(meta, layout.stored);
  const artifacts = new Map(layout.artifacts().map(({ name, content }) => [name, budget.decode(content)]));
  const { kind, content } = layout.model();
  return { protocol, compression, meta, artifacts, model: { kind, bytes: budget.decode(content) } };
}

function bytesOf(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
}
