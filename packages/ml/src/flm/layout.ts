import type { CodecName } from '../codecs/codec';
import type { ModelKind } from './types';

/** Bytes as stored in the file, with the codec that decodes them. */
export interface Stored {
  codec: CodecName;
  data: Uint8Array;
}

export interface StoredArtifact {
  name: string;
  content: Stored;
}

export interface StoredModel {
  kind: ModelKind;
  content: Stored;
}

/**
 * A protocol 1 or 2 body split into its sections, whose sizes add up. The artifacts and model
 * sections are parsed only on demand, so that checksums can be verified first.
 */
export interface BodyLayout {
  meta: Stored;
  /** The artifacts and model sections exactly as stored: what `checksums` cover. */
  stored: { artifacts: Uint8Array; model: Uint8Array };
  artifacts(): StoredArtifact[];
  model(): StoredModel;
}
