import type { FlmMeta } from './meta';

/** The file-level compressions of protocols 1 and 2 (ids 1–4 in the header). */
export type FlmCompression = 'bz2' | 'lzma' | 'zlib' | 'zstd';

/** The compressions of the legacy tar archives written by Flama ≤ 1.11. */
export type LegacyCompression = 'gzip' | 'bz2' | 'xz';

/** `binary`: the model's bytes (ONNX for us); `bundle`: a tar stream of a model directory. */
export type ModelKind = 'binary' | 'bundle';

export interface FlmModel {
  kind: ModelKind;
  /**
   * The model payload as Flama's model serializers receive it: the ONNX model for files we write,
   * base64 text of a pickle / torch / keras file for Python models (see `frameworkLib`).
   */
  bytes: Uint8Array;
}

/** A `.flm` file, read and verified. */
export interface FlmFile {
  protocol: 1 | 2 | 'legacy';
  compression: FlmCompression | LegacyCompression;
  meta: FlmMeta;
  artifacts: Map<string, Uint8Array>;
  model: FlmModel;
}
