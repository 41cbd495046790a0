import { describe, expect, test } from 'vitest';
import { graph, mapType, sequenceType, tensor, tensorType } from './index';
import { floats32, metadataOf, runModel, Tensor } from './testing/run-model';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const strings = (values: string[]) => new Tensor('string', values, [values.length, 1]);
const int64s = (values: bigint[]) => new Tensor('int64', BigInt64Array.from(values), [values.length, 1]);

describe('ONNX-ML operators (domain ai.onnx.ml picked automatically)', () => {
  test('Imputer then Scaler, with integral offsets and scales written as floats', async () => {
    const g = graph();
    const x = g.input('x', 'float', ['N', 2]);
    const imputed = g.node('Imputer', [x], {
      imputed_value_floats: [30, 1000],
      replaced_value_float: Number.NaN,
    });
    g.output(g.node('Scaler', [imputed], { offset: [30, 1000], scale: [1, 2] }, { outputs: 'y' }), 'float', [
      'N',
      2,
    ]);

    const { y } = await runModel(g.toModel(), { x: floats32([40, Number.NaN, Number.NaN, 1500], [2, 2]) });
    expect(y!.data).toEqual([10, 0, 0, 1000]);
  });

  test('Imputer on int64 values', async () => {
    const g = graph();
    const x = g.input('x', 'int64', ['N', 1]);
    g.output(
      g.node('Imputer', [x], { imputed_value_int64s: [0], replaced_value_int64: -1 }, { outputs: 'y' }),
      'int64',
    );
    const { y } = await runModel(g.toModel(), { x: int64s([-1n, 5n]) });
    expect(y!.data).toEqual([0n, 5n]);
  });

  test('OneHotEncoder with string and int64 categories; unknown categories are all zeros', async () => {
    const g = graph();
    const city = g.input('city', 'string', ['N', 1]);
    const count = g.input('count', 'int64', ['N', 1]);
    const cities = g.node(
      'OneHotEncoder',
      [city],
      { cats_strings: ['Paris', 'Madrid', 'Rome'], zeros: 1 },
      { outputs: 'cities' },
    );
    const counts = g.node('OneHotEncoder', [count], { cats_int64s: [1, 2], zeros: 1 }, { outputs: 'counts' });
    g.output(cities, 'float', ['N', 1, 3]);
    g.output(counts, 'float', ['N', 1, 2]);

    const out = await runModel(g.toModel(), { city: strings(['Rome', 'Oslo']), count: int64s([2n, 3n]) });
    expect(out.cities).toEqual({ dims: [2, 1, 3], data: [0, 0, 1, 0, 0, 0] });
    expect(out.counts).toEqual({ dims: [2, 1, 2], data: [0, 1, 0, 0] });
  });

  test('LinearClassifier, binary with LOGISTIC as skl2onnx writes it (one row per class: -w, w)', async () => {
    const g = graph();
    const x = g.input('x', 'float', ['N', 2]);
    const [label, probabilities] = g.node(
      'LinearClassifier',
      [x],
      {
        coefficients: [-1, 1, 1, -1],
        intercepts: [-0.5, 0.5],
        classlabels_ints: [0, 1],
        post_transform: 'LOGISTIC',
      },
      { outputs: ['label', 'probabilities'] },
    );
    g.output(label, 'int64', ['N']);
    g.output(probabilities, 'float', ['N', 2]);

    const out = await runModel(g.toModel(), { x: floats32([1, 0, 0, 2], [2, 2]) });
    // z = x·[1, -1] + 0.5 = [1.5, -1.5]
    expect(out.label).toEqual({ dims: [2], data: [1n, 0n] });
    const expected = [sigmoid(-1.5), sigmoid(1.5), sigmoid(1.5), sigmoid(-1.5)];
    out.probabilities!.data.forEach((p, i) => {
      expect(p).toBeCloseTo(expected[i]!, 6);
    });
  });

  test('LinearClassifier with three string labels and SOFTMAX', async () => {
    const g = graph();
    const x = g.input('x', 'double', ['N', 2]);
    const [label, scores] = g.node(
      'LinearClassifier',
      [x],
      {
        coefficients: [1, 0, 0, 1, -1, -1],
        intercepts: [0, 0, 1],
        classlabels_strings: ['cat', 'dog', 'fish'],
        post_transform: 'SOFTMAX',
      },
      { outputs: ['label', 'probabilities'] },
    );
    g.output(label, 'string', ['N']);
    g.output(scores, 'float', ['N', 3]);

    const out = await runModel(g.toModel(), { x: new Tensor('float64', Float64Array.from([2, 1]), [1, 2]) });
    // scores = [2, 1, -2]
    const total = Math.exp(2) + Math.exp(1) + Math.exp(-2);
    expect(out.label!.data).toEqual(['cat']);
    expect(out.probabilities!.data[1]).toBeCloseTo(Math.exp(1) / total, 6);
  });

  test('a ZipMap output typed sequence<map<int64, float>>', async () => {
    const g = graph();
    const x = g.input('x', 'float', ['N', 1]);
    const [label, probabilities] = g.node(
      'LinearClassifier',
      [x],
      { coefficients: [-1, 1], intercepts: [0, 0], classlabels_ints: [0, 1], post_transform: 'LOGISTIC' },
      { outputs: ['output_label', 'probabilities'] },
    );
    const zipped = g.node(
      'ZipMap',
      [probabilities],
      { classlabels_int64s: [0, 1] },
      { outputs: 'output_probability' },
    );
    g.output(label, 'int64', ['N']);
    g.output(zipped, sequenceType(mapType('int64', tensorType('float'))));
    const model = g.toModel();

    expect((await metadataOf(model)).outputs[1]).toEqual({ name: 'output_probability', isTensor: false });
    const { output_label } = await runModel(model, { x: floats32([3], [1, 1]) }, ['output_label']);
    expect(output_label!.data).toEqual([1n]);
  });

  test('Concat of per-column [N, 1] inputs, as skl2onnx lays out a mixed-type pipeline', async () => {
    const g = graph();
    const age = g.input('age', 'float', ['N', 1]);
    const city = g.input('city', 'string', ['N', 1]);
    const encoded = g.node('OneHotEncoder', [city], { cats_strings: ['Paris', 'Madrid'] });
    const flat = g.node('Reshape', [encoded, g.constant('shape', tensor('int64', [2], [-1n, 2n]))]);
    g.output(g.node('Concat', [age, flat], { axis: 1 }, { outputs: 'features' }), 'float', ['N', 3]);

    const { features } = await runModel(g.toModel(), {
      age: floats32([7], [1, 1]),
      city: strings(['Madrid']),
    });
    expect(features).toEqual({ dims: [1, 3], data: [7, 0, 1] });
  });
});
