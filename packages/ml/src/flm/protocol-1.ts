import { readArtifactEntries } from './artifact-entries';
import { Cursor } from './cursor';
import type { BodyLayout } from './layout';
import { takeSections } from './section-sizes';
import type { FlmCompression } from './types';

/**
 * Protocol 1 (Flama 1.12 to 2.x): `u64 meta_size | u64 model_size | u32 artifact_count |
 * u64 artifacts_size`, then meta, model and artifacts, all with the file's codec and a binary model.
 */
export function protocol1Layout(body: Uint8Array, compression: FlmCompression): BodyLayout {
  const cursor = new Cursor(body, 0, body.length, 'body');
  const metaSize = cursor.u64('meta size');
  const modelSize = cursor.u64('model size');
  const count = cursor.u32('artifact count');
  const [meta, model, artifacts] = takeSections(cursor, {
    meta: metaSize,
    model: modelSize,
    artifacts: cursor.u64('artifacts size'),
  }) as [Uint8Array, Uint8Array, Uint8Array];
  return {
    meta: { codec: compression, data: meta },
    stored: { artifacts, model },
    artifacts: () =>
      readArtifactEntries(
        new Cursor(artifacts, 0, artifacts.length, 'artifacts section'),
        count,
        compression,
      ),
    model: () => ({ kind: 'binary', content: { codec: compression, data: model } }),
  };
}
