import { ConvergenceError } from './errors';
import { solveSymmetric } from './solve';

export interface LogisticRegressionOptions {
  /** L2 penalty on the weights (not the intercept): `l2 / 2 · ‖w‖²`, scikit-learn's `1 / C`. */
  readonly l2: number;
  /** `balanced` weighs each class by `rows / (2 · rows of the class)`, as scikit-learn does. */
  readonly classWeight: 'balanced' | 'none';
  readonly maxIterations: number;
  /** Stop when no parameter moves by more than this. */
  readonly tolerance: number;
}

export interface LogisticRegression {
  readonly weights: readonly number[];
  readonly intercept: number;
  readonly iterations: number;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

/**
 * Fits `P(y = 1) = σ(w·x + b)` by Newton's method with a halving line search: exact, deterministic, and a
 * handful of iterations for a few dozen features.
 */
export function fitLogisticRegression(
  features: readonly (readonly number[])[],
  labels: readonly (0 | 1)[],
  { l2, classWeight, maxIterations, tolerance }: LogisticRegressionOptions,
): LogisticRegression {
  const size = (features[0]?.length ?? 0) + 1; // the weights, then the intercept
  const rows = features.map((row) => [...row, 1]);
  const weights = rowWeights(labels, classWeight);
  const loss = (theta: readonly number[]) =>
    rows.reduce((sum, row, i) => {
      const z = dot(row, theta);
      return sum + weights[i]! * (softplus(z) - labels[i]! * z);
    }, 0) +
    (l2 / 2) * theta.slice(0, -1).reduce((sum, value) => sum + value * value, 0);

  let theta = new Array<number>(size).fill(0);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const gradient = theta.map((value, j) => (j < size - 1 ? l2 * value : 0));
    const hessian = Array.from({ length: size }, (_, j) =>
      Array.from({ length: size }, (_, k) => (j === k && j < size - 1 ? l2 : 0)),
    );
    rows.forEach((row, i) => {
      const p = sigmoid(dot(row, theta));
      const residual = weights[i]! * (p - labels[i]!);
      const curvature = weights[i]! * p * (1 - p);
      for (let j = 0; j < size; j++) {
        gradient[j]! += residual * row[j]!;
        for (let k = 0; k <= j; k++) hessian[j]![k]! += curvature * row[j]! * row[k]!;
      }
    });
    for (let j = 0; j < size; j++) for (let k = j + 1; k < size; k++) hessian[j]![k] = hessian[k]![j]!;

    const step = solveSymmetric(hessian, gradient);
    const current = loss(theta);
    let scale = 1;
    let next = theta.map((value, j) => value - step[j]!);
    while (loss(next) > current && scale > 1e-6) {
      scale /= 2;
      next = theta.map((value, j) => value - scale * step[j]!);
    }
    const moved = Math.max(...next.map((value, j) => Math.abs(value - theta[j]!)));
    theta = next;
    if (moved < tolerance) {
      return { weights: theta.slice(0, -1), intercept: theta[size - 1]!, iterations: iteration };
    }
  }
  throw new ConvergenceError(`Logistic regression didn't converge in ${maxIterations} iterations`);
}

function rowWeights(labels: readonly (0 | 1)[], classWeight: 'balanced' | 'none'): number[] {
  if (classWeight === 'none') return labels.map(() => 1);
  const positives = labels.filter((label) => label === 1).length;
  const counts = [labels.length - positives, positives];
  return labels.map((label) => labels.length / (2 * counts[label]!));
}

const dot = (a: readonly number[], b: readonly number[]) =>
  a.reduce((sum, value, i) => sum + value * b[i]!, 0);
