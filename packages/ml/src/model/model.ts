import type { OnnxModel, Row } from '../engine/onnx-model';
import type { TensorInput } from '../engine/tensor-input';
import type { FlmMeta } from '../flm/meta';
import type { Artifacts } from './artifacts';

/** A model loaded from a `.flm` file: its metadata, its artifacts, and inference. */
export class Model {
  constructor(
    readonly meta: FlmMeta,
    readonly artifacts: Artifacts,
    private readonly engine: OnnxModel,
  ) {}

  get signature(): OnnxModel['signature'] {
    return this.engine.signature;
  }

  /** What `GET /` of a served model answers: the metadata and the artifacts' names. */
  inspect(): { meta: FlmMeta; artifacts: string[] } {
    return { meta: this.meta, artifacts: this.artifacts.names };
  }

  predict(rows: readonly Row[]): ReturnType<OnnxModel['predict']> {
    return this.engine.predict(rows);
  }

  predictProba(rows: readonly Row[]): ReturnType<OnnxModel['predictProba']> {
    return this.engine.predictProba(rows);
  }

  run(inputs: Readonly<Record<string, TensorInput>>): ReturnType<OnnxModel['run']> {
    return this.engine.run(inputs);
  }

  close(): Promise<void> {
    return this.engine.close();
  }
}
