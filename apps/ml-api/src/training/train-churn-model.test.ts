import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OnnxModel } from '@flama/ml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChurnRow } from './churn-columns';
import { readChurnCsv } from './churn-csv';
import { churnProbabilities } from './churn-pipeline';
import { ChurnDataError } from './errors';
import { servingTolerance } from './serving-check';
import { syntheticChurnData } from './synthetic-churn';
import { type TrainedChurnModel, trainChurnModel } from './train-churn-model';

const churnFolder = fileURLToPath(new URL('../../../../../shared/data/churn/', import.meta.url));
const churnCsv = `${churnFolder}churn.csv`;
const timeout = 30_000;

if (!existsSync(churnCsv))
  console.warn(`Skipping the tests on the tutorial's churn data: ${churnCsv} is absent`);

describe('trainChurnModel on synthetic data', () => {
  const data = syntheticChurnData({ rows: 600, seed: 11 });

  test('is deterministic for a seed: same model bytes, same metrics', { timeout }, async () => {
    const [first, second, other] = await Promise.all([
      trainChurnModel({ ...data, seed: 3 }),
      trainChurnModel({ ...data, seed: 3 }),
      trainChurnModel({ ...data, seed: 4 }),
    ]);
    expect(second.onnx).toEqual(first.onnx);
    expect(second.metrics).toEqual(first.metrics);
    expect(second.params).toEqual(first.params);
    expect(other.onnx).not.toEqual(first.onnx); // another split, another model
  });

  test('the synthetic data itself is deterministic for a seed', () => {
    expect(syntheticChurnData({ rows: 600, seed: 11 })).toEqual(data);
    expect(syntheticChurnData({ rows: 600, seed: 12 })).not.toEqual(data);
  });

  test('refuses rows without labels, rows of the wrong width and a single class', async () => {
    await expect(trainChurnModel({ rows: data.rows, labels: data.labels.slice(1), seed: 1 })).rejects.toThrow(
      ChurnDataError,
    );
    await expect(trainChurnModel({ rows: [[1, 2, 3]], labels: [1], seed: 1 })).rejects.toThrow(
      'Row 0 has 3 values; expected 13',
    );
    await expect(
      trainChurnModel({ rows: data.rows, labels: data.labels.map(() => 0), seed: 1 }),
    ).rejects.toThrow('The labels hold one class only');
  });
});

describe.skipIf(!existsSync(churnCsv))(
  `trainChurnModel on the tutorial's churn data (needs ${churnCsv})`,
  () => {
    let trained: TrainedChurnModel;
    let model: OnnxModel;

    beforeAll(async () => {
      trained = await trainChurnModel({ ...readChurnCsv(readFileSync(churnCsv, 'utf8')), seed: 42 });
      model = await OnnxModel.create(trained.onnx);
    }, timeout);
    afterAll(() => model?.close());

    test('reaches a ROC AUC of 0.75 on the held-out 20%', () => {
      expect(trained.heldOut.rows).toHaveLength(2000);
      expect(trained.metrics.roc_auc).toBeGreaterThanOrEqual(0.75);
      expect(trained.servingMetrics.roc_auc).toBeCloseTo(trained.metrics.roc_auc, 4);
      expect(trained.servingMetrics.accuracy).toBeCloseTo(trained.metrics.accuracy, 3);
      expect(trained.servingMetrics.f1).toBeCloseTo(trained.metrics.f1, 3);
    });

    test('the ONNX model gives the trainer’s probabilities and labels on every held-out row', async () => {
      const { rows } = trained.heldOut;
      const expected = churnProbabilities(trained.pipeline, rows);
      const served = await model.predictProba(rows);
      const labels = await model.predict(rows);
      served.forEach(([stay, leave], i) => {
        expect(Math.abs(leave! - expected[i]!)).toBeLessThanOrEqual(servingTolerance);
        expect(stay! + leave!).toBeCloseTo(1, 6);
      });
      expect(labels).toEqual(served.map(([, leave]) => (leave! > 0.5 ? 1 : 0)));
    });

    test('takes one [N, 1] input per CSV column, in CSV order', () => {
      expect(model.signature.columns).toEqual(trained.columns);
      expect(model.signature.inputs.map((input) => input.kind === 'tensor' && input.type)).toEqual(
        trained.columns.map((name) =>
          ['Surname', 'Geography', 'Gender'].includes(name) ? 'string' : 'float',
        ),
      );
    });

    test('predicts the tutorial’s one-row input', async () => {
      const input = JSON.parse(readFileSync(`${churnFolder}input.json`, 'utf8')) as ChurnRow[];
      const [[stay, leave]] = (await model.predictProba(input)) as [[number, number]];
      expect(leave).toBeGreaterThanOrEqual(0);
      expect(leave).toBeLessThanOrEqual(1);
      expect(stay + leave).toBeCloseTo(1, 6);
    });

    test('imputes missing numbers with the training means', async () => {
      const row = trained.heldOut.rows[0]!;
      const { numeric } = trained.pipeline.preprocessing;
      const missing = row.map((value, i) => (numeric.some(({ index }) => index === i) ? null : value));
      const atMeans = row.map((value, i) => numeric.find(({ index }) => index === i)?.mean ?? value);
      const [[, served]] = (await model.predictProba([missing])) as [[number, number]];
      const [expected] = churnProbabilities(trained.pipeline, [atMeans]);
      expect(Math.abs(served - expected!)).toBeLessThanOrEqual(servingTolerance);
      expect(churnProbabilities(trained.pipeline, [missing])).toEqual([expected]);
    });
  },
);
