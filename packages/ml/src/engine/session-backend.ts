import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { ModelInputError } from './errors';
import type { InferenceBackend } from './inference-backend';
import type { RawFeeds, RawOutputs } from './raw-tensor';
import { loadRuntime, ort } from './runtime';
import { runtimeMessage } from './runtime-message';

/** A failed run is answered to the caller; without this ONNX Runtime also logs it, once per bad request. */
const quietRun: InferenceSession.RunOptions = { logSeverityLevel: 4 };

/** One session on the calling thread: what a script gets from `load()`. A run blocks this thread. */
export class SessionBackend implements InferenceBackend {
  private readonly running = new Set<Promise<unknown>>();

  private constructor(private readonly session: InferenceSession) {}

  static async create(model: Uint8Array, options: InferenceSession.SessionOptions): Promise<SessionBackend> {
    const { InferenceSession } = await loadRuntime();
    return new SessionBackend(await InferenceSession.create(model, options));
  }

  get inputMetadata(): readonly InferenceSession.ValueMetadata[] {
    return this.session.inputMetadata;
  }

  get outputMetadata(): readonly InferenceSession.ValueMetadata[] {
    return this.session.outputMetadata;
  }

  async run(feeds: RawFeeds, fetches: readonly string[]): Promise<RawOutputs> {
    const { Tensor } = ort();
    const tensors: Record<string, Tensor> = {};
    for (const [name, { type, data, dims }] of Object.entries(feeds)) {
      tensors[name] = new Tensor(type, data, dims);
    }
    const run = this.session.run(tensors, fetches, quietRun);
    this.running.add(run);
    try {
      return await run;
    } catch (error) {
      throw new ModelInputError('rejected', `The model rejected the input: ${runtimeMessage(error)}`, {
        cause: error,
      });
    } finally {
      this.running.delete(run);
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.running);
    await this.session.release();
  }
}
