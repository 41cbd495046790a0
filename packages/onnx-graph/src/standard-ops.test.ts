import { describe, expect, test } from 'vitest';
import { graph, tensor } from './index';
import { floats32, metadataOf, runModel, Tensor } from './testing/run-model';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('standard operators', () => {
  test('MatMul + Add: a linear regression with a symbolic batch dimension', async () => {
    const g = graph('linear');
    const x = g.input('x', 'float', ['N', 3]);
    const product = g.node('MatMul', [x, g.constant('w', tensor('float', [3, 1], [1, 2, 3]))]);
    const y = g.node('Add', [product, g.constant('b', tensor('float', [1], [0.5]))], {}, { outputs: 'y' });
    g.output(y, 'float', ['N', 1]);
    const model = g.toModel({ producer: 'flama' });

    expect(await metadataOf(model)).toEqual({
      inputs: [{ name: 'x', isTensor: true, type: 'float32', shape: ['N', 3] }],
      outputs: [{ name: 'y', isTensor: true, type: 'float32', shape: ['N', 1] }],
    });
    const { y: out } = await runModel(model, { x: floats32([1, 1, 1, 2, 0, 0], [2, 3]) });
    expect(out).toEqual({ dims: [2, 1], data: [6.5, 2.5] });
  });

  test('Gemm (float alpha given as an integer) + Tanh + MatMul + Add + Sigmoid', async () => {
    const g = graph();
    const x = g.input('x', 'float', ['N', 2]);
    const w1 = g.constant('w1', tensor('float', [2, 2], [0.5, 0, 0, -0.25]));
    const hidden = g.node('Gemm', [x, w1, g.constant('b1', tensor('float', [2], [0, 0.5]))], {
      alpha: 2,
      beta: 1,
      transB: 1,
    });
    const logit = g.node('Add', [
      g.node('MatMul', [g.node('Tanh', [hidden]), g.constant('w2', tensor('float', [2, 1], [1, 1]))]),
      g.constant('b2', tensor('float', [1], [0.1])),
    ]);
    g.output(g.node('Sigmoid', [logit], {}, { outputs: 'p' }), 'float', ['N', 1]);

    const { p } = await runModel(g.toModel(), { x: floats32([1, 2], [1, 2]) });
    // x·W1ᵀ = [0.5, -0.5], ×2 = [1, -1], + b1 = [1, -0.5]
    expect(p!.data[0]).toBeCloseTo(sigmoid(Math.tanh(1) + Math.tanh(-0.5) + 0.1), 6);
  });

  test('Softmax and ArgMax with a negative axis', async () => {
    const g = graph();
    const x = g.input('x', 'float', ['N', 3]);
    g.output(g.node('Softmax', [x], { axis: -1 }, { outputs: 'probabilities' }), 'float', ['N', 3]);
    g.output(g.node('ArgMax', [x], { axis: -1, keepdims: 0 }, { outputs: 'label' }), 'int64', ['N']);

    const { probabilities, label } = await runModel(g.toModel(), { x: floats32([1, 2, 3, 3, 1, 0], [2, 3]) });
    const total = Math.E + Math.E ** 2 + Math.E ** 3;
    expect(probabilities!.data[2]).toBeCloseTo(Math.E ** 3 / total, 6);
    expect(label).toEqual({ dims: [2], data: [2n, 0n] });
  });

  test('Slice, Mul, Cast, Identity, Reshape and Concat', async () => {
    const g = graph();
    const x = g.input('x', 'float', ['N', 4]);
    const int64s = (name: string, values: bigint[]) =>
      g.constant(name, tensor('int64', [values.length], values));
    const middle = g.node('Slice', [x, int64s('starts', [1n]), int64s('ends', [3n]), int64s('axes', [1n])]);
    const doubled = g.node('Mul', [middle, g.constant('two', tensor('float', [], [2]))]);
    g.output(g.node('Identity', [g.node('Cast', [doubled], { to: 6 })], {}, { outputs: 'ints' }), 'int32', [
      'N',
      2,
    ]);
    const pairs = g.node('Reshape', [x, int64s('shape', [-1n, 2n])]);
    g.output(g.node('Concat', [pairs, pairs], { axis: 1 }, { outputs: 'wide' }), 'float', [null, 4]);

    const out = await runModel(g.toModel(), { x: floats32([1, 2.5, 3.5, 4, 5, 6, 7, 8], [2, 4]) });
    expect(out.ints).toEqual({ dims: [2, 2], data: [5, 7, 12, 14] });
    expect(out.wide).toEqual({
      dims: [4, 4],
      data: [1, 2.5, 1, 2.5, 3.5, 4, 3.5, 4, 5, 6, 5, 6, 7, 8, 7, 8],
    });
  });

  test('older opsets with a matching IR version', async () => {
    const g = graph();
    g.output(
      g.node('Softmax', [g.input('x', 'float', [1, 2])], { axis: 1 }, { outputs: 'y' }),
      'float',
      [1, 2],
    );
    const { y } = await runModel(g.toModel({ opsets: { '': 13 }, irVersion: 7 }), {
      x: floats32([0, 0], [1, 2]),
    });
    expect(y!.data).toEqual([0.5, 0.5]);
  });

  test('a null dimension is left open', async () => {
    const g = graph();
    g.output(g.node('Identity', [g.input('x', 'bool', [null])], {}, { outputs: 'y' }), 'bool', [null]);
    const { inputs } = await metadataOf(g.toModel());
    expect(inputs[0]).toMatchObject({ shape: [''] }); // onnxruntime-node's spelling of an unknown dimension
    const { y } = await runModel(g.toModel(), { x: new Tensor('bool', Uint8Array.from([1, 0]), [2]) });
    expect(y!.data).toEqual([1, 0]);
  });
});
