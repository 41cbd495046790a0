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
  private state: { meta: FlmMeta; artifacts: Artifacts; engine: OnnxModel | PythonModelError };

  constructor(meta: FlmMeta, artifacts: Artifacts, engine: OnnxModel | PythonModelError) {
    this.state = { meta, artifacts, engine };
  }

  get meta(): FlmMeta {
    return this.state.meta;
  }

  get artifacts(): Artifacts {
    return this.state.artifacts;
  }

  /** False for a Python model: inspect it, but export it to ONNX to predict. */
  get runnable(): boolean {
    return !(this.state.engine instanceof Error);
  }

  /** Why the model can't run here, and what to do about it; undefined when it can. */
  get notRunnableReason(): string | undefined {
    return this.state.engine instanceof Error ? this.state.engine.message : undefined;
  }

  get signature(): OnnxModel['signature'] | undefined {
    return this.state.engine instanceof Error ? undefined : this.state.engine.signature;
  }

  /** What `GET /` of a served model answers: the metadata and the artifacts' names. */
  inspect(): { meta: FlmMeta; artifacts: string[] } {
    return { meta: this.meta, artifacts: this.artifacts.names };
  }

  /** One output per row. */
  async predict(rows: readonly Row[]): ReturnType<OnnxModel['predict']> {
    return this.onnx().predict(rows);
  }

  /** `POST /predict/`'s answer to a JSON body of rows, as JSON text made off the event loop; see OnnxModel. */
  async predictJson(json: Uint8Array): ReturnType<OnnxModel['predictJson']> {
    return this.state.engine instanceof Error ? undefined : this.state.engine.predictJson(json);
  }

  /** One array of class probabilities per row. */
  async predictProba(rows: readonly Row[]): ReturnType<OnnxModel['predictProba']> {
    return this.onnx().predictProba(rows);
  }

  /** Runs the model on named tensors; answers every tensor output with its shape. */
  async run(inputs: Readonly<Record<string, TensorInput>>): ReturnType<OnnxModel['run']> {
    return this.onnx().run(inputs);
  }

  /**
   * Takes `next`'s metadata, artifacts and engine, and gives it this one's: calls made from now on use the new
   * model, calls already made finish on the old one, which `next.close()` then releases. How a reload swaps
   * a served model without changing the object that routes hold.
   */
  swap(next: Model): Model {
    [this.state, next.state] = [next.state, this.state];
    return next;
  }

  /** Lets calls already made finish, then releases the engine's native memory and the artifacts' files. */
  async close(): Promise<void> {
    const { engine, artifacts } = this.state;
    await Promise.all([engine instanceof Error ? undefined : engine.close(), artifacts.close()]);
  }

  private onnx(): OnnxModel {
    if (this.state.engine instanceof Error) throw this.state.engine;
    return this.state.engine;
  }
}
