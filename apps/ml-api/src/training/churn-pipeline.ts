import type { ChurnRow } from './churn-columns';
import { type LogisticRegression, sigmoid } from './logistic-regression';
import { type Preprocessing, transformRow } from './preprocessing';

/** The fitted model in TypeScript: what the ONNX graph computes, in double precision. */
export interface ChurnPipeline {
  readonly preprocessing: Preprocessing;
  readonly classifier: LogisticRegression;
}

/** The probability that each customer exits. */
export function churnProbabilities(
  { preprocessing, classifier }: ChurnPipeline,
  rows: readonly ChurnRow[],
): number[] {
  return rows.map((row) => {
    const features = transformRow(preprocessing, row);
    return sigmoid(
      features.reduce((sum, value, j) => sum + value * classifier.weights[j]!, classifier.intercept),
    );
  });
}
