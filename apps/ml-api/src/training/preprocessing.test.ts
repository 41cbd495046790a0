import { describe, expect, test } from 'vitest';
import type { ChurnRow } from './churn-columns';
import { ChurnDataError } from './errors';
import { fitPreprocessing, transformRow } from './preprocessing';

const row = (creditScore: number | null, geography: string | null, age: number | null): ChurnRow => [
  1,
  15_600_000,
  'Hill',
  creditScore,
  geography,
  'Female',
  age,
  3,
  0,
  1,
  1,
  0,
  50_000,
];

describe('preprocessing', () => {
  const rows = [row(600, 'Spain', 30), row(null, 'France', 50), row(800, 'Spain', null)];
  const fitted = fitPreprocessing(rows);

  test('means ignore missing values; deviations count them at the mean (scikit-learn imputer then scaler)', () => {
    const creditScore = fitted.numeric.find(({ name }) => name === 'CreditScore')!;
    expect(creditScore.mean).toBe(700);
    expect(creditScore.deviation).toBeCloseTo(Math.sqrt((100 ** 2 + 0 + 100 ** 2) / 3), 12);
    // a constant column keeps a deviation of 1
    expect(fitted.numeric.find(({ name }) => name === 'Tenure')!.deviation).toBe(1);
  });

  test('categories are sorted; unseen and missing ones encode as zeros', () => {
    expect(fitted.features.slice(-3)).toEqual(['Geography=France', 'Geography=Spain', 'Gender=Female']);
    expect(transformRow(fitted, row(700, 'Spain', 40)).slice(-3)).toEqual([0, 1, 1]);
    expect(transformRow(fitted, row(700, 'Germany', 40)).slice(-3)).toEqual([0, 0, 1]);
    expect(transformRow(fitted, row(700, null, 40)).slice(-3)).toEqual([0, 0, 1]);
  });

  test('a missing number becomes its mean, hence 0 once scaled', () => {
    expect(transformRow(fitted, row(null, 'Spain', null)).slice(0, 2)).toEqual([0, 0]);
  });

  test('a value of the wrong type is a ChurnDataError naming the column', () => {
    expect(() => transformRow(fitted, row('high' as unknown as number, 'Spain', 40))).toThrow(
      new ChurnDataError('Column CreditScore: expected a number or null, got "high"'),
    );
  });
});
