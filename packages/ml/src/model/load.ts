import { OnnxModel, type OnnxModelOptions } from '../engine/onnx-model';
import { frameworkLib } from '../flm/meta';
import { type ReadFlmOptions, readFlm } from '../flm/reader';
import { Artifacts } from './artifacts';
import { Model } from './model';
import { PythonModelError } from './python-model-error';

export interface LoadOptions extends OnnxModelOptions, ReadFlmOptions {}

/**
 * Loads a `.flm` file (a path relative to the working directory, or its bytes) into a ready model. A model
 * only Python can run (Flama's pickle, torch or keras payloads) loads for inspection; running it throws a
 * PythonModelError saying how to export it to ONNX.
 */
export async function load(source: string | Uint8Array, options: LoadOptions = {}): Promise<Model> {
  const { maxSize, ...engineOptions } = options;
  const file = await readFlm(source, { maxSize });
  const lib = frameworkLib(file.meta);
  const engine =
    lib === undefined || lib === 'onnx'
      ? await OnnxModel.create(file.model.bytes, engineOptions)
      : new PythonModelError(lib, typeof source === 'string' ? source : 'The file');
  return new Model(file.meta, new Artifacts(file.artifacts), engine);
}
