import { OnnxModel } from '@flama/ml';
import type { ChurnRow } from './churn-columns';
import { TrainingSkewError } from './errors';

/** ONNX computes in float32: its probabilities stay this close to the trainer's double-precision ones. */
export const servingTolerance = 1e-5;

/** The probability of the positive class for each row, as @flama/ml serves the ONNX model. */
export async function servedProbabilities(onnx: Uint8Array, rows: readonly ChurnRow[]): Promise<number[]> {
  const model = await OnnxModel.create(onnx, { maxRows: Math.max(1, rows.length) });
  try {
    return (await model.predictProba(rows)).map((classes) => classes[1]!);
  } finally {
    await model.close();
  }
}

/** Throws when the served probabilities differ from the trained ones (training-vs-serving skew). */
export function checkSkew(trained: readonly number[], served: readonly number[]): void {
  const gaps = trained.map((probability, i) => Math.abs(probability - served[i]!));
  const worst = gaps.indexOf(Math.max(...gaps));
  if (gaps[worst]! > servingTolerance) {
    throw new TrainingSkewError(
      `Held-out row ${worst}: the ONNX model gives ${served[worst]} and the trainer ${trained[worst]} ` +
        `(tolerance ${servingTolerance}); the graph doesn't compute what was trained`,
    );
  }
}
