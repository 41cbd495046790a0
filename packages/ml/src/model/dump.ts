import { randomUUID } from 'node:crypto';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { WritableCodecName } from '../codecs/codec';
import { OnnxModel } from '../engine/onnx-model';
import { loadRuntime } from '../engine/runtime';
import type { FlmMeta } from '../flm/meta';
import { writeFlm } from '../flm/writer';

/** The `.flm` file can't be written where it was asked to be. */
export class DumpError extends Error {
  override name = 'DumpError';
}

export interface DumpOptions {
  /** Default: a random UUID. */
  id?: string;
  /** Default: now, as ISO 8601. */
  timestamp?: string | Date;
  params?: Record<string, unknown>;
  metrics?: Record<string, unknown>;
  extra?: Record<string, unknown>;
  /** Files to pack beside the model: artifact name → path (names are plain file names). */
  artifacts?: Record<string, string>;
  /** Default `zstd`. */
  compression?: WritableCodecName;
}

/**
 * Packs an ONNX model (its bytes or a `.onnx` path) into a `.flm` file at `path` with its metadata, its
 * signature (read by loading the model once, so a model ONNX Runtime can't run is refused here) and artifacts.
 * The file appears whole or not at all.
 */
export async function dump(
  model: Uint8Array | string,
  path: string,
  options: DumpOptions = {},
): Promise<void> {
  const bytes = typeof model === 'string' ? new Uint8Array(await readFile(model)) : model;
  const engine = await OnnxModel.create(bytes);
  const signature = engine.signature;
  await engine.close();
  const artifacts = new Map<string, Uint8Array>();
  for (const [name, file] of Object.entries(options.artifacts ?? {})) {
    artifacts.set(name, new Uint8Array(await readFile(file)));
  }
  const timestamp = options.timestamp ?? new Date();
  const meta: FlmMeta = {
    id: options.id ?? randomUUID(),
    timestamp: typeof timestamp === 'string' ? timestamp : timestamp.toISOString(),
    framework: {
      family: 'onnx',
      lib: 'onnx',
      version: (await loadRuntime()).env.versions.common,
      config: null,
    },
    model: {
      obj: 'onnx.ModelProto',
      info: null,
      params: options.params ?? null,
      metrics: options.metrics ?? null,
    },
    extra: options.extra ?? null,
    signature,
  };
  const file = await writeFlm({
    meta,
    artifacts,
    model: { kind: 'binary', bytes },
    compression: options.compression,
  });
  const directory = dirname(resolve(path));
  if (!(await stat(directory).catch(() => undefined))?.isDirectory()) {
    throw new DumpError(`Can't write ${path}: the directory ${directory} does not exist`);
  }
  const partial = `${path}.${process.pid}.partial`;
  await writeFile(partial, file);
  await rename(partial, path);
}
