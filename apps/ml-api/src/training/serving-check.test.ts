import { describe, expect, test } from 'vitest';
import { TrainingSkewError } from './errors';
import { checkSkew, servingTolerance } from './serving-check';

describe('checkSkew', () => {
  test('accepts float32 rounding, refuses a model that predicts something else', () => {
    expect(() => checkSkew([0.25, 0.5], [0.25 + servingTolerance / 10, 0.5])).not.toThrow();
    expect(() => checkSkew([0.25, 0.5], [0.25, 0.5002])).toThrow(TrainingSkewError);
    expect(() => checkSkew([0.25, 0.5], [0.25, 0.5002])).toThrow(
      /^Held-out row 1: the ONNX model gives 0.5002/,
    );
  });
});
