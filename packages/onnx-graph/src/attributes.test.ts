import { expect, test } from 'vitest';
import { type AttributeValue, type ElementType, float, floats, graph, tensor } from './index';
import { runModel } from './testing/run-model';

/** A Constant node turns each kind of attribute into an output we can read back. */
async function constantOf(attribute: string, value: AttributeValue) {
  const g = graph();
  g.output(g.node('Constant', [], { [attribute]: value }, { outputs: 'value' }), constantType[attribute]!);
  const { value: out } = await runModel(g.toModel(), {});
  return out;
}

const constantType: Record<string, ElementType> = {
  value: 'double',
  value_float: 'float',
  value_floats: 'float',
  value_int: 'int64',
  value_ints: 'int64',
  value_string: 'string',
  value_strings: 'string',
};

test('INT, negative INT and INTS', async () => {
  expect(await constantOf('value_int', 7)).toEqual({ dims: [], data: [7n] });
  expect(await constantOf('value_int', -3)).toEqual({ dims: [], data: [-3n] });
  expect(await constantOf('value_ints', [1, -2, 2n ** 40n])).toEqual({
    dims: [3],
    data: [1n, -2n, 2n ** 40n],
  });
});

test('FLOAT and FLOATS, inferred from fractions or forced with float()/floats()', async () => {
  expect(await constantOf('value_float', 0.25)).toEqual({ dims: [], data: [0.25] });
  expect(await constantOf('value_float', float(3))).toEqual({ dims: [], data: [3] });
  expect(await constantOf('value_floats', [0.5, 2])).toEqual({ dims: [2], data: [0.5, 2] });
  expect(await constantOf('value_floats', floats([1, 2]))).toEqual({ dims: [2], data: [1, 2] });
});

test('STRING and STRINGS, UTF-8 included', async () => {
  expect(await constantOf('value_string', 'olé')).toEqual({ dims: [], data: ['olé'] });
  expect(await constantOf('value_strings', ['a', '🔥'])).toEqual({ dims: [2], data: ['a', '🔥'] });
});

test('TENSOR', async () => {
  expect(await constantOf('value', tensor('double', [2, 1], [0.1, -1e300]))).toEqual({
    dims: [2, 1],
    data: [0.1, -1e300],
  });
});
