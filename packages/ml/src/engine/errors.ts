/** What is wrong with the input of a prediction. */
export type ModelInputErrorReason =
  | 'empty-batch'
  | 'not-rows'
  | 'column-count'
  | 'ragged'
  | 'wrong-type'
  | 'shape'
  | 'unknown-input'
  | 'missing-input'
  | 'rejected';

/** The input doesn't fit the model: a 400 at the HTTP edge, the message as detail. */
export class ModelInputError extends Error {
  override name = 'ModelInputError';
  readonly status = 400;
  readonly expose = true;

  constructor(
    readonly reason: ModelInputErrorReason,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** More rows in one call than the model's `maxRows`: a 413 at the HTTP edge. */
export class BatchTooLargeError extends Error {
  override name = 'BatchTooLargeError';
  readonly status = 413;
  readonly expose = true;

  constructor(
    readonly rows: number,
    readonly limit: number,
  ) {
    super(`The batch has ${rows} rows; this model takes at most ${limit} per call`);
  }
}

/** The model can't be used this way (e.g. probabilities behind a ZipMap); the message says what to change. */
export class UnsupportedModelError extends Error {
  override name = 'UnsupportedModelError';
  readonly status = 400;
  readonly expose = true;
}

/** ONNX Runtime could not load the bytes as a model. */
export class ModelLoadError extends Error {
  override name = 'ModelLoadError';
}

/** The model's queue is full: a 503 with `Retry-After`, so that clients and load balancers back off. */
export class ModelOverloadedError extends Error {
  override name = 'ModelOverloadedError';
  readonly status = 503;
  readonly expose = true;
  readonly headers = { 'retry-after': '1' };

  constructor(readonly maxQueueSize: number) {
    super(`The model is overloaded: its queue of ${maxQueueSize} waiting requests is full; retry shortly`);
  }
}

/** A request waited in the model's queue longer than its deadline: a 504. */
export class ModelTimeoutError extends Error {
  override name = 'ModelTimeoutError';
  readonly status = 504;
  readonly expose = true;

  constructor(readonly timeout: number) {
    super(
      `The model did not start this prediction within ${timeout} ms; retry, or raise the model's timeout`,
    );
  }
}

/** An inference thread stopped (crashed or was closed) while it held this request. */
export class InferenceThreadError extends Error {
  override name = 'InferenceThreadError';
}
