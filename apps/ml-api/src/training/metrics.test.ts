import { describe, expect, test } from 'vitest';
import { classificationMetrics, rocAuc } from './metrics';

describe('metrics', () => {
  test('ROC AUC counts the pairs a positive outranks, ties as half', () => {
    // positives 0.8, 0.4; negatives 0.4, 0.1: pairs (0.8>0.4) (0.8>0.1) (0.4=0.4 → ½) (0.4>0.1) = 3.5 / 4
    expect(rocAuc([1, 0, 1, 0], [0.8, 0.4, 0.4, 0.1])).toBe(0.875);
    expect(rocAuc([0, 0, 1], [0.1, 0.2, 0.9])).toBe(1);
    expect(rocAuc([1, 1], [0.1, 0.2])).toBeNaN();
  });

  test('accuracy and F1 of the positive class at 0.5', () => {
    // predicted 1, 1, 0, 0 against 1, 0, 1, 0: TP 1, FP 1, FN 1, TN 1
    expect(classificationMetrics([1, 0, 1, 0], [0.9, 0.6, 0.5, 0.2])).toEqual({
      accuracy: 0.5,
      roc_auc: 0.75,
      f1: 0.5,
    });
  });
});
