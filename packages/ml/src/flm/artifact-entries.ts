import type { CodecName } from '../codecs/codec';
import { decodeArtifactName } from './artifact-name';
import type { Cursor } from './cursor';
import { FlmFormatError } from './errors';
import type { StoredArtifact } from './layout';

const ENTRY_HEADER = 12;

/** Reads `count` entries `u32 name_len | u64 content_len | name | content` that fill the cursor exactly. */
export function readArtifactEntries(cursor: Cursor, count: number, codec: CodecName): StoredArtifact[] {
  if (count * ENTRY_HEADER > cursor.remaining) {
    throw new FlmFormatError('size-mismatch', `${count} artifacts cannot fit in the artifacts section`);
  }
  const seen = new Set<string>();
  const artifacts: StoredArtifact[] = [];
  for (let i = 1; i <= count; i++) {
    const nameLength = cursor.u32(`artifact ${i}'s name length`);
    const contentLength = cursor.size(`artifact ${i}'s content`);
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
