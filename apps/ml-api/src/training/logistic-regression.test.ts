import { describe, expect, test } from 'vitest';
import { fitLogisticRegression, sigmoid } from './logistic-regression';
import { Random } from './random';

describe('fitLogisticRegression', () => {
  const random = new Random(5);
  const features = Array.from({ length: 400 }, () => [random.normal(), random.normal()]);
  const labels = features.map(([a, b]) => (random.next() < sigmoid(2 * a! - b! + 0.5) ? 1 : 0) as 0 | 1);
  const options = { l2: 1, classWeight: 'none', maxIterations: 50, tolerance: 1e-10 } as const;

  test('reaches the optimum: the penalized gradient vanishes', () => {
    const { weights, intercept, iterations } = fitLogisticRegression(features, labels, options);
    const gradient = [options.l2 * weights[0]!, options.l2 * weights[1]!, 0];
    features.forEach((row, i) => {
      const residual = sigmoid(row[0]! * weights[0]! + row[1]! * weights[1]! + intercept) - labels[i]!;
      gradient[0]! += residual * row[0]!;
      gradient[1]! += residual * row[1]!;
      gradient[2]! += residual;
    });
    for (const value of gradient) expect(Math.abs(value)).toBeLessThan(1e-8);
    expect(iterations).toBeLessThan(15);
    expect(weights[0]).toBeGreaterThan(1);
    expect(weights[1]).toBeLessThan(0);
  });

  test('balanced class weights raise the intercept of a minority positive class', () => {
    const rare = labels.map((label, i) => (label === 1 && i % 3 === 0 ? 1 : 0) as 0 | 1);
    const plain = fitLogisticRegression(features, rare, options);
    const balanced = fitLogisticRegression(features, rare, { ...options, classWeight: 'balanced' });
    expect(balanced.intercept).toBeGreaterThan(plain.intercept);
  });
});
