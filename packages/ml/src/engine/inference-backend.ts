import type { RawFeeds, RawOutputs } from './raw-tensor';
import type { SessionMetadata } from './signature';

/** Where a model's runs happen: a session on this thread, or a pool of inference threads. */
export interface InferenceBackend extends SessionMetadata {
  /** Runs one request; answers the fetched outputs, or throws ONNX Runtime's error. */
  run(feeds: RawFeeds, fetches: readonly string[]): Promise<RawOutputs>;
  /** Lets runs already accepted finish, then releases the native memory of every session. */
  close(): Promise<void>;
}
