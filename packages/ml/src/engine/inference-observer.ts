/** What one run of a model on an inference thread did: for metrics and tracing. */
export interface BatchObservation {
  /** Rows in the run, all requests together. */
  readonly rows: number;
  /** Requests joined in the run. */
  readonly requests: number;
  /** Seconds each request waited in the queue before the run started. */
  readonly queueDelays: readonly number[];
  /** Seconds from handing the batch to the thread to its answer. */
  readonly inferenceSeconds: number;
}

/** Told of every run; must not throw (an observer's error is dropped, never a request's). */
export type BatchObserver = (observation: BatchObservation) => void;
