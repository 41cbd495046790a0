import { ModelInputError } from '../engine/errors';
import type { Prediction, Row } from '../engine/onnx-model';
import type { OutputTensor } from '../engine/tensor-output';
import type { Model } from '../model/model';

/** Predicts for what `POST /predict/` takes: rows (one output each) or named tensors (every named output). */
export async function predictMany(
  model: Model,
  input: unknown,
): Promise<Prediction[] | Record<string, OutputTensor>> {
  return Array.isArray(input) ? model.predict(input as Row[]) : model.run(input as Record<string, unknown>);
}

/**
 * Predicts one item of a stream or socket: a row (its one output) or named tensors (every named output). A
 * refused row is named by `label` (`Item 3`), not as row 0 of a batch of one.
 */
export async function predictOne(model: Model, input: unknown, label: string): Promise<unknown> {
  if (!Array.isArray(input)) return model.run(input as Record<string, unknown>);
  try {
    const [output] = await model.predict([input as Row]);
    return output;
  } catch (error) {
    if (!(error instanceof ModelInputError)) throw error;
    throw new ModelInputError(error.reason, error.message.replace(/^Row 0\b/, label), { cause: error });
  }
}
