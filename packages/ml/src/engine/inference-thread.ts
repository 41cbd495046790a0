import { Worker } from 'node:worker_threads';
import type { InferenceSession } from 'onnxruntime-node';
import { InferenceThreadError, ModelLoadError } from './errors';
import type { FeedPlan } from './feed-rows.js';
import type { RawOutputs } from './raw-tensor';
import { runtimeMessage } from './runtime-message';
import type { SessionMetadata } from './signature';
import { type TensorPack, transferList, unpackTensors } from './tensor-pack.js';

/** Sits beside this file in the sources and in the published build (copied there by the build). */
const script = new URL('./inference-worker.js', import.meta.url);

/** What a thread answers for a run: the outputs and how long the session took (ms), or ONNX Runtime's error. */
export type RunResult = { readonly outputs: RawOutputs; readonly ms: number } | { readonly error: string };

/**
 * What a thread answers for JSON bodies run together: each one's response text and rows (`null` and 0 for a
 * body that isn't rows fitting the model, which the caller reads itself), or ONNX Runtime's error.
 */
export type JsonRunResult =
  | { readonly texts: readonly (string | null)[]; readonly rows: readonly number[]; readonly ms: number }
  | { readonly error: string };

type Reply =
  | { id: number; pack: TensorPack; ms: number }
  | { id: number; texts: (string | null)[]; rows: number[]; ms: number }
  | { id: number; error: string };

/** What a thread needs to feed rows it parses itself (see `runJson`). */
export interface JsonRows {
  readonly feedPlan: FeedPlan;
  readonly maxRows: number;
}
type Pending = { resolve(result: RunResult | JsonRunResult): void; reject(error: Error): void };

/** A worker thread holding one ONNX Runtime session of the model; runs one batch at a time. */
export class InferenceThread implements SessionMetadata {
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private exited = false;

  private constructor(
    private readonly worker: Worker,
    readonly inputMetadata: readonly InferenceSession.ValueMetadata[],
    readonly outputMetadata: readonly InferenceSession.ValueMetadata[],
    onExit: () => void,
  ) {
    worker.on('message', (reply: Reply) => {
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      pending?.resolve('pack' in reply ? { outputs: unpackTensors(reply.pack), ms: reply.ms } : reply);
    });
    const fail = (error: Error) => {
      if (this.exited) return;
      this.exited = true;
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
      onExit();
    };
    worker.on('error', (error) =>
      fail(new InferenceThreadError(`An inference thread failed: ${error.message}`)),
    );
    worker.on('exit', (code) => fail(new InferenceThreadError(`An inference thread exited (code ${code})`)));
  }

  /** Starts a thread and its session; `onExit` is told when the thread stops without being closed. */
  static start(
    model: Uint8Array,
    sessionOptions: InferenceSession.SessionOptions,
    jsonRows: JsonRows | undefined,
    onExit: () => void,
  ): Promise<InferenceThread> {
    const worker = new Worker(script, { workerData: { model, sessionOptions, jsonRows } });
    return new Promise((resolve, reject) => {
      const failed = (error: Error) => {
        void worker.terminate();
        reject(new ModelLoadError(`ONNX Runtime can't load the model: ${runtimeMessage(error)}`));
      };
      worker.once('error', failed);
      worker.once('message', (message: { kind: 'ready' | 'failed'; message?: string } & SessionMetadata) => {
        worker.off('error', failed);
        if (message.kind === 'failed') return failed(new Error(message.message));
        resolve(new InferenceThread(worker, message.inputMetadata, message.outputMetadata, onExit));
      });
    });
  }

  /** Alive and running nothing. */
  get idle(): boolean {
    return !this.exited && this.pending.size === 0;
  }

  /** Runs one batch: `pack` holds its joined inputs (a large buffer is moved, not copied). */
  run(pack: TensorPack, fetches: readonly string[]): Promise<RunResult> {
    return this.send({ pack, fetches }, transferList(pack)) as Promise<RunResult>;
  }

  /** From now on, the thread can run JSON bodies of rows (`runJson`). */
  acceptJsonRows(jsonRows: JsonRows): void {
    if (!this.exited) this.worker.postMessage({ jsonRows });
  }

  /**
   * Runs JSON bodies of rows together, parsed and fed on the thread, fetching one output. The bytes are copied,
   * not moved: each request keeps its body, for the event loop to read when the thread finds it unfit.
   */
  runJson(jsons: readonly Uint8Array[], fetch: string): Promise<JsonRunResult> {
    return this.send({ jsons, fetch }, []) as Promise<JsonRunResult>;
  }

  private send(message: object, transfer: ArrayBuffer[]): Promise<RunResult | JsonRunResult> {
    if (this.exited) return Promise.reject(new InferenceThreadError('The inference thread has stopped'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.worker.postMessage({ id, ...message }, transfer);
      this.pending.set(id, { resolve, reject });
    });
  }

  /** Releases the session and ends the thread; call it when no batch is running. */
  async close(): Promise<void> {
    this.exited = true;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.postMessage('release');
    await exited;
  }
}
