import type { OnnxModel, Row } from '../engine/onnx-model';
import type { TensorInput } from '../engine/tensor-input';
import type { FlmMeta } from '../flm/meta';
import type { Artifacts } from './artifacts';
import type { PythonModelError } from './python-model-error';

/**
 * A model loaded from a `.flm` file: its metadata, its artifacts, and inference. A model only Python can
 * run (see `runnable`) still has its metadata and artifacts; running it throws the PythonModelError that
 * says how to export it to ONNX.
 */
export class Model {
  constructor(
    readonly meta: FlmMeta,
    readonly artifacts: Artifacts,
    private readonly engine: OnnxModel | PythonModelError,
  ) {}

  /** False for a Python model: inspect it, but export it to ONNX to predict. */
  get runnable(): boolean {
    return !(this.engine instanceof Error);
  }

  /** Why the model can't run here, and what to do about it; undefined when it can. */
  get notRunnableReason(): string | undefined {
    return this.engine instanceof Error ? this.engine.message : undefined;
  }

  get signature(): OnnxModel['signature'] | undefined {
    return this.engine instanceof Error ? undefined : this.engine.signature;
  }

  /** What `GET /` of a served model answers: the metadata and the artifacts' names. */
  inspect(): { meta: FlmMeta; artifacts: string[] } {
    return { meta: this.meta, artifacts: this.artifacts.names };
  }

  /** One output per row. */
  async predict(rows: readonly Row[]): ReturnType<OnnxModel['predict']> {
    return this.onnx().predict(rows);
  }

  /** One array of class probabilities per row. */
  async predictProba(rows: readonly Row[]): ReturnType<OnnxModel['predictProba']> {
    return this.onnx().predictProba(rows);
  }

  /** Runs the model on named tensors; answers every tensor output with its shape. */
  async run(inputs: Readonly<Record<string, TensorInput>>): ReturnType<OnnxModel['run']> {
    return this.onnx().run(inputs);
  }

  async close(): Promise<void> {
    if (!(this.engine instanceof Error)) await this.engine.close();
  }

  private onnx(): OnnxModel {
    if (this.engine instanceof Error) throw this.engine;
    return this.engine;
  }
}
