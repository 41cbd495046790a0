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

/** Predicts one item of a stream: a row (its one output) or named tensors (every named output). */
export async function predictOne(model: Model, input: unknown): Promise<unknown> {
  if (!Array.isArray(input)) return model.run(input as Record<string, unknown>);
  const [output] = await model.predict([input as Row]);
  return output;
}
