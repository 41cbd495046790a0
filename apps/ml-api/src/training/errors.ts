/** The data can't be used for training: a wrong header, a field of the wrong type, a column without values. */
export class ChurnDataError extends Error {
  override readonly name = 'ChurnDataError';
}

/** The exported ONNX model doesn't predict what the trainer computed: it would serve another model. */
export class TrainingSkewError extends Error {
  override readonly name = 'TrainingSkewError';
}

/** Newton's method didn't settle within its iterations (it always does when `l2` > 0 on finite features). */
export class ConvergenceError extends Error {
  override readonly name = 'ConvergenceError';
}
