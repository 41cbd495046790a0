/** What one run of a model did: for metrics and tracing. */
export interface BatchObservation {
  /** Rows in the run, all requests together. */
  readonly rows: number;
  /** Requests joined in the run. */
  readonly requests: number;
  /** Seconds each request waited in the queue before the run started. */
  readonly queueDelays: readonly number[];
  /** Seconds from handing the batch to the thread to its answer. */
  readonly inferenceSeconds: number;
  /** The run was small and every thread idle, so it ran on the event loop (see `inlineRunMs`). */
  readonly onEventLoop: boolean;
}

/** One request's share of a run. */
export interface RequestObservation {
  readonly rows: number;
  /** Rows of the run it joined, its own included. */
  readonly batchRows: number;
  readonly queueSeconds: number;
  readonly inferenceSeconds: number;
  /** The run failed for this request (the model refused it, or its thread stopped). */
  readonly failed: boolean;
  /** When the run started and ended, in `Date.now()` milliseconds (for spans). */
  readonly startedAt: number;
  readonly endedAt: number;
}

/** Told what inference threads do. Nothing it throws reaches a request. */
export interface InferenceObserver {
  batch?(observation: BatchObservation): void;
  /**
   * Called as a request joins the queue, in the request's async context (where a tracer's active span is);
   * what it answers is given back to `request`.
   */
  enter?(): unknown;
  request?(entered: unknown, observation: RequestObservation): void;
}
