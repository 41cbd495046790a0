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

/** How deep metadata may nest: Flama's is a few levels; thousands would overflow the stack of whoever reads it. */
export const MAX_META_DEPTH = 64;

/** Decodes the meta section: UTF-8 JSON holding an object, nested at most MAX_META_DEPTH levels. */
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
  if (depthOf(meta) > MAX_META_DEPTH) {
    throw new FlmFormatError('invalid-meta', `The metadata nests deeper than ${MAX_META_DEPTH} levels`);
  }
  return meta as FlmMeta;
}

/** The nesting depth of parsed JSON, walked without recursion (the input may be hostile). */
function depthOf(value: object): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_META_DEPTH) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * The library that produced the model (`meta.framework.lib`): `onnx` for files we write; `sklearn`,
 * `torch`, `keras`, `tensorflow` or `transformers` for Python Flama's, whose payloads only Python loads.
 */
export function frameworkLib(meta: FlmMeta): string | undefined {
  const lib = meta.framework?.lib;
  return typeof lib === 'string' ? lib : undefined;
}
