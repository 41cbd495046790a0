import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { identity, linearRegressor, matrixClassifier, mixedPipeline, typedColumns } from '../testing/models';
import { OnnxModel } from './onnx-model';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const closeTo = (values: number[]) => values.map((value) => expect.closeTo(value, 5));

describe('a regressor with one 2-D float input', () => {
  let model: OnnxModel;
  beforeAll(async () => {
    model = await OnnxModel.create(linearRegressor(), {
      intraOpNumThreads: 1,
      graphOptimizationLevel: 'all',
    });
  });
  afterAll(() => model.close());

  test('reads its signature from the graph', () => {
    expect(model.signature).toEqual({
      inputs: [{ name: 'x', kind: 'tensor', type: 'float', shape: ['N', 3] }],
      outputs: [{ name: 'variable', kind: 'tensor', type: 'float', shape: ['N', 1] }],
    });
  });

  test('predicts one value per row; null is a missing value (NaN)', async () => {
    expect(
      await model.predict([
        [1, 1, 1],
        [2, 0, 0],
        [0, 0, -1],
      ]),
    ).toEqual([6.5, 2.5, -2.5]);
    expect(await model.predict([[null, 0, 0]])).toEqual([Number.NaN]);
  });

  test('runs named tensors, nested or flat', async () => {
    const nested = await model.run({ x: [[1, 1, 1]] });
    expect(nested).toEqual({ variable: { type: 'float', shape: [1, 1], data: [6.5] } });
    const flat = await model.run({ x: { data: [1, 1, 1, 2, 0, 0], shape: [2, 3] } });
    expect(flat.variable).toEqual({ type: 'float', shape: [2, 1], data: [6.5, 2.5] });
  });
});

describe('a classifier with one 2-D float input', () => {
  test('predicts labels and probabilities', async () => {
    const model = await OnnxModel.create(matrixClassifier(), {
      executionMode: 'sequential',
      interOpNumThreads: 1,
    });
    const rows = [
      [1, 0],
      [0, 2],
    ];
    // z = x·[1, -1] + 0.5 = [1.5, -1.5]
    expect(await model.predict(rows)).toEqual([1, 0]);
    expect(await model.predictProba(rows)).toEqual([
      closeTo([sigmoid(-1.5), sigmoid(1.5)]),
      closeTo([sigmoid(1.5), sigmoid(-1.5)]),
    ]);
    await model.close();
  });
});

describe('a skl2onnx-style mixed-type pipeline (one [N, 1] input per column)', () => {
  let model: OnnxModel;
  beforeAll(async () => {
    model = await OnnxModel.create(mixedPipeline());
  });
  afterAll(() => model.close());

  const rows = [
    [40, 2000, 'Madrid'], // z = 1 + 1 + 1 - 0.5 = 2.5
    [null, null, 'Rome'], // imputed to the means, unknown city: z = -0.5
    [20, 1000, 'Paris'], // z = -1 + 0 - 1 - 0.5 = -2.5
  ];

  test('names the columns after the inputs', () => {
    expect(model.signature.columns).toEqual(['age', 'income', 'city']);
    expect(model.signature.inputs[1]).toEqual({
      name: 'income',
      kind: 'tensor',
      type: 'double',
      shape: [null, 1],
    });
  });

  test('predicts labels and probabilities', async () => {
    expect(await model.predict(rows)).toEqual([1, 0, 0]);
    expect(await model.predictProba(rows)).toEqual([
      closeTo([sigmoid(-2.5), sigmoid(2.5)]),
      closeTo([sigmoid(0.5), sigmoid(-0.5)]),
      closeTo([sigmoid(2.5), sigmoid(-2.5)]),
    ]);
  });

  test('takes a null string as the empty string (an unknown category)', async () => {
    expect(await model.predictProba([[30, 1000, null]])).toEqual([closeTo([sigmoid(0.5), sigmoid(-0.5)])]);
  });

  test('runs every output', async () => {
    const outputs = await model.run({ age: [[40]], income: [[2000]], city: [['Madrid']] });
    expect(outputs.output_label).toEqual({ type: 'int64', shape: [1], data: [1] });
    expect(outputs.output_probability?.shape).toEqual([1, 2]);
  });
});

describe('int64, int32 and bool columns', () => {
  test('take integers, and true/false/0/1 for bools', async () => {
    const model = await OnnxModel.create(typedColumns());
    expect(model.signature.columns).toEqual(['count', 'score', 'member']);
    expect(
      await model.predict([
        [2, 3, true],
        [5, -1, 0],
        [2n, 0, 1],
      ]),
    ).toEqual([132, -5, 102]);
    await model.close();
  });
});

describe('run() element types', () => {
  test.each([
    ['double', [[0.1, null]], [0.1, Number.NaN]],
    ['int64', [[1, 2n ** 60n]], [1, '1152921504606846976']],
    ['int32', [[-7, 7]], [-7, 7]],
    ['uint8', [[0, 255]], [0, 255]],
    ['string', [['a', null]], ['a', '']],
    ['bool', [[true, 0]], [true, false]],
  ] as const)('%s', async (type, input, data) => {
    const model = await OnnxModel.create(identity(type, ['N', 2]));
    expect(await model.run({ x: input })).toEqual({ y: { type, shape: [1, 2], data } });
    await model.close();
  });

  test('an int64 output past 2^53 comes back as a decimal string', async () => {
    const model = await OnnxModel.create(identity('int64', ['N', 1]));
    expect(await model.predict([[-(2n ** 63n)], [42]])).toEqual(['-9223372036854775808', 42]);
    await model.close();
  });
});
