import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { identity, linearRegressor, mixedPipeline, pairs, typedColumns } from '../testing/models';
import {
  BatchTooLargeError,
  ModelInputError,
  type ModelInputErrorReason,
  ModelLoadError,
  UnsupportedModelError,
} from './errors';
import { type OnnxModel as Model, OnnxModel } from './onnx-model';

type Rows = Parameters<Model['predict']>[0];

async function inputError(promise: Promise<unknown>, reason: ModelInputErrorReason): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ModelInputError);
  expect((error as ModelInputError).reason).toBe(reason);
  return (error as ModelInputError).message;
}

describe('bad rows for a model with one [N, 1] input per column', () => {
  let model: OnnxModel;
  beforeAll(async () => {
    model = await OnnxModel.create(mixedPipeline(), { maxRows: 2 });
  });
  afterAll(() => model.close());

  test('an empty batch, and something that is not rows', async () => {
    expect(await inputError(model.predict([]), 'empty-batch')).toBe('The input has no rows');
    expect(await inputError(model.predict({} as unknown as Rows), 'not-rows')).toBe(
      'The input must be an array of rows',
    );
    expect(await inputError(model.predict([5] as unknown as Rows), 'not-rows')).toBe(
      'Row 0 is number 5, not an array of values',
    );
  });

  test('the wrong number of columns names them', async () => {
    expect(await inputError(model.predict([[40, 2000, 'Madrid', 1]]), 'column-count')).toBe(
      'Row 0 has 4 values; the model takes 3 columns (age, income, city)',
    );
  });

  test('a value of the wrong type names the row, the column and the type; numbers in strings are refused', async () => {
    expect(
      await inputError(
        model.predict([
          [40, 2000, 'Madrid'],
          ['40', 2000, 'Madrid'],
        ]),
        'wrong-type',
      ),
    ).toBe(`Row 1, column 'age': expected a number or null (float), got string "40"`);
    expect(await inputError(model.predict([[40, true, 'Madrid']]), 'wrong-type')).toBe(
      "Row 0, column 'income': expected a number or null (double), got boolean true",
    );
    expect(await inputError(model.predict([[40, 2000, 7]]), 'wrong-type')).toBe(
      "Row 0, column 'city': expected a string or null (string), got number 7",
    );
  });

  test('more rows than maxRows is its own error', async () => {
    const rows: Rows = [
      [1, 1, 'a'],
      [1, 1, 'a'],
      [1, 1, 'a'],
    ];
    await expect(model.predict(rows)).rejects.toThrow(new BatchTooLargeError(3, 2));
    await expect(
      model.run({ age: [[1], [1], [1]], income: [[1], [1], [1]], city: [['a'], ['a'], ['a']] }),
    ).rejects.toThrow('The batch has 3 rows; this model takes at most 2 per call');
  });
});

describe('bad values for int64, int32 and bool columns', () => {
  test.each([
    [[1.5, 0, true], "Row 0, column 'count': expected an integer (int64), got number 1.5"],
    [[null, 0, true], "Row 0, column 'count': expected an integer (int64), got null"],
    [
      [1, 2 ** 31, true],
      "Row 0, column 'score': expected an integer from -2147483648 to 2147483647 (int32), got number 2147483648",
    ],
    [[1, 0, 2], "Row 0, column 'member': expected true, false, 0 or 1 (bool), got number 2"],
    [[1, 0, 'true'], `Row 0, column 'member': expected true, false, 0 or 1 (bool), got string "true"`],
  ] as const)('%j', async (row, message) => {
    const model = await OnnxModel.create(typedColumns());
    expect(await inputError(model.predict([row]), 'wrong-type')).toBe(message);
    await model.close();
  });
});

describe('bad rows for a model with one 2-D input', () => {
  test('wrong width with a fixed number of columns, ragged rows with a free one', async () => {
    const fixed = await OnnxModel.create(linearRegressor());
    expect(
      await inputError(
        fixed.predict([
          [1, 2, 3],
          [1, 2],
        ]),
        'column-count',
      ),
    ).toBe('Row 1 has 2 values; the model takes 3 columns');
    expect(await inputError(fixed.predict([[1, 2, 'x']]), 'wrong-type')).toBe(
      `Row 0, column 2 of input 'x': expected a number or null (float), got string "x"`,
    );
    const free = await OnnxModel.create(identity('float', ['N', 'C']));
    expect(await free.predict([[1, 2]])).toEqual([[1, 2]]);
    expect(
      await inputError(
        free.predict([
          [1, 2],
          [1, 2, 3],
        ]),
        'ragged',
      ),
    ).toBe('Row 1 has 3 values and row 0 has 2');
    await Promise.all([fixed.close(), free.close()]);
  });

  test('a shape the model rejects while running', async () => {
    const model = await OnnxModel.create(pairs());
    expect(await model.run({ x: [[1, 2, 3, 4]] })).toEqual({
      y: { type: 'float', shape: [2, 2], data: [1, 2, 3, 4] },
    });
    expect(await inputError(model.predict([[1, 2, 3]]), 'rejected')).toMatch(
      /^The model rejected the input: .*Reshape/,
    );
    await model.close();
  });
});

describe('bad named tensors for run()', () => {
  let model: OnnxModel;
  beforeAll(async () => {
    model = await OnnxModel.create(linearRegressor(), { maxRows: 10 });
  });
  afterAll(() => model.close());

  test('unknown and missing inputs', async () => {
    expect(await inputError(model.run({ x: [[1, 2, 3]], y: [[1]] }), 'unknown-input')).toBe(
      "Unknown input 'y'; the model takes x",
    );
    expect(await inputError(model.run({}), 'missing-input')).toBe("Missing input 'x'");
  });

  test('shapes that do not fit the model, or their data', async () => {
    expect(await inputError(model.run({ x: [[1, 2]] }), 'shape')).toBe(
      "Input 'x' has shape [1, 2]; the model expects [N, 3]",
    );
    expect(await inputError(model.run({ x: [1, 2, 3] }), 'shape')).toBe(
      "Input 'x' has shape [3]; the model expects [N, 3]",
    );
    expect(await inputError(model.run({ x: { data: [1, 2], shape: [1, 3] } }), 'shape')).toBe(
      "Input 'x': shape [1, 3] needs a data array of 3 values",
    );
    expect(await inputError(model.run({ x: { data: [], shape: [-1, 3] } }), 'shape')).toBe(
      "Input 'x': shape must be an array of non-negative integers",
    );
    expect(await inputError(model.run({ x: { data: [], shape: [0, 3] } }), 'empty-batch')).toBe(
      "Input 'x' is an empty batch",
    );
    await expect(model.run({ x: { data: new Array(33).fill(0), shape: [11, 3] } })).rejects.toThrow(
      BatchTooLargeError,
    );
  });

  test('ragged nested arrays and values of the wrong type, with their position', async () => {
    expect(
      await inputError(
        model.run({
          x: [
            [1, 2, 3],
            [1, 2],
          ],
        }),
        'ragged',
      ),
    ).toBe("Input 'x' at [1] should be an array of 3 items: nested arrays must be rectangular");
    expect(await inputError(model.run({ x: [[1, 2, [3]]] }), 'ragged')).toBe(
      "Input 'x' at [0, 2] is an array where a value was expected: nested arrays must be rectangular",
    );
    expect(
      await inputError(
        model.run({
          x: [
            [1, 2, 3],
            [4, '5', 6],
          ],
        }),
        'wrong-type',
      ),
    ).toBe(`Input 'x' at [1, 1]: expected a number or null (float), got string "5"`);
    expect(
      await inputError(model.run({ x: { data: [1, 2, 3, 4, 5, {}], shape: [2, 3] } }), 'wrong-type'),
    ).toBe("Input 'x' at [1, 2]: expected a number or null (float), got an object");
  });
});

describe('models that rows or probabilities do not fit', () => {
  test('a ZipMap output: the signature says it is not a tensor, predict works, predictProba explains what to do', async () => {
    const model = await OnnxModel.create(mixedPipeline({ zipmap: true }));
    expect(model.signature.outputs).toEqual([
      { name: 'output_label', kind: 'tensor', type: 'int64', shape: [null] },
      { name: 'output_probability', kind: 'non-tensor' },
    ]);
    expect(await model.predict([[40, 2000, 'Madrid']])).toEqual([1]);
    await expect(model.predictProba([[40, 2000, 'Madrid']])).rejects.toThrow(UnsupportedModelError);
    await expect(model.predictProba([[40, 2000, 'Madrid']])).rejects.toThrow(
      /sequence of maps \(skl2onnx's ZipMap\).*options=\{id\(model\): \{'zipmap': False\}\}/,
    );
    expect(Object.keys(await model.run({ age: [[1]], income: [[1]], city: [['a']] }))).toEqual([
      'output_label',
    ]);
    await model.close();
  });

  test('a regressor has no probabilities', async () => {
    const model = await OnnxModel.create(linearRegressor());
    await expect(model.predictProba([[1, 2, 3]])).rejects.toThrow(
      'The model has no probability output (one named probabilities or output_probability); it has variable',
    );
    await model.close();
  });

  test('a model whose input is not a table', async () => {
    const model = await OnnxModel.create(identity('float', ['N', 2, 2]));
    await expect(model.predict([[1, 2, 3, 4]])).rejects.toThrow(
      new UnsupportedModelError(
        'rows fit a model with one 2-D input [N, C] or one [N, 1] input per column, and this one takes x [N, 2, 2]: call run() with named tensors',
      ),
    );
    expect(
      (
        await model.run({
          x: [
            [
              [1, 2],
              [3, 4],
            ],
          ],
        })
      ).y?.shape,
    ).toEqual([1, 2, 2]);
    await model.close();
  });

  test('bytes that are not a model', async () => {
    await expect(OnnxModel.create(new TextEncoder().encode('not a model'))).rejects.toThrow(ModelLoadError);
  });
});
