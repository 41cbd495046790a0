import { FlmFormatError } from './errors';

/** Flama's metadata keys, plus `signature` and `checksums`, which we add. Unknown keys are kept. */
export interface FlmMeta {
  id?: string;
  timestamp?: string;
  framework?: { family?: string; lib?: string; version?: string; config?: unknown };
  model?: {
    obj?: string;
    info?: unknown;
    params?: Record<string, unknown> | null;
    metrics?: Record<string, unknown> | null;
  };
  extra?: Record<string, unknown> | null;
  /** The model's inputs and outputs (names, types, shapes, column names), written by our packer. */
  signature?: unknown;
  /** Digests of the stored artifacts and model sections (see docs/flm.md). */
  checksums?: { artifacts: string; model: string };
  [key: string]: unknown;
}

/** Decodes the meta section: UTF-8 JSON holding an object. */
export function parseMeta(bytes: Uint8Array): FlmMeta {
  let meta: unknown;
  try {
    meta = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new FlmFormatError('invalid-meta', `The metadata is not UTF-8 JSON: ${(error as Error).message}`);
  }
  return asMeta(meta);
}

export function asMeta(meta: unknown): FlmMeta {
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    throw new FlmFormatError('invalid-meta', 'The metadata is not a JSON object');
  }
  return meta as FlmMeta;
}

/**
 * The library that produced the model (`meta.framework.lib`): `onnx` for files we write; `sklearn`,
 * `torch`, `keras`, `tensorflow` or `transformers` for Python Flama's, whose payloads only Python loads.
 */
export function frameworkLib(meta: FlmMeta): string | undefined {
  const lib = meta.framework?.lib;
  return typeof lib === 'string' ? lib : undefined;
}
