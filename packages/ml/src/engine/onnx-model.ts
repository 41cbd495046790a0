import type { InferenceSession } from 'onnxruntime-node';
import { BatchTooLargeError, ModelInputError, ModelLoadError, UnsupportedModelError } from './errors';
import type { InferenceBackend } from './inference-backend';
import { type OutputRole, predictionRole, probabilityRole } from './output-roles';
import type { RawFeeds, RawOutputs } from './raw-tensor';
import { runtimeMessage } from './runtime-message';
import { SessionBackend } from './session-backend';
import { readSignature, type Signature, type TensorSpec } from './signature';
import { type TabularPlan, tabularPlan } from './tabular-plan';
import { type TensorInput, toTensor } from './tensor-input';
import { type OutputTensor, type OutputValue, perRow, readTensor } from './tensor-output';
import { ThreadedBackend, type ThreadedOptions } from './threaded-backend';

export interface OnnxModelOptions extends Partial<ThreadedOptions> {
  readonly intraOpNumThreads?: number;
  readonly interOpNumThreads?: number;
  readonly graphOptimizationLevel?: InferenceSession.SessionOptions['graphOptimizationLevel'];
  readonly executionMode?: InferenceSession.SessionOptions['executionMode'];
  /** Where the model runs, in order of preference; default `['cpu']`. */
  readonly executionProviders?: InferenceSession.SessionOptions['executionProviders'];
  /** The most rows one call takes (the batch dimension of `run()`'s inputs); default 10 000. */
  readonly maxRows?: number;
}

/**
 * A server runs many small predictions at once: one thread per call, without spinning, keeps the event loop's
 * core free and the memory small (ONNX Runtime's defaults, a spinning pool per core, suit one big batch).
 */
const serving: InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
};

/** A cell of a row: `null` is a missing value (NaN in a float column, "" in a string column). */
export type Cell = number | string | boolean | bigint | null;
export type Row = readonly Cell[];
export type Prediction = OutputValue | OutputValue[];

/**
 * An ONNX model and the plans that feed it rows. It runs on the calling thread (`threads` 0, the default), or
 * on inference threads that batch concurrent requests (`threads` ≥ 1, what serving uses).
 */
export class OnnxModel {
  readonly signature: Signature;
  private readonly plan: TabularPlan;
  private readonly prediction: OutputRole;
  private readonly probabilities: OutputRole;
  private readonly inputs: ReadonlyMap<string, TensorSpec>;
  private readonly tensorOutputs: readonly string[];

  private constructor(
    private readonly backend: InferenceBackend,
    private readonly maxRows: number,
  ) {
    this.signature = readSignature(backend);
    this.plan = tabularPlan(this.signature.inputs);
    this.prediction = predictionRole(this.signature.outputs);
    this.probabilities = probabilityRole(this.signature.outputs);
    this.inputs = new Map(
      this.signature.inputs.flatMap((spec) => (spec.kind === 'tensor' ? [[spec.name, spec] as const] : [])),
    );
    this.tensorOutputs = this.signature.outputs
      .filter((spec) => spec.kind === 'tensor')
      .map((spec) => spec.name);
  }

  static async create(model: Uint8Array, options: OnnxModelOptions = {}): Promise<OnnxModel> {
    const {
      maxRows = 10_000,
      threads = 0,
      batching,
      maxQueueSize,
      timeout,
      observe,
      inlineRunMs,
      ...chosen
    } = options;
    const sessionOptions: InferenceSession.SessionOptions = { ...serving, ...chosen };
    let backend: InferenceBackend;
    try {
      backend =
        threads > 0
          ? await ThreadedBackend.create(model, sessionOptions, {
              threads,
              batching,
              maxQueueSize,
              timeout,
              observe,
              inlineRunMs,
            })
          : await SessionBackend.create(model, sessionOptions);
    } catch (error) {
      if (error instanceof ModelLoadError) throw error;
      throw new ModelLoadError(`ONNX Runtime can't load the model: ${runtimeMessage(error)}`, {
        cause: error,
      });
    }
    const created = new OnnxModel(backend, maxRows);
    const { feedPlan } = created.plan;
    if (backend instanceof ThreadedBackend && feedPlan) backend.acceptJsonRows({ feedPlan, maxRows });
    return created;
  }

  /** One output per row: the label of a classifier, the value(s) of a regressor. */
  async predict(rows: readonly Row[]): Promise<Prediction[]> {
    const name = roleName(this.prediction);
    const outputs = await this.backend.run(this.feedRows(rows), [name]);
    return perRow(name, readTensor(outputs[name]!), rows.length);
  }

  /**
   * `predict` for a body `{"input": rows}` given as JSON bytes, answered as JSON text (`{"output": […]}`):
   * parsed, fed, run (joined with other such bodies) and written on an inference thread, so that the event
   * loop only moves bytes. `undefined` when this thread must read it instead: no inference threads, a body that
   * isn't rows fitting the model (`predict` then words the error), or a run small enough for the event loop.
   */
  async predictJson(json: Uint8Array): Promise<string | undefined> {
    if (!(this.backend instanceof ThreadedBackend) || this.prediction.problem !== undefined) return undefined;
    return this.backend.runJson(json, this.prediction.name);
  }

  /** One array of class probabilities per row. */
  async predictProba(rows: readonly Row[]): Promise<number[][]> {
    const name = roleName(this.probabilities);
    const outputs = await this.backend.run(this.feedRows(rows), [name]);
    const probabilities = perRow(name, readTensor(outputs[name]!), rows.length);
    // a probability output is a float tensor: every value is a number
    return probabilities.map((row) => (Array.isArray(row) ? row : [row])) as number[][];
  }

  /** Runs the model on named tensors; answers every tensor output (non-tensor ones can't be read, see README). */
  async run(inputs: Readonly<Record<string, TensorInput>>): Promise<Record<string, OutputTensor>> {
    const feeds: RawFeeds = {};
    for (const [name, input] of Object.entries(inputs)) {
      const spec = this.inputs.get(name);
      if (!spec) {
        throw new ModelInputError(
          'unknown-input',
          `Unknown input '${name}'; the model takes ${[...this.inputs.keys()].join(', ')}`,
        );
      }
      feeds[name] = toTensor(spec, input, this.maxRows);
    }
    const missing = [...this.inputs.keys()].filter((name) => !Object.hasOwn(feeds, name));
    if (missing.length > 0) {
      const names = missing.map((name) => `'${name}'`).join(', ');
      throw new ModelInputError('missing-input', `Missing input ${names}`);
    }
    const outputs: RawOutputs = await this.backend.run(feeds, this.tensorOutputs);
    return Object.fromEntries(this.tensorOutputs.map((name) => [name, readTensor(outputs[name]!)]));
  }

  /** Lets calls already made finish, then releases the native memory; the model can't be used afterwards. */
  async close(): Promise<void> {
    await this.backend.close();
  }

  private feedRows(rows: readonly Row[]): RawFeeds {
    if (!Array.isArray(rows)) throw new ModelInputError('not-rows', 'The input must be an array of rows');
    if (rows.length === 0) throw new ModelInputError('empty-batch', 'The input has no rows');
    if (rows.length > this.maxRows) throw new BatchTooLargeError(rows.length, this.maxRows);
    return this.plan.feeds(rows);
  }
}

function roleName(role: OutputRole): string {
  if (role.problem !== undefined) throw new UnsupportedModelError(role.problem);
  return role.name;
}
