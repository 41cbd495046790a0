import { expect, test } from 'vitest';
import { type ElementType, graph, type TensorValues, tensor } from './index';
import { runModel, Tensor } from './testing/run-model';

/** Each type as a graph input and as a constant, concatenated: both encodings must come back intact. */
const cases: { type: ElementType; input: Tensor; constant: TensorValues; expected: unknown[] }[] = [
  {
    type: 'float',
    input: new Tensor('float32', Float32Array.from([1.5, -2]), [1, 2]),
    constant: [0.25, 3],
    expected: [1.5, -2, 0.25, 3],
  },
  {
    type: 'double',
    input: new Tensor('float64', Float64Array.from([0.1, 1e300]), [1, 2]),
    constant: Float64Array.from([-0.1, 2]),
    expected: [0.1, 1e300, -0.1, 2],
  },
  {
    type: 'int64',
    input: new Tensor('int64', BigInt64Array.from([1n, -(2n ** 62n)]), [1, 2]),
    constant: [2n ** 62n, -5],
    expected: [1n, -(2n ** 62n), 2n ** 62n, -5n],
  },
  {
    type: 'int32',
    input: new Tensor('int32', Int32Array.from([7, -8]), [1, 2]),
    constant: [2147483647, -2147483648],
    expected: [7, -8, 2147483647, -2147483648],
  },
  {
    type: 'uint8',
    input: new Tensor('uint8', Uint8Array.from([0, 255]), [1, 2]),
    constant: Uint8Array.from([7, 128]),
    expected: [0, 255, 7, 128],
  },
  {
    type: 'string',
    input: new Tensor('string', ['a', ''], [1, 2]),
    constant: ['Zürich', 'b'],
    expected: ['a', '', 'Zürich', 'b'],
  },
  {
    type: 'bool',
    input: new Tensor('bool', Uint8Array.from([1, 0]), [1, 2]),
    constant: [false, true],
    expected: [1, 0, 0, 1], // ONNX Runtime hands bools back as a Uint8Array
  },
];

test.each(cases)('$type inputs, constants and outputs', async ({ type, input, constant, expected }) => {
  const g = graph();
  const x = g.input('x', type, ['N', 2]);
  const joined = g.node(
    'Concat',
    [x, g.constant('c', tensor(type, [1, 2], constant))],
    { axis: 0 },
    { outputs: 'y' },
  );
  g.output(joined, type, [null, 2]);
  const { y } = await runModel(g.toModel(), { x: input });
  expect(y).toEqual({ dims: [2, 2], data: expected });
});
