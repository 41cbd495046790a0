import type { CodecName } from '../codecs/codec';
import { decodeArtifactName } from './artifact-name';
import type { Cursor } from './cursor';
import { FlmFormatError } from './errors';
import type { StoredArtifact } from './layout';

const ENTRY_HEADER = 12;

/** How an entry's `name_len` counts: in bytes (the format, and what Flama reads), or in characters. */
type NameLength = 'bytes' | 'characters';

/** Layout errors that another reading of the name lengths could explain. */
const misaligned: ReadonlySet<string> = new Set([
  'size-mismatch',
  'invalid-name',
  'unsafe-name',
  'duplicate-name',
]);

/**
 * Reads `count` entries `u32 name_len | u64 content_len | name | content` that fill the cursor exactly.
 * Python Flama writes `name_len` as the name's length in characters (`len(name)`) and then its UTF-8 bytes, so
 * for a non-ASCII name its entries don't add up as bytes: when they don't, they are read again with name
 * lengths in characters, and kept if the section then adds up exactly.
 */
export function readArtifactEntries(cursor: Cursor, count: number, codec: CodecName): StoredArtifact[] {
  if (count * ENTRY_HEADER > cursor.remaining) {
    throw new FlmFormatError('size-mismatch', `${count} artifacts cannot fit in the artifacts section`);
  }
  const start = cursor.clone();
  try {
    return readEntries(cursor, count, codec, 'bytes');
  } catch (error) {
    if (!(error instanceof FlmFormatError) || !misaligned.has(error.reason)) throw error;
    try {
      return readEntries(start, count, codec, 'characters');
    } catch {
      throw error;
    }
  }
}

function readEntries(cursor: Cursor, count: number, codec: CodecName, counted: NameLength): StoredArtifact[] {
  const seen = new Set<string>();
  const artifacts: StoredArtifact[] = [];
  for (let i = 1; i <= count; i++) {
    const declared = cursor.u32(`artifact ${i}'s name length`);
    const contentLength = cursor.size(`artifact ${i}'s content`);
    const nameLength = counted === 'bytes' ? declared : utf8Length(cursor.peek(declared * 4), declared);
    const name = decodeArtifactName(cursor.bytes(nameLength, `artifact ${i}'s name`));
    if (seen.has(name))
      throw new FlmFormatError('duplicate-name', `Artifact ${JSON.stringify(name)} appears twice`);
    seen.add(name);
    artifacts.push({
      name,
      content: { codec, data: cursor.bytes(contentLength, `artifact ${name}'s content`) },
    });
  }
  if (cursor.remaining !== 0) {
    throw new FlmFormatError(
      'size-mismatch',
      `${cursor.remaining} bytes follow the last artifact in its section`,
    );
  }
  return artifacts;
}

/**
 * The bytes that `characters` UTF-8 characters (code points, as Python counts them) take at the start of
 * `bytes`; Infinity when `bytes` holds fewer, so that reading them overruns.
 */
function utf8Length(bytes: Uint8Array, characters: number): number {
  let seen = 0;
  let at = 0;
  for (; at < bytes.length; at++) {
    // a byte that doesn't continue a character (10xxxxxx) starts one
    if ((bytes[at]! & 0xc0) !== 0x80) {
      if (seen === characters) return at;
      seen++;
    }
  }
  return seen === characters ? at : Number.POSITIVE_INFINITY;
}
