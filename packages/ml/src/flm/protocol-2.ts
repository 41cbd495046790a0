import { readArtifactEntries } from './artifact-entries';
import { sectionCodec } from './compression-ids';
import { Cursor } from './cursor';
import { FlmFormatError } from './errors';
import type { BodyLayout } from './layout';
import { takeSections } from './section-sizes';
import type { FlmCompression, ModelKind } from './types';

export const MODEL_KINDS: ModelKind[] = ['binary', 'bundle'];

/**
 * Protocol 2: `u64 meta_size | u64 artifacts_size | u64 model_size`, then the sections, each opening
 * with its codec byte. Meta: codec + JSON. Artifacts: codec + `u32 count` + entries. Model: codec +
 * kind byte + payload.
 */
export function protocol2Layout(body: Uint8Array, compression: FlmCompression): BodyLayout {
  const cursor = new Cursor(body, 0, body.length, 'body');
  const [meta, artifacts, model] = takeSections(cursor, {
    meta: cursor.u64('meta size'),
    artifacts: cursor.u64('artifacts size'),
    model: cursor.u64('model size'),
  }) as [Uint8Array, Uint8Array, Uint8Array];
  const metaCursor = section(meta, 'meta');
  return {
    meta: { codec: sectionCodec(metaCursor.u8('codec byte'), compression, 'meta'), data: metaCursor.rest() },
    stored: { artifacts, model },
    artifacts() {
      const entries = section(artifacts, 'artifacts');
      const codec = sectionCodec(entries.u8('codec byte'), compression, 'artifacts');
      return readArtifactEntries(entries, entries.u32('artifact count'), codec);
    },
    model() {
      const payload = section(model, 'model');
      const codec = sectionCodec(payload.u8('codec byte'), compression, 'model');
      const kindByte = payload.u8('kind byte');
      const kind = MODEL_KINDS[kindByte];
      if (!kind)
        throw new FlmFormatError('unknown-model-kind', `Unknown model kind ${kindByte} in the model section`);
      return { kind, content: { codec, data: payload.rest() } };
    },
  };
}

function section(bytes: Uint8Array, name: string): Cursor {
  return new Cursor(bytes, 0, bytes.length, `${name} section`);
}
